"""Rules for reference words that are not calendar units.

- The adjectives "recent" (``PAST_REF``) and "the current" (``PRESENT_REF``), as the
  TIDES/TimeML guidelines mark them ("the recent attacks", "the current crisis");
  "the most recent model" ranks, "the current account" is a finance term: not times.
- "by that time", "at that time": the date mentioned last in the article (its value,
  at its own precision); without an earlier date the phrase is not resolved and is
  left out.
"""

from __future__ import annotations

import re

from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.patterns import B, E
from sitrep.extract.timex.rules import Ctx, Resolved, rule, word_before


def _recent_ok(m: re.Match[str], text: str) -> bool:
    return word_before(text, m.start()) not in lx.ADJ_REF_BLOCKERS


def _current_ok(m: re.Match[str], text: str) -> bool:
    nxt = re.match(r"\s+([A-Za-z]+)", text[m.end("w"):])
    return nxt is not None and nxt.group(1).lower() not in lx.CURRENT_NOT_BEFORE


@rule("recent_adj", rf"{B}(?P<w>recent){E}", kind="ref", valid=_recent_ok, flags=0,
      needs=frozenset({"recent"}))
@rule("current_adj", rf"{B}[Tt]he\s+(?P<w>current){E}", kind="ref", valid=_current_ok, group="w", flags=0,
      needs=frozenset({"current"}))
def adjective_ref(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DATE", lx.ADJ_REFS[m.group("w")])


@rule("that_time", rf"{B}that\s+time{E}(?!\s+(?:of|when|in\s+which)\b)", kind="anaphoric",
      valid=lambda m, t: word_before(t, m.start()) in lx.THAT_TIME_PREPS, needs=frozenset({"time"}))
def that_time(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return Resolved("DATE", ctx.period) if ctx.period else None
