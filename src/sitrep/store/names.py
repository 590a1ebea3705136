"""The names of a SQLite store's entities, indexed in memory once per store generation,
so that "which entities does this name refer to" (sitrep.store.queries) is a scan of
the distinct names in Python instead of a scan of every entity and mention row in SQL
calling Sitrep's fold per row (about 100 ms for each name asked on a store of 1,000
articles, the cost of every entity page and actor filter: #18).

The match is the one :func:`sitrep.store.queries.entities_named` makes in SQL on
SQLite, test for test: the name folded as there (lower case, runs of white space as
one, accents dropped like ``sitrep_fold``) is a run of whole words of an entity's
folded name or mention text; or ends with an entity's whole folded name of at least 4
characters; or equals its kb_id in ASCII lower case (SQLite's ``lower()``).
PostgreSQL keeps the SQL (its ``lower()`` folds differently, and it scans fast).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from sitrep.store import schema as t
from sitrep.store.engine import accent_fold

if TYPE_CHECKING:
    from sitrep.store.store import Store

Pair = tuple[str, str]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _ascii_lower(s: str) -> str:
    return s.translate(_ASCII_LOWER)


def folded_query(name: str) -> str:
    """A name as the SQL match compares it: lower case, white space runs as one
    space (sitrep.store.queries._folded), then through fold."""
    return accent_fold(" ".join(name.lower().split()))


@dataclass(slots=True)
class NameIndex:
    # folded entity name -> (pairs, whether the raw name has at least 4 characters)
    names: dict[str, list[Pair]] = field(default_factory=dict)
    long_names: set[str] = field(default_factory=set)
    mentions: dict[str, list[Pair]] = field(default_factory=dict)
    kb_ids: dict[str, list[Pair]] = field(default_factory=dict)

    def match(self, name: str) -> set[Pair]:
        q = folded_query(name)
        inner = f" {q} "
        out: set[Pair] = set()
        for text, pairs in self.names.items():
            if inner in f" {text} " or (text in self.long_names and q.endswith(" " + text)):
                out.update(pairs)
        for text, pairs in self.mentions.items():
            if inner in f" {text} ":
                out.update(pairs)
        out.update(self.kb_ids.get(_ascii_lower(name.strip()), ()))
        return out


def build(rows: Iterable[tuple[str, str, str, str | None]],
          mention_rows: Iterable[tuple[str, str, str]]) -> NameIndex:
    idx = NameIndex()
    for aid, eid, name, kb_id in rows:
        f = accent_fold(name)
        idx.names.setdefault(f, []).append((aid, eid))
        if len(name) >= 4:
            # the SQL tests length(name) of the stored name; folding keeps short names short
            idx.long_names.add(f)
        if kb_id is not None:
            idx.kb_ids.setdefault(_ascii_lower(kb_id), []).append((aid, eid))
    seen: set[tuple[str, str, str]] = set()
    for aid, eid, text in mention_rows:
        f = accent_fold(text)
        if (aid, eid, f) not in seen:
            seen.add((aid, eid, f))
            idx.mentions.setdefault(f, []).append((aid, eid))
    return idx


_kept: dict[str, tuple[int, NameIndex]] = {}
_lock = threading.Lock()


def index_of(store: Store) -> NameIndex:
    """The store's name index at its current generation (built once per generation;
    a thread asking while another builds it waits for that one)."""
    gen = store.generation()
    with _lock:
        slot = _kept.get(store.identity)
        if slot is not None and slot[0] == gen:
            return slot[1]
        e, m = t.entities, t.mentions
        with store.read() as conn:
            erows = conn.execute(select(e.c.article_id, e.c.id, e.c.name, e.c.kb_id))
            rows = [(r[0], r[1], r[2], r[3]) for r in erows]
            found = conn.execute(select(m.c.article_id, m.c.entity_id, m.c.text))
            mrows = [(r[0], r[1], r[2]) for r in found]
        idx = build(rows, mrows)
        _kept[store.identity] = (gen, idx)
        return idx
