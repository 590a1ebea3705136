"""Evaluation modes by name: one declared list (the last lines). Each entry imports its
module only when run."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.config import Settings
from sitrep.registry import Registry

Evaluator = Callable[[Path, Settings], Any]


def lazy(module: str, func: str, *args: Any, settings: bool = True) -> Evaluator:
    """``module.func(*args, path, settings)``, imported when run (``settings=False``: the
    function takes no settings)."""

    def run(path: Path, cfg: Settings) -> Any:
        target = getattr(importlib.import_module(module), func)
        return target(*args, path, cfg) if settings else target(*args, path)

    run.__doc__ = f"{module}.{func}"
    return run


class _Lines:
    """A report from a result that prints itself as ``lines()``."""

    def __init__(self, result: Any) -> None:
        self.result = result

    def format(self) -> str:
        return "\n".join(self.result.lines())

    def to_dict(self) -> dict[str, Any]:
        return {name: (s if isinstance(s, float) else {"P": s.p, "R": s.r, "F1": s.f1})
                for name, s in self.result.scores.items()}


def _ecbplus(path: Path, settings: Settings) -> Any:
    from sitrep.kb.ecb.run import run_eval

    return _Lines(run_eval(path))


evaluators: Registry[Evaluator] = Registry("evaluation mode", (
    ("gold", lazy("sitrep.eval.golddir", "evaluate_gold")),
    ("tempeval", lazy("sitrep.eval.tempeval", "run_tempeval")),
    ("re3d", lazy("sitrep.eval.entity_corpora", "run_entity_eval", "re3d")),
    ("meantime-entities", lazy("sitrep.eval.entity_corpora", "run_entity_eval", "meantime")),
    ("meantime-timex", lazy("sitrep.eval.meantime_timex", "run_meantime_timex")),
    ("meantime-quotes", lazy("sitrep.eval.meantime_quotes", "evaluate", settings=False)),
    ("kb-merge", lazy("sitrep.eval.kbmerge", "run_kb_merge")),
    ("ecbplus", _ecbplus),
))
