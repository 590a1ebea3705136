"""Movable Christian feasts, counted from Western Easter Sunday ("Good Friday", "Easter
Monday", "Pentecost"); ``dateutil.easter`` computes Easter. Without a year in the
text the year comes from the DCT and the tense, as for a bare month."""

from __future__ import annotations

import re
from datetime import timedelta

from dateutil.easter import easter

from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.patterns import YEAR, B, E, alt
from sitrep.extract.timex.rules import Ctx, Resolved, capitalized, rule
from sitrep.extract.timex.triggers import words


def feast_day(name: str, year: int) -> str:
    """The ISO date of an Easter-based feast in ``year``."""
    offset = lx.EASTER_FEASTS[re.sub(r"\s+", " ", name.lower())]
    return (easter(year) + timedelta(days=offset)).isoformat()


@rule("easter_feast", rf"{B}(?P<h>{alt(lx.EASTER_FEASTS)})(?:,?\s+(?P<year>{YEAR}))?{E}",
      kind="absolute", valid=lambda m, t: capitalized(m.group("h")), needs=words(lx.EASTER_FEASTS))
def easter_feast(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    name = m.group("h")
    if m.group("year"):
        return Resolved("DATE", feast_day(name, int(m.group("year"))))
    if ctx.dct is None:
        return Resolved("DATE", "XXXX-XX-XX")
    year = ctx.dct.year
    this_year = feast_day(name, year)
    if ctx.direction < 0 and this_year > ctx.dct.isoformat():
        year -= 1
    elif ctx.direction > 0 and this_year < ctx.dct.isoformat():
        year += 1
    return Resolved("DATE", feast_day(name, year))
