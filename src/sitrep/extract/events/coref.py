"""Within-article event coreference: mentions of one event merge into one record.

A mention joins an earlier event of its type when it refers back to it (a definite
or bare noun: "the exercises", "the shipment") or shares a distinguishing argument
(the same amount of money, the same named weapon, the same sentence), and nothing
conflicts (another date for a one-off event, another supplier, another weapon).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.extract.events.lexicon import lexicon
from sitrep.extract.events.mentions import EventMention
from sitrep.extract.events.timeval import overlaps
from sitrep.extract.events.typetable import spec_of
from sitrep.model import Entity

DONE = {"asserted", "historical"}
SINGLE_CONFLICT = ("supplier", "recipient", "actor")


@dataclass(slots=True)
class Cluster:
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def last(self) -> int:
        return self.mentions[-1].trigger.i

    @property
    def status(self) -> str:
        order = lexicon().status["strength"]
        found = [m.status for m in self.mentions if m.status]
        return min(found, key=order.index) if found else "asserted"

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)
        merge_args(self.args, m.args)


def _ent_key(v: Any) -> str:
    return v.id if isinstance(v, Entity) else str(v).lower()


def _named_items(args: dict[str, Any]) -> set[str]:
    return {i["entity"] for i in args.get("items", []) if i.get("entity")}


def _is_country(v: Any) -> bool:
    return isinstance(v, Entity) and v.type == "COUNTRY"


def merge_args(into: dict[str, Any], new: dict[str, Any]) -> None:
    for role, val in new.items():
        cur = into.get(role)
        if cur is None:
            into[role] = list(val) if isinstance(val, list) else val
        elif role == "items":
            keys = {(i.get("entity") or i["name"].lower()) for i in cur}
            cur.extend(i for i in val if (i.get("entity") or i["name"].lower()) not in keys)
        elif isinstance(cur, list) and isinstance(val, list):
            keys = {_ent_key(v) for v in cur}
            cur.extend(v for v in val if _ent_key(v) not in keys)
        elif role == "value" and isinstance(cur, dict) and isinstance(val, dict) and not cur.get("mod") \
                and val.get("mod") and cur.get("amount") == val.get("amount"):
            into[role] = val  # "$300 million" then "more than $300 million": keep the fuller one
        elif role in ("supplier", "recipient") and _is_country(val) and not _is_country(cur):
            into[role] = val


def compatible(c: Cluster, m: EventMention) -> bool:
    a, b = c.args, m.args
    rules = spec_of(c.type)
    if rules.one_off:
        for role in ("date", "start"):
            da, db = a.get(role), b.get(role)
            if isinstance(da, str) and isinstance(db, str) and not overlaps(da, db):
                return False
    if rules.one_off and _places_differ(a.get("place"), b.get("place")):
        return False
    past = c.status == "historical", m.status == "historical"
    if rules.person_centred and m.status and past[0] != past[1]:
        return False  # "bought a stake in 2009" is not the purchase planned now
    if rules.tense_splits and m.status and (c.status in DONE) != (m.status in DONE):
        return False
    pa = {_ent_key(v) for v in a.get("participants", [])}
    pb = {_ent_key(v) for v in b.get("participants", [])}
    if rules.participants_distinguish and pa and pb and not pa & pb:
        return False  # "X is in talks with ...", later "Y is in talks to ...": two sets of talks
    ia, ib = _named_items(a), _named_items(b)
    if ia and ib and not ia & ib:
        return False
    va, vb = a.get("value"), b.get("value")
    if va and vb and va.get("amount") and vb.get("amount") and (
            abs(va["amount"] - vb["amount"]) > 0.05 * va["amount"]):
        return False
    return all(_ent_key(a[r]) == _ent_key(b[r]) for r in SINGLE_CONFLICT if a.get(r) and b.get(r))


def _places_differ(pa: Any, pb: Any) -> bool:
    """Two named places below country level that are not the same place."""
    sub = ("CITY", "FACILITY", "REGION")
    if isinstance(pa, Entity) and isinstance(pb, Entity) and pa.type in sub and pb.type in sub:
        return pa.id != pb.id
    return False


def linked(c: Cluster, m: EventMention) -> bool:
    a, b = c.args, m.args
    if any(x.trigger.sent == m.trigger.sent for x in c.mentions):
        return True
    va, vb = a.get("value"), b.get("value")
    if va and vb and va.get("amount") and vb.get("amount"):
        return True
    if _named_items(a) & _named_items(b):
        return True
    if a.get("name") and a.get("name") == b.get("name"):
        return True
    person = spec_of(c.type).person_centred
    if person and isinstance(a.get("target"), Entity) and _same(a, b, "target"):
        return True  # "X is stepping down" ... "X had left the company"
    if person and _same(a, b, "actor") and _same(a, b, "target", missing=True):
        return True  # "the firm intends to buy ..." ... "the firm will use its option to buy ..."
    if spec_of(c.type).speech_act and not _same_act(c, m):
        return False  # "X denounced the delay" ... "X denied involvement": two acts of saying
    if _same(a, b, "actor") and _same(a, b, "place", missing=True) and _same(a, b, "date", missing=True):
        return True
    same_actor = a.get("actor") is not None and b.get("actor") is not None and (
        _ent_key(a["actor"]) == _ent_key(b["actor"]))
    return same_actor and isinstance(a.get("date"), str) and a.get("date") == b.get("date")


def _same_act(c: Cluster, m: EventMention) -> bool:
    """One act of saying: the new mention repeats a verb of the cluster, or is a noun
    ("the warning", "his accusation") that names it again."""
    if m.nominal:
        return True
    lemma = m.trigger.lemma_.lower()
    return any(x.trigger.lemma_.lower() == lemma for x in c.mentions)


def _same(a: dict[str, Any], b: dict[str, Any], role: str, *, missing: bool = False) -> bool:
    va, vb = a.get(role), b.get(role)
    if va is None or vb is None:
        return missing and not (va is None and vb is None and role == "actor")
    if role == "date":
        return isinstance(va, str) and isinstance(vb, str) and overlaps(va, vb)
    return _ent_key(va) == _ent_key(vb)


def cluster(mentions: list[EventMention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for m in sorted(mentions, key=lambda x: x.trigger.i):
        cands = [c for c in clusters if c.type == m.type and c.mentions[0].label == m.label
                 and not c.mentions[0].distinct
                 and compatible(c, m)] if not m.distinct else []
        chosen = None
        if m.anaphoric and cands:
            done = m.status in DONE
            same = [c for c in cands if (c.status in DONE) == done] if m.status else []
            chosen = max(same or cands, key=lambda c: c.last)
        else:
            chosen = next((c for c in reversed(cands) if linked(c, m)), None)
        if chosen is None:
            chosen = Cluster(type=m.type)
            clusters.append(chosen)
        chosen.add(m)
    return clusters
