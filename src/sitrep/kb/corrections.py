"""Review: a human marks an extracted fact right or wrong, corrects it, adds a fact
the machine missed, merges or splits entities, and undoes any of it.

Corrections are stored apart from machine output (table ``corrections``) with who
and when, anchored by article and character span, so they apply again after the
article is re-analysed. :func:`apply_corrections` (:mod:`sitrep.kb.replay`) overrides
an analysis with them; every read path goes through it.

Verdicts (``value`` is the JSON the verdict needs):

- ``right`` / ``wrong``: the fact with this span is (not) a fact;
- ``corrected``: any field of the fact (an event's type, status, label and any argument,
  ``{"args": {"supplier": "e3", "place": None}}``: None removes the role; a quote's kind
  and speaker; an entity's name, type and kb_id; a timex's value and type);
- ``added``: a fact the machine missed, its span selected in the text: an entity
  ``{"name", "type", "kb_id"?}`` (the span is its mention), a quote ``{"kind",
  "speaker"?}``, an event ``{"type", "status", "args"?, "label"?}`` (the span is its
  evidence), a timex ``{"value", "type"}``;
- ``merged`` (entities): the entity with this mention absorbs the one with the mention
  ``{"with": [start, end]}`` (optionally ``"name"``, ``"type"``, ``"kb_id"``); quote
  speakers and event arguments naming the absorbed entity follow it;
- ``split`` (entities): the mentions ``{"mentions": [[start, end], ...]}`` of the entity
  with this mention become a new entity ``"name"``, ``"type"`` (``"kb_id"``?);
- ``undone``: ``{"correction": id}`` revokes that correction (the history is kept; the
  verdict before it wins again; undoing an undo restores the correction).

Per fact the latest verdict wins: a later "right" or "corrected" restores a fact marked
"wrong", corrected fields accumulate in order. A correction must name a fact that
exists (its span is one of the fact's spans), or be an explicit addition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from sitrep.errors import SitrepError
from sitrep.kb import schema as k
from sitrep.kb.replay import ATTR, live, replay, revoked, spans
from sitrep.model import ENTITY_TYPES, EVENT_STATUSES, EVENT_TYPES, QUOTE_KINDS, TIMEX_TYPES, Analysis
from sitrep.store import Store

KINDS = ("entity", "timex", "quote", "event")
VERDICTS = ("right", "wrong", "corrected", "added", "merged", "split", "undone")
# the fields a correction may set, per kind, and the values each accepts (None: free text)
EDITABLE: dict[str, dict[str, tuple[str, ...] | None]] = {
    "event": {"type": EVENT_TYPES, "status": EVENT_STATUSES, "label": None, "args": None},
    "quote": {"kind": QUOTE_KINDS, "speaker": None},
    "timex": {"value": None, "type": TIMEX_TYPES},
    "entity": {"name": None, "type": ENTITY_TYPES, "kb_id": None},
}
# the fields an addition must give, per kind (the others of EDITABLE are optional)
REQUIRED: dict[str, tuple[str, ...]] = {
    "event": ("type", "status"), "quote": ("kind",), "timex": ("value", "type"), "entity": ("name", "type"),
}
# fields that must be text when given (args is a mapping; speaker and kb_id may be null)
_TEXT_FIELDS = {"type", "status", "label", "kind", "value", "name"}
MAX_SPLIT = 1000  # mentions one split may move


class CorrectionError(SitrepError):
    """A correction that cannot be stored (unknown kind, verdict, field or value)."""


@dataclass(slots=True)
class Correction:
    article_id: str
    kind: str
    start: int
    end: int
    verdict: str
    who: str
    value: dict[str, Any] | None = None
    note: str | None = None
    span_text: str = ""
    at: str | None = None
    id: int | None = None
    revoked: bool = False  # undone by a later correction (not stored: derived from the history)


def _check_fields(c: Correction, fields: dict[str, Any]) -> None:
    allowed = EDITABLE[c.kind]
    for name, val in fields.items():
        if name not in allowed:
            raise CorrectionError(
                f"{c.kind} field {name!r} cannot be {c.verdict}; editable: {', '.join(allowed)}")
        choices = allowed[name]
        if choices is not None and val not in choices:
            raise CorrectionError(f"{c.kind} {name} {val!r}: use one of {', '.join(choices)}")
        if name in _TEXT_FIELDS and not (isinstance(val, str) and val.strip()):
            raise CorrectionError(f"{c.kind} {name} must be a non-empty text, got {val!r}")
        if name in ("speaker", "kb_id") and not (val is None or (isinstance(val, str) and val.strip())):
            raise CorrectionError(f"{c.kind} {name} must be a text or null, got {val!r}")
        if name == "args" and not (isinstance(val, dict) and all(
                isinstance(r, str) and r.isidentifier() for r in val)):
            raise CorrectionError("event args must map role names to values (null removes a role)")


def _span(val: Any, what: str) -> tuple[int, int]:
    if not (isinstance(val, list | tuple) and len(val) == 2 and all(
            isinstance(x, int) and not isinstance(x, bool) for x in val) and 0 <= val[0] < val[1]):
        raise CorrectionError(f"{what} must be a span [start, end], got {val!r}")
    return val[0], val[1]


def _check_entity_change(c: Correction, v: dict[str, Any]) -> None:
    """merged: {"with": span, name?, type?, kb_id?}; split: {"mentions": [span...], name, type, kb_id?}."""
    if c.kind != "entity":
        raise CorrectionError(f"only entities can be {c.verdict}, not a {c.kind}")
    key = "with" if c.verdict == "merged" else "mentions"
    if key not in v:
        raise CorrectionError(f"verdict {c.verdict!r} needs {key!r} in its value")
    if c.verdict == "merged":
        _span(v["with"], "merged 'with'")
    else:
        moving = v["mentions"]
        if not (isinstance(moving, list) and 0 < len(moving) <= MAX_SPLIT):
            raise CorrectionError(f"split 'mentions' must be a list of 1 to {MAX_SPLIT} spans")
        for m in moving:
            _span(m, "a split mention")
        for name in REQUIRED["entity"]:
            if name not in v:
                raise CorrectionError(f"a split needs the new entity's {name}")
    _check_fields(c, {n: x for n, x in v.items() if n != key})


def validate(c: Correction) -> None:
    """The checks that need no store: kind, verdict, reviewer, the value's shape and vocabularies."""
    if c.kind not in KINDS:
        raise CorrectionError(f"correction kind {c.kind!r}: use one of {', '.join(KINDS)}")
    if c.verdict not in VERDICTS:
        raise CorrectionError(f"correction verdict {c.verdict!r}: use one of {', '.join(VERDICTS)}")
    if not c.who.strip():
        raise CorrectionError("a correction needs a reviewer name (who)")
    if c.verdict in ("corrected", "added", "merged", "split") and not isinstance(c.value, dict):
        raise CorrectionError(f"verdict {c.verdict!r} needs the {c.verdict} fields (value)")
    v = c.value or {}
    if c.verdict == "corrected":
        if not v:
            raise CorrectionError("verdict 'corrected' needs the corrected fields (value)")
        _check_fields(c, v)
    elif c.verdict == "added":
        missing = [n for n in REQUIRED[c.kind] if n not in v]
        if missing:
            raise CorrectionError(f"an added {c.kind} needs {', '.join(missing)}")
        _check_fields(c, v)
    elif c.verdict in ("merged", "split"):
        _check_entity_change(c, v)
    elif c.verdict == "undone":
        target = v.get("correction")
        if not isinstance(target, int) or isinstance(target, bool):
            raise CorrectionError("verdict 'undone' needs the id of the correction it revokes "
                                  "(value {\"correction\": id})")


def _check_against(c: Correction, analysis: Analysis, earlier: list[Correction]) -> None:
    """The correction names facts that exist: those of the analysis with the earlier
    corrections replayed, facts marked wrong included (a "right" restores them)."""
    facts = replay(analysis, earlier, keep_wrong=True)
    records = getattr(facts, ATTR[c.kind])
    spot = (c.start, c.end)
    hit = [r for r in records if spot in spans(c.kind, r)]
    where = f"the span {c.start}-{c.end} ({c.span_text[:40]!r})"
    if c.verdict == "added":
        if hit:
            raise CorrectionError(f"a {c.kind} of article {c.article_id[:12]} already has {where}: "
                                  "correct it instead of adding it")
    elif not hit:
        raise CorrectionError(f"no {c.kind} of article {c.article_id[:12]} has {where}: "
                              "a correction must name a fact that exists (or be an addition)")
    v = c.value or {}
    speaker = v.get("speaker") if c.kind == "quote" else None
    if speaker is not None and facts.entity(speaker) is None:
        raise CorrectionError(f"speaker {speaker!r} is no entity of article {c.article_id[:12]}")
    if c.verdict == "merged":
        other = [r for r in records
                 if tuple(v["with"]) in spans("entity", r) and all(r is not h for h in hit)]
        if not other:
            raise CorrectionError(f"no other entity of article {c.article_id[:12]} has the mention "
                                  f"{v['with'][0]}-{v['with'][1]} to merge")
    if c.verdict == "split":
        mine = {(m.start, m.end) for m in hit[0].mentions}
        moving = {tuple(m) for m in v["mentions"]}
        if not moving <= mine:
            bad = sorted(moving - mine)[0]
            raise CorrectionError(f"{bad[0]}-{bad[1]} is no mention of entity {hit[0].name!r}")
        if moving >= mine:
            raise CorrectionError("a split must leave the entity at least one mention: "
                                  "correct its name or type instead")


def add_correction(store: Store, c: Correction) -> Correction:
    """Validate and store a correction (anchored to the span's current text). An undo
    takes its kind and span from the correction it revokes."""
    validate(c)
    analysis = store.get(c.article_id)
    if analysis is None:
        raise CorrectionError(f"no stored article {c.article_id!r}")
    earlier = list_corrections(store, analysis.article.id)
    text = analysis.article.text
    if c.verdict == "undone":
        _fill_undo(c, earlier)
    if not 0 <= c.start < c.end <= len(text):
        raise CorrectionError(f"span {c.start}-{c.end} lies outside article {c.article_id[:12]}")
    for spot in ([c.value["with"]] if c.verdict == "merged" and c.value else []):
        if not spot[1] <= len(text):
            raise CorrectionError(f"span {spot[0]}-{spot[1]} lies outside article {c.article_id[:12]}")
    c.article_id = analysis.article.id
    if c.verdict != "undone":
        c.span_text = text[c.start:c.end]
        _check_against(c, analysis, earlier)
    now = datetime.now(UTC)
    row = {"article_id": c.article_id, "kind": c.kind, "start_char": c.start, "end_char": c.end,
           "span_text": c.span_text, "verdict": c.verdict, "value": c.value, "note": c.note,
           "who": c.who.strip(), "at": now, "pipeline_version": analysis.pipeline_version}
    c.id = store.write(lambda conn: conn.execute(
        k.corrections.insert().returning(k.corrections.c.id), row).scalar_one())
    c.at = now.isoformat(timespec="seconds")
    return c


def _fill_undo(c: Correction, earlier: list[Correction]) -> None:
    target_id = (c.value or {}).get("correction")
    target = next((x for x in earlier if x.id == target_id), None)
    if target is None:
        raise CorrectionError(f"article {c.article_id[:12]} has no correction {target_id}")
    if target.revoked:
        raise CorrectionError(f"correction {target_id} is already undone (undo the undo to restore it)")
    c.kind, c.start, c.end, c.span_text = target.kind, target.start, target.end, target.span_text


def undo_correction(store: Store, correction_id: int, who: str, note: str | None = None) -> Correction:
    """Revoke correction ``correction_id`` by a new "undone" record (the history stays)."""
    with store.read() as conn:
        row = conn.execute(select(k.corrections.c.article_id).where(
            k.corrections.c.id == correction_id)).first()
    if row is None:
        raise CorrectionError(f"no correction {correction_id}")
    return add_correction(store, Correction(article_id=row.article_id, kind="event", start=0, end=1,
                                            verdict="undone", who=who, value={"correction": correction_id},
                                            note=note))


def list_corrections(store: Store, article_id: str | None = None) -> list[Correction]:
    """Every correction (of one article), oldest first, undone ones flagged ``revoked``."""
    q = select(k.corrections).order_by(k.corrections.c.id)
    if article_id:
        q = q.where(k.corrections.c.article_id == article_id)
    with store.read() as conn:
        out = [Correction(
            article_id=r.article_id, kind=r.kind, start=r.start_char, end=r.end_char, verdict=r.verdict,
            who=r.who, value=r.value, note=r.note, span_text=r.span_text,
            at=r.at.isoformat(timespec="seconds") if r.at else None, id=r.id,
        ) for r in conn.execute(q)]
    gone = revoked(out)
    for c in out:
        c.revoked = c.id in gone
    return out


def apply_corrections(analysis: Analysis, corrections: list[Correction]) -> Analysis:
    """A copy of the analysis with the corrections applied: per fact, in the order they
    were made, so the latest verdict wins (a later "right" restores a "wrong"); undone
    corrections left out; additions, merges and splits in place."""
    return replay(analysis, corrections)


def corrected(store: Store, article_id: str) -> Analysis | None:
    """The stored analysis with its corrections applied."""
    analysis = store.get(article_id)
    if analysis is None:
        return None
    return apply_corrections(analysis, list_corrections(store, analysis.article.id))


__all__ = ["EDITABLE", "KINDS", "VERDICTS", "Correction", "CorrectionError", "add_correction",
           "apply_corrections", "corrected", "list_corrections", "live", "undo_correction", "validate"]
