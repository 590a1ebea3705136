"""`sitrep eval`'s scorer agrees with the shared reference scorer, number for number.

System records are synthesized from the reference gold file with seeded noise (dropped
and spurious items, wrong values, wrong speakers, wrong arguments), so every branch
of the matching rules is exercised on both scorers.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitrep.eval.gold import score_record
from tests.conftest import EVAL, REFERENCE, REFERENCE_GOLD, require

SCORE_PY = EVAL / "score.py"


def find(text: str, span: str, context: str | None = None) -> tuple[int, int] | None:
    base = text.find(context) if context else 0
    if base < 0:
        return None
    i = text.find(span, base)
    return (i, i + len(span)) if i >= 0 else None


def qty(item: dict) -> int | None:
    return item["quantity"] if isinstance(item.get("quantity"), int) else None


def synth(gold: dict, text: str, rng: random.Random) -> dict:
    ents, ids = [], {}
    for n, ge in enumerate(gold["entities"]):
        if rng.random() < 0.15:
            continue
        mentions = []
        for m in ge.get("mentions", []):
            sp = find(text, m)
            if sp and rng.random() < 0.8:
                mentions.append({"start": sp[0], "end": sp[1], "text": m})
        name = ge["name"] if rng.random() < 0.7 else (ge.get("mentions") or [ge["name"]])[0]
        etype = ge["type"] if rng.random() < 0.9 else "OTHER"
        ids[ge["name"]] = f"e{n}"
        ents.append({"id": f"e{n}", "name": name, "type": etype, "mentions": mentions})
    ents.append({"id": "x1", "name": "Spurious", "type": "PERSON",
                 "mentions": [{"start": 0, "end": 5, "text": text[:5]}]})
    timexes = []
    for gt in gold["timexes"]:
        sp = find(text, gt["text"], gt.get("context"))
        if sp and rng.random() < 0.85:
            value = gt["values"][0] if rng.random() < 0.8 else "XXXX"
            timexes.append({"start": sp[0], "end": sp[1], "text": gt["text"],
                            "type": gt.get("type", "DATE") if rng.random() < 0.9 else "TIME", "value": value})
    timexes.append({"start": 10, "end": 12, "text": text[10:12], "type": "DATE", "value": "2000"})
    quotes = []
    for gq in gold["quotes"]:
        sp = find(text, gq["text"], gq.get("context"))
        if sp and rng.random() < 0.85:
            cut = rng.choice([0, 0, len(gq["text"]) // 3, int(len(gq["text"]) * 0.6)])
            spk = ids.get(gq["speaker"]) if rng.random() < 0.8 else rng.choice([*ids.values(), None])
            quotes.append({"start": sp[0] + cut, "end": sp[1], "text": "", "speaker": spk,
                           "kind": gq["kind"] if rng.random() < 0.8 else "direct"})
    events = []
    for k, gv in enumerate(gold["events"]):
        if rng.random() < 0.15:
            continue
        sp = find(text, gv["evidence"][0])
        if not sp:
            continue
        args = {}
        for role, val in gv.items():
            if role in {"id", "type", "status", "evidence", "optional"} or rng.random() < 0.2:
                continue
            if isinstance(val, dict) and "any" in val:
                args[role] = ids.get(val["any"][0])
            elif isinstance(val, list) and val and isinstance(val[0], dict):
                args[role] = [{"name": it["name"], "category": it.get("category"), "quantity": qty(it)}
                              for it in val if rng.random() < 0.8]
            elif isinstance(val, list):
                args[role] = [ids.get(v, v) for v in val]
            elif isinstance(val, str):
                args[role] = ids.get(val, val)
            else:
                args[role] = val
        status = gv["status"][0] if isinstance(gv["status"], list) else gv["status"]
        events.append({"id": f"v{k}", "type": gv["type"], "args": args,
                       "status": status if rng.random() < 0.8 else "asserted",
                       "evidence": [{"start": sp[0], "end": sp[1], "text": ""}]})
    events.append({"id": "vx", "type": "attack", "status": "asserted", "args": {},
                   "evidence": [{"start": 0, "end": 500, "text": ""}]})
    article = {"text": text, "title": gold["article"]["title"], "authors": ["Someone"],
               "published": gold["article"]["published"], "url": None}
    return {"article": article, "entities": ents, "timexes": timexes, "quotes": quotes, "events": events}


KEYS = {
    "entities": ["P", "R", "F1", "mention_recall"],
    "timexes": ["P", "R", "F1", "value_acc", "type_acc"],
    "quotes": ["P", "R", "F1", "speaker_acc", "kind_acc"],
    "events": ["P", "R", "F1", "arg_acc"],
}


@pytest.mark.parametrize("seed", range(8))
def test_scorer_agrees_with_reference_scorer(seed: int, tmp_path: Path) -> None:
    require(SCORE_PY.is_file() and REFERENCE_GOLD.is_file(), "shared/eval/score.py and the reference gold")
    gold = yaml.safe_load(REFERENCE_GOLD.read_text())
    text = REFERENCE.read_text().replace("\\$", "$")
    record = synth(gold, text, random.Random(seed))
    out = tmp_path / "sys.json"
    out.write_text(json.dumps(record))
    ref = json.loads(subprocess.run([sys.executable, str(SCORE_PY), str(REFERENCE_GOLD), str(out), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    ours = score_record(gold, record).to_dict()
    for section, keys in KEYS.items():
        for key in keys:
            assert ours[section][key] == pytest.approx(ref[section][key]), (section, key)
    assert ours["article_fields"][0] == ref["article"]["fields_right"]
