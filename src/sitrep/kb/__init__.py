"""The knowledge base across articles: merging, queries, review corrections.

    from sitrep.store import open_store
    from sitrep import kb

    store = open_store("sitrep.db")
    kb.merge(store)                                  # incremental, after ingest
    total, events = kb.kb_events(store, type="arms_transfer", actor="Russia")
    profile = kb.entity_profile(store, "Q7747")
"""

import sitrep.kb.schema  # noqa: F401  (registers the kb_* tables on the store metadata)
from sitrep.kb.corrections import Correction, add_correction, apply_corrections, corrected, list_corrections
from sitrep.kb.merge import MergeReport, merge, pending
from sitrep.kb.queries import (
    EntityProfile,
    KbEntity,
    KbEvent,
    entity_profile,
    kb_entities,
    kb_entity,
    kb_events,
    search_articles,
)

__all__ = [
    "Correction", "EntityProfile", "KbEntity", "KbEvent", "MergeReport", "add_correction",
    "apply_corrections", "corrected", "entity_profile", "kb_entities", "kb_entity", "kb_events",
    "list_corrections", "merge", "pending", "search_articles",
]
