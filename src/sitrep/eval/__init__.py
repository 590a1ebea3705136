"""Evaluation: score the pipeline against gold sets.

``evaluators`` maps a mode name to ``fn(path, settings) -> report`` (a report has
``format() -> str`` and ``to_dict()``); ``sitrep eval --mode NAME PATH`` runs one.
Modes for corpora owned by other modules register lazily in :mod:`sitrep.eval.modes`.
"""

from sitrep.eval.modes import evaluators

__all__ = ["evaluators"]
