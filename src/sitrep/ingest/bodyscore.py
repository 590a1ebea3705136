"""Body-extraction quality: the shingle metric of the article-extraction benchmark.

Written from the metric's description (Scrapinghub article-extraction-benchmark
README; see ../shared/eval/article-extraction-benchmark/SOURCE.md): texts become
multisets of 4-token shingles over ``\\w+`` tokens; each page's tp, fp, fn are
normalised so every page weighs the same; precision and recall are averaged over
pages and F1 is taken from the averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - n + 1)
    grams = (" ".join(tokens[i:i + n]) for i in range(count))
    return Counter(g for g in grams if g)


def page_counts(gold: str, pred: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one page's shingles."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    return tp, sum((p - g).values()), sum((g - p).values())


@dataclass(frozen=True, slots=True)
class BodyScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def score_pages(pairs: Iterable[tuple[str, str]]) -> BodyScore:
    """Score (gold body, predicted body) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    exact = pages = 0
    for gold, pred in pairs:
        pages += 1
        tp, fp, fn = page_counts(gold, pred)
        exact += _TOKEN.findall(gold or "") == _TOKEN.findall(pred or "")
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return BodyScore(p, r, f1, exact / pages if pages else 0.0, pages)
