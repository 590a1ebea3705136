"""Find time expressions in a text and resolve them, in three passes.

1. Candidates: every rule's regular expression over the text; a candidate its
   rule's validator refuses is dropped.
2. Selection: the longest candidates win, then the earliest-registered rule; the
   chosen spans do not overlap. Modifier words are then taken into the span
   ("more than three hours" MORE_THAN, "mid-October" MID, "early 2010" START)
   or read from the word before it ("by 2025" ON_OR_BEFORE, outside the span, as
   TimeML keeps signals out of TIMEX3).
3. Resolution, in text order. Deictic expressions resolve against the DCT with the
   tense of their governing verb. Anaphoric expressions ("the following day", "two
   days later", "days earlier", "that week") resolve against the **anchor**: the
   latest day-precise date (YYYY-MM-DD) found earlier in the article, or the DCT
   when no such date comes before them. Every resolved day-precise date becomes
   the new anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sitrep.extract.timex import (  # noqa: F401  (register rules)
    absolute,
    dayparts,
    durations,
    feasts,
    periods,
    ranges,
    refs,
    relative,
    spelled,
)
from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.absolute import as_date
from sitrep.extract.timex.calendar import week_day
from sitrep.extract.timex.patterns import alt
from sitrep.extract.timex.rules import RULES, Ctx, Resolved, Rule, word_before
from sitrep.extract.timex.triggers import text_words
from sitrep.model import Timex

_DURATION_MOD = re.compile(rf"(?<![\w])(?P<w>{alt(lx.DURATION_MODS)})\s+$", re.IGNORECASE)
_POINT_MOD = re.compile(rf"(?<![\w])(?P<w>{alt(lx.POINT_MODS)})(?:\s*-\s*|\s+)$", re.IGNORECASE)
_POINT_KINDS = ("absolute", "deictic")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    mod: str | None = None


def candidates(text: str) -> list[Candidate]:
    found = []
    words = text_words(text)
    for order, r in enumerate(RULES):
        if not r.worth_running(words):
            continue
        for m in r.regex.finditer(text):
            if m.end() > m.start() and (r.valid is None or r.valid(m, text)):
                found.append((order, Candidate(m.start(r.group or 0), m.end(r.group or 0), r, m)))
    found.sort(key=lambda oc: (-(oc[1].end - oc[1].start), oc[0], oc[1].start))
    return [c for _, c in found]


def select(cands: list[Candidate]) -> list[Candidate]:
    taken: list[Candidate] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def attach_mods(text: str, chosen: list[Candidate]) -> None:
    """Widen spans over modifier words and set ``mod`` (see the module docstring)."""
    for i, c in enumerate(chosen):
        floor = chosen[i - 1].end if i else 0
        before = text[max(floor, c.start - 30): c.start]
        regex = {"duration": _DURATION_MOD, "absolute": _POINT_MOD, "deictic": _POINT_MOD,
                 "anaphoric": _POINT_MOD}.get(c.rule.kind)
        if c.match.groupdict().get("lead"):
            regex = None  # "over the past three years": "over" is a preposition here
        m = regex.search(before) if regex else None
        if m:
            table = lx.DURATION_MODS if c.rule.kind == "duration" else lx.POINT_MODS
            c.mod = table[re.sub(r"\s+", " ", m.group("w").lower())]
            c.start -= len(before) - m.start()
        elif c.rule.kind in _POINT_KINDS and word_before(text, c.start) in lx.SIGNAL_MODS:
            c.mod = lx.SIGNAL_MODS[word_before(text, c.start)]


Direction = Callable[[int, int], int]
Present = Callable[[int, int], bool]  # the span's governing verb is a finite present


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")
CLOCK_RULES = frozenset({"clock", "clock24", "clock_mil", "clock_pod", "noon", "overnight", "daylight"})
# a date with these mods still names its day ("by June 10"): it anchors what follows
_ANCHORING_MODS = frozenset({None, "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX"})
_PART_MODS = frozenset({"START", "MID", "END"})  # a part named inside the span beats a signal outside
_QUARTER_OR_HALF = re.compile(r"\d{4}-[QH]\d")


def _tense(text: str, c: Candidate, direction: Direction) -> int:
    """The signal word's direction ("since" past, "until" future), else the clause's tense. For
    "until" the parse has the last word when it has one (:func:`tense.direction`: "Until
    Thursday, they had not named him" is a past Thursday)."""
    signal = lx.SIGNAL_DIRECTION.get(word_before(text, c.start))
    if signal is None:
        return direction(c.start, c.end)
    if signal > 0:
        return direction(c.start, c.end) or signal
    return signal


@dataclass(slots=True)
class Anchors:
    """The latest date mentioned at each precision: an anaphoric expression about
    years ("that year") anchors on the latest year, one about days on the latest day."""

    day: date | None
    month: date | None
    year: date | None
    day_end: int = 0
    period: str | None = None  # the latest calendar value ("2009-Q3", "2009-10") and where it ends
    period_end: int = -1

    def for_unit(self, unit: str) -> date | None:
        unit = unit.lower().rstrip("s")
        if unit in ("year", "decade", "century", "centurie"):
            return self.year
        if unit in ("month", "quarter"):
            return self.month
        return self.day

    def update(self, value: str, end: int, ends_period: bool = False) -> None:
        """``ends_period``: the date closes the period named before it ("the quarter ended
        Sept. 30"), which stays the period under discussion."""
        if ends_period and self.period and _QUARTER_OR_HALF.fullmatch(self.period):
            self.period_end = end
        elif re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?|-[QH]\d|-(?:SP|SU|FA|WI)|-W\d\d)?", value):
            self.period, self.period_end = value, end
        day = as_date(value)
        if day:
            self.day = self.month = self.year = day
            self.day_end = end
        elif re.fullmatch(r"\d{4}-\d\d", value):
            self.month = self.year = date(int(value[:4]), int(value[5:]), 1)
        elif week := week_day(value):
            self.month = self.year = week  # "this weekend ... by the end of the month"
        elif re.fullmatch(r"\d{4}(?:-[QH]\d|-(?:SP|SU|FA|WI))?", value):
            self.year = date(int(value[:4]), 1, 1)


_PERIOD_END = re.compile(r"\b(?:quarter|half|period|year)\s+end(?:ed|ing)\s+(?:on\s+)?$", re.IGNORECASE)
_COMPARISON_RULES = frozenset({"year_earlier", "same_period"})


def _period_near(text: str, anchors: Anchors, start: int) -> bool:
    """The last named period is the comparison base of "a year ago/earlier": in the same
    sentence, or a quarter or half named within the two sentences before when the expression
    does not open its sentence (earnings reports: "... a third-quarter loss. It had net income
    of $1 million a year ago"; but "A year ago, the firm ..." sets a scene)."""
    breaks = len(_SENTENCE_BREAK.findall(text, anchors.period_end, start))
    if breaks == 0:
        return True
    opens = re.search(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$", text[max(0, start - 5):start]) is not None
    return not opens and breaks <= 2 and bool(_QUARTER_OR_HALF.fullmatch(anchors.period or ""))


def _comparison(c: Candidate) -> bool:
    """"a year earlier", "the year-ago quarter": a point of comparison, not a new anchor."""
    if c.rule.name in _COMPARISON_RULES:
        return True
    unit = (c.match.groupdict().get("unit") or "").lower()
    amount = (c.match.groupdict().get("amt") or "").lower()
    return c.rule.name in ("ago", "later") and unit == "year" and amount in ("a", "one")


def _context(text: str, c: Candidate, dct: date | None, anchors: Anchors, direction: Direction,
             present: Present) -> Ctx:
    unit = c.match.groupdict().get("unit") or c.match.groupdict().get("bare") or "day"
    ctx = Ctx(dct=dct, anchor=anchors.for_unit(unit), text=text, start=c.start)
    ctx.period = anchors.period
    # "sales fell in the third quarter from a year earlier": the comparison is in the same sentence
    ctx.period_near = bool(anchors.period) and _period_near(text, anchors, c.start)
    if c.rule.name in CLOCK_RULES:
        same_sentence = not _SENTENCE_BREAK.search(text, anchors.day_end, c.start)
        ctx.anchor = anchors.day if same_sentence else dct  # a clock time takes its own sentence's day
    if c.rule.kind in ("deictic", "absolute", "anaphoric"):
        ctx.direction = _tense(text, c, direction)
        ctx.present = ctx.direction == 0 and present(c.start, c.end)
    return ctx


# what may stand between a clock time and its day: a comma or "on", and a parenthetical
# ("at 10:35 a.m. (0735 GMT) Friday"), or the parenthetical's close for the clock inside it
_APPOSED_DAY = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*|\)\s*)?(?:,|\bon\b)?\s*")


def _clock_takes_next_day(text: str, c: Candidate, t: Timex, nxt: Timex | None) -> None:
    """"at 16:15 UTC, June 1st", "at 9 a.m. on March 3": a clock time takes the day named
    right after it."""
    if nxt is None or c.rule.name not in CLOCK_RULES or c.match.groupdict().get("wd"):
        return
    day, clock = nxt.value or "", t.value or ""
    if as_date(day) is None or len(day) != 10 or "T" not in clock:
        return
    if _APPOSED_DAY.fullmatch(text, t.end, nxt.start):
        t.value = day + clock[clock.index("T"):]


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(T\w+)?")


def _day_in_named_month(res: Resolved, anchors: Anchors) -> Resolved:
    """"... was shot last October. His name was crossed out that same day": "that day" / "the
    same day" after a month named more recently than any day points back to a day of that
    month, whose number the text does not give (1998-10-XX), not to the older day anchor."""
    m = _DAY_VALUE.fullmatch(res.value)
    month = anchors.period if anchors.period_end > anchors.day_end else None
    if m is None or month is None or not re.fullmatch(r"\d{4}-\d\d", month):
        return res
    return Resolved(res.type, f"{month}-XX{m.group(1) or ''}", res.mod)


def _next_outside_parens(text: str, t: Timex, after: list[Timex]) -> Timex | None:
    """The first time expression after ``t`` that is not inside a parenthetical opened after it."""
    for nxt in after:
        gap = text[t.end:nxt.start]
        if gap.count("(") <= gap.count(")"):
            return nxt
    return None


def resolve_all(text: str, chosen: list[Candidate], dct: date | None, direction: Direction,
                present: Present | None = None) -> list[Timex]:
    out: list[tuple[Candidate, Timex]] = []
    anchors = Anchors(dct, dct, dct)
    for c in chosen:
        ctx = _context(text, c, dct, anchors, direction, present or (lambda s, e: False))
        res = c.rule.resolve(c.match, ctx)
        if res is None:
            continue
        if c.rule.name == "that_unit" or (c.match.groupdict().get("rel") or "").lower() == "same":
            res = _day_in_named_month(res, anchors)
        mod = res.mod if res.mod in _PART_MODS else c.mod or res.mod  # "by end-2022": END
        used = ctx.anchor if c.rule.kind == "anaphoric" else dct
        out.append((c, Timex(start=c.start, end=c.end, text=text[c.start:c.end], type=res.type,
                             value=res.value, mod=mod, anchor=used.isoformat() if used else None)))
        if res.type in ("DATE", "TIME") and mod in _ANCHORING_MODS and not _comparison(c):
            closes = _PERIOD_END.search(text, max(0, c.start - 30), c.start) is not None
            anchors.update(res.value, c.end, closes)
    for i, (c, t) in enumerate(out):
        _clock_takes_next_day(text, c, t, _next_outside_parens(text, t, [u for _, u in out[i + 1:]]))
    return [t for _, t in out]


def find(text: str, dct: date | None, direction: Direction | None = None,
         present: Present | None = None) -> list[Timex]:
    """Every time expression of ``text``, resolved against ``dct`` (None: unknown)."""
    chosen = select(candidates(text))
    attach_mods(text, chosen)
    return resolve_all(text, chosen, dct, direction or (lambda s, e: 0), present)
