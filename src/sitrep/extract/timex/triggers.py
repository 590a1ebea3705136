"""Trigger words: a rule declares the words it needs (``@rule(..., needs=...)``) and is
run only on texts holding one of them.

Scanning a text once for its words and skipping rules none of whose trigger words
occur keeps the stage cheap on long inputs. A rule without ``needs`` always runs.
``DIGIT`` stands for any digit in the text. This module holds the shared word sets.
"""

from __future__ import annotations

import re

from sitrep.extract.timex import lexicon as lx

DIGIT = "#digit"


def words(phrases: object) -> frozenset[str]:
    return frozenset(w for p in phrases for w in re.findall(r"[a-z]+", str(p).lower()))  # type: ignore[attr-defined]


MONTH_WORDS = words(lx.MONTHS)
WEEKDAY_WORDS = words(lx.WEEKDAY_NAMES)
UNIT_WORDS = words(lx.UNITS)
# the units of anaphoric expressions ("the following day", "that week")
ANA_WORDS = frozenset({"day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
                       "decade", "century"})


def text_words(text: str) -> frozenset[str]:
    """The lower-case words of a text, plus ``DIGIT`` when it holds a digit."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    if re.search(r"\d", text):
        words.add(DIGIT)
    return frozenset(words)
