"""Is this event mention the same real-world event as that one? Pair features, a
logistic model over them, and average-linkage clustering of the probabilities.

The same code scores ECB+ and merges events in the knowledge base, so the figure in
docs/accuracy.md measures what the KB does. The weights ship as JSON
(``data/event_pair_weights.json``), fitted on ECB+ topics 1-35 by
``python -m sitrep.kb.ecb train``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

FEATURES = (
    "same_lemma", "trigger_cos", "sentence_cos", "doc_cos", "arg_overlap", "time_overlap",
    "same_doc", "same_sentence", "lemma_x_sentence", "trigger_x_doc", "type_clash",
    "context_cos", "context_x_doc",
)
WEIGHTS_FILE = "event_pair_weights.json"


@dataclass(slots=True)
class MentionRep:
    """What the pair model sees of one event mention."""

    doc: str
    sentence: int
    lemma: str
    trigger_vec: np.ndarray
    sentence_vec: np.ndarray
    doc_vec: np.ndarray
    context_vec: np.ndarray  # the trigger's vector in its sentence
    args: frozenset[str] = field(default_factory=frozenset)
    times: frozenset[str] = field(default_factory=frozenset)
    type: str | None = None  # the event type when known (KB), None on ECB+


def _jaccard(a_sets: list[frozenset[str]], b_sets: list[frozenset[str]]) -> np.ndarray:
    out = np.zeros((len(a_sets), len(b_sets)), dtype=np.float32)
    for i, a in enumerate(a_sets):
        if not a:
            continue
        for j, b in enumerate(b_sets):
            if b:
                out[i, j] = len(a & b) / len(a | b)
    return out


def _equal(a: list[object], b: list[object]) -> np.ndarray:
    return (np.array(a, dtype=object)[:, None] == np.array(b, dtype=object)[None, :]).astype(np.float32)


def _stack(reps: list[MentionRep], name: str) -> np.ndarray:
    return np.stack([getattr(r, name) for r in reps])


def pair_features_ab(a: list[MentionRep], b: list[MentionRep]) -> np.ndarray:
    """An (len(a), len(b), len(FEATURES)) array of pair features."""
    same_lemma = _equal([r.lemma for r in a], [r.lemma for r in b])
    sims = {name: _stack(a, name) @ _stack(b, name).T
            for name in ("trigger_vec", "sentence_vec", "doc_vec", "context_vec")}
    clash = np.array([[float(x.type is not None and y.type is not None and x.type != y.type) for y in b]
                      for x in a], dtype=np.float32)
    doc = sims["doc_vec"]
    feats = [
        same_lemma, sims["trigger_vec"], sims["sentence_vec"], doc,
        _jaccard([r.args for r in a], [r.args for r in b]),
        _jaccard([r.times for r in a], [r.times for r in b]),
        _equal([r.doc for r in a], [r.doc for r in b]),
        _equal([f"{r.doc}#{r.sentence}" for r in a], [f"{r.doc}#{r.sentence}" for r in b]),
        same_lemma * sims["sentence_vec"], sims["trigger_vec"] * doc, clash,
        sims["context_vec"], sims["context_vec"] * doc,
    ]
    return np.stack(feats, axis=-1).astype(np.float32)


def pair_features(reps: list[MentionRep]) -> np.ndarray:
    """An (n, n, len(FEATURES)) array of pair features."""
    return pair_features_ab(reps, reps)


@dataclass(frozen=True, slots=True)
class PairModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float  # merge while the average-linkage probability stays above this

    def probabilities(self, reps: list[MentionRep]) -> np.ndarray:
        if not reps:
            return np.zeros((0, 0), dtype=np.float32)
        z = pair_features(reps) @ np.asarray(self.weights, dtype=np.float32) + self.bias
        prob = 1.0 / (1.0 + np.exp(-z))
        np.fill_diagonal(prob, 1.0)
        return prob

    def probabilities_ab(self, a: list[MentionRep], b: list[MentionRep]) -> np.ndarray:
        z = pair_features_ab(a, b) @ np.asarray(self.weights, dtype=np.float32) + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def cluster(self, reps: list[MentionRep]) -> list[int]:
        """A cluster number per mention (numbers are local to this call)."""
        return cluster_probabilities(self.probabilities(reps), self.threshold)


def cluster_probabilities(prob: np.ndarray, threshold: float) -> list[int]:
    n = prob.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [1]
    dist = np.clip(1.0 - (prob + prob.T) / 2, 0.0, 1.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return [int(c) for c in fcluster(tree, t=1.0 - threshold, criterion="distance")]


@lru_cache(maxsize=1)
def load_pair_model() -> PairModel:
    """The shipped weights (fitted on ECB+ topics 1-35)."""
    text = resources.files("sitrep.kb").joinpath("data", WEIGHTS_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE}: features {data['features']} differ from {FEATURES}; "
                         "refit with `python -m sitrep.kb.ecb train`")
    return PairModel(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))
