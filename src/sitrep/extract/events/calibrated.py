"""An event's confidence: a small logistic model over what the record shows (how many
arguments it has and of which kind, how many mentions support it, its type), fitted
on the VOA gold's dev split by ``scripts/fit_confidence.py`` and shipped as
``data/confidence.yaml``. The reliability table of ``sitrep.eval.calibration`` says
how far the figure can be trusted (of the events given 0.8-0.9, how many are right)."""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import yaml

ENTITY_ROLES = ("actor", "target", "supplier", "recipient", "participants", "contractor")
DATE_ROLES = ("date", "start", "end", "delivery_by")
COUNT_ROLES = ("killed", "injured", "personnel", "value", "items")


def features(etype: str, args: dict[str, Any], n_evidence: int) -> dict[str, float]:
    """The model's inputs, from an event's type, exported arguments and evidence spans."""
    filled = {k for k, v in args.items() if v not in (None, [], "")}
    return {
        "n_args": float(min(len(filled), 5)),
        "entity_args": float(min(sum(1 for r in ENTITY_ROLES if r in filled), 2)),
        "dated": float(any(r in filled for r in DATE_ROLES)),
        "placed": float("place" in filled),
        "counted": float(any(r in filled for r in COUNT_ROLES)),
        "mentions": float(min(n_evidence, 3) - 1),
        f"type={etype}": 1.0,
    }


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    path = resources.files("sitrep.extract.events") / "data" / "confidence.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def probability(feats: dict[str, float], params: dict[str, Any] | None = None) -> float:
    """The logistic score, then the isotonic map fitted on out-of-fold scores (the
    ``isotonic`` breakpoints, [score, fraction right], interpolated linearly)."""
    p = params or model()
    weights = p.get("weights", {})
    z = float(p.get("intercept", 0.0)) + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return remap(1.0 / (1.0 + math.exp(-z)), p.get("isotonic") or [])


def remap(x: float, points: list[list[float]]) -> float:
    if not points:
        return x
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in pairwise(points):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1
    return points[-1][1]


def rule_confidence(args: dict[str, Any], n_evidence: int) -> float:
    """The hand-set figure used before the fit (and when no model is shipped)."""
    core = sum(1 for v in args.values() if v not in (None, [], ""))
    return round(min(0.45 + 0.08 * min(core, 4) + 0.1 * (n_evidence > 1), 0.95), 2)


def confidence_of(etype: str, args: dict[str, Any], n_evidence: int) -> float:
    """The fitted probability that the event is right, clipped to the model's range."""
    params = model()
    if not params.get("weights"):
        return rule_confidence(args, n_evidence)
    lo, hi = params.get("range", [0.05, 0.95])
    return round(min(max(probability(features(etype, args, n_evidence), params), lo), hi), 2)
