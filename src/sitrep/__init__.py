"""Sitrep: turn news reports into structured, verifiable knowledge.

The public API::

    from sitrep import read, analyze, open_store

    for article in read(["report.md"]):
        analysis = analyze(article)
"""

from __future__ import annotations

__version__ = "0.1.0"

from sitrep.config import Settings
from sitrep.errors import InputError, SitrepError
from sitrep.model import Analysis, Article, Entity, Event, Quote, Timex
from sitrep.pipeline import Pipeline, analyze, analyze_many


def read(paths: list[str] | tuple[str, ...], settings: Settings | None = None):  # type: ignore[no-untyped-def]
    """Articles (and InputErrors for unreadable inputs) from files, dirs, globs or '-'."""
    from sitrep.ingest import read_inputs

    return read_inputs(paths, settings)


__all__ = [
    "Analysis",
    "Article",
    "Entity",
    "Event",
    "InputError",
    "Pipeline",
    "Quote",
    "Settings",
    "SitrepError",
    "Timex",
    "__version__",
    "analyze",
    "analyze_many",
    "read",
]
