"""Regular-expression pieces built from the lexicon, and amount parsing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sitrep.extract.timex import lexicon as lx


def alt(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest match preferred), spaces matching any
    whitespace. Built as a character trie: the regex engine then branches once per
    character instead of trying every word in turn."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMWORD = rf"(?:{alt(_TENS)}[\s-]{alt(_UNITS_1_9)}|{alt(lx.NUMBER_WORDS)})"
DIGITS = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
VAGUE = alt(lx.VAGUE_AMOUNTS)
AMOUNT = rf"(?:{DIGITS}(?:\s+1/2|½)?|{VAGUE}|{NUMWORD})(?:(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)?"
UNIT = alt(lx.UNITS)
_FULL_MONTHS = [w for w in lx.MONTHS if len(w) > 4 or w in ("may", "june", "july")]
MONTH = rf"(?:{alt(_FULL_MONTHS)}|{alt(w for w in lx.MONTHS if w not in _FULL_MONTHS)}\.?)"
WEEKDAY = alt(lx.WEEKDAY_NAMES)
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
ORDINAL = alt(lx.ORDINALS)
SEASON = alt(lx.SEASONS)
PART_OF_DAY = alt(("morning", "afternoon", "evening", "night"))
TZ = alt(lx.TIME_ZONES)
B = r"(?<![\w$€£/])"  # left word boundary that also refuses currency amounts
E = r"(?![\w])"  # right word boundary


def amount_value(text: str) -> float | None:
    """The number an amount phrase stands for; None for a vague amount ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    t = re.sub(r"-(and)-a-(half)$", r" \1 a \2", t)  # "two-and-a-half"
    half = 0.0
    for suffix in (" and a half", " 1/2", "½"):
        if t.endswith(suffix):
            half, t = 0.5, t[: -len(suffix)].strip()
    if t in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[t] + half
    if t in lx.VAGUE_AMOUNTS:
        return None
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in lx.NUMBER_WORDS and parts[1] in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[parts[0]] + lx.NUMBER_WORDS[parts[1]] + half
    return None


def fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(amount: float | None, unit_word: str) -> str:
    """P3D, PT8H, P10Y (a decade), P2Q (quarters, as MEANTIME writes them), PXD (vague amount)."""
    designator, mult, is_time = lx.UNITS[unit_word.lower()]
    if is_time and amount is not None and designator in _CLOCK_SUBUNIT:
        return "PT" + _clock_parts(amount * mult, designator)
    number = "X" if amount is None else fmt_number(amount * mult)
    return f"PT{number}{designator}" if is_time else f"P{number}{designator}"


_CLOCK_SUBUNIT = {"H": "M", "M": "S"}


def _clock_parts(n: float, designator: str) -> str:
    """A clock duration in whole units where it divides exactly, as ISO 8601 times are written:
    5.5 hours -> 5H30M, 1.5 minutes -> 1M30S; other fractions stay decimal (0.25S)."""
    whole = int(n)
    rest = round((n - whole) * 60, 6)
    if rest == 0 or not rest.is_integer():
        return f"{fmt_number(n)}{designator}"
    head = f"{whole}{designator}" if whole else ""
    return f"{head}{int(rest)}{_CLOCK_SUBUNIT[designator]}"


def month_number(word: str) -> int:
    return lx.MONTHS[word.lower().rstrip(".")]
