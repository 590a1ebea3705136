"""Article-body quality of the HTML reader on the article-extraction benchmark.

    .venv/bin/python bench/html_extraction.py [--limit N] [--benchmark DIR]

Runs sitrep's HTML body extraction (sitrep.ingest.html.body_text) on each page of
../shared/eval/article-extraction-benchmark (181 pages with gold bodies) and prints
precision, recall, F1 and exact-match accuracy with the benchmark's shingle metric
(sitrep.ingest.bodyscore), plus the time per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from sitrep.ingest.bodyscore import BodyScore, score_pages
from sitrep.ingest.html import body_text

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article-extraction-benchmark"


def load_gold(bench_dir: Path) -> dict[str, dict[str, str]]:
    with gzip.open(bench_dir / "ground-truth.json.gz", "rt", encoding="utf-8") as f:
        return json.load(f)


def run(bench_dir: Path, limit: int | None = None) -> tuple[BodyScore, float]:
    """(score, seconds per page) over the first ``limit`` pages in sorted id order."""
    gold = load_gold(bench_dir)
    ids = sorted(gold)[:limit]
    pairs = []
    start = time.perf_counter()
    for page_id in ids:
        with gzip.open(bench_dir / "html" / f"{page_id}.html.gz") as f:
            html = f.read().decode("utf-8")
        pairs.append((gold[page_id]["articleBody"], body_text(html, gold[page_id].get("url"))))
    elapsed = time.perf_counter() - start
    return score_pages(pairs), elapsed / max(1, len(ids))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmark", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    args = parser.parse_args(argv)
    if not (args.benchmark / "ground-truth.json.gz").is_file():
        print(f"error: no benchmark at {args.benchmark}", file=sys.stderr)
        return 2
    score, per_page = run(args.benchmark, args.limit)
    print(f"pages {score.pages}  precision {score.precision:.3f}  recall {score.recall:.3f}  "
          f"F1 {score.f1:.3f}  accuracy {score.accuracy:.3f}  ({per_page * 1000:.0f} ms/page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
