"""The events stage (placeholder until its issue lands: returns no records)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.model import Event
from sitrep.registry import stage

if TYPE_CHECKING:
    from sitrep.pipeline import StageContext


@stage("events", assigns="events")
def find_events(ctx: StageContext) -> list[Event]:
    return []
