"""Analysis <-> table rows. The one place that knows how records map onto columns.

Generic over the dataclasses in sitrep.model: a record's fields that have no column
go to its ``extra`` JSON column and come back from it, so ``decode(encode(a))``
gives the same extract-format record even after the model gains fields.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sitrep.model import Analysis, Span
from sitrep.store import schema as t
from sitrep.timespan import days

Row = dict[str, Any]
_CALENDAR = re.compile(r"^\d{4}(-|$)")
# columns whose name differs from the record field
_OFFSETS = {"start": "start_char", "end": "end_char"}
_BACK = {v: k for k, v in _OFFSETS.items()}


_COLUMNS: dict[str, frozenset[str]] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _columns(table: Any) -> frozenset[str]:
    cols = _COLUMNS.get(table.name)
    if cols is None:
        cols = _COLUMNS[table.name] = frozenset(c.name for c in table.columns)
    return cols


def plain(obj: Any) -> Any:
    """A record as plain data, like ``dataclasses.asdict`` but without its deep copies
    (several times faster on an analysis with hundreds of mentions)."""
    if obj is None or isinstance(obj, str | int | float):
        return obj
    if isinstance(obj, list | tuple):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    cls = type(obj)
    names = _FIELDS.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(obj):
            return obj
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return {n: plain(getattr(obj, n)) for n in names}


def _split(record: Mapping[str, Any], table: Any, skip: Iterable[str] = ()) -> Row:
    """A row from a record dict: mapped fields to columns, the rest to ``extra``."""
    cols = _columns(table)
    row: Row = {}
    extra: Row = {}
    for key, value in record.items():
        if key in skip:
            continue
        col = _OFFSETS.get(key, key)
        if col in cols and col != "extra":
            row[col] = value
        else:
            extra[key] = value
    if "extra" in cols:
        row["extra"] = extra or None
    return row


def _span_cols(span: Span | Mapping[str, Any] | None, prefix: str) -> Row:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    d = plain(span) if isinstance(span, Span) else dict(span)
    return {f"{prefix}_start": d.get("start"), f"{prefix}_end": d.get("end"),
            f"{prefix}_text": d.get("text", "")}


def source_rows(article_id: str, sources: Iterable[Any]) -> list[Row]:
    """``article_sources`` rows of an article's sources (Source objects or their dicts)."""
    return [{"article_id": article_id, **_split(plain(s), t.article_sources)} for s in sources]


def encode(analysis: Analysis) -> dict[str, list[Row]]:
    """Rows per table name for one analysis (article row without timestamps)."""
    d = plain(analysis)
    aid = analysis.article.id
    version = analysis.pipeline_version
    base = {"article_id": aid, "pipeline_version": version}
    rows: dict[str, list[Row]] = defaultdict(list)
    art = _split(d["article"], t.articles, skip=("sources",))
    art["pipeline_version"] = version
    rows["articles"].append(art)
    rows["article_sources"] = source_rows(aid, d["article"]["sources"])
    entity_ids = {e["id"] for e in d["entities"]}
    for i, ent in enumerate(d["entities"]):
        rows["entities"].append({**base, "seq": i, **_split(ent, t.entities, skip=("mentions",))})
        for j, m in enumerate(ent["mentions"]):
            rows["mentions"].append({**base, "entity_id": ent["id"], "seq": j, **_split(m, t.mentions)})
    for i, tx in enumerate(d["timexes"]):
        rows["timexes"].append({**base, "seq": i, **_split(tx, t.timexes)})
    for i, q in enumerate(d["quotes"]):
        row = _split(q, t.quotes, skip=("cue_span", "speaker_mention"))
        row.update(_span_cols(q["cue_span"], "cue"))
        row.update(_span_cols(q["speaker_mention"], "speaker"))
        rows["quotes"].append({**base, "seq": i, **row})
    for i, ev in enumerate(d["events"]):
        row = _split(ev, t.events, skip=("args", "evidence", "trigger"))
        row.update(_span_cols(ev["trigger"], "trigger"))
        row.update(event_dates(ev["args"]))
        rows["events"].append({**base, "seq": i, **row})
        for j, e in enumerate(ev["evidence"]):
            rows["evidence"].append({**base, "event_id": ev["id"], "seq": j, **_split(e, t.evidence)})
        for j, arg in enumerate(encode_args(ev["args"], entity_ids)):
            rows["event_args"].append({**base, "event_id": ev["id"], "seq": j, **arg})
    return rows


def event_dates(args: Mapping[str, Any]) -> Row:
    """The event's date range as TIMEX3 calendar values (``date`` or ``start`` .. ``end``)
    and as days ``[day_start, day_end)``."""

    def cal(value: Any) -> str | None:
        return value if isinstance(value, str) and _CALENDAR.match(value) else None

    start = cal(args.get("date")) or cal(args.get("start"))
    end = cal(args.get("end")) or start
    first, _ = days(start)
    _, after = days(end)
    return {"date_start": start, "date_end": end, "day_start": first, "day_end": after or days(start)[1]}


def encode_args(args: Mapping[str, Any], entity_ids: set[str]) -> list[Row]:
    """One row per argument value; a list-valued role gives one row per element."""
    out: list[Row] = []
    for role, value in args.items():
        if isinstance(value, list):
            if not value:
                out.append({"role": role, "position": None, "form": "empty_list", "entity_id": None,
                            "value": None, "span_start": None, "span_end": None})
            for i, item in enumerate(value):
                out.append({"role": role, "position": i, **_encode_value(item, entity_ids)})
        else:
            out.append({"role": role, "position": None, **_encode_value(value, entity_ids)})
    return out


def _encode_value(value: Any, entity_ids: set[str]) -> Row:
    none = {"entity_id": None, "value": None, "span_start": None, "span_end": None}
    if isinstance(value, str) and value in entity_ids:
        return {**none, "form": "id", "entity_id": value}
    # exactly {"entity": id, "span": {"start", "end"}}, in that key order (else kept as a literal)
    if isinstance(value, dict) and list(value) == ["entity", "span"] and isinstance(value["entity"], str):
        span = value["span"]
        if isinstance(span, dict) and list(span) == ["start", "end"]:
            return {**none, "form": "entity_span", "entity_id": value["entity"],
                    "span_start": span["start"], "span_end": span["end"]}
    ref = value.get("entity") if isinstance(value, dict) else None
    return {**none, "form": "literal", "value": value, "entity_id": ref if isinstance(ref, str) else None}


def decode_args(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The args dict from its rows, in ``seq`` order."""
    args: dict[str, Any] = {}
    for r in rows:
        if r["form"] == "empty_list":
            args[r["role"]] = []
            continue
        if r["form"] == "id":
            value: Any = r["entity_id"]
        elif r["form"] == "entity_span":
            value = {"entity": r["entity_id"], "span": {"start": r["span_start"], "end": r["span_end"]}}
        else:
            value = r["value"]
        if r["position"] is None:
            args[r["role"]] = value
        else:
            args.setdefault(r["role"], []).append(value)
    return args


def _join(row: Mapping[str, Any], table: Any, drop: Iterable[str] = ()) -> Row:
    """A record dict from a row: columns back to field names, ``extra`` merged in."""
    cols = _columns(table)
    skip = {"article_id", "pipeline_version", "seq", "extra", *drop}
    out = {_BACK.get(k, k): v for k, v in row.items() if k in cols and k not in skip}
    out.update(row.get("extra") or {})
    return out


def _span(row: Mapping[str, Any], prefix: str) -> Row | None:
    if row[f"{prefix}_text"] is None:
        return None
    return {"start": row[f"{prefix}_start"], "end": row[f"{prefix}_end"], "text": row[f"{prefix}_text"]}


def decode_entity(row: Mapping[str, Any], mention_rows: Iterable[Mapping[str, Any]]) -> Row:
    mentions = [_join(m, t.mentions, drop=("entity_id",)) for m in mention_rows]
    return {**_join(row, t.entities), "mentions": mentions}


def decode_quote(row: Mapping[str, Any]) -> Row:
    rec = _join(row, t.quotes, drop=[c for c in _columns(t.quotes) if c.startswith(("cue_", "speaker_"))])
    rec["cue_span"] = _span(row, "cue")
    rec["speaker_mention"] = _span(row, "speaker")
    return rec


def decode_event(
    row: Mapping[str, Any], arg_rows: Iterable[Mapping[str, Any]], evidence_rows: Iterable[Mapping[str, Any]]
) -> Row:
    derived = ("trigger_start", "trigger_end", "trigger_text", "date_start", "date_end",
               "day_start", "day_end")
    rec = _join(row, t.events, drop=derived)
    rec["args"] = decode_args(arg_rows)
    rec["evidence"] = [_join(e, t.evidence, drop=("event_id",)) for e in evidence_rows]
    rec["trigger"] = _span(row, "trigger")
    return rec


def decode(
    article: Mapping[str, Any],
    sources: Sequence[Mapping[str, Any]],
    children: Mapping[str, Sequence[Mapping[str, Any]]],
) -> Analysis:
    """An Analysis from its article row, its source rows and its child rows (each in seq order)."""
    art = _join(article, t.articles, drop=("added_at", "analysed_at"))
    art["sources"] = [_join(s, t.article_sources, drop=("id",)) for s in sources]
    mentions = _by(children.get("mentions", []), "entity_id")
    ents = [decode_entity(e, mentions.get(e["id"], [])) for e in children.get("entities", [])]
    quotes = [decode_quote(q) for q in children.get("quotes", [])]
    ev_args = _by(children.get("event_args", []), "event_id")
    ev_evidence = _by(children.get("evidence", []), "event_id")
    events = [decode_event(v, ev_args.get(v["id"], []), ev_evidence.get(v["id"], []))
              for v in children.get("events", [])]
    return Analysis.from_dict({
        "article": art, "entities": ents,
        "timexes": [_join(x, t.timexes) for x in children.get("timexes", [])],
        "quotes": quotes, "events": events, "pipeline_version": article["pipeline_version"],
    })


def _by(rows: Iterable[Mapping[str, Any]], key: str) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def dicts(result: Any) -> list[dict[str, Any]]:
    """Rows as plain dicts (zip with the keys: much cheaper than Row._mapping)."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]
