"""ECB+ reader checks. The coreference floors (topics 36-45, gold event mentions:
MUC 0.803, B3 0.794, CEAF-e 0.738, CoNLL 0.778 measured) are in tests/eval_gate/baseline.yaml.
"""

from __future__ import annotations

from tests.conftest import EVAL, require

ECB = EVAL / "ecbplus"


def test_reader_keeps_only_selected_sentences_and_links_clusters() -> None:
    require((ECB / "ECB+.tar.gz").is_file(), f"ECB+ at {ECB}")
    from sitrep.kb.ecb.reader import iter_corpus

    docs = list(iter_corpus(ECB, (1,)))
    mentions = [m for _, ms in docs for m in ms]
    assert len(docs) == len({d.name for d, _ in docs}) > 10
    cross = {m.gold for m in mentions if m.gold.startswith("X:")}
    docs_per_cluster = {g: {m.doc for m in mentions if m.gold == g} for g in cross}
    assert any(len(v) > 1 for v in docs_per_cluster.values())  # clusters span documents
