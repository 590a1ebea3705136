"""The rule registry: a regular expression plus a resolver per kind of expression.

A resolver gets the match and a :class:`Ctx` (the DCT, the anchor date, the tense
of the governing verb) and returns a :class:`Resolved` (type, value, mod) or None
when the match is not a time expression after all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sitrep.extract.timex import calendar as cal


@dataclass(frozen=True, slots=True)
class Resolved:
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class Ctx:
    """What a resolver may use: the DCT (None when unknown), the anchor date for
    anaphoric expressions, and the tense direction (-1 past, 0 unknown, +1 future)."""

    dct: date | None
    anchor: date | None
    direction: int = 0
    present: bool = False  # direction 0 from a finite present verb ("is due in March"), not untensed
    text: str = ""
    start: int = 0
    period: str | None = None  # the calendar value mentioned last ("2009-Q3"), if any
    period_near: bool = False  # ... and it is in the same sentence

    def day(self, d: date | None) -> str:
        return cal.day_value(d) if d else "XXXX-XX-XX"

    def before(self, n: int = 40) -> str:
        return self.text[max(0, self.start - n): self.start]


Resolver = Callable[[re.Match[str], Ctx], Resolved | None]
Validator = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: Resolver
    kind: str  # absolute, deictic, anaphoric, duration, set, ref
    valid: Validator | None = None
    group: str | None = None  # the named group that is the span, when not the whole match
    needs: frozenset[str] | None = None  # trigger words (sitrep.extract.timex.triggers)

    def worth_running(self, words: frozenset[str]) -> bool:
        """False when the text holds none of the rule's trigger words."""
        return self.needs is None or not self.needs.isdisjoint(words)


RULES: list[Rule] = []


def rule(name: str, pattern: str, *, kind: str, valid: Validator | None = None,
         group: str | None = None, flags: int = re.IGNORECASE,
         needs: frozenset[str] | None = None) -> Callable[[Resolver], Resolver]:
    """Register ``pattern`` with its resolver; earlier rules win ties of equal length.
    ``needs``: words one of which the text must hold for the rule to run."""

    def deco(func: Resolver) -> Resolver:
        RULES.append(Rule(name, re.compile(one_paragraph(pattern), flags), func, kind, valid, group, needs))
        return func

    return deco


_SPACE = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"


def one_paragraph(pattern: str) -> str:
    """Make ``\\s+`` and ``\\s*`` match at most one line break: no expression spans paragraphs."""
    return pattern.replace(r"\s+", _SPACE).replace(r"\s*", f"(?:{_SPACE})?")


def word_before(text: str, start: int) -> str:
    m = re.search(r"([\w'.-]+)\W*$", text[max(0, start - 30): start])
    return m.group(1).lower() if m else ""


def capitalized(s: str) -> bool:
    return bool(s) and s[0].isupper()
