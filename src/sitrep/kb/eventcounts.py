"""How many an incident killed, for cross-article merging: two reports of one incident may
give different tolls (a toll grows, "at least five" becomes six), but two exact tolls far
apart ("11 coal miners" and "33 militants") are two incidents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from sitrep.model import Event
from sitrep.store import schema as st

COUNT_ROLES = ("killed",)
MAX_RATIO = 2.0  # exact tolls further apart than this are not one incident's
Key = tuple[str, str]  # (article id, event id)


def exact_count(value: Any) -> int | None:
    """An exact toll (no "at least", "about", "more than"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, dict) and value.get("mod") is None and isinstance(value.get("amount"), int | float):
        return int(value["amount"])
    return None


def event_count(event: Event) -> int | None:
    return next((c for r in COUNT_ROLES if (c := exact_count(event.args.get(r))) is not None), None)


def stored_counts(conn: Connection, members: Iterable[Key]) -> dict[Key, int]:
    keys = set(members)
    if not keys:
        return {}
    ea = st.event_args
    q = (select(ea.c.article_id, ea.c.event_id, ea.c.value)
         .where(ea.c.role.in_(COUNT_ROLES), ea.c.article_id.in_({a for a, _ in keys})))
    out: dict[Key, int] = {}
    for r in conn.execute(q):
        count = exact_count(r.value)
        if (r.article_id, r.event_id) in keys and count is not None:
            out.setdefault((r.article_id, r.event_id), count)
    return out


def counts_agree(a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return True
    lo, hi = sorted((a, b))
    return hi <= MAX_RATIO * lo if lo > 0 else hi == 0
