"""ECB+ cross-document event coreference: reader, scorer and evaluation command.

``python -m sitrep.kb.ecb eval`` prints MUC, B3, CEAF-e and CoNLL F1 on the test
topics (36-45) with gold event mentions, singletons kept, predicted document clusters.
``python -m sitrep.kb.ecb train`` refits the pair weights on topics 1-35 and writes
them to ``sitrep/kb/data/event_pair_weights.json``.
"""
