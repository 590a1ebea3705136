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
    rf"{B}the\s+{_POD_OF}\s+of\s+(?:(?P<wd>{WEEKDAY})|{DAY_MONTH}){E}",
    kind="absolute",
    needs=frozenset({"morning", "afternoon", "evening", "night"}),
)
def pod_of_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"the night of 1 March", "the morning of Tuesday": that day's part of day."""
    suffix = lx.PARTS_OF_DAY[m.group("pod").lower()]
    day: date | None = None
    if m.group("wd"):
        if ctx.dct is not None:
            day = cal.weekday_near(ctx.dct, lx.WEEKDAYS[m.group("wd").lower()], ctx.direction)
        return Resolved("TIME", ctx.day(day) + suffix)
    value = day_month_value(m, ctx)
    return Resolved("TIME", value + suffix) if value else None
