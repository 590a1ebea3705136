"""The knowledge base across articles: merging, queries, review corrections.

    from sitrep.store import open_store
    from sitrep import kb

    store = open_store("sitrep.db")
    kb.merge(store)                                  # incremental, after ingest
    total, events = kb.kb_events(store, type="arms_transfer", actor="Russia")
    profile = kb.entity_profile(store, "Q7747")
"""

from typing import TYPE_CHECKING, Any

import sitrep.kb.schema  # noqa: F401  (registers the kb_* tables on the store metadata)

if TYPE_CHECKING:
    from sitrep.kb.corrections import (
        Correction,
        add_correction,
        apply_corrections,
        corrected,
        list_corrections,
        undo_correction,
    )
    from sitrep.kb.merging import MergeReport, merge, pending
    from sitrep.kb.queries import (
        EntityProfile,
        KbEntity,
        KbEvent,
        articles,
        entity_profile,
        kb_entities,
        kb_entity,
        kb_events,
        quotes,
        reported_events,
        search_articles,
    )

# the public names load on first use (merging needs numpy and the pair model; a
# quick command such as `sitrep --help` needs none of it)
_HOME = {
    **dict.fromkeys(("Correction", "add_correction", "apply_corrections", "corrected",
                     "list_corrections", "undo_correction"), "sitrep.kb.corrections"),
    **dict.fromkeys(("MergeReport", "merge", "pending"), "sitrep.kb.merging"),
    **dict.fromkeys(("EntityProfile", "KbEntity", "KbEvent", "articles", "entity_profile", "kb_entities",
                     "kb_entity", "kb_events", "quotes", "reported_events", "search_articles"),
                    "sitrep.kb.queries"),
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        import importlib

        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'sitrep.kb' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


__all__ = [
    "Correction", "EntityProfile", "KbEntity", "KbEvent", "MergeReport", "add_correction",
    "apply_corrections", "articles", "corrected", "entity_profile", "kb_entities", "kb_entity", "kb_events",
    "list_corrections", "merge", "pending", "quotes", "reported_events", "search_articles",
    "undo_correction",
]
