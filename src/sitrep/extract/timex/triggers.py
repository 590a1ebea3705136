"""Which words a rule needs in the text before its regular expression is worth running.

Scanning a text once for its words and skipping rules none of whose trigger words
occur keeps the stage cheap on long inputs. A rule not listed here always runs.
``DIGIT`` stands for any digit in the text.
"""

from __future__ import annotations

import re

from sitrep.extract.timex import lexicon as lx

DIGIT = "#digit"


def _words(phrases: object) -> frozenset[str]:
    return frozenset(w for p in phrases for w in re.findall(r"[a-z]+", str(p).lower()))  # type: ignore[attr-defined]


_MONTHS = _words(lx.MONTHS)
_WEEKDAYS = _words(lx.WEEKDAY_NAMES)
_UNITS = _words(lx.UNITS)
_ANA = frozenset({"day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
                  "decade", "century"})

NEEDS: dict[str, frozenset[str]] = {
    "date_mdy": _MONTHS, "date_dmy": _MONTHS, "date_md": _MONTHS, "date_dm": _MONTHS,
    "month_year": _MONTHS, "month": _MONTHS, "rel_month": _MONTHS, "week_of_month": _MONTHS,
    "date_iso": frozenset({DIGIT}), "date_dotted": frozenset({DIGIT}),
    "half_code": frozenset({"h"}),
    "year_end": frozenset({"end", "start"}), "date_numeric": frozenset({DIGIT}), "year": frozenset({DIGIT}),
    "year_short": frozenset({DIGIT}), "clock24": frozenset({DIGIT}),
    "decade": _words(("twenties thirties forties fifties sixties seventies eighties nineties",)) | {DIGIT},
    "fiscal_year": frozenset({"fiscal", "fy"}), "century": frozenset({"century"}),
    "season": _words(lx.SEASONS), "quarter": frozenset({"quarter", "q"}), "half": frozenset({"half"}),
    "holiday": _words(lx.HOLIDAYS), "weekday_holiday": _words(lx.WEEKDAY_HOLIDAYS),
    "day_deictic": frozenset({"today", "yesterday", "tomorrow", "tonight", "night", "morning",
                              "afternoon", "evening"}),
    "day_around": frozenset({"yesterday", "tomorrow"}),
    "weekday": _WEEKDAYS, "set_weekday": _WEEKDAYS, "set_weekdays": frozenset(w + "s" for w in _WEEKDAYS),
    "set_every_named": frozenset({"every", "each"}),
    "this_unit": frozenset({"week", "weekend", "month", "year", "decade", "century", "quarter"}),
    "ago": frozenset({"ago"}), "later": frozenset({"later", "earlier"}),
    "following": _ANA, "that_unit": _ANA, "unit_before": _ANA,
    "the_unit": frozenset({"day", "year", "quarter"}), "latest_period": frozenset({"latest", "recent"}),
    "eve": frozenset({"eve"}), "weekend": frozenset({"weekend"}),
    "clock": frozenset({"am", "pm", "m"}), "clock_mil": frozenset({"utc", "gmt", "hours", "hrs"}),
    "noon": frozenset({"noon", "midday", "midnight"}),
    "ref": _words(lx.REF_WORDS), "recent": frozenset({"recent", "coming", "upcoming"}),
    "duration": _UNITS, "duration_range": _UNITS,
    "duration_and_half": _UNITS, "duration_plus": _UNITS, "duration_adj": _UNITS | {DIGIT},
    "duration_long": frozenset({"long"}),
    "long_word": frozenset({"weeklong", "monthlong", "yearlong", "daylong", "half"}),
    "half_unit": frozenset({"half"}), "bare_plural": _words(lx.BARE_PLURALS),
    "bare_signal": _words(lx.BARE_PLURALS),
    "set_word": _words(lx.SET_WORDS), "set_every_n": frozenset({"every"}),
    "set_freq": frozenset({"once", "twice", "thrice", "times"}),
    "recent_adj": frozenset({"recent"}), "current_adj": frozenset({"current"}),
    "that_time": frozenset({"time"}), "overnight": frozenset({"overnight"}),
    "daylight": _words(lx.DAYLIGHT_WORDS),
    "pod_of_date": frozenset({"morning", "afternoon", "evening", "night"}),
    "day_range_first": _MONTHS, "day_range_second": _MONTHS, "month_range_first": _MONTHS,
    "easter_feast": _words(lx.EASTER_FEASTS), "one_day": frozenset({"day", "someday"}),
    "week_of": frozenset({"week", "weekend"}), "weekday_of_week": frozenset({"week"}),
    "ordinal_day": frozenset({"st", "nd", "rd", "th"}) | {DIGIT},
    "year_period": frozenset({"quarter", "period", "half"}),
    "spelled_year": frozenset({"eighteen", "nineteen", "twenty"}), "spelled_2000s": frozenset({"thousand"}),
}


def text_words(text: str) -> frozenset[str]:
    """The lower-case words of a text, plus ``DIGIT`` when it holds a digit."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    if re.search(r"\d", text):
        words.add(DIGIT)
    return frozenset(words)


def worth_running(rule_name: str, words: frozenset[str]) -> bool:
    needs = NEEDS.get(rule_name)
    return needs is None or not needs.isdisjoint(words)
