"""Looking up entities by character span: shared by the quote and event stages."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

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

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions that share at least one character with [start, end)."""
        hi = bisect.bisect_left(self._starts, end)
        return [r for r in self._rows[:hi] if r[1] > start]

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
