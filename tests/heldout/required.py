"""Recall over required gold items only, for the held-out figures.

The shared scorer (and `sitrep eval`) counts a found *optional* gold item towards
`found` (capped at the number of required items), so a missed required item can hide
behind a found optional one. This module counts, per section, how many required gold
items the system found, with the same matching rules (sitrep.eval.gold), so the
held-out figures state the recall that is not flattered by optional items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sitrep.eval.gold import MAX_EVIDENCE, locate, norm, overlap, same_family

Span = tuple[int, int]
Record = dict[str, Any]


def _greedy(gold: list[Record], system: list[Record], hit: Callable[[Record, Record], bool]) -> int:
    """Required gold items matched one to one, gold order, first free system item."""
    used: set[int] = set()
    found = 0
    for item in gold:
        for i, cand in enumerate(system):
            if i not in used and hit(item, cand):
                used.add(i)
                found += not item.get("optional")
                break
    return found


def _spans(text: str, items: Iterable[str], context: str | None = None) -> list[Span]:
    return [sp for s in items for sp in locate(text, s, context)]


def _entity_found(gold: Record, system: list[Record]) -> bool:
    keys = {norm(gold["name"])} | {norm(m) for m in gold.get("mentions", [])}
    for ent in system:
        names = {norm(ent.get("name", ""))} | {norm(m.get("text", "")) for m in ent.get("mentions", [])}
        if same_family(ent.get("type"), gold["type"]) and names & keys:
            return True
    return False


def required_recall(gold: Record, record: Record) -> dict[str, tuple[int, int]]:
    """Section -> (required gold items found, required gold items)."""
    text = record["article"]["text"]

    def timex_hit(g: Record, s: Record) -> bool:
        spans = _spans(text, [g["text"]], g.get("context"))
        return any(overlap((s["start"], s["end"]), sp) > 0 for sp in spans)

    def quote_hit(g: Record, s: Record) -> bool:
        spans = _spans(text, [g["text"]], g.get("context"))
        return any(overlap((s["start"], s["end"]), sp) * 2 >= sp[1] - sp[0] for sp in spans)

    def event_hit(g: Record, s: Record) -> bool:
        gold_spans = _spans(text, g["evidence"])
        evidence = s.get("evidence", [])
        sys_spans = [(e["start"], e["end"]) for e in evidence if e["end"] - e["start"] <= MAX_EVIDENCE]
        return s.get("type") == g["type"] and any(overlap(a, b) > 0 for a in sys_spans for b in gold_spans)

    ents = [g for g in gold.get("entities", []) if not g.get("optional")]
    out = {"entities": (sum(_entity_found(g, record.get("entities", [])) for g in ents), len(ents))}
    for key, hit in (("timexes", timex_hit), ("quotes", quote_hit), ("events", event_hit)):
        items = gold.get(key, [])
        out[key] = (_greedy(items, record.get(key, []), hit), sum(not g.get("optional") for g in items))
    return out
