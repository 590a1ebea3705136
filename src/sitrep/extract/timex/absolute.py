"""Rules for calendar expressions: full dates, months, years, decades, centuries,
seasons, quarters, halves and fiscal years. Missing parts (the year of "Nov. 4")
come from the DCT and the tense; without a DCT they stay ``XXXX``."""

from __future__ import annotations

import calendar
import re
from datetime import date

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.patterns import (
    DAYNUM,
    MONTH,
    ORDINAL,
    SEASON,
    WEEKDAY,
    YEAR,
    B,
    E,
    alt,
    month_number,
)
from sitrep.extract.timex.rules import Ctx, Resolved, capitalized, rule, word_before
from sitrep.extract.timex.triggers import DIGIT, MONTH_WORDS, words

RANGE_TO = r"(?:\s*[-–]\s*|\s+(?:to|and|until|through|till)\s+)"
MONTH_PREPS = frozenset({
    "in", "since", "until", "till", "by", "from", "through", "of", "last", "next", "this",
    "early", "late", "mid", "during", "before", "after", "between", "and", "to", "or",
    "end", "beginning", "start", "middle", "coming", "past", "-",
})
SEASON_PREPS = frozenset({"in", "during", "since", "until", "by", "over", "this", "through"})
YEAR_PREPS = frozenset({"in", "since", "from", "until", "of", "by", "year", "till", "before", "after"})


def _day(m: re.Match[str]) -> int:
    return int(re.sub(r"\D", "", m.group("day")))


def _month_ok(m: re.Match[str], text: str) -> bool:
    return capitalized(m.group("mon"))


def _ymd(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if cal.valid_day(2000, month, day) else None
    return f"{year:04d}-{month:02d}-{day:02d}" if cal.valid_day(year, month, day) else None


def _year_for_month(ctx: Ctx, month: int) -> int | None:
    return cal.month_near(ctx.dct, month, ctx.direction, nearest=not ctx.present) if ctx.dct else None


# a day inside a longer phrase, either order: "20 (of) September" / "September 20"
DAY_MONTH = rf"(?:(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH})|(?P<mon2>{MONTH})\s+(?P<day2>{DAYNUM}))"


def day_month_value(m: re.Match[str], ctx: Ctx, year: int | None = None) -> str | None:
    """The date a :data:`DAY_MONTH` match names (the year by tense unless given); None when
    the month is not capitalized ("may 20") or the day does not exist."""
    mon = m.group("mon") or m.group("mon2")
    if not capitalized(mon):
        return None
    month = month_number(mon)
    day = int(re.sub(r"\D", "", m.group("day") or m.group("day2")))
    return _ymd(year if year is not None else _year_for_month(ctx, month), month, day)


@rule(
    "date_mdy",
    rf"{B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAYNUM}),?\s+"
    rf"(?P<year>{YEAR}){E}",
    kind="absolute", valid=_month_ok,
    needs=MONTH_WORDS,
)
@rule(
    "date_dmy",
    rf"{B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+"
    rf"(?P<mon>{MONTH}),?\s+(?P<year>{YEAR}){E}",
    kind="absolute", valid=_month_ok,
    needs=MONTH_WORDS,
)
def full_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    value = _ymd(int(m.group("year")), month_number(m.group("mon")), _day(m))
    return Resolved("DATE", value) if value else None


@rule("date_md",
      rf"{B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})(?:\s+|(?<=\.))(?P<day>{DAYNUM}){E}(?!\s*[,.]?\d)"
      rf"(?!{RANGE_TO}{DAYNUM},?\s+{YEAR})",  # "March 3-4, 2021": the range rule has the year
      kind="absolute", valid=_month_ok, needs=MONTH_WORDS)
@rule(
    "date_dm",
    rf"{B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+"
    rf"(?P<mon>{MONTH}){E}",
    kind="absolute", valid=_month_ok,
    needs=MONTH_WORDS,
)
def month_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_number(m.group("mon"))
    day = _day(m)
    year = cal.day_year_near(ctx.dct, month, day, ctx.direction) if ctx.dct else None
    value = _ymd(year, month, day)
    return Resolved("DATE", value) if value else None


@rule("date_iso", rf"{B}(?P<year>{YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d){E}", kind="absolute",
      needs=frozenset({DIGIT}))
def iso_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    value = _ymd(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return Resolved("DATE", value) if value else None


@rule("date_numeric", rf"{B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>\d{{4}}|\d{{2}}){E}", kind="absolute",
      needs=frozenset({DIGIT}))
def numeric_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if y < 100:
        y += 2000 if y < 50 else 1900
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first number cannot be a month
    value = _ymd(y, month, day)
    return Resolved("DATE", value) if value else None


def _not_a_version(m: re.Match[str], text: str) -> bool:
    return re.search(r"(?i:\bv|version)\s*$", text[max(0, m.start() - 10):m.start()]) is None


@rule("date_dotted", rf"{B}(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.(?P<year>{YEAR}){E}(?!\.\d)",
      kind="absolute", valid=_not_a_version, needs=frozenset({DIGIT}))
def dotted_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"13.09.2021": day first, as everywhere the dotted form is used."""
    value = _ymd(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return Resolved("DATE", value) if value else None


@rule(
    "month_year",
    rf"{B}(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year){E}",
    kind="absolute", valid=_month_ok,
    needs=MONTH_WORDS,
)
def month_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_number(m.group("mon"))
    if m.group("year"):
        return Resolved("DATE", cal.month_value(int(m.group("year")), month))
    step = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return Resolved("DATE", f"{dct_year(ctx, step)}-{month:02d}")


FULL_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"})


def _bare_month_ok(m: re.Match[str], text: str) -> bool:
    word = m.group("mon")
    bare = word.rstrip(".").lower()
    if not capitalized(word) or (bare not in FULL_MONTHS and not word.endswith(".")):
        return False
    if bare in lx.AMBIGUOUS_MONTHS:
        return word_before(text, m.start()) in MONTH_PREPS
    return True


@rule("month", rf"{B}(?P<mon>{MONTH}){E}", kind="absolute", valid=_bare_month_ok, needs=MONTH_WORDS)
def month_alone(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_number(m.group("mon"))
    year = _year_for_month(ctx, month)
    return Resolved("DATE", cal.month_value(year, month) if year else f"XXXX-{month:02d}")


def _year_ok(m: re.Match[str], text: str) -> bool:
    year = int(m.group("year"))
    before = text[max(0, m.start() - 4): m.start()]
    if re.search(r"(?:[$€£#]|No\.|\d[,.]|[A-Z]{2,}-)\s*$", before):
        return False  # a price, a number, an identifier ("CVE-2013-3893")
    after = re.match(r"\s*([\w%]+)", text[m.end(): m.end() + 20])
    if after and after.group(1).lower() in lx.NON_YEAR_NEXT:
        return False
    if _inside_name(text, m.start(), m.end()):
        return False
    return year >= 1800 or word_before(text, m.start()) in YEAR_PREPS


def _inside_name(text: str, start: int, end: int) -> bool:
    """"the Russell 2000 Index", "Windows 2000 Server": a number between two capitalized words
    (neither a month, a weekday nor a preposition) is part of a name."""
    before = re.search(r"(?<![.!?]\s)\b([A-Z][A-Za-z]+)\s+$", text[max(0, start - 30): start])
    after = re.match(r"\s+([A-Z][a-z]+)\b", text[end: end + 30])
    if before is None or after is None:
        return False
    words = {before.group(1).lower(), after.group(1).lower()}
    return not words & (YEAR_PREPS | lx.TITLE_FUNCTION_WORDS | set(lx.MONTHS) | set(lx.WEEKDAYS))


@rule(
    "year",
    rf"{B}(?:the\s+year\s+)?(?P<year>{YEAR})(?!\d|[A-Za-z]|,\d{{3}}|\.\d|\s?%|-\d{{3}}(?!\d)|-\d{{5}})",
    kind="absolute", valid=_year_ok,
    needs=frozenset({DIGIT}),
)
def year_alone(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DATE", m.group("year"))


@rule("fiscal_year", rf"{B}(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<year>{YEAR}|\d\d){E}", kind="absolute",
      needs=frozenset({"fiscal", "fy"}))
def fiscal_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    y = m.group("year")
    if len(y) == 2:
        y = ("20" if int(y) < 50 else "19") + y
    # TimeML 1.2.1 has no fiscal-year value (TIMEX2's "FY1989"); TimeBank writes the year
    return Resolved("DATE", y)


# "the 70s and 80s": a bare "80s" right after another decade and a conjunction
_AFTER_DECADE = "(?:" + "|".join(rf"(?<=0s\s{w}\s)" for w in ("and", "or", "to")) + ")"
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}


@rule(
    "decade",
    rf"{B}(?:the\s+)?(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'(?P<short>\d)0s|(?:(?<=the\s)|{_AFTER_DECADE})(?P<short2>\d)0s"
    rf"|(?P<word>{'|'.join(DECADE_WORDS)})){E}",
    kind="absolute",
    needs=words(("twenties thirties forties fifties sixties seventies eighties nineties",)) | {DIGIT},
)
def decade(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if m.group("dec"):
        return Resolved("DATE", m.group("dec")[:3])
    if m.group("short") or m.group("short2"):
        return Resolved("DATE", "19" + (m.group("short") or m.group("short2")))
    if not m.group(0).lower().startswith("the"):
        return None
    return Resolved("DATE", f"19{DECADE_WORDS[m.group('word').lower()]}")


@rule(
    "century",
    rf"{B}(?:the\s+)?(?P<ord>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+century{E}",
    kind="absolute",
    needs=frozenset({"century"}),
)
def century(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    word = m.group("ord").lower()
    n = lx.ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if word in ("last", "final") or not n:
        return None
    return Resolved("DATE", f"{n - 1:02d}")


SEASON_OWNERS = frozenset({"their", "its", "our", "his", "her", "my", "your"})


def _season_named(m: re.Match[str], text: str) -> bool:
    """"their Autumn meetings": a capitalized season inside a lower-case sentence (not a
    headline word, not part of a name such as "Arab Spring" or "Summer Olympics")."""
    if not capitalized(m.group("s")) or m.group("the") or m.group("rel"):
        return False
    before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 30): m.start()])
    after = re.match(r"\s+(\S+)", text[m.end():])
    return (before is not None and before.group(1)[0].islower() and before.group(1)[-1].isalpha()
            and (after is None or after.group(1)[0].islower()))


def _season_ok(m: re.Match[str], text: str) -> bool:
    word = m.group("s").lower()
    has_det = bool(m.group("rel") or m.group("year"))
    if capitalized(m.group("s")) and not m.group("year") and re.match(r"\s+[A-Z]", text[m.end():]):
        return False  # part of a name: "the Summer Olympics", "the Winter Palace"
    if word == "fall":
        follows_of = re.match(r"\s+of\s+(?!\d)", text[m.end():])
        return has_det or (bool(m.group("the")) and not follows_of)
    if m.group("the") and re.match(r"\s+of\s+(?!\d)", text[m.end():]) is None:
        return True
    if has_det or _season_named(m, text):
        return True
    return word_before(text, m.start()) in SEASON_PREPS | SEASON_OWNERS


@rule(
    "season",
    rf"{B}(?:(?P<rel>last|this|next|past|coming)\s+|(?P<the>the)\s+)?(?P<s>{SEASON})(?:\s+"
    rf"(?:of\s+)?(?P<year>{YEAR}))?{E}",
    kind="absolute", valid=_season_ok,
    needs=words(lx.SEASONS),
)
def season(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    code = lx.SEASONS[m.group("s").lower()]
    if m.group("year"):
        return Resolved("DATE", f"{m.group('year')}-{code}")
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{code}")
    start, month, year = lx.SEASON_START[code], ctx.dct.month, ctx.dct.year
    rel = (m.group("rel") or "").lower()
    current = start <= month < start + 3 or (code == "WI" and month <= 2)
    if rel in ("last", "past"):
        year = year if start + 2 < month else year - 1
    elif rel in ("next", "coming"):
        year = year if start > month else year + 1
    elif not current and ctx.direction < 0 and start > month:
        year -= 1
    elif not current and ctx.direction > 0 and start + 2 < month:
        year += 1
    if code == "WI" and month <= 2 and (rel in ("", "this") or current):
        year -= 1
    return Resolved("DATE", f"{year}-{code}")


_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_OF_YEAR = (rf"(?:\s+of\s+(?:(?P<year>{YEAR})|fiscal\s+(?P<fy>{YEAR})|(?P<rel>this|last|next|the\s+current"
            rf"|the\s+previous)\s+year|the\s+year)|,?\s+(?P<year2>{YEAR}))?")


def _period_year(m: re.Match[str], ctx: Ctx, index: int, per_year: int) -> str:
    """The year of a quarter or half: explicit, "of last year", or by tense from the DCT."""
    year = m.group("year") or m.group("year2")
    if year:
        return year
    if m.group("fy"):
        return m.group("fy")  # TimeML: no fiscal-year values (see fiscal_year)
    if ctx.dct is None:
        return "XXXX"
    rel = (m.group("rel") or "").lower()
    current = (ctx.dct.month - 1) * per_year // 12 + 1
    if "last" in rel or "previous" in rel:
        return str(ctx.dct.year - 1)
    if "next" in rel:
        return str(ctx.dct.year + 1)
    if rel:
        return str(ctx.dct.year)
    # the quarter just ended is the one being reported, whatever the tense ("expects to
    # report a third-quarter loss" in October; "fourth-quarter results" in January)
    just_ended = per_year == 4 and index == (current - 2) % 4 + 1
    adjectival = "-" in m.group(0)  # "fourth-quarter results": a reporting period
    if just_ended and (ctx.direction <= 0 or adjectival) and current == 1:
        return str(ctx.dct.year - 1)
    if index > current and ctx.direction < 0:
        return str(ctx.dct.year - 1)
    if index < current and ctx.direction > 0 and per_year == 4 and not just_ended:
        return str(ctx.dct.year + 1)
    return str(ctx.dct.year)


@rule(
    "quarter",
    rf"{B}(?:the\s+)?(?:(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter|"
    rf"(?P<q>Q[1-4])){_OF_YEAR}{E}",
    kind="absolute",
    needs=frozenset({"quarter", "q"}),
)
def quarter(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    q = int(m.group("q")[1]) if m.group("q") else _QORD[m.group("ord").lower()]
    year = _period_year(m, ctx, q, 4)
    return Resolved("DATE", f"{year}-Q{q}")


def _half_ok(m: re.Match[str], text: str) -> bool:
    return bool(m.group("year") or m.group("year2") or m.group("rel") or m.group("fy")
                or "-" in m.group(0) or m.group(0).lower().endswith("the year"))


@rule("half", rf"{B}(?:the\s+)?(?P<ord>first|second)[\s-]+half{_OF_YEAR}{E}", kind="absolute", valid=_half_ok,
      needs=frozenset({"half"}))
def half(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    h = 1 if m.group("ord").lower() == "first" else 2
    return Resolved("DATE", f"{_period_year(m, ctx, h, 2)}-H{h}")


@rule("half_code", rf"{B}H(?P<h>[12])\s*(?P<year>{YEAR}){E}", kind="absolute", flags=0,
      needs=frozenset({"h"}))
def half_code(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"H1 2021": the first half of 2021."""
    return Resolved("DATE", f"{m.group('year')}-H{m.group('h')}")


_YEAR_PART_MODS = {"end": "END", "start": "START", "mid": "MID"}


@rule("year_end", rf"{B}(?:(?P<part>end|start)-(?P<year>{YEAR})|year[\s-]end){E}", kind="absolute",
      needs=frozenset({"end", "start"}))
def year_end(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"end-2022" (2022, END), "by year-end" (the DCT's year, END)."""
    if m.group("year"):
        return Resolved("DATE", m.group("year"), _YEAR_PART_MODS[m.group("part").lower()])
    return Resolved("DATE", dct_year(ctx), "END")


def dct_year(ctx: Ctx, shift: int = 0) -> str:
    return str(ctx.dct.year + shift) if ctx.dct else "XXXX"


def as_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if re.match(r"\d{4}-\d\d-\d\d", value) else None
    except ValueError:
        return None


@rule("holiday", rf"{B}(?P<h>{alt(lx.HOLIDAYS)})(?:,?\s+(?P<year>{YEAR}))?{E}", kind="absolute",
      valid=lambda m, t: capitalized(m.group("h")), needs=words(lx.HOLIDAYS))
def holiday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month, day = lx.HOLIDAYS[re.sub(r"\s+", " ", m.group("h").lower())]
    year = int(m.group("year")) if m.group("year") else _year_for_month(ctx, month)
    return Resolved("DATE", _ymd(year, month, day) or "XXXX-XX-XX")


@rule("year_short", rf"(?<![\w'])'(?P<yy>\d\d){E}(?!s)", kind="absolute",
      valid=lambda m, t: word_before(t, m.start()) in YEAR_PREPS, needs=frozenset({DIGIT}))
def year_short(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    yy = int(m.group("yy"))
    century = 20 if ctx.dct and 2000 + yy <= ctx.dct.year + 5 else 19
    return Resolved("DATE", f"{century}{yy:02d}")


_WEEK_ORD = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1}


@rule(
    "week_of_month",
    rf"{B}the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<year>{YEAR}))?{E}", kind="absolute", valid=_month_ok,
    needs=MONTH_WORDS,
)
def week_of_month(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_number(m.group("mon"))
    year = int(m.group("year")) if m.group("year") else _year_for_month(ctx, month)
    if year is None:
        return Resolved("DATE", "XXXX-WXX")
    k = _WEEK_ORD[m.group("ord").lower()]
    last = calendar.monthrange(year, month)[1]
    # the first week holds the 1st; the last week is the last one starting in the month
    day = date(year, month, 1 + 7 * k) if k >= 0 else date(year, month, last - 6)
    return Resolved("DATE", cal.iso_week(day))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return date(year, month, 1 + (weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, last.day - (last.weekday() - weekday) % 7)


@rule("weekday_holiday", rf"{B}(?P<h>{alt(lx.WEEKDAY_HOLIDAYS)})(?:,?\s+(?P<year>{YEAR}))?{E}",
      kind="absolute", valid=lambda m, t: capitalized(m.group("h")), needs=words(lx.WEEKDAY_HOLIDAYS))
def weekday_holiday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month, weekday, n = lx.WEEKDAY_HOLIDAYS[re.sub(r"\s+", " ", m.group("h").lower())]
    year = int(m.group("year")) if m.group("year") else _year_for_month(ctx, month)
    return Resolved("DATE", nth_weekday(year, month, weekday, n).isoformat() if year else "XXXX-XX-XX")
