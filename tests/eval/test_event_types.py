"""Event figures by type (#15): the per-type sections add up to the events section."""

from __future__ import annotations

from typing import Any

from sitrep.eval.gold import format_types, score_record

TEXT = ("Valdoria agreed to buy four patrol boats from Ostmark. "
        "Rebels shelled the port of Kessa on Monday. "
        "The two ministers met in Lune.")
GOLD = {
    "events": [
        {"id": "boats", "type": "arms_transfer", "status": "agreed", "recipient": "Valdoria",
         "evidence": ["Valdoria agreed to buy four patrol boats from Ostmark"]},
        {"id": "shelling", "type": "attack", "status": "asserted",
         "evidence": ["Rebels shelled the port of Kessa on Monday"]},
        {"id": "talks", "type": "meeting", "status": "asserted", "optional": True,
         "evidence": ["The two ministers met in Lune"]},
    ],
    "entities": [{"name": "Valdoria", "type": "COUNTRY", "mentions": ["Valdoria"]}],
}


def _event(etype: str, sentence: str, **args: Any) -> dict[str, Any]:
    start = TEXT.index(sentence)
    return {"type": etype, "status": "agreed" if etype == "arms_transfer" else "asserted",
            "args": args, "evidence": [{"start": start, "end": start + len(sentence)}]}


def test_types_add_up_to_the_section() -> None:
    record = {"article": {"text": TEXT},
              "entities": [{"id": "e1", "name": "Valdoria", "type": "COUNTRY", "mentions": []}],
              "events": [_event("arms_transfer", "Valdoria agreed to buy four patrol boats"),
                         _event("agreement", "Rebels shelled the port of Kessa"),
                         _event("meeting", "The two ministers met in Lune")]}
    rep = score_record(GOLD, record)
    types, events = rep.event_types, rep.sections["events"]
    assert sorted(types) == ["agreement", "arms_transfer", "attack", "meeting"]
    assert sum(t.gold for t in types.values()) == events.gold == 2
    assert sum(t.system for t in types.values()) == events.system == 3
    assert (types["arms_transfer"].found, types["attack"].found, types["agreement"].matched) == (1, 0, 0)
    assert types["arms_transfer"].extra["arg_acc"] == (1, 2)  # status right, recipient missing
    assert types["meeting"].gold == 0 and types["meeting"].matched == 1  # an optional hit
    out = rep.to_dict()["events_by_type"]
    assert out["attack"]["R"] == 0.0 and out["arms_transfer"]["R"] == 1.0
    assert any("arms_transfer" in line and "args=0.50" in line for line in format_types(types))
