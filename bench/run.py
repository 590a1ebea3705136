"""The scale benchmark in one command: ``make bench`` (= ``python bench/run.py``).

Builds the corpus (bench/corpus.py), then runs each measurement in a fresh process
(bench/measure.py) and prints:

- bare spaCy ``nlp.pipe`` over the throughput corpus (the floor),
- Sitrep extract over the same texts, and its time as a multiple of the floor,
- Sitrep ingest into a new SQLite store, and its multiple of the floor,
- articles/s and words/s per core for each,
- peak RSS (sum over the parent and its workers) and RSS after 1,000 vs 10,000
  articles of an ingest over the whole 10,000-article corpus (each the median of the
  samples over the 500 articles up to the mark: one instant's RSS depends on which
  chunk a worker holds), and the median RSS over each tenth of that run.

Results also go to bench/.cache/results.json. ``--quick`` runs a small version
(200 / 1,000 articles) to check that everything works.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import CACHE, corpus_path  # noqa: E402

GB = 1024**3
TARGETS = {"extract": 1.5, "ingest": 1.7}


def measure(part: str, corpus: Path, workers: int, marks: str = "") -> dict:
    cmd = [sys.executable, str(HERE / "measure.py"), part, str(corpus), "--workers", str(workers)]
    if marks:
        cmd += ["--marks", marks]
    print(f"  running {part} ({workers} worker{'s' * (workers != 1)}) over {corpus.name} ...", flush=True)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GB
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.machine()}, {os.cpu_count()} cores, {mem:.0f} GB RAM, Python "
            f"{platform.python_version()}, load average at start {load}")


def line(name: str, r: dict, floor: dict | None) -> str:
    rate = r["articles"] / r["seconds"]
    cores = max(r["workers"], 1)
    ratio = f"{r['seconds'] / floor['seconds']:.2f}x" if floor else "1.00x"
    return (f"{name:<22}{r['seconds']:>9.1f} s{rate:>10.1f}{rate / cores:>12.1f}"
            f"{r['words'] / r['seconds'] / cores:>14,.0f}{ratio:>9}{r['peak_rss'] / GB:>9.2f}")


def curve_line(curve: list[list[int]], parts: int) -> str:
    """The median summed RSS over each tenth of the run: shows drift, not batch spikes."""
    if not curve:
        return "-"
    n = curve[-1][0]
    out = []
    for i in range(parts):
        lo, hi = n * i // parts, n * (i + 1) // parts
        vals = [r for k, r in curve if lo < k <= hi]
        if vals:
            out.append(f"{hi:,}: {statistics.median(vals) / GB:.2f}")
    return ", ".join(out)


def report(runs: dict[str, dict], mem: dict, workers: int) -> list[str]:
    floor = runs["bare"]
    out = [f"{'':<22}{'wall':>11}{'art/s':>10}{'art/s/core':>12}{'words/s/core':>14}"
           f"{'vs bare':>9}{'peak GB':>9}"]
    out += [line(name, runs[key], None if key == "bare" else floor)
            for key, name in (("bare", "bare spaCy nlp.pipe"), ("extract", "sitrep extract"),
                              ("ingest", "sitrep ingest (SQLite)"))]
    first, last = sorted(mem["rss_at"], key=int)[0], sorted(mem["rss_at"], key=int)[-1]
    growth = mem["rss_at"][last] / mem["rss_at"][first] - 1
    w = mem.get("rss_window", 0)
    out += [
        "",
        f"memory ({workers} workers, {mem['part']} of {mem['articles']:,} articles): peak RSS "
        f"{mem['peak_rss'] / GB:.2f} GB; RSS after {int(first):,}: {mem['rss_at'][first] / GB:.3f} GB, "
        f"after {int(last):,}: {mem['rss_at'][last] / GB:.3f} GB ({growth:+.1%}; each the median "
        f"of the samples over the {w:,} articles up to the mark)",
        "RSS curve (median per tenth of the run, GB): " + curve_line(mem.get("curve", []), 10),
        "",
        "targets: " + "; ".join(
            f"{k} {runs[k]['seconds'] / floor['seconds']:.2f}x <= {v}x "
            f"{'ok' if runs[k]['seconds'] / floor['seconds'] <= v else 'MISSED'}" for k, v in TARGETS.items())
        + f"; peak {mem['peak_rss'] / GB:.2f} GB < 2 GB {'ok' if mem['peak_rss'] < 2 * GB else 'MISSED'}"
        # a leak check: RSS must not grow over the run (it drops as the workers finish)
        + f"; RSS growth {growth:+.1%} <= +10% {'ok' if growth <= 0.10 else 'MISSED'}",
    ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description="Sitrep scale benchmark")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--throughput", type=int, default=2000, help="articles for the throughput runs")
    ap.add_argument("--memory", type=int, default=10_000, help="articles for the memory run")
    ap.add_argument("--memory-part", choices=("ingest", "extract"), default="ingest",
                    help="what the memory run does over its articles (default: ingest into SQLite)")
    ap.add_argument("--quick", action="store_true", help="200 / 1,000 articles: a smoke run")
    args = ap.parse_args()
    if args.quick:
        args.throughput, args.memory = 200, 1000
    print(f"machine: {machine()}")
    small, big = corpus_path(args.throughput), corpus_path(args.memory)
    started = time.time()
    runs = {part: measure(part, small, args.workers) for part in ("bare", "extract", "ingest")}
    marks = f"{min(1000, args.memory // 10)},{args.memory}"
    mem = measure(args.memory_part, big, args.workers, marks)
    lines = report(runs, mem, args.workers)
    print("\n".join(lines))
    print(f"\n(total {time.time() - started:.0f} s)")
    CACHE.mkdir(exist_ok=True)
    (CACHE / "results.json").write_text(json.dumps(
        {"machine": machine(), "runs": runs, "memory": mem, "report": lines}, indent=2))


if __name__ == "__main__":
    main()
