"""Review: a human marks an extracted fact right or wrong, or corrects it.

Corrections are stored apart from machine output (table ``corrections``) with who
and when, anchored by article and character span, so they apply again after the
article is re-analysed. :func:`apply_corrections` overrides an analysis with them;
queries and exports go through it.

Any field of a fact can be corrected: an event's type, status, label and any argument
(``{"args": {"supplier": "e3", "place": None}}``: None removes the role), a quote's
kind and speaker, an entity's name, type and kb_id, a timex's value and type. Per fact
the latest verdict wins: a later "right" or "corrected" restores a fact marked
"wrong", corrected fields accumulate in order. A correction must name a fact that
exists (its span is one of the fact's spans).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from sitrep.errors import SitrepError
from sitrep.kb import schema as k
from sitrep.model import ENTITY_TYPES, EVENT_STATUSES, EVENT_TYPES, QUOTE_KINDS, TIMEX_TYPES, Analysis
from sitrep.store import Store

KINDS = ("entity", "timex", "quote", "event")
VERDICTS = ("right", "wrong", "corrected")
# the fields a correction may set, per kind, and the values each accepts (None: free text)
EDITABLE: dict[str, dict[str, tuple[str, ...] | None]] = {
    "event": {"type": EVENT_TYPES, "status": EVENT_STATUSES, "label": None, "args": None},
    "quote": {"kind": QUOTE_KINDS, "speaker": None},
    "timex": {"value": None, "type": TIMEX_TYPES},
    "entity": {"name": None, "type": ENTITY_TYPES, "kb_id": None},
}
# fields that must be text when given (args is a mapping; speaker and kb_id may be null)
_TEXT_FIELDS = {"type", "status", "label", "kind", "value", "name"}


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


def validate(c: Correction) -> None:
    if c.kind not in KINDS:
        raise CorrectionError(f"correction kind {c.kind!r}: use one of {', '.join(KINDS)}")
    if c.verdict not in VERDICTS:
        raise CorrectionError(f"correction verdict {c.verdict!r}: use one of {', '.join(VERDICTS)}")
    if not c.who.strip():
        raise CorrectionError("a correction needs a reviewer name (who)")
    if c.verdict == "corrected":
        if not c.value:
            raise CorrectionError("verdict 'corrected' needs the corrected fields (value)")
        for name, val in c.value.items():
            allowed = EDITABLE[c.kind]
            if name not in allowed:
                raise CorrectionError(
                    f"{c.kind} field {name!r} cannot be corrected; editable: {', '.join(allowed)}")
            choices = allowed[name]
            if choices is not None and val not in choices:
                raise CorrectionError(f"{c.kind} {name} {val!r}: use one of {', '.join(choices)}")
            if name in _TEXT_FIELDS and not (isinstance(val, str) and val.strip()):
                raise CorrectionError(f"{c.kind} {name} must be a non-empty text, got {val!r}")
            if name == "args" and not (isinstance(val, dict) and all(
                    isinstance(r, str) and r.isidentifier() for r in val)):
                raise CorrectionError("event args must map role names to values (null removes a role)")


def add_correction(store: Store, c: Correction) -> Correction:
    """Validate and store a correction (anchored to the span's current text)."""
    validate(c)
    analysis = store.get(c.article_id)
    if analysis is None:
        raise CorrectionError(f"no stored article {c.article_id!r}")
    text = analysis.article.text
    if not 0 <= c.start < c.end <= len(text):
        raise CorrectionError(f"span {c.start}-{c.end} lies outside article {c.article_id[:12]}")
    c.article_id, c.span_text = analysis.article.id, text[c.start:c.end]
    records = getattr(analysis, _ATTR[c.kind])
    if not any(_hits(c, rec, text) for rec in records):
        raise CorrectionError(
            f"no {c.kind} of article {c.article_id[:12]} has the span {c.start}-{c.end} "
            f"({c.span_text[:40]!r}): a correction must name a fact that exists")
    now = datetime.now(UTC)
    row = {"article_id": c.article_id, "kind": c.kind, "start_char": c.start, "end_char": c.end,
           "span_text": c.span_text, "verdict": c.verdict, "value": c.value, "note": c.note,
           "who": c.who.strip(), "at": now, "pipeline_version": analysis.pipeline_version}
    c.id = store.write(lambda conn: conn.execute(
        k.corrections.insert().returning(k.corrections.c.id), row).scalar_one())
    c.at = now.isoformat(timespec="seconds")
    return c


def list_corrections(store: Store, article_id: str | None = None) -> list[Correction]:
    q = select(k.corrections).order_by(k.corrections.c.id)
    if article_id:
        q = q.where(k.corrections.c.article_id == article_id)
    with store.read() as conn:
        return [Correction(
            article_id=r.article_id, kind=r.kind, start=r.start_char, end=r.end_char, verdict=r.verdict,
            who=r.who, value=r.value, note=r.note, span_text=r.span_text,
            at=r.at.isoformat(timespec="seconds") if r.at else None, id=r.id,
        ) for r in conn.execute(q)]


def _spans(kind: str, record: Any) -> list[tuple[int | None, int | None]]:
    if kind == "event":
        spans = [(e.start, e.end) for e in record.evidence]
        if record.trigger is not None:
            spans.append((record.trigger.start, record.trigger.end))
        return spans
    if kind == "entity":
        return [(m.start, m.end) for m in record.mentions]
    return [(record.start, record.end)]


def _hits(c: Correction, record: Any, text: str) -> bool:
    """The correction's span is one of the record's spans (same offsets and same text)."""
    if text[c.start:c.end] != c.span_text:
        return False  # the text changed under the anchor: do not guess
    return (c.start, c.end) in _spans(c.kind, record)


_ATTR = {"entity": "entities", "timex": "timexes", "quote": "quotes", "event": "events"}


def _corrected_record(rec: Any, value: dict[str, Any]) -> Any:
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


def apply_corrections(analysis: Analysis, corrections: list[Correction]) -> Analysis:
    """A copy of the analysis with the corrections applied: per fact, in the order they
    were made, so the latest verdict wins (a later "right" restores a "wrong")."""
    out = dataclasses.replace(analysis, entities=list(analysis.entities), timexes=list(analysis.timexes),
                              quotes=list(analysis.quotes), events=list(analysis.events))
    text = analysis.article.text
    ordered = sorted((c for c in corrections if c.article_id == analysis.article.id), key=lambda c: c.id or 0)
    for kind, attr in _ATTR.items():
        mine = [c for c in ordered if c.kind == kind]
        if not mine:
            continue
        kept = []
        for rec in getattr(out, attr):
            now, present = rec, True
            for c in mine:
                if not _hits(c, rec, text):
                    continue
                if c.verdict == "wrong":
                    present = False
                else:
                    present = True
                    if c.verdict == "corrected":
                        now = _corrected_record(now, c.value or {})
            if present:
                kept.append(now)
        setattr(out, attr, kept)
    return out


def corrected(store: Store, article_id: str) -> Analysis | None:
    """The stored analysis with its corrections applied."""
    analysis = store.get(article_id)
    if analysis is None:
        return None
    return apply_corrections(analysis, list_corrections(store, analysis.article.id))
