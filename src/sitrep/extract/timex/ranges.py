"""Days given partly: the bounds of a day range, "the week of 20 September", "on the 24th".

- Day ranges: "from 10 to 20 February" (10), "Feb. 10-20" (20), "March 3-4, 2021"
  (both). The full bound is found by the date rules when the year is not shared; a
  bare number gets the other bound's month and year (the year written after the range,
  else from the DCT and the tense). TimeML marks each bound as its own DATE.
- "the week of 20 September": the ISO week holding that day; "Friday next week": that
  weekday in the ISO week after (before, of) the DCT's.
- "on the 24th": that day of the DCT's month, or of the month before (past tense, a
  day after the DCT's) or after (future tense, a day before it).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.absolute import (
    DAY_MONTH,
    RANGE_TO,
    _month_ok,
    _year_for_month,
    _ymd,
    day_month_value,
)
from sitrep.extract.timex.patterns import DAYNUM, MONTH, WEEKDAY, YEAR, B, E, month_number
from sitrep.extract.timex.rules import Ctx, Resolved, rule, word_before
from sitrep.extract.timex.triggers import DIGIT, MONTH_WORDS

_YEAR_AFTER = rf"(?:,?\s+(?P<year>{YEAR}))?"


@rule("day_range_first",
      rf"{B}(?P<d>{DAYNUM}){RANGE_TO}(?:{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH}){_YEAR_AFTER}{E}",
      kind="absolute", group="d", valid=_month_ok, needs=MONTH_WORDS)
@rule("day_range_second",
      rf"{B}(?P<mon>{MONTH})\s+(?:{DAYNUM}){RANGE_TO}(?P<d>{DAYNUM}){_YEAR_AFTER}{E}(?!\s*[,.]?\d)",
      kind="absolute", group="d", valid=_month_ok, needs=MONTH_WORDS)
@rule("month_range_first",
      rf"{B}(?P<whole>(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})){RANGE_TO}(?:{DAYNUM}),?\s+(?P<year>{YEAR}){E}",
      kind="absolute", group="whole", valid=_month_ok, needs=MONTH_WORDS)
def day_range_bound(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_number(m.group("mon"))
    year = int(m.group("year")) if m.group("year") else _year_for_month(ctx, month)
    value = _ymd(year, month, int(re.sub(r"\D", "", m.group("d"))))
    return Resolved("DATE", value) if value else None


@rule("week_of",
      rf"{B}the\s+(?P<unit>week|weekend)\s+of\s+{DAY_MONTH}{_YEAR_AFTER}{E}", kind="absolute",
      needs=frozenset({"week", "weekend"}),
)
def week_of(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    value = day_month_value(m, ctx, int(m.group("year")) if m.group("year") else None)
    if value is None:
        return None
    if value.startswith("X"):
        return Resolved("DATE", "XXXX-WXX")
    week = cal.iso_week(date.fromisoformat(value))
    return Resolved("DATE", week + ("-WE" if m.group("unit").lower() == "weekend" else ""))


def _ordinal_day_ok(m: re.Match[str], text: str) -> bool:
    nxt = re.match(r"\s*(\w+|[^\w\s]|$)", text[m.end():])
    word = nxt.group(1).lower() if nxt else ""
    open_next = not word or not word[0].isalnum() or word in lx.ORDINAL_DAY_NEXT
    return open_next and word_before(text, m.start()) in lx.ORDINAL_DAY_PREPS


@rule("ordinal_day", rf"{B}the\s+(?P<d>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)){E}", kind="absolute",
      valid=_ordinal_day_ok, needs=frozenset({"st", "nd", "rd", "th"}) | {DIGIT})
def ordinal_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    day = int(re.sub(r"\D", "", m.group("d")))
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}")
    step = 0
    if ctx.direction < 0 and day > ctx.dct.day:
        step = -1
    elif ctx.direction > 0 and day < ctx.dct.day:
        step = 1
    year, month = cal.add_months(ctx.dct.year, ctx.dct.month, step)
    value = _ymd(year, month, day)
    return Resolved("DATE", value) if value else None


@rule("weekday_of_week", rf"{B}(?P<wd>{WEEKDAY})\s+(?P<rel>next|last|this)\s+week{E}", kind="deictic",
      valid=lambda m, t: m.group("wd")[0].isupper(), needs=frozenset({"week"}))
def weekday_of_week(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    wd = lx.WEEKDAYS[m.group("wd").lower()]
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-WXX-{wd + 1}")
    step = {"next": 1, "last": -1, "this": 0}[m.group("rel").lower()]
    monday = ctx.dct - timedelta(days=ctx.dct.weekday()) + timedelta(weeks=step)
    return Resolved("DATE", (monday + timedelta(days=wd)).isoformat())
