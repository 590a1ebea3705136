"""Coreference metrics: MUC, B-cubed, CEAF-e and CoNLL F1 (their mean).

Clusterings are maps mention -> cluster label over the same mention set; singletons
count (the ECB+ setting of the published systems). Formulas as in the CoNLL-2012
reference scorer (Pradhan et al. 2014).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = list[set[Hashable]]


@dataclass(frozen=True, slots=True)
class PRF:
    p: float
    r: float

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def clusters_of(labels: Mapping[Any, Hashable]) -> Clusters:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in labels.items():
        groups[label].add(mention)
    return list(groups.values())


def _muc_recall(key: Clusters, response: Clusters) -> float:
    where = {m: i for i, c in enumerate(response) for m in c}
    num = den = 0
    for cluster in key:
        parts = {where.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num / den if den else 0.0


def muc(key: Clusters, response: Clusters) -> PRF:
    return PRF(_muc_recall(response, key), _muc_recall(key, response))


def _b3_recall(key: Clusters, response: Clusters) -> float:
    where = {m: i for i, c in enumerate(response) for m in c}
    total = sum(len(c) for c in key)
    score = 0.0
    for cluster in key:
        overlap: dict[int, int] = defaultdict(int)
        for m in cluster:
            if m in where:
                overlap[where[m]] += 1
        score += sum(n * n for n in overlap.values()) / len(cluster)
    return score / total if total else 0.0


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    return PRF(_b3_recall(response, key), _b3_recall(key, response))


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    if not key or not response:
        return PRF(0.0, 0.0)
    sim = np.zeros((len(key), len(response)))
    where = {m: j for j, c in enumerate(response) for m in c}
    for i, cluster in enumerate(key):
        for m in cluster:
            j = where.get(m)
            if j is not None:
                sim[i, j] += 1
        sim[i] = 2 * sim[i] / (len(cluster) + np.array([len(c) for c in response]))
    rows, cols = linear_sum_assignment(-sim)
    best = float(sim[rows, cols].sum())
    return PRF(best / len(response), best / len(key))


def conll_scores(
    gold: Mapping[Any, Hashable], pred: Mapping[Any, Hashable]
) -> dict[str, PRF | float]:
    """MUC, B3, CEAF-e (as PRF) and CoNLL F1 for two labelings of one mention set."""
    key, response = clusters_of(gold), clusters_of(pred)
    scores: dict[str, PRF | float] = {
        "MUC": muc(key, response), "B3": b_cubed(key, response), "CEAF-e": ceaf_e(key, response),
    }
    scores["CoNLL"] = sum(s.f1 for s in scores.values() if isinstance(s, PRF)) / 3
    return scores
