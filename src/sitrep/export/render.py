"""Print extract-format records as JSON, JSON Lines, YAML or readable text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

import yaml


def render_analyses(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """JSON: one object for one article, an array for several; JSONL: a line each."""
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    items = list(records)
    if fmt == "json":
        doc: Any = items[0] if len(items) == 1 else items
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "yaml":
        yaml.safe_dump(items[0] if len(items) == 1 else items, out, allow_unicode=True, sort_keys=False)
    else:
        for rec in items:
            out.write(render_text(rec))


def render_text(rec: dict[str, Any]) -> str:
    art = rec["article"]
    lines = [
        f"# {art.get('title') or '(untitled)'}",
        f"id {art['id'][:12]}  published {art.get('published') or '?'}  "
        f"outlet {art.get('outlet') or '?'}  source {art.get('source')}",
    ]
    if art.get("analysis"):
        lines.append(f"not analysed: {art['analysis']}")
    names = {e["id"]: e["name"] for e in rec.get("entities", [])}
    if rec.get("entities"):
        lines.append(f"\nentities ({len(rec['entities'])})")
        for e in rec["entities"]:
            forms = sorted({m["text"] for m in e["mentions"]})
            lines.append(f"  {e['id']:>4} {e['type']:<13} {e['name']}  [{', '.join(forms)}]")
    if rec.get("timexes"):
        lines.append(f"\ntime expressions ({len(rec['timexes'])})")
        for t in rec["timexes"]:
            mod = f" {t['mod']}" if t.get("mod") else ""
            lines.append(f"  {t['text']!r:<28} {t['type']:<9} {t.get('value')}{mod}")
    if rec.get("quotes"):
        lines.append(f"\nquotes ({len(rec['quotes'])})")
        for q in rec["quotes"]:
            who = names.get(q.get("speaker") or "", "?")
            lines.append(f"  [{q['kind']}] {who}: {q['text'][:100]}")
    if rec.get("events"):
        lines.append(f"\nevents ({len(rec['events'])})")
        for v in rec["events"]:
            args = ", ".join(f"{k}={_arg(v2, names)}" for k, v2 in v.get("args", {}).items())
            lines.append(f"  {v['id']:>4} {v['type']} ({v['status']}) {args}")
    return "\n".join(lines) + "\n\n"


def _arg(value: Any, names: dict[str, str]) -> str:
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return "[" + ", ".join(_arg(v, names) for v in value) + "]"
    if isinstance(value, dict):
        if "entity" in value and len(value) <= 2:
            return _arg(value["entity"], names)
        return json.dumps(value, ensure_ascii=False)
    return str(value)
