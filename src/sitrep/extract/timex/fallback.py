"""spaCy DATE/TIME entities the rules did not find, kept when they name a time unit.

The rules come first; an entity the rules missed ("to end the day", "their best
week", "the entire year") is kept only when it holds a unit word. A singular unit
is the unit containing the latest date before it (or the DCT): a DATE; a plural
one is a vague DURATION ("the years": PXY). Entities without a unit word (ages,
bare numbers that the model tags DATE) are dropped, and so are hyphenated
compounds ("a first-year student", "a zero-day flaw"): the rules read the real
ones ("three-day", "eight-hour").
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.absolute import as_date
from sitrep.extract.timex.calendar import week_day
from sitrep.extract.timex.patterns import duration_value
from sitrep.extract.timex.relative import unit_value
from sitrep.model import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_PLURAL_UNITS = {"days", "weeks", "months", "years", "decades"}


def _unit(ent: Span) -> str | None:
    units = [lx.FALLBACK_UNITS[t.lower_] for t in ent
             if t.lower_ in lx.FALLBACK_UNITS and (t.is_lower or t.is_sent_start)]  # not "Person of the Year"
    return units[-1] if units else None


def _step(ent: Span) -> int:
    """"the day after his death", "the week before the vote": one unit after / before the
    event (a noun the preposition governs), which the anchor (the latest date named) dates.
    0 otherwise: "late in the day after falling" (a clause), "Oct. 12, the day before the
    plunge" (an apposition names the date before it)."""
    doc = ent.doc
    if ent.end >= len(doc) or ent[0].lower_ not in ("the", "that") or len(ent) != 2:
        return 0
    if ent.start > 0 and doc[ent.start - 1].text == ",":
        return 0
    prep = doc[ent.end]
    if not any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in prep.children):
        return 0
    return lx.SIGNAL_STEP.get(prep.lower_, 0)  # "after" / "before" (the others take no object)


def _resolve(ent: Span, unit: str, anchor: date | None) -> Timex | None:
    text = ent.text
    if unit in _PLURAL_UNITS:
        if any(t.like_num for t in ent):
            return None  # a counted duration the rules refused on purpose
        return Timex(ent.start_char, ent.end_char, text, "DURATION", duration_value(None, unit))
    value = unit_value(anchor, unit, _step(ent))
    if value is None:
        return None
    kind = "TIME" if unit in lx.PARTS_OF_DAY else "DATE"
    return Timex(ent.start_char, ent.end_char, text, kind, value, mod=_point_mod(text),
                 anchor=anchor.isoformat() if anchor else None)


def _point_mod(text: str) -> str | None:
    """"the beginning of the month": START, read from the words the entity opens with."""
    lowered = re.sub(r"\s+", " ", text.lower())
    starts = [w for w in lx.POINT_MODS if " " in w and lowered.startswith(w + " ")]
    return lx.POINT_MODS[max(starts, key=len)] if starts else None


def _as_anchor(value: str, unit: str) -> date | None:
    """The date an earlier value gives a unit: any dated year for "the entire year"
    (2005-Q4 -> 2005), a month or day for "the month", a day for the rest."""
    if unit in ("year", "decade"):
        m = re.fullmatch(r"(\d{4})(?:-(?:\d\d(?:-\d\d)?|[QH]\d|SP|SU|FA|WI))?", value)
        return date(int(m.group(1)), 1, 1) if m else week_day(value)
    if unit == "month":
        m = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", value)
        return date(int(m.group(1)), int(m.group(2)), 1) if m else week_day(value)
    return as_date(value)


_NOT_IN_ENTITY = frozenset({"old", "aged", "age", "-", "per"})


def _in_compound(doc: Doc, ent: Span) -> bool:
    """"day-to-day", "year-round": a hyphenated modifier; "player of the year": a title."""
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    words = [t.lower_ for t in doc[max(0, ent.start - 2):ent.start]] + [t.lower_ for t in ent[:2]]
    titled = any(w in lx.AWARD_NOUNS and words[i + 1] == "of" for i, w in enumerate(words[:-1]))
    return "-" in (before, after) or titled


def add_entities(doc: Doc, found: list[Timex], dct: date | None) -> list[Timex]:
    """``found`` plus the spaCy DATE/TIME entities that overlap none of it, in text order."""
    out = list(found)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not re.search(r"[a-z]", ent.text):
            continue
        if any(t.start < ent.end_char and ent.start_char < t.end for t in found):
            continue
        unit = _unit(ent)
        if unit is None or any(t.lower_ in _NOT_IN_ENTITY or t.pos_ in ("AUX", "VERB") for t in ent):
            continue  # an age, a rate ("10 per month"), a clause ("may last months")
        if _in_compound(doc, ent):
            continue
        earlier = [_as_anchor(t.value or "", unit) for t in found if t.end <= ent.start_char]
        days = [d for d in earlier if d]
        t = _resolve(ent, unit, days[-1] if days else dct)
        if t is not None:
            out.append(t)
    return sorted(out, key=lambda t: t.start)
