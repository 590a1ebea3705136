"""Reporting periods named by their year, as earnings reports write them: "the 1988
third quarter" (``1988-Q3``), "the 1988 quarter" / "the 1989 period" (the part of the
year last named, in that year: after "the third quarter", ``1988-Q3``), else the year."""

from __future__ import annotations

import re

from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.patterns import YEAR, B, E
from sitrep.extract.timex.rules import Ctx, Resolved, rule

_PART = re.compile(r"\d{4}(-[QH]\d)")


@rule(
    "year_period",
    rf"{B}the\s+(?P<year>{YEAR})\s+(?:(?P<ord>first|second|third|fourth)[\s-]+quarter"
    rf"|(?P<unit>quarter|period|half)){E}",
    kind="absolute",
    needs=frozenset({"quarter", "period", "half"}),
)
def year_period(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    year = m.group("year")
    if m.group("ord"):
        return Resolved("DATE", f"{year}-Q{lx.ORDINALS[m.group('ord').lower()]}")
    part = _PART.fullmatch(ctx.period or "")
    unit = m.group("unit").lower()
    if part and (unit == "period" or part.group(1)[1] == unit[0].upper()):
        return Resolved("DATE", year + part.group(1))
    return Resolved("DATE", year)
