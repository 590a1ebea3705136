"""Results of the KB's heavy reads (event lists, entity profiles), kept per store until
the store changes (#18: an entity page took seconds and a server answers the same
pages again and again).

A result is kept under its arguments and the store's *stamp*: the count and the
latest time of the analyses, the merges and the corrections, read in one cheap query
per call. Any ingest, re-analysis, merge, forget or review changes the stamp, so a
kept result is never served after the data under it changed. Kept results are shared:
callers read them and never change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, select

import sitrep.kb.schema as k
from sitrep.store import Store
from sitrep.store import schema as st

T = TypeVar("T")

MAX_ENTRIES = 256

_kept: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()


def stamp(store: Store) -> tuple[Any, ...]:
    """What changes whenever anything a KB read shows changes."""
    a, m, c = st.articles, k.kb_merged, k.corrections
    parts = [(a, a.c.analysed_at), (m, m.c.merged_at), (c, c.c.id)]
    stmt = select(*(select(f(col)).select_from(table).scalar_subquery()
                    for table, col in parts for f in (lambda _c: func.count(), func.max)))
    with store.read() as conn:
        return tuple(conn.execute(stmt).one())


def kept(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its result kept for ``key`` while the store's stamp holds."""
    full = (id(store.engine), str(store.engine.url), stamp(store), key)
    with _lock:
        if full in _kept:
            _kept.move_to_end(full)
            return _kept[full]
    value = compute()
    with _lock:
        _kept[full] = value
        while len(_kept) > MAX_ENTRIES:
            _kept.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _kept.clear()
