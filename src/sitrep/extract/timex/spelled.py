"""Years written out in words, as broadcast transcripts have them: "nineteen ninety-six"
(1996), "the winter of nineteen ninety-four", "the year two thousand" (2000), "two thousand
and one" after "the year". A bare "two thousand" is a count, not a year, so the
"two thousand" forms need "the year" before them."""

from __future__ import annotations

import re

from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.patterns import MONTH, B, E, alt, month_number
from sitrep.extract.timex.rules import Ctx, Resolved, rule

_UNITS = {w: n for w, n in lx.NUMBER_WORDS.items() if " " not in w and 1 <= n <= 9 and w not in ("a", "an")}
_TEENS = {w: n for w, n in lx.NUMBER_WORDS.items() if 10 <= n <= 19}
_TENS = {w: n for w, n in lx.NUMBER_WORDS.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)}
_LOW = rf"(?:(?P<tens>{alt(_TENS)})(?:[\s-](?P<unit>{alt(_UNITS)}))?|(?P<teen>{alt(_TEENS)}))"
_CENTURIES = {"eighteen": 18, "nineteen": 19, "twenty": 20}


def _low(m: re.Match[str]) -> int:
    if m.group("teen"):
        return _TEENS[m.group("teen").lower()]
    return _TENS[m.group("tens").lower()] + (_UNITS[m.group("unit").lower()] if m.group("unit") else 0)


@rule("spelled_year", rf"{B}(?:(?P<mon>{MONTH})\s+)?(?P<cent>eighteen|nineteen|twenty)\s+{_LOW}{E}",
      kind="absolute", needs=frozenset({"eighteen", "nineteen", "twenty"}))
def spelled_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    """"nineteen ninety-six" (1996); "January nineteen ninety-seven" (1997-01)."""
    year = f"{_CENTURIES[m.group('cent').lower()] * 100 + _low(m):04d}"
    mon = m.group("mon")
    if mon and mon[0].isupper():
        return Resolved("DATE", f"{year}-{month_number(mon):02d}")
    return Resolved("DATE", year)


@rule("spelled_2000s",
      rf"{B}the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<rest>{alt(_UNITS)}|{alt(_TEENS)}))?{E}",
      kind="absolute", needs=frozenset({"thousand"}))
def spelled_2000s(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    rest = (m.group("rest") or "").lower()
    return Resolved("DATE", f"{2000 + _UNITS.get(rest, _TEENS.get(rest, 0)):04d}")
