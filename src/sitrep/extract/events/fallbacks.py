"""Arguments from outside the clause, and mentions that are only another event's target.

- an election without "in X" takes the place named last before it in its sentence, else
  the country the report names most;
- a state of emergency declared by a country is in that country unless told otherwise;
- a visit without a place takes one from the next sentence when that sentence
  continues with the same actor ("..., the strongman praised ...");
- a noun that is the target of a repression or attack ("cracking down on protests")
  is part of that event, not an event of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitrep.extract.events.coref import Cluster
from sitrep.extract.events.mentions import EventMention
from sitrep.extract.events.resolve import LOCATIVE_PREPS, PLACE_TYPES, Resolver
from sitrep.extract.events.slots import slots_of
from sitrep.extract.events.typetable import spec_of
from sitrep.model import Entity

LOCATIVE = ("in", "at", "near")


def fill_gaps(m: EventMention, res: Resolver) -> None:
    """The place of an unplaced event by its type's ``place_fallback`` (event_types.yaml)."""
    how = spec_of(m.type).place_fallback
    if how is None or how in LATE_FALLBACKS or "place" in m.args:
        return
    place = PLACE_FALLBACKS[how](m, res)
    if place is not None:
        m.args["place"] = place


def _nearest_or_main_country(m: EventMention, res: Resolver) -> Entity | None:
    return res.nearest_place(m.trigger) or _main_country(res)


def _declaring_place(m: EventMention, res: Resolver) -> Entity | None:
    """A country (or region) that declares it is where it holds."""
    actor = m.args.get("actor")
    return actor if isinstance(actor, Entity) and actor.type in PLACE_TYPES else None


def _main_country(res: Resolver) -> Entity | None:
    """The country the report is about, for an election it does not place: elections are
    held in a country, and a report on one names it most."""
    return res.main_country()


def _next_sentence_place(m: EventMention, res: Resolver) -> Entity | None:
    doc = m.trigger.doc
    sent = m.trigger.sent
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    root = nxt.root
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    actor = m.args.get("actor")
    if not subj or actor is None:
        return None
    same = res.at_token(subj[0]) == actor or subj[0].pos_ in ("PRON",) or (
        subj[0].pos_ == "NOUN" and any(c.lower_ == "the" for c in subj[0].children))
    if not same:
        return None
    places = [e for t in nxt for e in [res.index.entity_at(t.idx, t.idx + len(t.text))]
              if e is not None and e.type in PLACE_TYPES and t.i < subj[0].i]
    return res.place(list(places)) if places else None


LATE_FALLBACKS = frozenset({"sentence"})  # after coreference: a guessed place splits no event


def placed_by_sentence(clusters: list[Cluster], res: Resolver) -> None:
    """The ``sentence`` place fallback, per event after coreference (a place guessed for
    one mention must not make it another event of a one-off type): the first mention's."""
    for c in clusters:
        if "place" in c.args or spec_of(c.type).place_fallback != "sentence":
            continue
        for m in c.mentions:
            place = _sentence_place(m, res, {**c.args, **m.args})
            if place is not None:
                c.args["place"] = place
                break


def _sentence_place(m: EventMention, res: Resolver, args: dict[str, Any] | None = None) -> Entity | None:
    """The place a locative phrase of the trigger's sentence names ("... who laid siege to a
    hotel in the town of X"), the one nearest the trigger, most specific first, and none
    that fills another role of the event."""
    taken = {v.id for v in (m.args if args is None else args).values() if isinstance(v, Entity)}
    best: tuple[int, int, Entity] | None = None
    for t in m.trigger.sent:
        if t.dep_ != "pobj" or t.head.lower_ not in LOCATIVE_PREPS:
            continue
        found = [e for e in [*res.refs(t, subtree=False), *res.inside(t, places=True)]
                 if isinstance(e, Entity) and e.type in PLACE_TYPES and e.id not in taken]
        for e in found:
            key = (abs(t.i - m.trigger.i), PLACE_TYPES.index(e.type), e)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def suppress(mentions: list[EventMention]) -> None:
    by_token = {m.trigger.i: m for m in mentions if m.nominal}
    for m in mentions:
        if not spec_of(m.type).absorbs_targets:
            continue
        slots = slots_of(m)
        targets = slots.patient + slots.preps.get("on", []) + slots.preps.get("against", [])
        for tok in targets:
            other = by_token.get(tok.i)
            if other is not None and other is not m:
                other.suppressed = True


PLACE_FALLBACKS: dict[str, Callable[[EventMention, Resolver], Entity | None]] = {
    "nearest_or_main_country": _nearest_or_main_country,
    "actor": _declaring_place,
    "next_sentence": _next_sentence_place,
    "sentence": _sentence_place,
}
