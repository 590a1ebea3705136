"""Sitrep: turn news reports into structured, verifiable knowledge.

The public API::

    from sitrep import read, analyze, open_store

    store = open_store("sitrep.db")
    for article in read(["report.md"]):
        store.add(analyze(article))
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from sitrep.config import Settings
from sitrep.errors import InputError, SitrepError
from sitrep.model import Analysis, Article, Entity, Event, Quote, Timex

if TYPE_CHECKING:
    from sitrep.batch import analyze_many
    from sitrep.pipeline import Pipeline, analyze
    from sitrep.store import Store, open_store

# the pipeline (and with it spaCy) and the store load on first use, so readers and
# quick commands start fast
_LAZY = {"Pipeline": "sitrep.pipeline", "analyze": "sitrep.pipeline", "analyze_many": "sitrep.batch",
         "Store": "sitrep.store", "open_store": "sitrep.store"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def read(paths: list[str] | tuple[str, ...], settings: Settings | None = None):
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
    "Store",
    "Timex",
    "__version__",
    "analyze",
    "analyze_many",
    "open_store",
    "read",
]
