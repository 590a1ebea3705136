"""Replaying review corrections onto an analysis (the one place they take effect).

The corrections of an article are replayed in the order they were made: an undone
correction (revoked by a later ``undone`` record that is not itself undone) is left
out; "added" brings a fact the machine missed, anchored by its span; "merged" folds
one entity into another (its mentions, and every quote speaker and event argument
that named it); "split" moves a set of an entity's mentions to a new entity; "right",
"wrong" and "corrected" change the facts with the correction's span. Per fact the
latest verdict wins. Facts a review creates get ids from the correction's id
(``er12``: the entity correction 12 added or split off, ``vr12``: its event), so
corrections made later can name them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sitrep.model import Analysis, Entity, Event, Evidence, Mention, Quote, Timex

if TYPE_CHECKING:
    from sitrep.kb.corrections import Correction

ATTR = {"entity": "entities", "timex": "timexes", "quote": "quotes", "event": "events"}

Spot = tuple[int | None, int | None]


def review_id(kind: str, correction_id: int | None) -> str:
    """The id of the entity or event correction ``correction_id`` created."""
    return f"{'e' if kind == 'entity' else 'v'}r{correction_id}"


def spans(kind: str, record: Any) -> list[Spot]:
    """The spans a correction may name a record by: an event's evidence and trigger, an
    entity's mentions, a quote's or time expression's own span."""
    if kind == "event":
        out: list[Spot] = [(e.start, e.end) for e in record.evidence]
        if record.trigger is not None:
            out.append((record.trigger.start, record.trigger.end))
        return out
    if kind == "entity":
        return [(m.start, m.end) for m in record.mentions]
    return [(record.start, record.end)]


def revoked(corrections: Iterable[Correction]) -> set[int]:
    """Ids of the corrections an undo revokes: newest first, so an undo that is itself
    undone revokes nothing (undoing the undo restores the correction)."""
    out: set[int] = set()
    for c in sorted(corrections, key=lambda c: c.id or 0, reverse=True):
        if c.verdict == "undone" and c.id not in out and c.value:
            target = c.value.get("correction")
            if isinstance(target, int):
                out.add(target)
    return out


def live(corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections in effect, oldest first (undo records and what they revoke left out)."""
    cs = sorted(corrections, key=lambda c: c.id or 0)
    gone = revoked(cs)
    return [c for c in cs if c.verdict != "undone" and c.id not in gone]


def corrected_record(rec: Any, value: dict[str, Any]) -> Any:
    """A record with corrected fields (``args`` merge role by role; None removes a role)."""
    fields = dict(value)
    if "args" in fields:
        args = dict(rec.args)
        for role, v in fields.pop("args").items():
            if v is None:
                args.pop(role, None)
            else:
                args[role] = v
        fields["args"] = args
    return dataclasses.replace(rec, **fields)


def added_record(c: Correction) -> Any:
    """The fact an "added" correction names: its span is the mention, quote, evidence or
    time expression; its value gives the fields."""
    v = c.value or {}
    if c.kind == "entity":
        return Entity(id=review_id("entity", c.id), name=v["name"], type=v["type"], kb_id=v.get("kb_id"),
                      mentions=[Mention(c.start, c.end, c.span_text)])
    if c.kind == "quote":
        return Quote(start=c.start, end=c.end, text=c.span_text, kind=v["kind"], speaker=v.get("speaker"))
    if c.kind == "timex":
        return Timex(start=c.start, end=c.end, text=c.span_text, type=v["type"], value=v["value"])
    args = {role: val for role, val in (v.get("args") or {}).items() if val is not None}
    return Event(id=review_id("event", c.id), type=v["type"], status=v["status"], args=args,
                 evidence=[Evidence(c.start, c.end, c.span_text, v["status"])], confidence=1.0,
                 label=v.get("label"))


class _Facts:
    """The records of one kind while corrections replay: each with whether it is shown."""

    def __init__(self, kind: str, records: list[Any]) -> None:
        self.kind = kind
        self.rows: list[list[Any]] = [[r, True] for r in records]

    def hit(self, spot: Spot, but: Any = None) -> list[Any]:
        return [row for row in self.rows if spot in spans(self.kind, row[0]) and row[0] is not but]

    def shown(self) -> list[Any]:
        return [r for r, present in self.rows if present]


def _merge(facts: _Facts, c: Correction, alias: dict[str, str]) -> None:
    v = c.value or {}
    into = facts.hit((c.start, c.end))
    if not into:
        return
    row = into[0]
    target: Entity = row[0]
    w = v.get("with") or (None, None)
    other = facts.hit((w[0], w[1]), but=target)
    if not other:
        return
    gone: Entity = other[0][0]
    seen = {(m.start, m.end, m.field) for m in target.mentions}
    mentions = [*target.mentions, *(m for m in gone.mentions if (m.start, m.end, m.field) not in seen)]
    mentions.sort(key=lambda m: (m.start is None, m.start or 0))
    row[0] = dataclasses.replace(
        target, name=v.get("name") or target.name, type=v.get("type") or target.type,
        kb_id=v.get("kb_id") or target.kb_id or gone.kb_id,
        attributes={**gone.attributes, **target.attributes}, mentions=mentions)
    row[1] = row[1] or other[0][1]
    facts.rows.remove(other[0])
    alias[gone.id] = target.id


def _split(facts: _Facts, c: Correction) -> None:
    v = c.value or {}
    found = facts.hit((c.start, c.end))
    if not found:
        return
    row = found[0]
    ent: Entity = row[0]
    moving = {tuple(s) for s in v.get("mentions") or ()}
    moved = [m for m in ent.mentions if (m.start, m.end) in moving]
    kept = [m for m in ent.mentions if (m.start, m.end) not in moving]
    if not moved or not kept:
        return
    row[0] = dataclasses.replace(ent, mentions=kept)
    new = Entity(id=review_id("entity", c.id), name=v["name"], type=v["type"], kb_id=v.get("kb_id"),
                 mentions=moved)
    facts.rows.insert(facts.rows.index(row) + 1, [new, row[1]])


def _verdict(facts: _Facts, c: Correction, keep_wrong: bool) -> None:
    for row in facts.hit((c.start, c.end)):
        if c.verdict == "wrong":
            row[1] = keep_wrong
            continue
        row[1] = True
        if c.verdict == "corrected":
            row[0] = corrected_record(row[0], c.value or {})


def _resolve(alias: dict[str, str], eid: str) -> str:
    seen = set()
    while eid in alias and eid not in seen:
        seen.add(eid)
        eid = alias[eid]
    return eid


def remap(value: Any, alias: dict[str, str]) -> Any:
    """An event argument with the entity ids of ``alias`` replaced by what they merged into."""
    if isinstance(value, str):
        return _resolve(alias, value) if value in alias else value
    if isinstance(value, list):
        return [remap(v, alias) for v in value]
    if isinstance(value, dict):
        if isinstance(value.get("entity"), str):
            return {**value, "entity": _resolve(alias, value["entity"])}
        return {k: remap(v, alias) if isinstance(v, list | dict) else v for k, v in value.items()}
    return value


def replay(analysis: Analysis, corrections: Iterable[Correction], *, keep_wrong: bool = False) -> Analysis:
    """A copy of the analysis with the article's live corrections applied in order.
    ``keep_wrong``: facts marked wrong stay (every fact a correction may name)."""
    text = analysis.article.text
    facts = {kind: _Facts(kind, list(getattr(analysis, attr))) for kind, attr in ATTR.items()}
    alias: dict[str, str] = {}
    for c in live(c for c in corrections if c.article_id == analysis.article.id):
        if c.kind not in facts or text[c.start:c.end] != c.span_text:
            continue  # the text changed under the anchor: do not guess
        f = facts[c.kind]
        if c.verdict == "added":
            if not f.hit((c.start, c.end)):  # a re-analysis that finds it keeps the machine's
                f.rows.append([added_record(c), True])
        elif c.verdict == "merged":
            _merge(f, c, alias)
        elif c.verdict == "split":
            _split(f, c)
        else:
            _verdict(f, c, keep_wrong)
    out = dataclasses.replace(analysis, entities=facts["entity"].shown(), timexes=facts["timex"].shown(),
                              quotes=facts["quote"].shown(), events=facts["event"].shown())
    if alias:
        out.quotes = [dataclasses.replace(q, speaker=_resolve(alias, q.speaker)) if q.speaker in alias else q
                      for q in out.quotes]
        out.events = [dataclasses.replace(e, args={r: remap(v, alias) for r, v in e.args.items()})
                      for e in out.events]
    return out
