"""Results of the KB's heavy reads (event lists, entity profiles) and the decoded
records under them, kept per store until the store changes (#18: an entity page took
seconds and a server answers the same pages again and again).

A result is kept under its arguments, the store's identity (the database it is: URL,
SQLite file by real path; :attr:`Store.identity`) and the store's *generation*, a
counter every write through the Store raises in its own transaction (one primary-key
lookup per call: :meth:`Store.generation`). Any ingest, re-analysis, merge, forget or
review raises it, so a kept result is never served after the data under it changed,
nor to a caller of another database. The generation is read before computing, so a
result is kept under a generation no newer than the data it was read from.

Two requests that need the same result at once compute it once: the second waits for
the first (20 clients asking for a list nobody has asked for yet made 20 computations
of it, each slowed by the others). Kept results are shared: callers read them and
never change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Mapping
from typing import Any, TypeVar

from sitrep.store import Store

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# results kept (lists, profiles, and the web's encoded answers: sitrep.web.deps)
MAX_ENTRIES = 1024
# decoded records kept per store and kind (about 2 KB each: a few hundred MB at most)
MAX_ITEMS = 200_000

_kept: OrderedDict[Hashable, Any] = OrderedDict()
_running: dict[Hashable, threading.Event] = {}
_items: dict[tuple[str, str], tuple[int, dict[Any, Any]]] = {}
_lock = threading.Lock()


def kept(store: Store, key: Hashable, compute: Callable[[], T], *, generation: int | None = None) -> T:
    """``compute()``, or its result kept for ``key`` while the store's generation holds.

    ``generation``: the store's generation read before whatever ``compute`` uses was
    read (a web request reads it first: sitrep.web.deps); by default it is read now."""
    gen = store.generation() if generation is None else generation
    full = (store.identity, gen, key)
    while True:
        with _lock:
            if full in _kept:
                _kept.move_to_end(full)
                return _kept[full]
            running = _running.get(full)
            if running is None:
                _running[full] = threading.Event()
                break
        running.wait()  # another thread computes it: take its result (or compute, if it failed)
    try:
        value = compute()
        with _lock:
            _kept[full] = value
            while len(_kept) > MAX_ENTRIES:
                _kept.popitem(last=False)
        return value
    finally:
        with _lock:
            _running.pop(full).set()


def kept_items(store: Store, kind: str, keys: Collection[K],
               load: Callable[[list[K]], Mapping[K, V]]) -> dict[K, V]:
    """The records of ``keys`` (those that exist): the ones decoded since the store's
    generation last changed, and ``load(missing)`` for the others (kept in turn)."""
    gen = store.generation()
    slot_key = (store.identity, kind)
    with _lock:
        slot = _items.get(slot_key)
        if slot is None or slot[0] != gen:
            slot = _items[slot_key] = (gen, {})
        have = slot[1]
        missing = [k for k in keys if k not in have]
    loaded = load(missing) if missing else {}
    with _lock:
        if len(have) + len(loaded) > MAX_ITEMS:
            have.clear()
        have.update(loaded)
        return {k: v for k in keys if (v := have.get(k, loaded.get(k))) is not None}


def clear() -> None:
    with _lock:
        _kept.clear()
        _items.clear()
