"""Review: a human marks an extracted fact right or wrong, or corrects it.

Corrections are stored apart from machine output (table ``corrections``) with who
and when, anchored by article and character span, so they apply again after the
article is re-analysed. :func:`apply_corrections` overrides an analysis with them;
queries and exports go through it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from sitrep.errors import SitrepError
from sitrep.kb import schema as k
from sitrep.model import EVENT_STATUSES, EVENT_TYPES, QUOTE_KINDS, Analysis
from sitrep.store import Store
from sitrep.store.engine import WRITE

KINDS = ("entity", "timex", "quote", "event")
VERDICTS = ("right", "wrong", "corrected")
# the fields a correction may set, per kind, and the values each accepts (None: free text)
EDITABLE: dict[str, dict[str, tuple[str, ...] | None]] = {
    "event": {"type": EVENT_TYPES, "status": EVENT_STATUSES},
    "quote": {"kind": QUOTE_KINDS},
    "timex": {"value": None},
    "entity": {"name": None},
}


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
    now = datetime.now(UTC)
    with store.engine.connect().execution_options(**WRITE) as conn, conn.begin():
        c.id = conn.execute(k.corrections.insert().returning(k.corrections.c.id), {
            "article_id": c.article_id, "kind": c.kind, "start_char": c.start, "end_char": c.end,
            "span_text": c.span_text, "verdict": c.verdict, "value": c.value, "note": c.note,
            "who": c.who.strip(), "at": now, "pipeline_version": analysis.pipeline_version,
        }).scalar_one()
    c.at = now.isoformat(timespec="seconds")
    return c


def list_corrections(store: Store, article_id: str | None = None) -> list[Correction]:
    q = select(k.corrections).order_by(k.corrections.c.id)
    if article_id:
        q = q.where(k.corrections.c.article_id == article_id)
    with store.engine.connect() as conn:
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


def apply_corrections(analysis: Analysis, corrections: list[Correction]) -> Analysis:
    """A copy of the analysis with the corrections applied (latest wins per record)."""
    out = dataclasses.replace(analysis, entities=list(analysis.entities), timexes=list(analysis.timexes),
                              quotes=list(analysis.quotes), events=list(analysis.events))
    attr = {"entity": "entities", "timex": "timexes", "quote": "quotes", "event": "events"}
    text = analysis.article.text
    for c in sorted(corrections, key=lambda c: (c.id or 0)):
        if c.article_id != analysis.article.id:
            continue
        records = getattr(out, attr[c.kind])
        kept = []
        for rec in records:
            if not _hits(c, rec, text):
                kept.append(rec)
            elif c.verdict == "corrected":
                kept.append(dataclasses.replace(rec, **(c.value or {})))
            elif c.verdict == "right":
                kept.append(rec)
        setattr(out, attr[c.kind], kept)
    return out


def corrected(store: Store, article_id: str) -> Analysis | None:
    """The stored analysis with its corrections applied."""
    analysis = store.get(article_id)
    if analysis is None:
        return None
    return apply_corrections(analysis, list_corrections(store, analysis.article.id))
