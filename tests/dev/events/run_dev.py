"""Score the event stage on the dev set (tests/dev/events/*.gold.yaml).

usage: python tests/dev/events/run_dev.py [--e2e] [-v]
Default is the oracle setting (gold entities and timexes, :mod:`oracle`); ``--e2e``
runs the whole pipeline through ``sitrep.pipeline`` instead. Prints per-document
figures from the reference scorer (../shared/eval/score.py) and the micro totals.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SCORER = HERE.parents[2].parent / "shared" / "eval" / "score.py"


def load_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("sitrep_ref_score", SCORER)
    assert spec and spec.loader, SCORER
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def analyse(md: Path, gold: dict[str, Any], e2e: bool) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    import oracle

    if not e2e:
        return oracle.run(md, md.with_suffix(".gold.yaml")).to_dict()
    from sitrep.model import Article
    from sitrep.pipeline import analyze

    meta = gold.get("article") or {}
    art = Article(text=oracle.article_text(md, gold), source=str(md), published=meta.get("published"))
    return analyze(art).to_dict()


def score(paths: list[Path], e2e: bool = False, verbose: bool = False) -> dict[str, float]:
    scorer = load_scorer()
    tot = {"gold": 0, "system": 0, "found": 0, "matched": 0, "n_arg_ok": 0, "n_args": 0}
    for md in paths:
        gold = yaml.safe_load(md.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
        row = scorer.Scorer(gold, analyse(md, gold, e2e)).run()["events"]
        for k in tot:
            tot[k] += row[k]
        if verbose:
            print(f"{md.stem:34} P={row['P']:.2f} R={row['R']:.2f} arg={row['arg_acc']:.2f}",
                  "; ".join(row["misses"]))
    p = tot["matched"] / tot["system"] if tot["system"] else 0.0
    r = tot["found"] / tot["gold"] if tot["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "arg_acc": tot["n_arg_ok"] / tot["n_args"] if tot["n_args"] else 0.0,
            **{k: float(v) for k, v in tot.items()}}


def dev_docs() -> list[Path]:
    return sorted(p.with_name(p.name.replace(".gold.yaml", ".md")) for p in HERE.glob("*.gold.yaml"))


if __name__ == "__main__":
    res = score(dev_docs(), e2e="--e2e" in sys.argv, verbose="-v" in sys.argv)
    ratios = ("P", "R", "F1", "arg_acc")
    print(" ".join(f"{k}={v:.3f}" if k in ratios else f"{k}={int(v)}" for k, v in res.items()))
