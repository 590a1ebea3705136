"""Evaluation modes by name. Each entry imports its module only when run."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.config import Settings
from sitrep.registry import Registry

Evaluator = Callable[[Path, Settings], Any]
evaluators: Registry[Evaluator] = Registry("evaluation mode")


def lazy(module: str, func: str, *args: Any) -> Evaluator:
    def run(path: Path, settings: Settings) -> Any:
        return getattr(importlib.import_module(module), func)(*args, path, settings)

    run.__doc__ = f"{module}.{func}"
    return run


evaluators.register("gold", lazy("sitrep.eval.golddir", "evaluate_gold"))
evaluators.register("tempeval", lazy("sitrep.eval.tempeval", "run_tempeval"))
evaluators.register("re3d", lazy("sitrep.eval.entity_corpora", "run_entity_eval", "re3d"))
evaluators.register("meantime-entities", lazy("sitrep.eval.entity_corpora", "run_entity_eval", "meantime"))
evaluators.register("meantime-timex", lazy("sitrep.eval.meantime_timex", "run_meantime_timex"))
