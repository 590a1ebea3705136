"""Resident memory of a process and its children (worker processes), from /proc.

Figures are the sum over the process and all its descendants, as the scale targets
are stated. ``peak=True`` sums each process's own high-water mark (VmHWM), an upper
bound of the peak of the sum. Without /proc (not Linux) only this process is seen,
through ``resource.getrusage``.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
from pathlib import Path

from sitrep.nlp.zones import release_free_memory

__all__ = ["PeakSampler", "process_tree", "release_free_memory", "rss_bytes"]

PROC = Path("/proc")


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass  # the process ended while we looked
    return 0


def _children(pid: int) -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces: split after it
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def process_tree(pid: int | None = None) -> list[int]:
    """``pid`` (default: this process) and every descendant."""
    root = pid or os.getpid()
    tree = _children(root)
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(tree.get(p, []))
    return out


def rss_bytes(pid: int | None = None, *, children: bool = True, peak: bool = False) -> int:
    """Resident set size in bytes of ``pid`` (default: this process) and its descendants."""
    if not PROC.is_dir():
        usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return usage if sys.platform == "darwin" else usage * 1024
    key = "VmHWM" if peak else "VmRSS"
    pids = process_tree(pid) if children else [pid or os.getpid()]
    return sum(_status_kb(p, key) for p in pids) * 1024


class PeakSampler:
    """Samples the summed RSS of this process tree in a thread; ``peak`` is the largest.

    Workers that exit take their own high-water mark with them, so a batch run is
    measured by sampling while it runs::

        with PeakSampler() as s:
            run()
        print(s.peak)
    """

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())
