"""Queries over the knowledge base: KB events by type, actor, place, time range and
status; an entity's profile; a story's timeline; full-text search over articles.

Review corrections override machine output here (a fact marked wrong disappears,
a corrected one shows its corrected fields). The CLI, the REST API and the pages call
these with a query object of :mod:`sitrep.filters` per kind (:class:`EventFilter`,
:class:`EntityQuery`, :class:`QuoteQuery`, :class:`ArticleQuery`) and a page; keyword
filters are turned into the same object, so every value is checked the same way
whoever asks.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, literal, or_, select

import sitrep.kb.schema as k
from sitrep.errors import StoreError
from sitrep.filters import ArticleQuery, EntityQuery, EventFilter, Page, QuoteQuery
from sitrep.kb.cache import kept, kept_items
from sitrep.kb.corrections import apply_corrections, list_corrections
from sitrep.kb.events import STATUS_RANK
from sitrep.model import Analysis, Event, entity_refs, to_dict
from sitrep.store import Store
from sitrep.store import schema as st
from sitrep.store.engine import accent_fold, fold
from sitrep.store.queries import (
    EventHit,
    QuoteHit,
    event_hits,
    find_event_keys,
    find_events,
    find_quote_keys,
    quote_hits,
)
from sitrep.timespan import sort_key


def _kb_members_named(store: Store, name: str) -> set[tuple[str, str]]:
    """(article_id, entity_id) of every member of the KB entities this name (or kb id)
    names: "Putin" in one report finds "Vladimir Putin" in another once merged."""
    m = k.kb_entity_members
    if store.engine.dialect.name == "sqlite":  # the names folded once per generation, not per row
        ids: Any = sorted(kept(store, ("kb_member_names",), lambda: _kb_member_names(store))
                          .get(accent_fold(name.strip()), ()))
        if not ids:
            return set()
    else:
        low = fold(literal(name.strip()))
        ids = select(m.c.kb_id).where(or_(fold(m.c.name) == low, fold(m.c.kb_id) == low))
    with store.read() as conn:
        return {(r.article_id, r.entity_id) for r in conn.execute(
            select(m.c.article_id, m.c.entity_id).where(m.c.kb_id.in_(ids)))}


def _kb_member_names(store: Store) -> dict[str, set[str]]:
    """Folded member name or kb id (as ``fold`` folds on SQLite) -> the kb ids."""
    m = k.kb_entity_members
    out: dict[str, set[str]] = {}
    with store.read() as conn:
        for name, kb_id in conn.execute(select(m.c.name, m.c.kb_id).distinct()):
            out.setdefault(accent_fold(name), set()).add(kb_id)
            out.setdefault(accent_fold(kb_id), set()).add(kb_id)
    return out


def _refers(ev: Event, article_id: str, keys: set[tuple[str, str]], place: bool) -> bool:
    for role, value in ev.args.items():
        if place and role != "place":
            continue
        vals = value if isinstance(value, list) else [value]
        for v in vals:
            ref = v.get("entity") if isinstance(v, dict) else v
            if isinstance(ref, str) and (article_id, ref) in keys:
                return True
    return False


def _hits(store: Store, keys: list[tuple[str, str]]) -> list[EventHit]:
    """The decoded events of these keys, in their order: decoded once per store
    generation, then kept (a store's events are read again and again by the lists)."""
    found = kept_items(store, "event_hits", keys, lambda missing: event_hits(store, missing))
    return [found[k] for k in keys if k in found]


def _quotes(store: Store, speaker: str | None = None, *, kind: str | None = None,
            text_any: list[str] | None = None, limit: int | None = None, offset: int = 0) -> list[QuoteHit]:
    """find_quotes, its decoded quotes kept per store generation as the events are."""
    keys = find_quote_keys(store, speaker, kind=kind, text_any=text_any or (), limit=limit, offset=offset)
    found = kept_items(store, "quote_hits", keys, lambda missing: quote_hits(store, missing))
    return [found[k] for k in keys if k in found]


def _find(store: Store, actor: str | None, place: str | None, since: str | None,
          until: str | None) -> list[EventHit]:
    """Store hits, widened by the KB: a name also finds the members of its KB entity."""
    hits = _hits(store, find_event_keys(store, actor=actor, place=place, since=since, until=until))
    if not actor and not place:
        return hits
    seen = {(h.article_id, h.event.id) for h in hits}
    name, is_place = (place, True) if place else (actor or "", False)
    keys = _kb_members_named(store, name)
    if not keys:
        return hits
    actor_keys = _kb_members_named(store, actor) if actor and place else None
    # the events of every article with a member, in one query (it was one per article)
    for h in _hits(store, find_event_keys(store, since=since, until=until, article_ids={a for a, _ in keys})):
        aid = h.article_id
        if (aid, h.event.id) not in seen and _refers(h.event, aid, keys, is_place):
            if actor_keys is not None and not _refers(h.event, aid, actor_keys, False):
                continue
            hits.append(h)
            seen.add((aid, h.event.id))
    return hits


@dataclass(slots=True)
class KbEvent:
    kb_event_id: str
    type: str
    status: str
    date_start: str | None
    date_end: str | None
    members: list[EventHit] = field(default_factory=list)

    @property
    def n_articles(self) -> int:
        return len({h.article_id for h in self.members})

    def arg_values(self) -> dict[str, list[dict[str, Any]]]:
        """Per role, each distinct value and the articles that report it (differences kept)."""
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for h in self.members:
            for role, value in h.event.args.items():
                shown = display_value(value, h.entities)
                slot = out.setdefault(role, {}).setdefault(shown, {"value": shown, "articles": []})
                if h.article_id not in slot["articles"]:
                    slot["articles"].append(h.article_id)
        return {role: list(vals.values()) for role, vals in out.items()}


def display_value(value: Any, entities: Mapping[str, Any]) -> str:
    """An argument as text: entity ids (keys of ``entities``) become names, amounts read as
    numbers."""
    if isinstance(value, str):
        ent = entities.get(value)
        return ent.name if ent else value
    if isinstance(value, list):
        return ", ".join(display_value(v, entities) for v in value)
    if isinstance(value, dict):
        if "amount" in value:
            mod = {"MORE_THAN": "> ", "LESS_THAN": "< ", "APPROX": "~ "}.get(value.get("mod") or "", "")
            return f"{mod}{value['amount']:,} {value.get('currency') or ''}".strip()
        if "name" in value:
            qty = value.get("quantity_text") or value.get("quantity")
            return f"{qty} {value['name']}" if qty else str(value["name"])
        return ", ".join(f"{a}: {b}" for a, b in value.items() if b is not None)
    return str(value)


def _corrections_by_article(store: Store, article_ids: set[str], kind: str = "event") -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for c in list_corrections(store):
        if c.article_id in article_ids and c.kind in (kind, "entity"):
            out.setdefault(c.article_id, []).append(c)
    return out


def _corrected_articles(store: Store, article_ids: set[str], kind: str) -> dict[str, Analysis]:
    """The stored analyses, corrections applied, of the articles with corrections of ``kind``."""
    fixed = {}
    for aid, cs in _corrections_by_article(store, article_ids, kind).items():
        if (full := store.get(aid)) is not None:
            fixed[aid] = apply_corrections(full, cs)
    return fixed


def corrected_event_hits(store: Store, hits: list[EventHit]) -> list[EventHit]:
    """Event hits with the review corrections applied (a fact marked wrong drops out; a
    corrected argument brings the entity it names)."""
    fixed = _corrected_articles(store, {h.article_id for h in hits}, "event")
    out = []
    for h in hits:
        a = fixed.get(h.article_id)
        ev = next((v for v in a.events if v.id == h.event.id), None) if a is not None else h.event
        if ev is None:
            continue
        if a is not None:
            named = {e.id: e for e in a.entities}
            refs = {r for v in ev.args.values() for r in entity_refs(v)}
            h = dataclasses.replace(h, event=ev, entities={i: named[i] for i in refs if i in named})
        out.append(h)
    return out


def corrected_quote_hits(store: Store, hits: list[QuoteHit]) -> list[QuoteHit]:
    """Quote hits with the review corrections applied: a corrected speaker is the entity
    the reviewer named, a quote marked wrong drops out."""
    fixed = _corrected_articles(store, {h.article_id for h in hits}, "quote")
    out = []
    for h in hits:
        a = fixed.get(h.article_id)
        if a is None:
            out.append(h)
            continue
        q = next((q for q in a.quotes if (q.start, q.end) == (h.quote.start, h.quote.end)), None)
        if q is not None:
            out.append(dataclasses.replace(h, quote=q, speaker=a.entity(q.speaker)))
    return out


def reviewed_event_hits(store: Store, hits: list[EventHit], **filters: str | None) -> list[EventHit]:
    """The store's event hits as review left them: corrections applied, the type and
    status filters checked again on the corrected events, then the events reviewers
    added that pass ``filters`` (type, status, actor, place, since, until)."""
    from sitrep.kb.added import added_event_hits

    type_, status = filters.get("type"), filters.get("status")
    if type_ or status:  # events a correction gave this type or status: the store filtered them out
        hits = hits + _corrected_into(store, hits, type_, status, filters)
    kept_hits = [h for h in corrected_event_hits(store, hits)
                 if (not type_ or h.event.type == type_) and (not status or h.event.status == status)]
    return kept_hits + added_event_hits(store, **filters)


def _corrected_into(store: Store, hits: list[EventHit], type_: str | None, status: str | None,
                    filters: Mapping[str, str | None]) -> list[EventHit]:
    """The machine's events, not in ``hits``, of the articles where a live correction sets
    an event's type or status to the filtered one (the caller applies the corrections)."""
    from sitrep.kb.replay import live

    by_article: dict[str, list[Any]] = {}
    for c in list_corrections(store):
        by_article.setdefault(c.article_id, []).append(c)
    wanted = {aid for aid, cs in by_article.items() for c in live(cs)
              if c.kind == "event" and c.verdict == "corrected" and c.value
              and ((type_ and c.value.get("type") == type_) or (status and c.value.get("status") == status))}
    if not wanted:
        return []
    seen = {(h.article_id, h.event.id) for h in hits}
    found = find_events(store, actor=filters.get("actor"), place=filters.get("place"),
                        since=filters.get("since"), until=filters.get("until"), article_ids=wanted)
    return [h for h in found if (h.article_id, h.event.id) not in seen]


def reviewed_quote_hits(store: Store, hits: list[QuoteHit], *, speaker: str | None = None,
                        kind: str | None = None) -> list[QuoteHit]:
    """The store's quote hits with corrections applied (a corrected kind checked again),
    then the quotes reviewers added with that speaker and kind."""
    from sitrep.kb.added import added_quote_hits

    fixed = [h for h in corrected_quote_hits(store, hits) if not kind or h.quote.kind == kind]
    return fixed + added_quote_hits(store, speaker=speaker, kind=kind)


def _query(query: Any, kind: type, filters: dict[str, Any]) -> Any:
    """The query object given, or the one the keyword filters make (checked either way)."""
    if query is None:
        return kind(**filters)
    if filters:
        raise TypeError(f"give a {kind.__name__} or keyword filters, not both")
    return query


def kb_events(store: Store, query: EventFilter | None = None, *, limit: int = 50, offset: int = 0,
              **filters: str | None) -> tuple[int, list[KbEvent]]:
    """(total, one page of) KB events matching the query (or the keyword filters: type,
    actor, place, status, since, until), by date then id."""
    f: EventFilter = _query(query, EventFilter, filters)
    page = Page(limit, offset)
    groups = kept(store, ("kb_events", f), lambda: _all_kb_events(store, f))
    return len(groups), groups[page.offset:page.offset + page.limit]


def reported_events(store: Store, query: EventFilter, *, limit: int | None = None) -> list[EventHit]:
    """The events as each article reports them (not merged), corrections applied."""
    f = query.kwargs()
    return reviewed_event_hits(store, find_events(store, **f, limit=limit), **f)[:limit]


def quotes(store: Store, query: QuoteQuery, *, limit: int | None = None, offset: int = 0) -> list[QuoteHit]:
    """Quotes by speaker and kind, in ingest order, corrections applied."""
    hits = _quotes(store, query.speaker, kind=query.kind, limit=limit, offset=offset)
    return reviewed_quote_hits(store, hits, speaker=query.speaker, kind=query.kind)[:limit]


def articles(store: Store, query: ArticleQuery | None = None, *, limit: int = 50,
             offset: int = 0) -> list[dict[str, Any]]:
    """Articles: a page of all of them in ingest order (their summaries), or of those a
    full-text search finds (id, title, published, snippet) when the query has text."""
    query = query or ArticleQuery()
    page = Page(limit, offset)
    if query.q:
        return search_articles(store, query.q, limit=page.limit, offset=page.offset)
    return [dataclasses.asdict(s) for s in store.list_articles(limit=page.limit, offset=page.offset)]


def _all_kb_events(store: Store, f: EventFilter, *, actor: str | None = None) -> list[KbEvent]:
    """Every KB event ``f`` finds; ``actor``: instead of f's (a name from the KB itself)."""
    who, status = actor or f.actor, f.status
    hits = reviewed_event_hits(store, _find(store, who, f.place, f.since, f.until), type=f.type, actor=who,
                               place=f.place, since=f.since, until=f.until)
    groups = _group(store, hits)
    if status:
        groups = [g for g in groups if g.status == status]
    groups.sort(key=lambda g: (sort_key(g.date_start), g.kb_event_id))
    return groups


def _group(store: Store, hits: list[EventHit]) -> list[KbEvent]:
    m = k.kb_event_members
    keys = {(h.article_id, h.event.id) for h in hits}
    if not keys:
        return []
    with store.read() as conn:  # the members of these articles only, not the whole table
        rows = conn.execute(select(m.c.article_id, m.c.event_id, m.c.kb_event_id)
                            .where(m.c.article_id.in_(sorted({a for a, _ in keys})))).all()
    kb_of = {(r.article_id, r.event_id): r.kb_event_id for r in rows if (r.article_id, r.event_id) in keys}
    groups: dict[str, KbEvent] = {}
    for h in hits:
        kb = kb_of.get((h.article_id, h.event.id)) or unmerged_event_id(h.article_id, h.event.id)
        g = groups.setdefault(kb, KbEvent(kb, h.event.type, h.event.status, None, None))
        g.members.append(h)
    for g in groups.values():
        g.status = max((h.event.status for h in g.members), key=lambda s: STATUS_RANK.get(s, 0))
        dates = sorted((d for h in g.members for d in [_date(h.event)] if d), key=sort_key)
        g.date_start, g.date_end = (dates[0], dates[-1]) if dates else (None, None)
        g.type = Counter(h.event.type for h in g.members).most_common(1)[0][0]
    return list(groups.values())


def _date(ev: Event) -> str | None:
    for role in ("date", "start"):
        v = ev.args.get(role)
        if isinstance(v, str) and v[:1].isdigit():
            return v
    return None


@dataclass(slots=True)
class KbEntity:
    kb_id: str
    name: str
    type: str
    aliases: list[str]
    n_articles: int


def kb_entities(store: Store, query: EntityQuery | None = None, *, limit: int = 50, offset: int = 0,
                **filters: str | None) -> tuple[int, list[KbEntity]]:
    """(total, one page of) KB entities matching the query (or the keyword filters q and
    type), most reported first."""
    eq: EntityQuery = _query(query, EntityQuery, filters)
    q, type, page = eq.q, eq.type, Page(limit, offset)
    limit, offset = page.limit, page.offset
    e = k.kb_entities
    stmt = select(e)
    if q:
        from sitrep.kb.sql import like_escape

        stmt = stmt.where(fold(e.c.name).like(fold(literal(f"%{like_escape(q)}%")), escape="\\"))
    if type:
        stmt = stmt.where(e.c.type == type)
    with store.read() as conn:
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = conn.execute(stmt.order_by(e.c.n_articles.desc(), e.c.name).limit(limit).offset(offset)).all()
    return total, [KbEntity(r.kb_id, r.name, r.type, list(r.aliases or []), r.n_articles) for r in rows]


def kb_entity(store: Store, kb_id: str) -> KbEntity | None:
    with store.read() as conn:
        r = conn.execute(select(k.kb_entities).where(k.kb_entities.c.kb_id == kb_id)).first()
    return KbEntity(r.kb_id, r.name, r.type, list(r.aliases or []), r.n_articles) if r else None


@dataclass(slots=True)
class EntityProfile:
    entity: KbEntity
    roles: list[dict[str, Any]]  # {role, published, article_id}, oldest first
    events: list[KbEvent]  # timeline
    quotes_by: list[QuoteHit]
    quotes_about: list[QuoteHit]
    co_occurring: list[tuple[KbEntity, int]]
    articles: list[dict[str, Any]]


def entity_profile(store: Store, kb_id: str, *, limit: int = 200) -> EntityProfile | None:
    return kept(store, ("entity_profile", kb_id, limit), lambda: _entity_profile(store, kb_id, limit))


def _entity_profile(store: Store, kb_id: str, limit: int) -> EntityProfile | None:
    ent = kb_entity(store, kb_id)
    if ent is None:
        return None
    m, a = k.kb_entity_members, st.articles
    with store.read() as conn:
        members = conn.execute(
            select(m.c.article_id, m.c.entity_id, m.c.role, m.c.published, a.c.title)
            .join(a, a.c.id == m.c.article_id).where(m.c.kb_id == kb_id).order_by(a.c.published)).all()
        art_ids = sorted({r.article_id for r in members})
        co = conn.execute(
            select(m.c.kb_id, func.count(func.distinct(m.c.article_id)).label("n"))
            .where(m.c.article_id.in_(art_ids), m.c.kb_id != kb_id)
            .group_by(m.c.kb_id).order_by(func.count(func.distinct(m.c.article_id)).desc()).limit(15)).all()
    roles = [{"role": r.role, "published": r.published, "article_id": r.article_id}
             for r in members if r.role]
    # the entity's own name, not a user's filter: not checked as one (it may be long)
    events = _all_kb_events(store, EventFilter(), actor=ent.name)[:limit]
    by = reviewed_quote_hits(store, _quotes(store, ent.name, limit=limit), speaker=ent.name)
    names = [ent.name, *ent.aliases]
    # the quotes whose text names it: the store narrows them down (text_any), not Python
    candidates = _quotes(store, text_any=names, limit=5000)
    about = [q for q in corrected_quote_hits(store, candidates)
             if q not in by and any(n.lower() in q.quote.text.lower() for n in names)][:limit]
    co_ents = _co_occurring(store, [(r.kb_id, r.n) for r in co])
    articles = [{"article_id": r.article_id, "title": r.title, "published": r.published} for r in members]
    unique = list({a["article_id"]: a for a in articles}.values())
    return EntityProfile(ent, roles, events, by, about, co_ents, unique)


def _co_occurring(store: Store, counts: list[tuple[str, int]]) -> list[tuple[KbEntity, int]]:
    """The KB entities of (kb_id, n) pairs, in one query, in the pairs' order."""
    e = k.kb_entities
    with store.read() as conn:
        rows = {r.kb_id: r for r in conn.execute(select(e).where(e.c.kb_id.in_([c for c, _ in counts])))}
    return [(KbEntity(r.kb_id, r.name, r.type, list(r.aliases or []), r.n_articles), n)
            for kb_id, n in counts if (r := rows.get(kb_id)) is not None]


def search_articles(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Full-text search over article titles and bodies (SQLite FTS5, PostgreSQL to_tsvector)."""
    from sitrep.kb.search import search

    page = Page(limit, offset)  # the query itself: any length (the search caps its terms)
    return search(store, query, limit=page.limit, offset=page.offset)


def kb_ids_of(store: Store, article_id: str) -> dict[str, str]:
    """entity id -> kb id for one article."""
    m = k.kb_entity_members
    with store.read() as conn:
        return {r.entity_id: r.kb_id for r in conn.execute(
            select(m.c.entity_id, m.c.kb_id).where(m.c.article_id == article_id))}


def kb_event(store: Store, kb_event_id: str) -> KbEvent | None:
    """One KB event with every member (each source's own arguments and evidence)."""
    return kept(store, ("kb_event", kb_event_id), lambda: _kb_event(store, kb_event_id))


# the id a listed event has while its article is not merged yet: "<article id prefix>/<event id>"
UNMERGED_PREFIX = 12


def unmerged_event_id(article_id: str, event_id: str) -> str:
    return f"{article_id[:UNMERGED_PREFIX]}/{event_id}"


def _unmerged_keys(store: Store, kb_event_id: str) -> set[tuple[str, str]]:
    """The (article id, event id) an unmerged event's id names, or nothing."""
    prefix, _, event_id = kb_event_id.partition("/")
    if len(prefix) != UNMERGED_PREFIX or not event_id:
        return set()
    try:
        article_id = store.resolve_id(prefix)
    except StoreError:  # ambiguous prefix: not an id this code gave out
        return set()
    return {(article_id, event_id)} if article_id else set()


def _kb_event(store: Store, kb_event_id: str) -> KbEvent | None:
    m = k.kb_event_members
    with store.read() as conn:
        keys = {(r.article_id, r.event_id) for r in conn.execute(
            select(m.c.article_id, m.c.event_id).where(m.c.kb_event_id == kb_event_id))}
    if not keys:
        keys = _unmerged_keys(store, kb_event_id)
    if not keys:
        return None
    # the members' articles in one query (it was one per article)
    hits = [h for h in _hits(store, find_event_keys(store, article_ids={a for a, _ in keys}))
            if (h.article_id, h.event.id) in keys]
    groups = [g for g in _group(store, corrected_event_hits(store, hits)) if g.kb_event_id == kb_event_id]
    return groups[0] if groups else None


def event_json(g: KbEvent) -> dict[str, Any]:
    """A KB event as JSON: the one serializer of the CLI, the API and the pages."""
    return {
        "kb_event_id": g.kb_event_id, "type": g.type, "status": g.status,
        "date_start": g.date_start, "date_end": g.date_end, "n_articles": g.n_articles,
        "args": g.arg_values(),
        "sources": [{"article_id": h.article_id, "title": h.title, "published": h.published,
                     "outlet": h.outlet, "event": to_dict(h.event)} for h in g.members],
    }


def quote_json(h: QuoteHit) -> dict[str, Any]:
    """A quote as JSON, with its article and its speaker's name: the one serializer of
    ``sitrep quotes`` and the API."""
    return {"article_id": h.article_id, "title": h.title, "published": h.published,
            "speaker_name": h.speaker.name if h.speaker else None, **to_dict(h.quote)}


def profile_json(p: EntityProfile) -> dict[str, Any]:
    """An entity profile as JSON: the one serializer of ``sitrep kb entity`` and the API."""
    from dataclasses import asdict

    return {
        "entity": asdict(p.entity), "roles": p.roles, "articles": p.articles,
        "timeline": [event_json(g) for g in p.events],
        "quotes_by": [{"article_id": q.article_id, **to_dict(q.quote)} for q in p.quotes_by],
        "quotes_about": [{"article_id": q.article_id, **to_dict(q.quote)} for q in p.quotes_about],
        "co_occurring": [{"kb_id": e.kb_id, "name": e.name, "type": e.type, "articles": n}
                         for e, n in p.co_occurring],
    }
