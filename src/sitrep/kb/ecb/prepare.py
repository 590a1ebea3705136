"""Turn ECB+ documents into pair-model inputs: lemmas and arguments from spaCy,
trigger / sentence / document embeddings from MiniLM, and predicted document clusters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.feature_extraction.text import TfidfVectorizer

from sitrep.kb.ecb.reader import EcbDoc, EcbMention
from sitrep.kb.embed import contextual_vectors, embed
from sitrep.kb.eventpairs import MentionRep
from sitrep.nlp.loader import load_nlp

ARG_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Ward-linkage distance under which TF-IDF document vectors share a cluster; chosen on
# topics 1-35 (CoNLL F1 of documents against the gold sub-topics: 0.92 at 1.8 on both the
# training and the dev topics, falling off below 1.7)
DOC_CLUSTER_DISTANCE = 1.8


@dataclass(slots=True)
class Prepared:
    mentions: list[EcbMention]
    reps: list[MentionRep]
    doc_cluster: dict[str, int]  # doc name -> predicted document cluster


def cluster_documents(docs: list[EcbDoc], distance: float = DOC_CLUSTER_DISTANCE) -> dict[str, int]:
    """Group documents about the same story: TF-IDF vectors, Ward linkage."""
    if len(docs) < 2:
        return {d.name: 1 for d in docs}
    tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    mat = tfidf.fit_transform([d.text() for d in docs]).toarray()
    labels = fcluster(linkage(mat, method="ward"), t=distance, criterion="distance")
    return {d.name: int(c) for d, c in zip(docs, labels, strict=True)}


def _sentence_info(doc: EcbDoc, sent: int) -> tuple[list[str], frozenset[str], frozenset[str]]:
    from spacy.tokens import Doc

    nlp = load_nlp()
    words = [w or "_" for w in doc.sentences[sent].tokens]
    parsed = nlp(Doc(nlp.vocab, words=words))
    lemmas = [t.lemma_.lower() for t in parsed]
    args = frozenset(e.text.lower() for e in parsed.ents if e.label_ in ARG_LABELS)
    times = frozenset(e.text.lower() for e in parsed.ents if e.label_ in TIME_LABELS)
    return lemmas, args, times


def _head_lemma(lemmas: list[str], ids: list[int], tokens: list[str]) -> str:
    # multi-word triggers ("took over", "set fire"): the longest word stands for the whole
    best = max(ids, key=lambda i: len(tokens[i]))
    return lemmas[best]


def prepare(corpus: Iterable[tuple[EcbDoc, list[EcbMention]]]) -> Prepared:
    docs: list[EcbDoc] = []
    mentions: list[EcbMention] = []
    for doc, ms in corpus:
        docs.append(doc)
        mentions.extend(ms)
    doc_vecs = _doc_vectors(docs)
    info = {(m.doc, m.sentence): None for m in mentions}
    by_name = {d.name: d for d in docs}
    sent_info = {key: _sentence_info(by_name[key[0]], key[1]) for key in info}
    sent_keys = list(sent_info)
    sent_vecs = dict(zip(sent_keys, embed([by_name[d].sentences[s].text for d, s in sent_keys]), strict=True))
    trig_vecs = embed([m.text for m in mentions])
    ctx_vecs = contextual_vectors([by_name[m.doc].sentences[m.sentence].tokens for m in mentions],
                                  [m.token_ids for m in mentions])
    reps = []
    for m, tv, cv in zip(mentions, trig_vecs, ctx_vecs, strict=True):
        lemmas, args, times = sent_info[(m.doc, m.sentence)]
        reps.append(MentionRep(
            doc=m.doc, sentence=m.sentence,
            lemma=_head_lemma(lemmas, m.token_ids, by_name[m.doc].sentences[m.sentence].tokens),
            trigger_vec=tv, sentence_vec=sent_vecs[(m.doc, m.sentence)], doc_vec=doc_vecs[m.doc],
            context_vec=cv,
            args=args, times=times,
        ))
    return Prepared(mentions, reps, cluster_documents(docs))


def _doc_vectors(docs: list[EcbDoc], first: int = 6) -> dict[str, np.ndarray]:
    """A document's vector: the normalized mean of its first sentences' embeddings."""
    texts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    for d in docs:
        sents = [s.text for _, s in sorted(d.sentences.items())][:first]
        spans.append((d.name, len(texts), len(texts) + len(sents)))
        texts.extend(sents)
    vecs = embed(texts)
    out: dict[str, np.ndarray] = {}
    for name, a, b in spans:
        vec = vecs[a:b].mean(axis=0)
        out[name] = vec / (np.linalg.norm(vec) or 1.0)
    return out
