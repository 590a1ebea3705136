"""Looking up entities by character span: shared by the quote and event stages."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from sitrep.model import Entity


class MentionIndex:
    """Entity mentions sorted by offset, for "which entity is at this span?"."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        rows = [
            (m.start, m.end, e)
            for e in entities
            for m in e.mentions
            if m.start is not None and m.end is not None
        ]
        rows.sort(key=lambda r: (r[0], -r[1]))
        self._rows = rows
        self._starts = [r[0] for r in rows]
        self._longest = max((e - s for s, e, _ in rows), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions that share at least one character with [start, end), in offset order
        (only those starting less than the longest mention's length before ``start`` can)."""
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [r for r in self._rows[lo:hi] if r[1] > start]

    def last_before(self, offset: int, ok: Callable[[Entity], bool]) -> Entity | None:
        """The entity, ``ok`` for it, of the mention that starts last before ``offset``
        (of those starting there, the longest), or None."""
        j = bisect.bisect_left(self._starts, offset) - 1
        while j >= 0 and not (self._rows[j][1] > 0 and ok(self._rows[j][2])):
            j -= 1
        if j < 0:
            return None
        start = self._rows[j][0]
        best = self._rows[j][2]
        j -= 1
        while j >= 0 and self._rows[j][0] == start:  # rows sort by (start, -end): longer first
            if self._rows[j][1] > 0 and ok(self._rows[j][2]):
                best = self._rows[j][2]
            j -= 1
        return best

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention best covers [start, end): exact match, then the
        longest mention inside the span, then the longest overlapping one."""
        rows = self.overlapping(start, end)
        if not rows:
            return None
        for s, e, ent in rows:
            if s == start and e == end:
                return ent
        inside = [r for r in rows if r[0] >= start and r[1] <= end]
        pool = inside or rows
        return max(pool, key=lambda r: r[1] - r[0])[2]

    def entities_in(self, start: int, end: int) -> list[Entity]:
        """Distinct entities with a mention inside [start, end), in text order."""
        seen: dict[str, Entity] = {}
        for s, e, ent in self.overlapping(start, end):
            if s >= start and e <= end:
                seen.setdefault(ent.id, ent)
        return list(seen.values())
