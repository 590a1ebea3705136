"""The entities stage (placeholder until its issue lands: returns no records)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.model import Entity
from sitrep.registry import stage

if TYPE_CHECKING:
    from sitrep.pipeline import StageContext


@stage("entities", assigns="entities")
def find_entities(ctx: StageContext) -> list[Entity]:
    return []
