"""The store: SQLite by default, PostgreSQL by URL, one schema (SQLAlchemy Core).

    from sitrep.store import open_store

    store = open_store("sitrep.db")          # or "postgresql://user@host/db"
    store.add(analysis)                       # False when the text is stored already
    store.get("3f2a")                         # by id or unique id prefix
    store.quotes(speaker="Lukashenko")
    store.events(type="arms_transfer", actor="Russia")
"""

from sitrep.store.schema import metadata
from sitrep.store.store import ArticleSummary, Store, open_store

__all__ = ["ArticleSummary", "Store", "metadata", "open_store"]
