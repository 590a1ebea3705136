"""Results of the KB's heavy reads (event lists, entity profiles), kept per store until
the store changes (#18: an entity page took seconds and a server answers the same
pages again and again).

A result is kept under its arguments, the store's identity (the database it is: URL,
SQLite file by real path; :attr:`Store.identity`) and the store's *generation*, a
counter every write through the Store raises in its own transaction (one primary-key
lookup per call: :meth:`Store.generation`). Any ingest, re-analysis, merge, forget or
review raises it, so a kept result is never served after the data under it changed,
nor to a caller of another database. The generation is read before computing, so a
result is kept under a generation no newer than the data it was read from. Kept
results are shared: callers read them and never change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sitrep.store import Store

T = TypeVar("T")

MAX_ENTRIES = 256

_kept: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()


def kept(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its result kept for ``key`` while the store's generation holds."""
    full = (store.identity, store.generation(), key)
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
