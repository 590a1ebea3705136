"""The learned event check's weights (``sitrep/models/event_types/weights.json``,
written by ``scripts/train_event_types.py``) and its probability."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).resolve().parent.parent.parent / "models" / "event_types" / "weights.json"


@dataclass(frozen=True)
class EventCheck:
    """A logistic model over string features: P(the rule event is a gold event)."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    meta: dict[str, object] = field(default_factory=dict)

    def probability(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def keeps(self, feats: list[str]) -> bool:
        return self.probability(feats) >= self.threshold

    def to_json(self) -> str:
        body = {"meta": self.meta, "threshold": self.threshold,
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        return json.dumps(body, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> EventCheck:
        body = json.loads(text)
        return cls(weights={k: float(v) for k, v in body["weights"].items()},
                   threshold=float(body["threshold"]), meta=dict(body.get("meta") or {}))


@lru_cache(maxsize=4)
def load(path: Path = WEIGHTS) -> EventCheck:
    """The shipped model (read once per process; no network)."""
    return EventCheck.from_json(path.read_text(encoding="utf-8"))
