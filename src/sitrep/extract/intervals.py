"""A set of [start, end) intervals that answers "does any overlap this one?" without a
scan of all of them: the look-ups of the stages stay linear over a long article."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Intervals:
    """Intervals sorted by start; an overlap query looks only at those that start within
    the longest interval's length before the query's end."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some interval (s, e) has ``s < end and start < e``."""
        spans = self._spans
        j = bisect.bisect_left(spans, (end,)) - 1  # the last interval with s < end
        floor = start - self._longest  # an interval starting at or before this ends by start
        while j >= 0 and spans[j][0] > floor:
            if spans[j][1] > start:
                return True
            j -= 1
        return False

    def __len__(self) -> int:
        return len(self._spans)
