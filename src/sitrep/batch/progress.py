"""Progress of a batch: counts, rate and ETA, for the ingest command's progress line."""

from __future__ import annotations

import gzip
import os
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

# file suffixes read as one article each; JSON Lines files count one per line
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """About how many articles ``paths`` hold (for an ETA): files, and lines of JSON Lines.

    Streams through JSON Lines archives in 1 MB blocks; nothing is parsed.
    """
    total = 0
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith(JSONL_SUFFIXES):
                total += _count_lines(f)
            elif name.endswith(ARTICLE_SUFFIXES) or not path.is_dir():
                total += 1
    return total


def _count_lines(path: Path) -> int:
    """Lines of a JSON Lines file; 1 for one that cannot be read (a truncated or corrupt
    archive: the reader reports it, as one error, when it gets there)."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    n, last = 0, b"\n"
    try:
        with opener(path, "rb") as fh:
            while block := fh.read(1 << 20):
                n += block.count(b"\n")
                last = block[-1:]
    except (OSError, EOFError, zlib.error):
        return max(n, 1)
    return n + (last != b"\n")


@dataclass(slots=True)
class Progress:
    """Articles and words done so far; ``rate`` and ``eta`` from the elapsed time.

    ``clock`` is injectable so the figures can be checked without waiting.
    """

    total: int | None = None
    done: int = 0
    words: int = 0
    skipped: int = 0
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.started = self._now()

    def _now(self) -> float:
        return self.clock()

    def update(self, articles: int = 1, words: int = 0, skipped: int = 0) -> None:
        self.done += articles
        self.words += words
        self.skipped += skipped

    @property
    def elapsed(self) -> float:
        return max(self._now() - self.started, 1e-9)

    @property
    def rate(self) -> float:
        """Articles per second (skipped ones included: they are work done)."""
        return (self.done + self.skipped) / self.elapsed

    @property
    def eta(self) -> float | None:
        """Seconds left, or None when the total or the rate is unknown."""
        if self.total is None or self.rate <= 0:
            return None
        return max(self.total - self.done - self.skipped, 0) / self.rate

    def line(self) -> str:
        """``1,200/10,000 articles, 35.2/s, 8,100 words/s, ETA 4m10s``."""
        seen = self.done + self.skipped
        count = f"{seen:,}/{self.total:,}" if self.total is not None else f"{seen:,}"
        parts = [f"{count} articles", f"{self.rate:,.1f}/s", f"{self.words / self.elapsed:,.0f} words/s"]
        if self.skipped:
            parts.append(f"{self.skipped:,} already stored")
        eta = self.eta
        if eta is not None:
            parts.append(f"ETA {_duration(eta)}")
        return ", ".join(parts)


def _duration(seconds: float) -> str:
    s = round(seconds)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s" if m else f"{s}s"
