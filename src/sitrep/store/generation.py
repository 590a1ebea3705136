"""The store's generation: a counter that every write transaction of the Store raises
in the same transaction (``Store.write``, the schema upgrades), so "has anything changed
since?" is one primary-key lookup (the KB's result cache keys on it: sitrep.kb.cache).

Writes by other tools (a ``sqlite3`` shell) do not raise it: Sitrep's readers then do
not notice them until Sitrep itself writes.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from sitrep.store.schema import store_generation

_ROW = 1


def ensure_row(conn: Connection) -> None:
    """Inside a write transaction: the counter's row exists (at 0 when it is new)."""
    if conn.execute(select(store_generation.c.n).where(store_generation.c.id == _ROW)).first() is None:
        conn.execute(store_generation.insert().values(id=_ROW, n=0))


def bump(conn: Connection) -> None:
    """Inside a write transaction: the store changes (taken last, so the row lock of
    PostgreSQL is held only until the commit)."""
    conn.execute(store_generation.update().where(store_generation.c.id == _ROW)
                 .values(n=store_generation.c.n + 1))


def current(conn: Connection) -> int:
    """The counter now (0 for a store that has never been written since it got one)."""
    n = conn.execute(select(store_generation.c.n).where(store_generation.c.id == _ROW)).scalar()
    return int(n or 0)
