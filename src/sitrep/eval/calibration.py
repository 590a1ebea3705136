"""Is an event's confidence a probability? A reliability table over a gold corpus: the
predicted events binned by confidence, and in each bin the fraction that match a gold
event (same type, overlapping evidence: the scorer's rule, optional gold included).

    table = reliability(outcomes)   # outcomes: sitrep.eval.golddir.evaluate_gold(...).outcomes
    print(format_table(table))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitrep.eval.gold import GoldScorer, locate, overlap


@dataclass
class Outcome:
    """One predicted event: its confidence, whether it matches gold, and the record."""

    confidence: float
    right: bool
    event: dict[str, Any]


@dataclass
class Bin:
    lo: float
    hi: float
    n: int = 0
    right: int = 0
    total_conf: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.n if self.n else 0.0

    @property
    def mean_confidence(self) -> float:
        return self.total_conf / self.n if self.n else 0.0


def outcomes(gold: dict[str, Any], record: dict[str, Any]) -> list[Outcome]:
    """Each system event of ``record`` and whether it matches a gold event of ``gold``
    (gold events taken in order, each matching the first free system event)."""
    sc = GoldScorer(gold, record)
    sys_v = record.get("events") or []
    taken: set[int] = set()
    for gv in gold.get("events") or []:
        spans = [sp for ev in gv["evidence"] for sp in locate(sc.text, ev)]
        hit = next((i for i, sv in enumerate(sys_v) if i not in taken and sv.get("type") == gv["type"]
                    and any(overlap(a, b) > 0 for a in sc.evidence_spans(sv) for b in spans)), None)
        if hit is not None:
            taken.add(hit)
    return [Outcome(float(sv.get("confidence", 0.5)), i in taken, sv) for i, sv in enumerate(sys_v)]


def reliability(rows: Iterable[Outcome], n_bins: int = 10) -> list[Bin]:
    bins = [Bin(i / n_bins, (i + 1) / n_bins) for i in range(n_bins)]
    for r in rows:
        b = bins[min(int(r.confidence * n_bins), n_bins - 1)]
        b.n += 1
        b.right += r.right
        b.total_conf += r.confidence
    return bins


def expected_calibration_error(bins: list[Bin]) -> float:
    n = sum(b.n for b in bins)
    return sum(b.n * abs(b.accuracy - b.mean_confidence) for b in bins) / n if n else 0.0


def brier(rows: Iterable[Outcome]) -> float:
    """Mean squared gap between confidence and outcome (lower is better; it rewards
    telling right from wrong events apart, not only matching the average)."""
    rows = list(rows)
    return sum((r.confidence - r.right) ** 2 for r in rows) / len(rows) if rows else 0.0


def format_table(bins: list[Bin]) -> str:
    lines = ["| confidence | events | right | fraction right | mean confidence |", "|---|---|---|---|---|"]
    for b in bins:
        if b.n:
            lines.append(f"| {b.lo:.1f}-{b.hi:.1f} | {b.n} | {b.right} | {b.accuracy:.2f} | "
                         f"{b.mean_confidence:.2f} |")
    lines.append(f"\nexpected calibration error {expected_calibration_error(bins):.3f} "
                 f"over {sum(b.n for b in bins)} events")
    return "\n".join(lines)
