"""The timexes stage (placeholder until its issue lands: returns no records)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.model import Timex
from sitrep.registry import stage

if TYPE_CHECKING:
    from sitrep.pipeline import StageContext


@stage("timexes", assigns="timexes")
def find_timexes(ctx: StageContext) -> list[Timex]:
    return []
