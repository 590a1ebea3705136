"""The quotes stage (placeholder until its issue lands: returns no records)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.model import Quote
from sitrep.registry import stage

if TYPE_CHECKING:
    from sitrep.pipeline import StageContext


@stage("quotes", assigns="quotes")
def find_quotes(ctx: StageContext) -> list[Quote]:
    return []
