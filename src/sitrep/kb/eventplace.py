"""Where an event happened, for cross-article merging: two reports of one incident name
places that can hold each other (Sibi and Balochistan province, both in Pakistan; a town
and its country), two incidents of one type on one day name places that cannot (a hotel
in Beledweyne and a train in Balochistan; two towns of one country).

A place is its KB entity, its type and its country (the extractor's ``country``
attribute; a country is its own). Unknown countries never conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from sitrep.kb import schema as k
from sitrep.kb.entitykeys import normalize_name
from sitrep.model import Analysis, Entity, Event, entity_refs
from sitrep.store import schema as st

PLACE_ROLES = ("place",)
# a type whose places never hold one another when they differ (two towns, two regions)
POINT_TYPES = frozenset({"CITY", "FACILITY"})


@dataclass(frozen=True, slots=True)
class Place:
    kb: str
    type: str
    country: str | None  # normalized country name


def place_of(kb: str, type_: str, name: str, attributes: dict[str, Any] | None) -> Place:
    if type_ == "COUNTRY":
        return Place(kb, type_, normalize_name(name))
    country = (attributes or {}).get("country")
    return Place(kb, type_, normalize_name(country) if isinstance(country, str) and country else None)


def event_places(analysis: Analysis, event: Event, kb_map: dict[str, str]) -> frozenset[Place]:
    """The places an article event names, as KB places."""
    out = set()
    for role in PLACE_ROLES:
        for eid in entity_refs(event.args.get(role)):
            ent: Entity | None = analysis.entity(eid)
            if ent is not None and eid in kb_map:
                out.add(place_of(kb_map[eid], ent.type, ent.name, ent.attributes))
    return frozenset(out)


Key = tuple[str, str]  # (article id, event id)


def stored_places(conn: Connection, members: Iterable[Key]) -> dict[Key, frozenset[Place]]:
    """(article id, event id) -> the places its stored event names."""
    keys = set(members)
    if not keys:
        return {}
    arts = {a for a, _ in keys}
    ea, en, em = st.event_args, st.entities, k.kb_entity_members
    q = (select(ea.c.article_id, ea.c.event_id, em.c.kb_id, en.c.type, en.c.name, en.c.attributes)
         .join(en, (en.c.article_id == ea.c.article_id) & (en.c.id == ea.c.entity_id))
         .join(em, (em.c.article_id == ea.c.article_id) & (em.c.entity_id == ea.c.entity_id))
         .where(ea.c.role.in_(PLACE_ROLES), ea.c.article_id.in_(arts)))
    out: dict[Key, set[Place]] = {}
    for r in conn.execute(q):
        key = (r.article_id, r.event_id)
        if key in keys:
            out.setdefault(key, set()).add(place_of(r.kb_id, r.type, r.name, r.attributes))
    return {key: frozenset(v) for key, v in out.items()}


def _can_hold(a: Place, b: Place) -> bool:
    if a.kb == b.kb:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.type == "COUNTRY" or b.type == "COUNTRY":
        return not (a.type == b.type == "COUNTRY")
    if a.country is None or b.country is None:
        return True  # "Europe", "the Indian Ocean": nothing to check against
    # two towns (or two regions) of one country are two places; a town and a region may nest
    return a.type != b.type and not (a.type in POINT_TYPES and b.type in POINT_TYPES)


def places_agree(a: frozenset[Place], b: frozenset[Place]) -> bool:
    """False when both events name places and no place of one can hold or lie in one of the other."""
    if not a or not b:
        return True
    return any(_can_hold(x, y) for x in a for y in b)
