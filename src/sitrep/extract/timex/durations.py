"""Rules for durations ("three years", "eight-hour", "several days") and sets
("daily", "every Monday", "twice a week")."""

from __future__ import annotations

import re

from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.patterns import (
    AMOUNT,
    DIGITS,
    MONTH,
    NUMWORD,
    SEASON,
    UNIT,
    WEEKDAY,
    B,
    E,
    alt,
    amount_value,
    duration_value,
    month_number,
)
from sitrep.extract.timex.rules import Ctx, Resolved, rule, word_before
from sitrep.extract.timex.triggers import DIGIT, UNIT_WORDS, WEEKDAY_WORDS, words

_LEAD = (r"(?:(?:the\s+)?(?:past|next|previous|coming|following|first|final|initial|remaining|latest)"
         r"|the\s+last"
         r"|another|an\s+additional|additional|a\s+further)")


def _one_day_ok(m: re.Match[str], text: str) -> bool:
    """A clause opener: after "that", a conjunction, a comma or a sentence start, and before
    the clause's subject (not "one day after the vote", "one day of talks")."""
    before = text[max(0, m.start() - 12):m.start()]
    opener = re.search(r"(?:^|[.,;:!?\"“]\s*|\b(?:that|and|but|until|when)\s+)$", before) is not None
    nxt = re.match(r",?\s+([A-Za-z]+)", text[m.end():])
    subject = nxt is not None and (nxt.group(1)[0].isupper() or nxt.group(1).lower() in lx.CLAUSE_SUBJECTS)
    return opener and subject


@rule("one_day", rf"{B}(?:(?:one|some)\s+day|someday){E}", kind="deictic", valid=_one_day_ok,
      needs=frozenset({"day", "someday"}))
def one_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"one day" / "someday" opening a clause ("so that one day Asad will face justice"):
    FUTURE_REF, or PAST_REF in a past clause ("One day he left"). Registered before the
    duration rule so that it wins the tie with "one day" P1D."""
    return Resolved("DATE", "PAST_REF" if ctx.direction < 0 else "FUTURE_REF")


# a quantity right before "a year / a week": a number (digits or a number word), an optional
# scale word and at most one noun ("$1.76", "500 million", "700 seats", "three trains")
_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand))"
    r"(?:\s+(?:million|billion|trillion|thousand|hundred|percent))?%?(?:\s+[a-z]+)?\s+$")


def _duration_ok(m: re.Match[str], text: str) -> bool:
    unit = m.group("unit").lower()
    amt = re.sub(r"\s+", " ", m.group("amt").lower())
    if unit in ("quarter", "quarters"):
        # "a quarter of", "three quarters" are fractions far more often than periods; "the past
        # three quarters", "two consecutive quarters" are periods
        return bool(m.groupdict().get("lead") or m.groupdict().get("adj"))
    if unit in ("second", "sec", "min", "minute") and amt in ("a", "an", "one"):
        return unit == "minute" and amt != "one"
    if re.match(r"\s+(?:old|of\s+age)\b", text[m.end():]):
        return False  # an age ("he is 65 years old")
    if amt in ("a", "an") and _RATE_BEFORE.search(text[max(0, m.start() - 40): m.start()]):
        return False  # a rate ("$2 million a year", "three trains a week"), not a time
    return not (amt in ("some", "many") and not unit.endswith("s"))


_ADJ = (r"(?:consecutive|straight|successive|full|more|additional|whole|entire|long|short|further"
        r"|trading|business|working|calendar)")


@rule("duration",
      rf"{B}(?:(?P<lead>{_LEAD})\s+)?(?P<amt>{AMOUNT})\s+(?:(?P<adj>{_ADJ})\s+)?(?P<unit>{UNIT}){E}",
      kind="duration", valid=_duration_ok, needs=UNIT_WORDS)
def duration(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DURATION", duration_value(amount_value(m.group("amt")), m.group("unit")))


@rule("duration_and_half", rf"{B}(?P<amt>an?|one)\s+(?P<unit>{UNIT})\s+and\s+a\s+half{E}", kind="duration",
      needs=UNIT_WORDS)
def duration_and_half(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"a day and a half": P1.5D."""
    return Resolved("DURATION", duration_value(1.5, m.group("unit")))


@rule("duration_plus", rf"{B}(?P<amt>{DIGITS}|{NUMWORD})(?:-plus|\+)\s+(?P<unit>{UNIT}){E}", kind="duration",
      needs=UNIT_WORDS)
def duration_plus(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"40-plus years", "20+ years": at least that long."""
    amount = amount_value(m.group("amt"))
    if amount is None or m.group("unit").lower() not in lx.UNITS:
        return None
    return Resolved("DURATION", duration_value(amount, m.group("unit")), "EQUAL_OR_MORE")


@rule("duration_range",
      rf"{B}(?P<amt>{DIGITS}|{NUMWORD})(?:\s+(?:to|or|and)\s+|\s*[-–]\s*)(?:{DIGITS}|{NUMWORD})"
      rf"\s+(?P<unit>{UNIT}){E}", kind="duration", group="amt", valid=_duration_ok, needs=UNIT_WORDS)
def duration_range(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """The first bound of "between 60 and 90 days", "two to three weeks": a duration of its own
    (the second bound is the usual "90 days")."""
    amount = amount_value(m.group("amt"))
    return Resolved("DURATION", duration_value(amount, m.group("unit"))) if amount else None


_ADJ_UNITS = "year|month|week|day|hour|minute|second|decade|century"


@rule(
    "duration_adj",
    rf"{B}(?P<amt>{DIGITS}|{NUMWORD})[ ]?-[ ]?(?P<unit>{_ADJ_UNITS})(?:[ ]?-[ ]?(?:long|old))?{E}",
    kind="duration",
    needs=UNIT_WORDS | {DIGIT},
)
def duration_adjective(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if m.group(0).lower().endswith("old"):
        return None  # an age ("a 36-year-old man"), not a time expression
    amount = amount_value(m.group("amt"))
    return Resolved("DURATION", duration_value(amount, m.group("unit"))) if amount else None


@rule("duration_long", rf"{B}(?P<unit>year|month|week|day|decade|hour)(?P<pl>s)?-long{E}", kind="duration",
      needs=frozenset({"long"}))
def duration_long(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    amount = None if m.group("pl") else 1
    return Resolved("DURATION", duration_value(amount, m.group("unit").lower() + (m.group("pl") or "")))


LONG_WORDS = {"weeklong": "P1W", "monthlong": "P1M", "yearlong": "P1Y", "daylong": "P1D",
              "half-century": "P50Y", "half-hour": "PT30M", "half-day": "PT12H", "half-year": "P6M"}


@rule("long_word", rf"{B}(?P<w>{alt(LONG_WORDS)}){E}", kind="duration",
      needs=frozenset({"weeklong", "monthlong", "yearlong", "daylong", "half"}))
def long_word(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DURATION", LONG_WORDS[m.group("w").lower()])


HALF_VALUES = {"hour": "PT30M", "day": "PT12H", "month": "P2W", "year": "P6M", "decade": "P5Y",
               "century": "P50Y"}


@rule(
    "half_unit",
    rf"{B}(?:half\s+an?\s+(?P<u1>hour|day|month|year|decade|century)|an?\s+half[\s-](?P<u2>hour"
    rf"|day|year)){E}",
    kind="duration",
    needs=frozenset({"half"}),
)
def half_unit(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DURATION", HALF_VALUES[(m.group("u1") or m.group("u2")).lower()])


@rule(
    "bare_plural",
    rf"{B}(?P<prep>for|over|within|after|took|spent|lasted|lasting|in|just|only|mere|barely|matter\s+of)\s+"
    rf"(?P<unit>{alt(lx.BARE_PLURALS)}){E}"
    r"(?!\s+(?:ago|later|earlier|of\s+(?:age|experience)))", kind="duration", group="unit",
    needs=words(lx.BARE_PLURALS),
)
def bare_plural(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DURATION", duration_value(None, m.group("unit")))


def _bare_signal_ok(m: re.Match[str], text: str) -> bool:
    """No number or determiner before the unit: those are other rules' durations."""
    before = text[max(0, m.start() - 12):m.start()]
    return not re.search(r"(?:\d|\b(?:the|of|many|several|few|some))\s*$", before)


@rule("bare_signal", rf"{B}(?P<unit>{alt(lx.BARE_PLURALS)}){E}(?=\s+(?:after|before)\b)", kind="duration",
      valid=_bare_signal_ok, needs=words(lx.BARE_PLURALS))
def bare_signal(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"hours after his arrest", "days before the vote": an unstated number of units."""
    return Resolved("DURATION", duration_value(None, m.group("unit")))


_SET_SINGLE = [k for k in lx.SET_WORDS if " " not in k or k.split()[0] in ("every", "each")]


def _set_word_ok(m: re.Match[str], text: str) -> bool:
    """Not a word of a name: "China Daily", "The Weekly Standard", "Annual Report"."""
    if not m.group("w")[0].isupper():
        return True
    before = re.search(r"([A-Za-z]+)\s+$", text[max(0, m.start() - 30): m.start()])
    after = re.match(r"\s+([A-Za-z]+)", text[m.end():])
    return not any(w is not None and w.group(1)[0].isupper() for w in (before, after))


@rule("set_word", rf"{B}(?P<w>{alt(_SET_SINGLE)}){E}", kind="set", valid=_set_word_ok,
      needs=words(lx.SET_WORDS))
def set_word(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("SET", lx.SET_WORDS[re.sub(r"\s+", " ", m.group("w").lower())])


@rule("set_every_n", rf"{B}every\s+(?P<amt>{AMOUNT}|other)\s+(?P<unit>{UNIT}){E}", kind="set",
      needs=frozenset({"every"}))
def set_every_n(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    amt = m.group("amt").lower()
    amount = 2.0 if amt == "other" else amount_value(amt)
    return Resolved("SET", duration_value(amount, m.group("unit")))


@rule("set_weekday", rf"{B}(?:every|each)\s+(?P<wd>{WEEKDAY}){E}", kind="set", needs=WEEKDAY_WORDS)
def set_weekday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("SET", f"XXXX-WXX-{lx.WEEKDAYS[m.group('wd').lower()] + 1}")


@rule(
    "set_freq",
    rf"{B}(?:once|twice|thrice|{NUMWORD}\s+times|\d+\s+times)\s+(?:a|an|per|every|each)\s+"
    rf"(?P<unit>day|week|month|year|hour){E}",
    kind="set",
    needs=frozenset({"once", "twice", "thrice", "times"}),
)
def set_frequency(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("SET", duration_value(1, m.group("unit")))


@rule("set_weekdays", rf"{B}(?P<wd>{WEEKDAY})s{E}", kind="set",
      valid=lambda m, t: m.group("wd")[0].isupper() and word_before(t, m.start()) not in lx.NAMED_DAY_WORDS,
      needs=frozenset(w + "s" for w in WEEKDAY_WORDS),
)
def set_weekdays(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"on Fridays": every Friday."""
    return Resolved("SET", f"XXXX-WXX-{lx.WEEKDAYS[m.group('wd').lower()] + 1}")


@rule("set_every_named", rf"{B}(?:every|each)\s+(?:(?P<s>{SEASON})|(?P<mon>{MONTH})){E}", kind="set",
      needs=frozenset({"every", "each"}))
def set_every_named(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"every spring" XXXX-SP, "each January" XXXX-01."""
    if m.group("s"):
        return Resolved("SET", f"XXXX-{lx.SEASONS[m.group('s').lower()]}")
    if not m.group("mon")[0].isupper():
        return None
    return Resolved("SET", f"XXXX-{month_number(m.group('mon')):02d}")
