"""csv exporter: one flat table, a row per fact (entity, time expression, quote, event).

Analysts filter it by ``record``; every row names its article and carries the
evidence offsets, so each fact can be checked against its source sentence.
``details`` holds the whole record as JSON (attributes, arguments, spans).
The parquet exporter writes the same rows (:func:`fact_rows`, :data:`COLUMNS`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from sitrep.model import Analysis, Entity, Event, Quote, Timex, describe_arg, to_dict

COLUMNS = (
    "article_id", "published", "outlet", "title", "record", "id", "type", "status", "text", "start",
    "end", "value", "mod", "kb_id", "speaker", "cue", "args", "evidence", "confidence", "details",
    "pipeline_version",
)
Row = dict[str, Any]


def fact_rows(analyses: Iterable[Analysis]) -> Iterator[Row]:
    """Rows with :data:`COLUMNS` keys, article by article."""
    for a in analyses:
        art = a.article
        base = {"article_id": art.id, "published": art.published, "outlet": art.outlet, "title": art.title,
                "pipeline_version": a.pipeline_version}
        names = {e.id: e.name for e in a.entities}
        rows = [*(_entity(e) for e in a.entities),
                *(_timex(i, t) for i, t in enumerate(a.timexes, 1)),
                *(_quote(i, q, names) for i, q in enumerate(a.quotes, 1)),
                *(_event(v, names) for v in a.events)]
        for r in rows:
            yield {c: r.get(c, base.get(c)) for c in COLUMNS}


def _entity(e: Entity) -> Row:
    body = next((m for m in e.mentions if m.start is not None), None)
    return {"record": "entity", "id": e.id, "type": e.type, "text": e.name, "kb_id": e.kb_id,
            "start": body.start if body else None, "end": body.end if body else None,
            "details": _json({"attributes": e.attributes, "mentions": [to_dict(m) for m in e.mentions]})}


def _timex(i: int, t: Timex) -> Row:
    return {"record": "timex", "id": f"t{i}", "type": t.type, "text": t.text, "start": t.start, "end": t.end,
            "value": t.value, "mod": t.mod, "details": _json(to_dict(t))}


def _quote(i: int, q: Quote, names: dict[str, str]) -> Row:
    return {"record": "quote", "id": f"q{i}", "type": q.kind, "text": q.text, "start": q.start, "end": q.end,
            "speaker": names.get(q.speaker or ""), "cue": q.cue, "details": _json(to_dict(q))}


def _event(v: Event, names: dict[str, str]) -> Row:
    first = v.evidence[0] if v.evidence else None
    return {"record": "event", "id": v.id, "type": v.type, "status": v.status, "text": v.label,
            "start": first.start if first else None, "end": first.end if first else None,
            "args": "; ".join(f"{role}={describe_arg(val, names)}" for role, val in v.args.items()),
            "evidence": " | ".join(" ".join(e.text.split()) for e in v.evidence),
            "confidence": v.confidence, "details": _json(to_dict(v))}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def export_csv(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(fact_rows(analyses))
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
