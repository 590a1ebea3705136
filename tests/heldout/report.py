"""Print the held-out figures: `sitrep eval`'s totals plus recall over required items.

    .venv/bin/python -m tests.heldout.report

Runs the whole pipeline once on every article of tests/heldout (about 20 s).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from sitrep.eval.gold import score_record
from sitrep.eval.golddir import GoldDirReport, article_for, gold_files
from tests.heldout.required import required_recall

HERE = Path(__file__).parent
SECTIONS = ("entities", "timexes", "quotes", "events")


def measure(folder: Path = HERE) -> dict[str, Any]:
    """Micro-averaged scorer figures and required-only recall over the held-out set."""
    from sitrep.ingest import read_inputs
    from sitrep.pipeline import analyze

    rep = GoldDirReport()
    req = {k: [0, 0] for k in SECTIONS}
    for gold_path in gold_files(folder):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        article = next(iter(read_inputs([str(article_for(gold_path))])))
        record = analyze(article).to_dict()
        rep.reports.append(score_record(gold, record, name=gold_path.name))
        for key, (found, total) in required_recall(gold, record).items():
            req[key][0] += found
            req[key][1] += total
    total = {k: v for k, v in rep.to_dict()["total"].items() if k in SECTIONS}
    for key, (found, n) in req.items():
        total[key]["required_found"], total[key]["required"] = found, n
        total[key]["R_required"] = found / n if n else 0.0
    return {"articles": len(rep.reports), "total": total}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1, default=float))
