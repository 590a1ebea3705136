"""Peak memory of one worker ingesting one long article (issue #18.3).

    .venv/bin/python bench/memory.py [--cases para-100k,para-400k,table-400k,report-5m,voa-5m]
                                     [--max-article-chars N] [--segment-chars N]
                                     [--article-seconds S]

Each case is one generated file ingested by a fresh process (``n_process=1``: the
analysis runs in that process, so its peak is one worker's peak) into a fresh SQLite
store, with the shipped Settings unless the options change them. Printed per case: the
process's peak RSS (``VmHWM``, i.e. ``resource.getrusage`` max RSS) after loading the
model and after the ingest, the wall time and what became of the article. The text is
synthetic prose (names, numbers, dates) so the parse is not trivial. Results go in
docs/benchmarks.md; no test asserts a figure.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SENTENCE = ("Officials in {city} said on {day} that {n} soldiers had crossed the border near "
            "{city2}, and the ministry ordered {m} armoured vehicles from {firm}. ")
CITIES = ("Warsaw", "Kyiv", "Seoul", "Ankara", "Minsk", "Riga", "Tbilisi", "Baku")
FIRMS = ("Hanwha", "Rheinmetall", "Baykar", "Elbit", "Saab")
DAYS = ("Monday", "Tuesday", "March 3", "last week", "Friday")


def prose(chars: int, seed: int = 0) -> str:
    out: list[str] = []
    size, i = 0, seed
    while size < chars:
        s = SENTENCE.format(city=CITIES[i % 8], city2=CITIES[(i * 3 + 1) % 8], day=DAYS[i % 5],
                            n=100 + i % 900, m=2 + i % 40, firm=FIRMS[i % 5])
        out.append(s)
        size += len(s)
        i += 1
    return "".join(out)[:chars]


def table(nbytes: int) -> str:
    rows = ["| Date | Supplier | Recipient | Item | Number |", "|---|---|---|---|---|"]
    size, i = 0, 0
    while size < nbytes:
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        row = f"| {day} | {FIRMS[i % 5]} | {CITIES[i % 8]} | K2 tank | {i % 97} |"
        rows.append(row)
        size += len(row) + 1
        i += 1
    return "# Deliveries\n\nThe register of deliveries follows.\n\n" + "\n".join(rows) + "\n"


def report(nbytes: int) -> str:
    paras = []
    size, i = 0, 0
    while size < nbytes:
        para = prose(1200, seed=i * 7)
        paras.append(para)
        size += len(para) + 2
        i += 1
    return "Annual report\n\n" + "\n\n".join(paras) + "\n"


STORIES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "voa" / "voa_stories.jsonl"


def voa_report(nbytes: int) -> str:
    """VOA stories (../shared/eval/voa, unlabelled) as the paragraphs of one long report."""
    paras = [json.loads(line)["text"] for line in STORIES.read_text(encoding="utf-8").splitlines()]
    out, size = ["Annual report on the region"], 0
    while size < nbytes:
        para = paras[len(out) % len(paras)]
        out.append(para)
        size += len(para.encode()) + 2
    return "\n\n".join(out) + "\n"


CASES = {
    "para-100k": ("para-100k.txt", lambda: prose(100_000) + "\n"),  # the largest article accepted
    "para-200k": ("para-200k.txt", lambda: prose(200_000) + "\n"),
    "para-400k": ("para-400k.txt", lambda: prose(400_000) + "\n"),  # one paragraph
    "table-400k": ("table-400k.md", lambda: table(400_000)),  # a markdown table
    "report-5m": ("report-5m.txt", lambda: report(5_000_000)),  # a long report
    "voa-1m": ("voa-1m.txt", lambda: voa_report(1_200_000)),  # past spaCy's max_length
    "voa-5m": ("voa-5m.txt", lambda: voa_report(5_000_000)),  # a long report of news prose
}


def child(path: str, db: str, changes: dict[str, object]) -> None:
    from sitrep.config import Settings
    from sitrep.drive import ingest
    from sitrep.nlp import load_nlp
    from sitrep.store import open_store

    settings = Settings().with_(db=db, n_process=1, **changes)
    load_nlp(settings.model)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    began = time.perf_counter()
    with open_store(db) as store:
        rep = ingest([path], store, settings, progress=False)
        status = [a.analysis or "analysed" for a in store.list_articles()] if rep.read else []
    print(json.dumps({
        "loaded": loaded, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "seconds": time.perf_counter() - began, "summary": rep.summary(),
        "outcome": status or [f.reason[:90] for f in rep.failures],
        "max_article_chars": settings.max_article_chars, "segment_chars": settings.segment_chars,
        "article_seconds": settings.article_seconds,
    }))


OPTIONS = {"max_article_chars": int, "segment_chars": int, "article_seconds": float}


def run_case(name: str, tmp: Path, opts: argparse.Namespace) -> dict[str, Any]:
    filename, make = CASES[name]
    path = tmp / filename
    path.write_text(make(), encoding="utf-8")
    args = [sys.executable, __file__, "--child", str(path), "--db", str(tmp / f"{name}.db")]
    for name in OPTIONS:
        if getattr(opts, name) is not None:
            args += ["--" + name.replace("_", "-"), str(getattr(opts, name))]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["bytes"] = path.stat().st_size
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=",".join(CASES))
    for name, kind in OPTIONS.items():
        ap.add_argument("--" + name.replace("_", "-"), type=kind, default=None)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    opts = ap.parse_args()
    if opts.child:
        child(opts.child, opts.db, {k: getattr(opts, k) for k in OPTIONS if getattr(opts, k) is not None})
        return
    mb = 2 ** 20
    with tempfile.TemporaryDirectory() as tmp:
        for name in opts.cases.split(","):
            r = run_case(name, Path(tmp), opts)
            print(f"{name:<11} {r['bytes']:>9,} B  model loaded {r['loaded'] / mb:6.0f} MB  "
                  f"peak {r['peak'] / mb:6.0f} MB  {r['seconds']:6.1f} s  "
                  f"max_article_chars={r['max_article_chars']:,} segment_chars={r['segment_chars']:,}  "
                  f"{r['summary']}  {r['outcome']}", flush=True)


if __name__ == "__main__":
    main()
