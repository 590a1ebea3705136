"""Spark local mode with 1 and 2 cores: wall time, per-article cost, cluster projection.

    python bench/spark_scaling.py [--articles 1000]

Runs ``sitrep.drive.spark.run_job`` over the first N articles of the benchmark
corpus (bench/corpus.py) as one JSON Lines file, once with ``local[1]`` and once
with ``local[2]`` (a fresh Spark session each; session start-up is not timed, the
job including its model loads is). Prints articles/s, core-seconds per article
and the cores and 4-core executors needed for 1 million articles per hour.
Needs Java (JAVA_HOME) and pyspark.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CACHE, corpus_path, read_corpus

PER_HOUR = 1_000_000


def run(master: str, cores: int, corpus: Path, out_dir: Path) -> dict:
    from sitrep.config import Settings
    from sitrep.drive.spark import run_job, spark_session

    spark = spark_session(master, app=f"sitrep-bench-{cores}")
    try:
        start = time.perf_counter()
        summary = run_job(spark, [str(corpus)], str(out_dir / f"out-{cores}"), Settings(),
                          partitions=4 * cores)
        seconds = time.perf_counter() - start
    finally:
        spark.stop()
    n = summary["articles"]
    return {"master": master, "cores": cores, "articles": n, "seconds": seconds,
            "articles_per_s": n / seconds, "core_s_per_article": seconds * cores / n,
            "workers": summary["workers"]}


def main() -> None:
    ap = argparse.ArgumentParser(description="Spark local-mode scaling")
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        corpus = tmpdir / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for row in read_corpus(corpus_path(max(args.articles, 2000)), limit=args.articles):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        results = [run("local[1]", 1, corpus, tmpdir), run("local[2]", 2, corpus, tmpdir)]
    for r in results:
        print(f"{r['master']:<9} {r['articles']:>6,} articles {r['seconds']:>8.1f} s "
              f"{r['articles_per_s']:>7.2f} articles/s {r['core_s_per_article']:>7.3f} core-s/article "
              f"model loads per worker {sorted(set(r['workers'].values()))}")
    speedup = results[0]["seconds"] / results[1]["seconds"]
    cost = results[1]["core_s_per_article"]
    cores = PER_HOUR * cost / 3600
    print(f"speed-up local[2] vs local[1]: {speedup:.2f}x")
    print(f"1 million articles/hour at {cost:.3f} core-s/article: {math.ceil(cores)} cores "
          f"= {math.ceil(cores / 4)} executors of 4 cores (no headroom)")
    CACHE.mkdir(exist_ok=True)
    (CACHE / "spark-scaling.json").write_text(json.dumps(
        {"results": results, "speedup": speedup, "cores_for_1m_per_hour": cores}, indent=2))


if __name__ == "__main__":
    main()
