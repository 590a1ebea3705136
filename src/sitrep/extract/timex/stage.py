"""The time-expressions stage as a pipeline component."""

from __future__ import annotations

from sitrep.extract.component import Component, StageContext
from sitrep.extract.timex import find_timexes
from sitrep.model import Timex


class Timexes(Component):
    name = "timexes"
    assigns = "timexes"

    def __call__(self, ctx: StageContext) -> list[Timex]:
        return find_timexes(ctx)
