"""How long light CLI commands take, from process start to exit (issue #16.8).

    .venv/bin/python bench/cli_startup.py [--runs 7]

Runs each command ``--runs`` times in a fresh process (the import cost is the point)
over an empty store and prints the median and the slowest wall time. Results go in
docs/benchmarks.md; no test asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SITREP = str(Path(sys.executable).parent / "sitrep")
COMMANDS = (["--help"], ["--version"], ["list"], ["events", "--help"], ["kb", "--help"])


def wall(args: list[str], db: str) -> float:
    t = time.perf_counter()
    subprocess.run([SITREP, "--db", db, *args], check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.db")
        subprocess.run([SITREP, "--db", db, "list"], check=True, capture_output=True)
        for args in COMMANDS:
            times = [wall(args, db) for _ in range(opts.runs)]
            print(f"sitrep {' '.join(args):<16} median {statistics.median(times):.2f} s   "
                  f"max {max(times):.2f} s   ({opts.runs} runs)")


if __name__ == "__main__":
    main()
