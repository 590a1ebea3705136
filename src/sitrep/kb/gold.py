"""An analysis (with review corrections applied) written in the gold format
(../shared/spec/gold-format.md), which `sitrep eval` and the reference scorer read."""

from __future__ import annotations

from typing import Any

import yaml

from sitrep.model import Analysis, Event


def _name(analysis: Analysis, ref: Any) -> Any:
    if isinstance(ref, str):
        ent = analysis.entity(ref)
        return ent.name if ent else ref
    if isinstance(ref, list):
        return [_name(analysis, r) for r in ref]
    if isinstance(ref, dict):
        return {k: (_name(analysis, v) if k == "entity" else v) for k, v in ref.items() if v is not None}
    return ref


def _event(analysis: Analysis, ev: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ev.id, "type": ev.type, "status": ev.status}
    if ev.label:
        out["label"] = ev.label
    for role, value in ev.args.items():
        out[role] = _name(analysis, value)
    out["evidence"] = [e.text for e in ev.evidence]
    return out


def to_gold(analysis: Analysis) -> dict[str, Any]:
    art = analysis.article
    return {
        "article": {k: v for k, v in {
            "title": art.title, "authors": art.authors, "agency": art.agency, "outlet": art.outlet,
            "published": art.published, "url": art.url, "language": art.language}.items() if v},
        "entities": [{"name": e.name, "type": e.type,
                      **({"role": e.attributes["role"]} if e.attributes.get("role") else {}),
                      "mentions": sorted({m.text for m in e.mentions})} for e in analysis.entities],
        "timexes": [{"text": t.text, "type": t.type, "values": [t.value] if t.value else [],
                     **({"mod": t.mod} if t.mod else {})} for t in analysis.timexes],
        "quotes": [{"speaker": _name(analysis, q.speaker) if q.speaker else None, "kind": q.kind,
                    "text": q.text} for q in analysis.quotes],
        "events": [_event(analysis, ev) for ev in analysis.events],
    }


def gold_yaml(analysis: Analysis, reviewed_by: list[str] | None = None) -> str:
    head = "# Gold annotation exported from Sitrep review (machine output with corrections applied)\n"
    if reviewed_by:
        head += f"# reviewed by: {', '.join(sorted(set(reviewed_by)))}\n"
    return head + yaml.safe_dump(to_gold(analysis), sort_keys=False, allow_unicode=True, width=100)
