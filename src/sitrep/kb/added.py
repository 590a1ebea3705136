"""Events and quotes a reviewer added, as the store's query hits.

The store's queries find machine output; a fact added by review lives only in the
``corrections`` table and shows once :func:`sitrep.kb.corrections.apply_corrections`
has run. These find the added facts of every article and filter them as the store's
queries filter theirs (type, status, actor, place, dates; speaker, kind), so
``sitrep events``, ``sitrep quotes``, ``kb events`` and the API list them too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sitrep.kb.corrections import apply_corrections, list_corrections
from sitrep.kb.replay import live, review_id
from sitrep.model import Analysis, Entity, Event, entity_refs
from sitrep.store import Store
from sitrep.store.codec import event_dates
from sitrep.store.queries import EventHit, QuoteHit
from sitrep.timespan import interval


def _added(store: Store, kind: str) -> Iterator[tuple[Analysis, set[str]]]:
    """Per article with a live addition of ``kind``: its corrected analysis and the
    spans ("start-end") or ids of the added records."""
    by_article: dict[str, list[Any]] = {}
    for c in list_corrections(store):
        by_article.setdefault(c.article_id, []).append(c)
    for aid, cs in by_article.items():
        added = {review_id(kind, c.id) if kind == "event" else f"{c.start}-{c.end}"
                 for c in live(cs) if c.verdict == "added" and c.kind == kind}
        if not added:
            continue
        full = store.get(aid)
        if full is not None:
            yield apply_corrections(full, cs), added


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


def names_match(query: str, entity: Entity | None) -> bool:
    """The query is the entity's name, a mention, or a run of whole words of one
    (case-insensitive), as the store's name filters match."""
    if entity is None:
        return False
    q = f" {_fold(query)} "
    return any(q in f" {_fold(n)} " for n in (entity.name, *(m.text for m in entity.mentions)))


def _in_time(ev: Event, published: str | None, since: str | None, until: str | None) -> bool:
    d = event_dates(ev.args)
    first = d["day_start"] or (published or "")[:10] or None
    after = d["day_end"]
    if since and (lo := interval(since)):
        if after is not None:
            if after <= lo[0].isoformat():
                return False
        elif first is None or first < lo[0].isoformat():
            return False
    return not (until and (hi := interval(until)) and (first is None or first >= hi[1].isoformat()))


def event_matches(a: Analysis, ev: Event, *, type: str | None = None, status: str | None = None,
                  actor: str | None = None, place: str | None = None, since: str | None = None,
                  until: str | None = None) -> bool:
    """The event passes the event filters (as :func:`sitrep.store.queries.find_events` has them)."""
    if (type and ev.type != type) or (status and ev.status != status):
        return False
    if actor and not any(names_match(actor, a.entity(r)) for v in ev.args.values() for r in entity_refs(v)):
        return False
    if place and not any(names_match(place, a.entity(r)) for r in entity_refs(ev.args.get("place"))):
        return False
    return _in_time(ev, a.article.published, since, until)


def added_event_hits(store: Store, **filters: str | None) -> list[EventHit]:
    """The events reviewers added that pass the filters, in ingest then review order."""
    out = []
    for a, ids in _added(store, "event"):
        named = {e.id: e for e in a.entities}
        for ev in a.events:
            if ev.id in ids and event_matches(a, ev, **filters):
                refs = {r for v in ev.args.values() for r in entity_refs(v)}
                out.append(EventHit(a.article.id, a.article.title, a.article.published, a.article.outlet, ev,
                                    {i: named[i] for i in refs if i in named}))
    return out


def added_quote_hits(store: Store, *, speaker: str | None = None, kind: str | None = None) -> list[QuoteHit]:
    """The quotes reviewers added, by speaker (name, mention or alias words) and kind."""
    out = []
    for a, spots in _added(store, "quote"):
        for q in a.quotes:
            who = a.entity(q.speaker)
            if f"{q.start}-{q.end}" not in spots or (kind and q.kind != kind):
                continue
            if speaker and not names_match(speaker, who):
                continue
            out.append(QuoteHit(a.article.id, a.article.title, a.article.published, a.article.outlet, q, who))
    return out
