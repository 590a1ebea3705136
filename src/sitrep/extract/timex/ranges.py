"""The bounds of a day range: "from 10 to 20 February" (10), "Feb. 10-20" (20), "March
3-4, 2021" (both).

The full bound is found by the date rules when the year is not shared; a bare number
gets the other bound's month and year (the year written after the range, else from
the DCT and the tense). TimeML marks each bound as its own DATE.
"""

from __future__ import annotations

import re

from sitrep.extract.timex.absolute import RANGE_TO, _year_for_month, _ymd
from sitrep.extract.timex.patterns import DAYNUM, MONTH, YEAR, B, E, month_number
from sitrep.extract.timex.rules import Ctx, Resolved, rule

TO = RANGE_TO
_YEAR_AFTER = rf"(?:,?\s+(?P<year>{YEAR}))?"


def _month_ok(m: re.Match[str], text: str) -> bool:
    return m.group("mon")[0].isupper()


@rule("day_range_first",
      rf"{B}(?P<d>{DAYNUM}){TO}(?:{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH}){_YEAR_AFTER}{E}",
      kind="absolute", group="d", valid=_month_ok)
@rule("day_range_second",
      rf"{B}(?P<mon>{MONTH})\s+(?:{DAYNUM}){TO}(?P<d>{DAYNUM}){_YEAR_AFTER}{E}(?!\s*[,.]?\d)",
      kind="absolute", group="d", valid=_month_ok)
@rule("month_range_first",
      rf"{B}(?P<whole>(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})){TO}(?:{DAYNUM}),?\s+(?P<year>{YEAR}){E}",
      kind="absolute", group="whole", valid=_month_ok)
def day_range_bound(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_number(m.group("mon"))
    year = int(m.group("year")) if m.group("year") else _year_for_month(ctx, month)
    value = _ymd(year, month, int(re.sub(r"\D", "", m.group("d"))))
    return Resolved("DATE", value) if value else None
