"""Error lines for a batch: the first few per input, then one count for the rest.

A 60 MB file of bad JSON lines must not print 600,000 lines: each input shows its first
:data:`PER_INPUT` errors as they happen, and ``flush`` ends the run with one line per
input that had more ("... and 648,600 more errors in FILE").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

PER_INPUT = 10


class ErrorLines:
    def __init__(self, echo: Callable[[str], None], per_input: int = PER_INPUT) -> None:
        self.echo = echo
        self.per_input = per_input
        self.counts: Counter[str] = Counter()

    def __call__(self, location: str, reason: str, input: str = "") -> None:
        """Report one error at ``location`` ("file" or "file:LINE") of ``input`` (the file)."""
        key = input or location
        self.counts[key] += 1
        if self.counts[key] <= self.per_input:
            self.echo(f"error: {location}: {reason}")

    def flush(self) -> None:
        """One line per input whose errors were not all shown."""
        for key, n in self.counts.items():
            if n > self.per_input:
                self.echo(f"error: ... and {n - self.per_input:,} more errors in {key} "
                          f"({n:,} in all)")
        self.counts.clear()
