"""Score the quotes stage on gold files, with the gold's own entities as the entity stage.

The entity stage is developed in parallel; to measure the quote rules alone, each
gold entity becomes an entity whose mentions are every occurrence of its gold
surface forms (no pronouns: those are left to the quote stage's fallbacks). The
reference scorer (``../shared/eval/score.py``) then scores the quotes.

    python tests/dev/quotes/harness.py [GOLD.yaml ...] [--pipeline]   # default: dev set + reference

With ``--pipeline`` the entities come from the pipeline's own entity stage instead.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from sitrep.eval.gold import locate
from sitrep.extract.quotes import extract_quotes
from sitrep.ingest import read_inputs
from sitrep.model import Entity, Mention, to_dict
from sitrep.nlp import load_nlp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = ROOT.parent / "shared"
REFERENCE_GOLD = SHARED / "examples" / "belarus-arms-deal-2021.gold.yaml"


def scorer_class() -> Any:
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.Scorer


def article_text(gold_path: Path) -> str:
    base = gold_path.name.removesuffix(".gold.yaml")
    for ext in (".md", ".txt", ".html"):
        p = gold_path.with_name(base + ext)
        if p.exists():
            art = next(iter(read_inputs([str(p)])))
            if isinstance(art, Exception):
                raise art
            return art.text
    raise FileNotFoundError(f"{gold_path}: no article file beside it")


def oracle_entities(gold: dict[str, Any], text: str) -> list[Entity]:
    """Gold entities with every occurrence of their surface forms as mentions."""
    out = []
    for i, ge in enumerate(gold.get("entities") or [], 1):
        forms = {ge["name"], *(ge.get("mentions") or [])}
        mentions = [
            Mention(m.start(), m.end(), m.group())
            for form in sorted(forms, key=len, reverse=True)
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)
        ]
        attrs = {k: ge[k] for k in ("role", "country") if k in ge}
        out.append(Entity(f"g{i}", ge["name"], ge["type"], attributes=attrs, mentions=mentions))
    return out


def score(gold_path: Path, pipeline: bool = False) -> dict[str, Any]:
    """Quote scores for one gold file: with the gold's entities, or (``pipeline``) with
    every stage of the pipeline, the entity stage included."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    text = article_text(gold_path)
    if pipeline:
        from sitrep.model import Article
        from sitrep.pipeline import analyze

        out = analyze(Article(text=text, source=str(gold_path)))
        ents, quotes = out.entities, out.quotes
    else:
        ents = oracle_entities(gold, text)
        quotes = extract_quotes(load_nlp()(text), ents)
    sysdoc = {"article": {"text": text}, "entities": [to_dict(e) for e in ents],
              "quotes": [to_dict(q) for q in quotes]}
    sc = scorer_class()(gold, sysdoc)
    sc.entities()
    sc.quotes()
    row = sc.rows["quotes"]
    row["extra"] = [q.text[:60] for i, q in enumerate(quotes) if i not in _matched(sc, gold, quotes, text)]
    return row


def _matched(sc: Any, gold: dict[str, Any], quotes: list[Any], text: str) -> set[int]:
    """Indices of system quotes matched by a gold quote (replays the scorer's greedy match)."""
    matched: set[int] = set()
    for gq in gold.get("quotes") or []:
        spans = locate(text, gq["text"], gq.get("context"))
        for i, q in enumerate(quotes):
            if i in matched:
                continue
            if any(min(q.end, e) - max(q.start, s) >= 0.5 * (e - s) for s, e in spans):
                matched.add(i)
                break
    return matched


def dev_golds() -> list[Path]:
    return sorted(HERE.glob("*.gold.yaml"))


def totals(rows: list[dict[str, Any]]) -> dict[str, float]:
    gold = sum(r["gold"] for r in rows)
    system = sum(r["system"] for r in rows)
    found = sum(r["found"] for r in rows)
    right = sum(r["n_spk_right"] for r in rows)
    named = sum(r["n_named"] for r in rows)
    kind_ok = sum(r["kind_acc"] * r["found"] for r in rows)
    p = found / system if system else 0.0
    r = found / gold if gold else 0.0
    return {"gold": gold, "system": system, "found": found, "P": p, "R": r,
            "F1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_acc": right / named if named else 0.0, "kind_acc": kind_ok / found if found else 0.0}


def main(argv: list[str]) -> None:
    pipeline = "--pipeline" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [REFERENCE_GOLD, *dev_golds()]
    rows = []
    for p in paths:
        row = score(p, pipeline=pipeline)
        rows.append(row)
        print(f"{p.name:50} P={row['P']:.2f} R={row['R']:.2f} F1={row['F1']:.2f} "
              f"spk={row['speaker_acc']:.2f} kind={row['kind_acc']:.2f} "
              f"gold={row['gold']} sys={row['system']}")
        for m in row["misses"]:
            print("    -", m)
        for m in row["extra"]:
            print("    + extra:", m)
    if len(rows) > 1:
        t = totals(rows)
        print("TOTAL", " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in t.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
