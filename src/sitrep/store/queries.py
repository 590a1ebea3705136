"""Searches over stored records: quotes by speaker, events by type, actor, place, status, time.

A name (speaker, actor, place) matches an entity when it equals, case-insensitively,
the entity's canonical name, its kb_id, or the text of any of its mentions, or is a
whole-word part of one of them ("Lukashenko" finds "Alexander Lukashenko"), or ends
with the entity's whole name ("Alexander Lukashenko" finds an entity named only
"Lukashenko"). Other areas may add ways to resolve a name (e.g. the knowledge base's
aliases) by appending to :data:`name_resolvers`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
    union,
)

from sitrep.model import Entity, Event, Quote
from sitrep.store import codec
from sitrep.store import schema as t
from sitrep.store.engine import fold
from sitrep.timespan import interval

if TYPE_CHECKING:
    from sitrep.store.store import Store

# fn(name) -> a SELECT of (article_id, entity_id) pairs that the name refers to
NameResolver = Callable[[str], Select[Any]]
name_resolvers: list[NameResolver] = []


@dataclass(slots=True)
class QuoteHit:
    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    quote: Quote
    speaker: Entity | None


@dataclass(slots=True)
class EventHit:
    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    event: Event
    # the entities its args refer to, by id
    entities: dict[str, Entity] = field(default_factory=dict)


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _folded(name: str) -> str:
    """A name as compared: lower case, runs of white space as one space."""
    return " ".join(name.lower().split())


def _word_match(col: Any, name: str) -> ColumnElement[bool]:
    """col equals name, or name is a run of whole words inside col (case-insensitive;
    on SQLite accent-insensitive too)."""
    # equal, first, last or inner words: one test of " col " against "% name %", so the
    # fold runs once per row scanned (four times before; it is a Python function on SQLite)
    e = _escape(_folded(name))
    return (literal(" ") + fold(col) + literal(" ")).like(fold(literal(f"% {e} %")), escape="\\")


def _ends_with_name(col: Any, name: str) -> ColumnElement[bool]:
    """The query ends with the whole stored name of at least 4 letters: an article that
    calls him "Lukashenko" answers a search for "Alexander Lukashenko"."""
    q = _folded(name)
    return and_(func.length(col) >= 4, fold(literal(q)).like(literal("% ") + fold(col)))


def entities_named(name: str) -> CompoundSelect[Any]:
    """(article_id, entity_id) of every stored entity the name refers to."""
    e, m = t.entities, t.mentions
    by_name = select(e.c.article_id, e.c.id.label("entity_id")).where(
        or_(_word_match(e.c.name, name), _ends_with_name(e.c.name, name),
            func.lower(e.c.kb_id) == name.strip().lower())
    )
    by_mention = select(m.c.article_id, m.c.entity_id).where(_word_match(m.c.text, name)).distinct()
    return union(by_name, by_mention, *(resolver(name) for resolver in name_resolvers))


# a name that refers to more entities than this is filtered by the SQL subquery
# instead of a list of pairs (a statement's parameters are limited)
MAX_PAIRS = 5000


def named_pairs(store: Store, name: str) -> list[tuple[str, str]] | None:
    """(article_id, entity_id) of every stored entity the name refers to, from the
    store's in-memory name index (sitrep.store.names) on SQLite; None where the SQL of
    :func:`entities_named` is to be used instead (PostgreSQL, very many pairs)."""
    if store.engine.dialect.name != "sqlite":
        return None
    from sitrep.store.names import index_of

    pairs = index_of(store).match(name)
    if name_resolvers:
        with store.read() as conn:
            for resolver in name_resolvers:
                pairs.update((str(row[0]), str(row[1])) for row in map(tuple, conn.execute(resolver(name))))
    return sorted(pairs) if len(pairs) <= MAX_PAIRS else None


def _article_cols() -> list[Any]:
    a = t.articles
    return [a.c.title, a.c.published, a.c.outlet]


def find_quotes(store: Store, speaker: str | None = None, *, kind: str | None = None,
                article_id: str | None = None, text_any: Sequence[str] = (), limit: int | None = None,
                offset: int = 0) -> list[QuoteHit]:
    """Quotes, optionally by speaker name, kind or article, or whose text contains any of
    ``text_any`` (case- and, on SQLite, accent-insensitive); in ingest order."""
    keys = find_quote_keys(store, speaker, kind=kind, article_id=article_id, text_any=text_any,
                           limit=limit, offset=offset)
    found = quote_hits(store, keys)
    return [found[k] for k in keys if k in found]


def find_quote_keys(store: Store, speaker: str | None = None, *, kind: str | None = None,
                    article_id: str | None = None, text_any: Sequence[str] = (), limit: int | None = None,
                    offset: int = 0) -> list[tuple[str, int]]:
    """(article id, seq) of the quotes :func:`find_quotes` finds, in its order: the query
    alone, no record decoded."""
    q, a = t.quotes, t.articles
    stmt = select(q.c.article_id, q.c.seq).join(a, a.c.id == q.c.article_id)
    if kind:
        stmt = stmt.where(q.c.kind == kind)
    if article_id:
        stmt = stmt.where(q.c.article_id == article_id)
    if text_any:
        stmt = stmt.where(or_(*(_contains(q.c.text, x) for x in text_any)))
    stmt = stmt.order_by(a.c.seq, q.c.seq).limit(limit).offset(offset)
    named = named_pairs(store, speaker) if speaker else None
    with store.engine.connect() as conn:
        if speaker:  # the speakers first, once (as a subquery SQLite ran it once per use)
            if named is None:
                named = [(r[0], r[1]) for r in conn.execute(entities_named(speaker))]
            if not named:
                return []
            stmt = stmt.where(tuple_(q.c.article_id, q.c.speaker).in_(named))
        return [(r[0], r[1]) for r in conn.execute(stmt)]


def quote_hits(store: Store, keys: Collection[tuple[str, int]]) -> dict[tuple[str, int], QuoteHit]:
    """The stored quotes of these (article id, seq) keys, decoded, with their articles'
    titles and their speakers: a few queries for all."""
    if not keys:
        return {}
    q, a = t.quotes, t.articles
    wanted = set(keys)
    arts = sorted({aid for aid, _ in wanted})
    rows: list[dict[str, Any]] = []
    with store.engine.connect() as conn:
        for i in range(0, len(arts), 400):
            stmt = (select(q, *_article_cols()).join(a, a.c.id == q.c.article_id)
                    .where(q.c.article_id.in_(arts[i:i + 400])))
            rows += [r for r in codec.dicts(conn.execute(stmt)) if (r["article_id"], r["seq"]) in wanted]
        ents = entities_by_key(conn, {(r["article_id"], r["speaker"]) for r in rows if r["speaker"]})
    return {
        (r["article_id"], r["seq"]): QuoteHit(
            article_id=r["article_id"], title=r["title"], published=r["published"], outlet=r["outlet"],
            quote=Quote.from_dict(codec.decode_quote(r)), speaker=ents.get((r["article_id"], r["speaker"])))
        for r in rows
    }


def _contains(col: Any, part: str) -> ColumnElement[bool]:
    """col contains part, case-insensitively; an ASCII part through the engine's own
    case-insensitive match (no Python call per row on SQLite), any other through fold."""
    e = _escape(part.lower())
    if part.isascii():
        return col.ilike(f"%{e}%", escape="\\")
    return fold(col).like(fold(literal(f"%{e}%")), escape="\\")


def entities_by_key(conn: Any, keys: set[tuple[str, str]]) -> dict[tuple[str, str], Entity]:
    """Stored entities (with mentions) by (article_id, entity_id), read through ``conn``."""
    if not keys:
        return {}
    e, m = t.entities, t.mentions
    pairs = list(keys)
    out: dict[tuple[str, str], Entity] = {}
    for i in range(0, len(pairs), 400):
        chunk = pairs[i:i + 400]
        erows = codec.dicts(conn.execute(select(e).where(tuple_(e.c.article_id, e.c.id).in_(chunk))))
        mrows = codec.dicts(conn.execute(
            select(m).where(tuple_(m.c.article_id, m.c.entity_id).in_(chunk)).order_by(m.c.seq)))
        by: dict[tuple[str, str], list[Any]] = {}
        for mr in mrows:
            by.setdefault((mr["article_id"], mr["entity_id"]), []).append(mr)
        for er in erows:
            key = (er["article_id"], er["id"])
            out[key] = Entity.from_dict(codec.decode_entity(er, by.get(key, [])))
    return out


def _arg_refers(name: str, role: str | None = None,
                pairs: list[tuple[str, str]] | None = None) -> ColumnElement[bool]:
    """The event has an argument (of ``role``, else any) referring to an entity the name
    matches (``pairs``: those entities, when known already)."""
    v, ea = t.events, t.event_args
    if pairs is not None:
        which = (select(ea.c.article_id, ea.c.event_id)
                 .where(tuple_(ea.c.article_id, ea.c.entity_id).in_(pairs)))
        if role:
            which = which.where(ea.c.role == role)
        return tuple_(v.c.article_id, v.c.id).in_(which)
    named = entities_named(name).subquery()
    cond = [ea.c.article_id == v.c.article_id, ea.c.event_id == v.c.id,
            tuple_(ea.c.article_id, ea.c.entity_id).in_(select(named.c[0], named.c[1]))]
    if role:
        cond.append(ea.c.role == role)
    return exists(select(literal(1)).where(and_(*cond)))


def find_events(store: Store, type: str | None = None, actor: str | None = None,
                place: str | None = None, status: str | None = None, since: str | None = None,
                until: str | None = None, *, article_id: str | None = None,
                article_ids: Collection[str] | None = None, limit: int | None = None,
                offset: int = 0) -> list[EventHit]:
    """Events by type, actor (any entity-valued argument), place, status and time range.

    ``since``/``until`` are ISO dates (or prefixes: "2021", "2021-09"); an event is
    kept when its date range (args date/start..end, else the article's publication
    date) overlaps them. ``article_ids``: only the events of these articles.
    """
    keys = find_event_keys(store, type, actor, place, status, since, until, article_id=article_id,
                           article_ids=article_ids, limit=limit, offset=offset)
    found = event_hits(store, keys)
    return [found[k] for k in keys if k in found]


def find_event_keys(store: Store, type: str | None = None, actor: str | None = None,
                    place: str | None = None, status: str | None = None, since: str | None = None,
                    until: str | None = None, *, article_id: str | None = None,
                    article_ids: Collection[str] | None = None, limit: int | None = None,
                    offset: int = 0) -> list[tuple[str, str]]:
    """(article id, event id) of the events :func:`find_events` finds, in its order: the
    query alone, no record decoded (a caller that keeps decoded events asks for those)."""
    v, a = t.events, t.articles
    pairs = {n: named_pairs(store, n) for n in (actor, place) if n}
    if any(p == [] for p in pairs.values()):
        return []  # a name no entity has: no event
    stmt = select(v.c.article_id, v.c.id).join(a, a.c.id == v.c.article_id)
    for cond in _event_filters(type, actor, place, status, since, until, article_id, pairs):
        stmt = stmt.where(cond)
    if article_ids is not None:
        stmt = stmt.where(v.c.article_id.in_(sorted(set(article_ids))))
    stmt = stmt.order_by(a.c.seq, v.c.seq).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [(r[0], r[1]) for r in conn.execute(stmt)]


def event_hits(store: Store, keys: Collection[tuple[str, str]]) -> dict[tuple[str, str], EventHit]:
    """The stored events of these (article id, event id) keys, decoded, with their
    articles' titles and the entities their arguments name: a few queries for all."""
    if not keys:
        return {}
    v, a = t.events, t.articles
    wanted = set(keys)
    rows: list[dict[str, Any]] = []
    with store.engine.connect() as conn:
        arts = sorted({aid for aid, _ in wanted})
        for i in range(0, len(arts), 400):  # by article (the index), the keys kept in Python
            stmt = (select(v, *_article_cols()).join(a, a.c.id == v.c.article_id)
                    .where(v.c.article_id.in_(arts[i:i + 400])).order_by(v.c.article_id, v.c.seq))
            rows += [r for r in codec.dicts(conn.execute(stmt)) if (r["article_id"], r["id"]) in wanted]
        found = [(r["article_id"], r["id"]) for r in rows]
        args = _children(conn, t.event_args, found)
        evid = _children(conn, t.evidence, found)
        refs = {(k[0], x["entity_id"]) for k in found for x in args.get(k, []) if x["entity_id"]}
        ents = entities_by_key(conn, refs)
    hits = {}
    for r, k in zip(rows, found, strict=True):
        ev = Event.from_dict(codec.decode_event(r, args.get(k, []), evid.get(k, [])))
        used = sorted({x["entity_id"] for x in args.get(k, []) if x["entity_id"]})
        hits[k] = EventHit(article_id=k[0], title=r["title"], published=r["published"], outlet=r["outlet"],
                           event=ev, entities={i: ents[k[0], i] for i in used if (k[0], i) in ents})
    return hits


def _event_filters(type_: str | None, actor: str | None, place: str | None, status: str | None,
                   since: str | None, until: str | None, article_id: str | None,
                   pairs: dict[str, list[tuple[str, str]] | None] | None = None) -> list[ColumnElement[bool]]:
    v, a = t.events, t.articles
    conds: list[ColumnElement[bool]] = []
    if type_:
        conds.append(v.c.type == type_)
    if status:
        conds.append(v.c.status == status)
    pairs = pairs or {}
    if actor:
        conds.append(_arg_refers(actor, pairs=pairs.get(actor)))
    if place:
        conds.append(_arg_refers(place, role="place", pairs=pairs.get(place)))
    if article_id:
        conds.append(v.c.article_id == article_id)
    # an event covers the days [day_start, day_end) (sitrep.timespan), else its
    # article's publication day; it is kept when that overlaps [since, until]
    published = func.substr(a.c.published, 1, 10)
    if since and (first := interval(since)):
        conds.append(or_(v.c.day_end > first[0].isoformat(),
                         v.c.day_end.is_(None) & (published >= first[0].isoformat())))
    if until and (last := interval(until)):
        conds.append(func.coalesce(v.c.day_start, published) < last[1].isoformat())
    return conds


def _children(conn: Any, table: t.Table, keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[Any]]:
    """The rows of ``table`` under these (article id, event id) keys, in seq order: read
    by article (the primary key's prefix), filtered to the keys here, as plain dicts."""
    out: dict[tuple[str, str], list[Any]] = {}
    wanted = set(keys)
    arts = sorted({aid for aid, _ in wanted})
    for i in range(0, len(arts), 400):
        stmt = (select(table).where(table.c.article_id.in_(arts[i:i + 400]))
                .order_by(table.c.article_id, table.c.seq))
        for r in codec.dicts(conn.execute(stmt)):
            k = (r["article_id"], r["event_id"])
            if k in wanted:
                out.setdefault(k, []).append(r)
    return out
