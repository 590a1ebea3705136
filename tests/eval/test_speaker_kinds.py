"""Speaker accuracy by kind (#14.3) on a short article written for this test."""

from __future__ import annotations

from typing import Any

from sitrep.eval.gold import score_record
from sitrep.eval.speaker_kinds import format_kinds, speaker_kind

TEXT = ("Lena Marsh said the port would reopen. "
        '"We are ready," she said. '
        '"Nothing else matters." '
        "The Harbour Authority said the ships were safe. "
        "Witnesses said the fire spread fast. "
        "The Coastal News Agency reported that two cranes collapsed.")
GOLD_ENTS = [
    {"name": "Lena Marsh", "type": "PERSON", "mentions": ["Lena Marsh"]},
    {"name": "Harbour Authority", "type": "ORG", "mentions": ["The Harbour Authority"]},
    {"name": "Coastal News Agency", "type": "ORG", "mentions": ["The Coastal News Agency"]},
]
GOLD_QUOTES = [
    {"speaker": "Lena Marsh", "kind": "indirect", "text": "the port would reopen"},
    {"speaker": "Lena Marsh", "kind": "direct", "text": "We are ready,"},
    {"speaker": "Lena Marsh", "kind": "direct", "text": "Nothing else matters."},
    {"speaker": "Harbour Authority", "kind": "indirect", "text": "the ships were safe"},
    {"speaker": None, "kind": "indirect", "text": "the fire spread fast"},
    {"speaker": "Coastal News Agency", "kind": "indirect", "text": "two cranes collapsed"},
]


def _record(speakers: list[str | None]) -> dict[str, Any]:
    ents = [{"id": f"e{i}", "name": g["name"], "type": g["type"], "mentions": []}
            for i, g in enumerate(GOLD_ENTS, 1)]
    ids = {e["name"]: e["id"] for e in ents}
    quotes = []
    for gq, spk in zip(GOLD_QUOTES, speakers, strict=True):
        start = TEXT.index(gq["text"])
        quotes.append({"start": start, "end": start + len(gq["text"]), "text": gq["text"],
                       "kind": gq["kind"], "speaker": ids.get(spk) if spk else None})
    return {"article": {"text": TEXT}, "entities": ents, "quotes": quotes}


def test_each_quote_gets_its_kind() -> None:
    ents = {g["name"]: g for g in GOLD_ENTS}
    assert [speaker_kind(TEXT, gq, ents) for gq in GOLD_QUOTES] == [
        "named", "role/pronoun", "earlier", "org", "null", "agency"]


def test_accuracy_by_kind_and_unchanged_speaker_accuracy() -> None:
    gold = {"entities": GOLD_ENTS, "quotes": GOLD_QUOTES}
    got = ["Lena Marsh", "Lena Marsh", None, "Lena Marsh", "Harbour Authority", "Coastal News Agency"]
    rep = score_record(gold, _record(got))
    assert rep.speaker_kinds == {"named": (1, 1), "role/pronoun": (1, 1), "earlier": (0, 1),
                                 "org": (0, 1), "null": (0, 1), "agency": (1, 1)}
    assert rep.sections["quotes"].extra["speaker_acc"] == (3, 5)
    assert "earlier=0.00 (0/1)" in format_kinds(rep.speaker_kinds)
    assert rep.to_dict()["speaker_by_kind"]["named"] == {"right": 1, "total": 1, "acc": 1.0}
