"""Rules for parts of a day that are not clock times: "overnight", "at dawn on Tuesday",
"the night of 1 March".

Like clock times they take the day named in their own sentence (see
``finder.CLOCK_RULES``), else the DCT. "overnight" in a past or present clause is the
night before the DCT (news is written the morning after), in a future one the DCT's night.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.absolute import DAY_MONTH, day_month_value
from sitrep.extract.timex.patterns import WEEKDAY, B, E, alt
from sitrep.extract.timex.relative import _DAYREF, _clock_day
from sitrep.extract.timex.rules import Ctx, Resolved, rule, word_before
from sitrep.extract.timex.triggers import words


def _overnight_ok(m: re.Match[str], text: str) -> bool:
    nxt = re.match(r"\s*(\w+|[^\w\s]|$)", text[m.end():])
    word = nxt.group(1).lower() if nxt else ""
    return not word or not word[0].isalnum() or word in lx.OVERNIGHT_NEXT


@rule("overnight", rf"{B}(?-i:[Oo]vernight){E}", kind="deictic", valid=_overnight_ok,
      needs=frozenset({"overnight"}))
def overnight(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    day = ctx.anchor
    if day is not None and day == ctx.dct and ctx.direction <= 0:
        day = day - timedelta(days=1)
    return Resolved("TIME", ctx.day(day) + "TNI")


def _daylight_ok(m: re.Match[str], text: str) -> bool:
    return bool(m.group("wd")) or word_before(text, m.start()) in lx.DAYLIGHT_PREPS


@rule("daylight", rf"{B}(?-i:(?P<w>{alt(lx.DAYLIGHT_WORDS)})){E}{_DAYREF}", kind="deictic",
      valid=_daylight_ok, needs=words(lx.DAYLIGHT_WORDS))
def daylight(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    suffix = lx.DAYLIGHT_WORDS[re.sub(r"\s+", " ", m.group("w"))]
    return Resolved("TIME", ctx.day(_clock_day(m, ctx)) + suffix)


_POD_OF = r"(?P<pod>morning|afternoon|evening|night)"


@rule(
    "pod_of_date",
    rf"{B}the\s+{_POD_OF}\s+of\s+(?:(?:{WEEKDAY},?\s+)?{DAY_MONTH}|(?P<wd>{WEEKDAY})){E}",
    kind="absolute",
    needs=frozenset({"morning", "afternoon", "evening", "night"}),
)
def pod_of_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"the night of 1 March", "the morning of Tuesday", "the night of Friday, Oct. 23": that
    day's part of day (a weekday before the date only names it)."""
    suffix = lx.PARTS_OF_DAY[m.group("pod").lower()]
    day: date | None = None
    if m.group("wd"):
        if ctx.dct is not None:
            day = cal.weekday_near(ctx.dct, lx.WEEKDAYS[m.group("wd").lower()], ctx.direction)
        return Resolved("TIME", ctx.day(day) + suffix)
    value = day_month_value(m, ctx)
    return Resolved("TIME", value + suffix) if value else None


@rule(
    "clock_pod",
    rf"{B}(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s+(?:o'clock\s+)?"
    rf"(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night)){E}{_DAYREF}",
    kind="deictic",
    valid=lambda m, t: word_before(t, m.start()) in lx.CLOCK_POD_PREPS,  # not "scored 3 in the afternoon"
    needs=frozenset({"morning", "afternoon", "evening", "night"}),
)
def clock_pod(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"4 in the morning", "8:30 in the evening", "11 at night": a clock time, the part of
    the day telling a.m. from p.m. (a night hour from 6 on is p.m.; "12 at night" is midnight,
    T24:00 like "midnight")."""
    h = int(m.group("h"))
    pod = (m.group("pod") or m.group("night")).lower()
    if pod in ("afternoon", "evening") or (pod == "night" and 6 <= h <= 12):
        h = h % 12 + 12 if h < 12 else 24
    elif h == 12:
        h = 0
    return Resolved("TIME", ctx.day(_clock_day(m, ctx)) + f"T{h:02d}:{int(m.group('m') or 0):02d}")
