"""Rules for expressions relative to a reference time.

Deictic expressions ("yesterday", "on Friday", "last week", "next month", "eight
days ago") are resolved against the DCT, the way news is written. Anaphoric ones
("the following day", "that week", "two days later", "days earlier") are
resolved against the anchor: the latest day-precise date mentioned before them in
the article, or the DCT when there is none (see ``finder.resolve_all``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.patterns import (
    AMOUNT,
    MONTH,
    PART_OF_DAY,
    TZ,
    UNIT,
    WEEKDAY,
    B,
    E,
    alt,
    amount_value,
    month_number,
)
from sitrep.extract.timex.rules import Ctx, Resolved, capitalized, rule, word_before
from sitrep.extract.timex.triggers import ANA_WORDS, DIGIT, MONTH_WORDS, WEEKDAY_WORDS, words

POD = lx.PARTS_OF_DAY


def _with_pod(day: date | None, pod: str | None, ctx: Ctx) -> Resolved:
    base = ctx.day(day)
    if pod:
        return Resolved("TIME", base + POD[pod.lower()])
    return Resolved("DATE", base)


@rule("day_deictic", rf"{B}(?:(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{PART_OF_DAY}))?"
      rf"|(?P<last>last)\s+night|this\s+(?P<pod2>morning|afternoon|evening)){E}", kind="deictic",
      needs=frozenset({"today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon",
                       "evening"}))
def day_deictic(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    word = (m.group("w") or "").lower()
    offset = -1 if m.group("last") else lx.DAY_DEICTICS.get(word, 0)
    pod = m.group("pod") or m.group("pod2") or ("night" if word == "tonight" or m.group("last") else None)
    day = ctx.dct + timedelta(days=offset) if ctx.dct else None
    return _with_pod(day, pod, ctx)


@rule("day_around", rf"{B}the\s+day\s+(?P<ba>before|after)\s+(?P<w>yesterday|tomorrow){E}", kind="deictic",
      needs=frozenset({"yesterday", "tomorrow"}))
def day_around(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    offset = -2 if m.group("w").lower() == "yesterday" else 2
    return Resolved("DATE", ctx.day(ctx.dct + timedelta(days=offset) if ctx.dct else None))


def _weekday_ok(m: re.Match[str], text: str) -> bool:
    """A capitalized day name that is not part of a named day ("Black Monday", "Good Friday")."""
    return capitalized(m.group("wd")) and word_before(text, m.start()) not in lx.NAMED_DAY_WORDS


@rule(
    "weekday",
    rf"{B}(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<wd>{WEEKDAY})(?:\s+"
    rf"(?P<pod>{PART_OF_DAY}))?{E}",
    kind="deictic", valid=_weekday_ok,
    needs=WEEKDAY_WORDS,
)
def weekday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    wd = lx.WEEKDAYS[m.group("wd").lower()]
    if ctx.dct is None:
        base = f"XXXX-WXX-{wd + 1}"
        pod = m.group("pod")
        return Resolved("TIME", base + POD[pod.lower()]) if pod else Resolved("DATE", base)
    rel = (m.group("rel") or "").lower()
    if rel in ("last", "past"):
        day = cal.weekday_strict(ctx.dct, wd, -1)
    elif rel == "next":
        day = cal.weekday_strict(ctx.dct, wd, 1)
    elif rel == "coming":
        day = cal.weekday_near(ctx.dct, wd, 1)
    else:
        day = cal.weekday_near(ctx.dct, wd, ctx.direction)
    return _with_pod(day, m.group("pod"), ctx)


@rule("rel_month", rf"{B}(?P<rel>last|this|next|coming|past)\s+(?P<mon>{MONTH})"
      rf"(?:\s+(?P<day>(?:[12]\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?(?![\d,]*\d))?{E}", kind="deictic",
      valid=lambda m, t: capitalized(m.group("mon")), needs=MONTH_WORDS)
def rel_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"last October", "next March", "last Oct. 23" (that day of the month named)."""
    month = month_number(m.group("mon"))
    day = int(m.group("day")) if m.group("day") else None
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""))
    rel = m.group("rel").lower()
    year = ctx.dct.year
    here, now = (month, day or 0), (ctx.dct.month, ctx.dct.day if day else 0)
    if rel in ("last", "past") and here >= now:
        year -= 1
    elif rel in ("next", "coming") and here <= now:
        year += 1
    if day is None:
        return Resolved("DATE", cal.month_value(year, month))
    return Resolved("DATE", f"{year:04d}-{month:02d}-{day:02d}") if cal.valid_day(year, month, day) else None


def unit_value(ref: date | None, unit: str, step: int) -> str | None:
    """The value of the calendar unit containing ``ref`` moved by ``step`` units."""
    unit = unit.lower()
    if ref is None:
        if unit in POD or unit == "day":
            return "XXXX-XX-XX" + POD.get(unit, "")
        return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}.get(unit)
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        value = cal.day_value(ref + timedelta(days=step))
        return value + POD[unit] if unit in POD else value
    if unit == "week":
        return cal.add_weeks_value(ref, step)
    if unit == "weekend":
        return cal.add_weeks_value(ref, step) + "-WE"
    if unit == "month":
        return cal.month_value(*cal.add_months(ref.year, ref.month, step))
    if unit == "year":
        return str(ref.year + step)
    if unit == "quarter":
        y, q = cal.add_quarters(ref.year, cal.quarter_of(ref.month), step)
        return f"{y}-Q{q}"
    if unit == "decade":
        return str(ref.year // 10 + step)
    if unit == "century":
        return f"{ref.year // 100 + step:02d}"
    return None


_UNIT_WORDS = "week|weekend|month|year|decade|century|quarter"


def _quoted_title(m: re.Match[str], text: str) -> bool:
    """"the "This Week" programme": a title-cased phrase right after an opening quote is a name."""
    words = m.group(0).split()
    return all(w[0].isupper() for w in words) and bool(re.search(r"(?:\"|“|``|')\s*$", text[:m.start()]))


@rule(
    "this_unit",
    rf"{B}(?:(?P<el>earlier|later)\s+)?(?P<rel>last|this|next|(?:the\s+)?(?:current|coming"
    rf"|previous)|the\s+past|this\s+past)"
    rf"\s+(?P<unit>{_UNIT_WORDS}){E}", kind="deictic", valid=lambda m, t: not _quoted_title(m, t),
    needs=frozenset({"week", "weekend", "month", "year", "decade", "century", "quarter"}),
)
def this_unit(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    if rel == "the past" and unit != "weekend":
        whole = {"decade": "P10Y", "century": "P100Y", "quarter": "P1Q"}
        return Resolved("DURATION", whole.get(unit, f"P1{unit[0].upper()}"))
    step = 0
    if rel.endswith(("last", "previous", "past")):
        step = -1
    elif rel.endswith(("next", "coming")):
        step = 1
    value = unit_value(ctx.dct, unit, step)
    return Resolved("DATE", value) if value else None


def _ago_unit_value(ref: date, designator: str, n: float, is_time: bool) -> str:
    k = round(n)
    if is_time:
        return cal.day_value(ref)
    if designator == "Y":
        return str(ref.year - k)
    if designator == "M":
        return cal.month_value(*cal.add_months(ref.year, ref.month, -k))
    if designator == "W":
        k *= 7
    return cal.day_value(ref - timedelta(days=k))


def _shift(ref: date | None, amount: float | None, unit_word: str, sign: int, ctx: Ctx) -> Resolved:
    designator, mult, is_time = lx.UNITS[unit_word.lower()]
    if designator == "Q":
        designator, mult = "M", 3 * mult
    if amount is None:
        if ref is None:
            return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        return Resolved("DATE", cal.day_value(ref), "BEFORE" if sign < 0 else "AFTER")
    if ref is None:
        return Resolved("DATE", "XXXX-XX-XX")
    n = amount * mult
    if sign > 0:
        value = _ago_unit_value(ref, designator, -n, is_time)
    else:
        value = _ago_unit_value(ref, designator, n, is_time)
    return Resolved("DATE", value)


_PART_OF_YEAR = re.compile(r"(\d{4})(-(?:\d\d|[QH]\d|SP|SU|FA|WI))")


def same_period(period: str | None, years: float | None) -> str | None:
    """A part of a year (month, quarter, half, season) ``years`` earlier: the TimeML reading
    of "a year earlier" beside "in the third quarter" (2009-Q3 -> 2008-Q3)."""
    m = _PART_OF_YEAR.fullmatch(period or "")
    if m is None or years is None or not float(years).is_integer():
        return None
    return f"{int(m.group(1)) - int(years)}{m.group(2)}"


def _years_back(m: re.Match[str], ctx: Ctx, sign: int) -> Resolved | None:
    """"(from) a year ago/earlier" comparing a month or quarter of the same sentence."""
    unit = (m.group("unit") or "").lower()
    if sign > 0 or unit not in ("year", "years") or not ctx.period_near:
        return None
    value = same_period(ctx.period, amount_value(m.group("amt")))
    return Resolved("DATE", value) if value else None


@rule(
    "ago",
    rf"{B}(?:(?P<amt>{AMOUNT})\s+(?P<unit>{UNIT})|(?P<bare>years|months|weeks|days"
    rf"|decades))\s+ago{E}",
    kind="deictic",
    needs=frozenset({"ago"}),
)
def ago(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if m.group("bare"):
        return Resolved("DATE", "PAST_REF")
    amount = amount_value(m.group("amt"))
    if amount is None:
        return Resolved("DATE", "PAST_REF")  # "a few years ago": no point to compute
    return _years_back(m, ctx, -1) or _shift(ctx.dct, amount, m.group("unit"), -1, ctx)


@rule(
    "later",
    rf"{B}(?:(?P<amt>{AMOUNT})\s+(?P<unit>{UNIT})|(?P<bare>years|months|weeks|days|hours|minutes"
    rf"|seconds|decades))\s+(?P<dir>later|earlier){E}",
    kind="anaphoric",
    needs=frozenset({"later", "earlier"}),
)
def later(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    sign = 1 if m.group("dir").lower() == "later" else -1
    if m.group("bare"):
        return _shift(ctx.anchor, None, m.group("bare"), sign, ctx)
    return _years_back(m, ctx, sign) or _shift(ctx.anchor, amount_value(m.group("amt")), m.group("unit"),
                                               sign, ctx)


_YEAR_BACK = (r"(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year"
              r"|the\s+year\s+before|of\s+last\s+year)")


@rule("same_period", rf"{B}the\s+same\s+(?P<unit>period|month|quarter|season|time)\s+{_YEAR_BACK}{E}",
      kind="anaphoric")
def same_period_rule(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    period, unit = ctx.period or "", m.group("unit").lower()
    if unit == "quarter":
        period = _as_quarter(period) or period
    elif unit == "month" and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", period):
        period = period[:7]
    value = same_period(period, 1)
    if value is None and ctx.anchor is not None:
        unit = "quarter" if m.group("unit").lower() == "quarter" else "month"
        value = same_period(unit_value(ctx.anchor, unit, 0), 1)
    return Resolved("DATE", value or "XXXX")


_ANA_UNITS = "day|morning|afternoon|evening|night|week|weekend|month|year|decade|century"


@rule(
    "following",
    rf"{B}(?:the|that)\s+(?P<rel>following|next|previous|preceding|prior|same)\s+"
    rf"(?P<unit>{_ANA_UNITS}){E}",
    kind="anaphoric",
    needs=ANA_WORDS,
)
@rule("that_unit", rf"{B}that\s+(?P<unit>{_ANA_UNITS}){E}", kind="anaphoric", needs=ANA_WORDS)
@rule(
    "unit_before",
    rf"{B}the\s+(?P<unit>day|night|week|month|year)\s+(?P<rel>before|after|earlier|later|previous|prior){E}",
    kind="anaphoric", valid=lambda m, t: re.match(r"\s*(?:[,.;:)]|$)", t[m.end():]) is not None,
    needs=ANA_WORDS,
)
def following(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    rel = (m.groupdict().get("rel") or "same").lower()
    step = lx.ANAPHORIC_WORDS.get(rel, lx.SIGNAL_STEP.get(rel, 0))
    unit = m.group("unit").lower()
    if unit in ("morning", "afternoon", "evening", "night") and rel in ("following", "next"):
        day = ctx.anchor + timedelta(days=1) if ctx.anchor else None
        return Resolved("TIME", ctx.day(day) + POD[unit])
    value = unit_value(ctx.anchor, unit, step if unit not in POD else 0)
    if value is None:
        return None
    kind = "TIME" if unit in POD else "DATE"
    return Resolved(kind, value)


@rule("eve", rf"{B}the\s+eve\s+of{E}", kind="anaphoric", needs=frozenset({"eve"}))
def eve(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # the day before an event; the event's date is resolved by the finder when the
    # phrase names a dated mention, else the value stays unresolved
    return Resolved("DATE", "XXXX-XX-XX")


def _clock_day(m: re.Match[str], ctx: Ctx) -> date | None:
    wd = (m.group("wd") or "").lower()
    if not wd:
        return ctx.anchor
    if ctx.dct is None:
        return None
    if wd in lx.DAY_DEICTICS:
        return ctx.dct + timedelta(days=lx.DAY_DEICTICS[wd])
    return cal.weekday_near(ctx.dct, lx.WEEKDAYS[wd], ctx.direction)


_DAYREF = rf"(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}|today|yesterday|tomorrow))?"


@rule("clock", rf"{B}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.m|[ap]m)(?![\w])"
      rf"(?:\s+(?P<tz>{TZ}))?{_DAYREF}", kind="deictic", needs=frozenset({"am", "pm", "m"}))
@rule(
    "clock24",
    rf"{B}(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\s*(?P<tz>{TZ}|hours|hrs){E}{_DAYREF}",
    kind="deictic",
    needs=frozenset({DIGIT}),
)
@rule(
    "clock_mil",
    rf"{B}(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<tz>UTC|GMT|hours|hrs){E}{_DAYREF}",
    kind="deictic",
    needs=frozenset({"utc", "gmt", "hours", "hrs"}),
)
@rule("noon", rf"{B}(?P<w>noon|midday|midnight){E}{_DAYREF}", kind="deictic",
      needs=frozenset({"noon", "midday", "midnight"}))
def clock(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    gd = m.groupdict()
    if gd.get("w"):
        suffix = POD[gd["w"].lower()]
    else:
        h = int(gd["h"])
        ap = (gd.get("ap") or "").lower()
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        suffix = f"T{h:02d}:{int(gd.get('m') or 0):02d}"
        if (gd.get("tz") or "").upper() in ("UTC", "GMT", "Z"):
            suffix += "Z"
    return Resolved("TIME", ctx.day(_clock_day(m, ctx)) + suffix)


def _ref_ok(m: re.Match[str], text: str) -> bool:
    phrase = re.sub(r"\s+", " ", m.group("w").lower())
    if phrase in lx.REF_NEEDS_PREP:
        return word_before(text, m.start()) in lx.REF_PREPS
    return True


@rule("ref", rf"{B}(?P<w>{alt(lx.REF_WORDS)}){E}", kind="ref", valid=_ref_ok, needs=words(lx.REF_WORDS))
def ref_word(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DATE", lx.REF_WORDS[re.sub(r"\s+", " ", m.group("w").lower())])


@rule(
    "recent",
    rf"{B}(?P<w>recent|coming|upcoming)\s+(?P<unit>years|months|weeks|days|decades|times){E}",
    kind="ref",
    needs=frozenset({"recent", "coming", "upcoming"}),
)
def recent(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    word = m.group("w").lower()
    span = lx.RECENT_SPANS.get((word, m.group("unit").lower()))
    return Resolved("DURATION", span) if span else Resolved("DATE", lx.RECENT_WORDS[word])


_QUARTER = re.compile(r"(\d{4})-Q(\d)")


def _the_unit_ok(m: re.Match[str], text: str) -> bool:
    follows = re.match(r"\s*(?:'s|before|after|of|when|that|earlier|later|in\s+which"
                       r"|on\s+which)\b", text[m.end():])
    titled = m.group("unit")[0].isupper()  # "Person of the Year", "Day" in a name
    award = re.search(r"(\w+)\s+of\s*$", text[max(0, m.start() - 30): m.start()])
    if award and award.group(1).lower() in lx.AWARD_NOUNS:
        return False  # "player of the year"
    return word_before(text, m.start()) in lx.THE_UNIT_PREPS and follows is None and not titled


@rule("the_unit", rf"{B}the\s+(?P<unit>day|year|quarter){E}", kind="anaphoric", valid=_the_unit_ok,
      needs=frozenset({"day", "year", "quarter"}))
def the_unit(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"in the quarter": the quarter last named ("the third quarter"), else the anchor's."""
    quarter = m.group("unit").lower() == "quarter"
    if m.group("unit").lower() == "year" and re.match(r"\s+end(?:ed|ing)\b", ctx.text[m.end():]):
        return Resolved("DURATION", "P1Y")  # "for the year ended March 31": a fiscal year's length
    past_unended = ctx.direction < 0 and _unended_quarter(ctx.period, ctx.dct)
    if quarter and _QUARTER.fullmatch(ctx.period or "") and not past_unended:
        return Resolved("DATE", ctx.period or "")
    if quarter and past_unended:  # "revenue rose in the quarter" after a forecast for this one
        return Resolved("DATE", unit_value(ctx.dct, "quarter", -1) or "XXXX-QX")
    # results are reported after the quarter: a past "the quarter" with no date before it is
    # the last one ended before the DCT; after a date ("ended Sept. 30") it is that date's
    back = quarter and ctx.direction < 0 and ctx.anchor == ctx.dct
    value = unit_value(ctx.anchor, m.group("unit"), -1 if back else 0)
    return Resolved("DATE", value) if value else None


def _unended_quarter(period: str | None, dct: date | None) -> bool:
    """A quarter value (2009-Q4) that has not ended by the DCT."""
    m = _QUARTER.fullmatch(period or "")
    if m is None or dct is None:
        return False
    return (int(m.group(1)), int(m.group(2))) >= (dct.year, cal.quarter_of(dct.month))


@rule("latest_period", rf"{B}the\s+(?:latest|most\s+recent)\s+(?P<unit>quarter|period){E}", kind="anaphoric",
      needs=frozenset({"latest", "recent"}))
def latest_period(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"the latest quarter", "the latest period" (earnings reports): the quarter or half named
    last, else the quarter ended last before the DCT; a bare "period" needs one named. The
    latest quarter has ended: a quarter named last that has not ("a fourth-quarter charge"
    in November) gives way to the last one ended (fiscal "periods" are left as named)."""
    quarter = m.group("unit").lower() == "quarter"
    unended = quarter and _unended_quarter(ctx.period, ctx.dct)
    if re.fullmatch(r"\d{4}-[QH]\d", ctx.period or "") and not unended:
        return Resolved("DATE", ctx.period or "")
    if not quarter:
        return None
    value = unit_value(ctx.dct, "quarter", -1)
    return Resolved("DATE", value) if value else None


@rule("weekend", rf"{B}the\s+weekend{E}", kind="deictic", needs=frozenset({"weekend"}))
def the_weekend(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if ctx.dct is None:
        return Resolved("DATE", "XXXX-WXX-WE")
    in_weekend = ctx.dct.weekday() >= 5
    step = 0 if in_weekend or ctx.direction > 0 else -1
    return Resolved("DATE", cal.add_weeks_value(ctx.dct, step) + "-WE")


@rule("year_earlier",
      rf"{B}(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?P<unit>period|quarter|month|half))?{E}",
      kind="anaphoric", valid=lambda m, t: bool(m.group("unit")) or "-" in m.group(0))
def year_earlier(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"the year-earlier quarter", "year-ago results": the compared period a year before. "the
    year-ago quarter" is a quarter: that of a date named last ("the quarter ended Sept. 30"),
    else the quarter ended last before the DCT."""
    period = ctx.period
    if (m.group("unit") or "").lower() == "quarter":
        period = _as_quarter(period) or (unit_value(ctx.dct, "quarter", -1) if ctx.dct else None)
    value = same_period(period, 1)
    if value is None:
        value = str(ctx.dct.year - 1) if ctx.dct else "XXXX"
    return Resolved("DATE", value)


def _as_quarter(period: str | None) -> str | None:
    """The quarter of a quarter, month or day value (1989-09-30 -> 1989-Q3); None for others."""
    if _QUARTER.fullmatch(period or ""):
        return period
    m = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", period or "")
    return f"{m.group(1)}-Q{cal.quarter_of(int(m.group(2)))}" if m else None
