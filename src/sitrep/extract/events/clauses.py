"""The clause of a mention (its evidence span and where its arguments are looked for)
and the time arguments taken from the timex stage's records."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from sitrep.extract.events.lexicon import lexicon
from sitrep.extract.events.typetable import spec_of
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitrep.extract.events.mentions import EventMention
    from sitrep.model import Timex

CUT_DEPS = {"conj", "ccomp", "advcl", "parataxis"}
# evidence is the clause that states the event; a clause longer than almost any news
# sentence (99% of the sentences of the 89 VOA stories are shorter: 322 characters,
# `python scripts/sentence_lengths.py`) is a run-on or a list, and is cut to the
# trigger's own phrase, else to the punctuation-delimited segment around the trigger
LONG_SPAN = 320
SEGMENT_MARKS = {",", ";", ":", "-", "—", "–", "(", ")"}
VAGUE = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
NEAR = 5  # tokens between a bare event noun and a date it may take from outside its phrase


def clause_top(m: EventMention) -> Token:
    top = m.head
    while top.dep_ in ("xcomp", "aux") and top.head != top:
        top = top.head
    return top


def scope(m: EventMention) -> list[Token]:
    """Tokens of the mention's clause: the subtree of its clause head without the
    coordinated or embedded clauses that carry other predications."""
    if m.nominal and m.head == m.trigger and len(list(m.trigger.subtree)) >= 3:
        top = m.trigger
    elif m.nominal and m.head == m.trigger:
        top = next((a for a in m.trigger.ancestors if a.pos_ in ("VERB", "AUX")), m.trigger)
    else:
        top = clause_top(m)
    keep_path = {m.trigger.i, *[a.i for a in m.trigger.ancestors]}
    cut: set[int] = set()
    for t in top.subtree:
        if t.dep_ in CUT_DEPS and t != top and t.i not in keep_path and t.pos_ in ("VERB", "AUX"):
            cut.update(x.i for x in t.subtree)
    toks = [t for t in top.subtree if t.i not in cut]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("CCONJ", "SCONJ")):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].pos_ == "CCONJ"):
        toks.pop(0)
    return toks or [m.trigger]


def evidence_span(m: EventMention, toks: list[Token]) -> tuple[int, int]:
    """The clause of the mention, or for an over-long one the trigger's phrase, else the
    segment of its sentence between punctuation marks (at most LONG_SPAN characters)."""
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if end - start <= LONG_SPAN:
        return start, end
    sub = list(m.trigger.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    if end - start <= LONG_SPAN:
        return start, end
    return _segment(m.trigger)


def _segment(trigger: Token) -> tuple[int, int]:
    sent = trigger.sent
    lo = hi = trigger.i
    while lo > sent.start and sent.doc[lo - 1].text not in SEGMENT_MARKS:
        lo -= 1
    while hi + 1 < sent.end and sent.doc[hi + 1].text not in SEGMENT_MARKS:
        hi += 1
    doc = sent.doc
    while doc[hi].idx + len(doc[hi].text) - doc[lo].idx > LONG_SPAN:  # words either side of the trigger
        if trigger.i - lo > hi - trigger.i:
            lo += 1
        else:
            hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


class TimeIndex:
    """Timexes located on tokens, with the claims mentions make on them."""

    def __init__(self, doc: Doc, timexes: list[Timex]) -> None:
        self.rows: list[tuple[int, int, Timex]] = []
        for tx in timexes:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None and tx.value:
                self.rows.append((span.start, span.end, tx))
        self.claimed: set[int] = set()
        # the rows' positions sorted by start token, to look at those near a place only
        self._order = sorted(range(len(self.rows)), key=lambda k: self.rows[k][0])
        self._starts = [self.rows[k][0] for k in self._order]
        self._longest = max((e - s for s, e, _ in self.rows), default=0)

    def _starting(self, lo: int, hi: int) -> list[tuple[int, int, Timex]]:
        """The rows that start in [lo, hi), in the order of ``rows``."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [self.rows[k] for k in sorted(self._order[a:b])]

    def within(self, ids: set[int], types: tuple[str, ...]) -> list[tuple[int, int, Timex]]:
        if not ids:
            return []
        near = self._starting(min(ids) - self._longest + 1, max(ids) + 1)
        return [r for r in near if r[2].type in types and any(i in ids for i in range(r[0], r[1]))
                and r[2].value not in VAGUE]

    def in_sentence(self, tok: Token, types: tuple[str, ...]) -> list[tuple[int, int, Timex]]:
        s = tok.sent
        return [r for r in self._starting(s.start, s.end) if r[2].type in types
                and r[2].value not in VAGUE]


def _nearest(tok: Token, rows: list[tuple[int, int, Timex]]) -> tuple[int, int, Timex] | None:
    return min(rows, key=lambda r: min(abs(r[0] - tok.i), abs(r[1] - 1 - tok.i)), default=None)


def _date_role(m: EventMention, row: tuple[int, int, Timex]) -> str:
    lex = lexicon()
    doc = m.trigger.doc
    before = doc[row[0] - 1].lower_ if row[0] > 0 else ""
    tx = row[2]
    if before in ("by", "until", "till") or tx.mod in ("BEFORE", "ON_OR_BEFORE"):
        return spec_of(m.type).deadline_role
    if m.head.lemma_.lower() in lex.cues("start_verbs") or before in ("from", "since"):
        return "start"
    if m.head.lemma_.lower() in lex.cues("end_verbs"):
        return "end"
    return "date"


def scene_date(m: EventMention, times: TimeIndex) -> dict[str, Any]:
    """The date that opens the previous sentence of the same paragraph ("On Dec. 7, ...")
    for an undated clause in a sentence with no date of its own: press releases set the
    day once and narrate the rest of the paragraph under it."""
    sent = m.trigger.sent
    doc = m.trigger.doc
    bare = m.nominal and m.head == m.trigger
    if bare or sent.start == 0 or times.in_sentence(m.trigger, ("DATE", "TIME")):
        return {}
    prev = doc[sent.start - 1].sent
    if "\n" in doc_text(doc)[prev.end_char: sent.start_char] or doc[prev.start].lower_ not in ("on", "in"):
        return {}
    row = next((r for r in times.in_sentence(doc[prev.start], ("DATE",)) if r[0] == prev.start + 1), None)
    return {"date": row[2].value} if row is not None else {}


def nested(m: EventMention, triggers: set[int]) -> bool:
    """A noun that is the object of another event's verb ("observe the exercises")."""
    if not m.nominal or m.head != m.trigger:
        return False
    head = m.trigger.head
    if m.trigger.dep_ == "pobj":
        head = head.head
    return head.i in triggers and head != m.trigger


def owned(m: EventMention, toks: list[Token], triggers: set[int]) -> set[int]:
    """Clause tokens whose closest governing trigger is this mention's."""
    mine = {m.trigger.i, m.head.i}
    out = set()
    for t in toks:
        owner = next((a.i for a in [t, *t.ancestors] if a.i in triggers), None)
        if owner is None or owner in mine:
            out.add(t.i)
    return out


def _modifies_other_noun(row: tuple[int, int, Timex], m: EventMention) -> bool:
    """A date inside another noun phrase ("the December 25, 2011 agreement"): before that
    noun; one after it is the clause's adverbial the parser hung on the object ("attacked
    a train Tuesday")."""
    doc = m.trigger.doc
    for i in range(row[0], row[1]):
        tok = doc[i]
        if not row[0] <= tok.head.i < row[1]:
            return (tok.dep_ in ("compound", "nmod", "amod", "npadvmod") and tok.head.pos_ in (
                "NOUN", "PROPN") and tok.head != m.trigger and tok.head.i > tok.i)
    return False


def claim_dates(m: EventMention, toks: list[Token], times: TimeIndex, triggers: set[int]) -> dict[str, Any]:
    """First pass: the DATE nearest the trigger inside its own clause."""
    if m.nominal and m.head == m.trigger:  # a bare noun dates itself only inside its phrase
        toks = list(m.trigger.subtree)
    ids = owned(m, toks, triggers)
    rows = [r for r in times.within(ids, ("DATE", "TIME")) if not _modifies_other_noun(r, m)]
    own = _nearest(m.trigger, rows)
    out: dict[str, Any] = {}
    if own is not None:
        times.claimed.add(id(own[2]))
        out[_date_role(m, own)] = own[2].value
    if spec_of(m.type).takes_duration:
        sub = owned(m, list(m.trigger.subtree), triggers) | ids
        dur = _nearest(m.trigger, times.within(sub, ("DURATION",)))
        if dur is not None:
            out["duration"] = dur[2].value
    return out


def fallback_date(m: EventMention, times: TimeIndex, triggers: set[int]) -> dict[str, Any]:
    """Second pass: the nearest DATE in the sentence that no clause claimed."""
    if nested(m, triggers):
        return {}
    rows = [r for r in times.in_sentence(m.trigger, ("DATE", "TIME")) if not _modifies_other_noun(r, m)]
    free = [r for r in rows if id(r[2]) not in times.claimed]
    if m.nominal and m.head == m.trigger:  # a bare noun: only a date right next to it ("today's attack")
        sub = list(m.trigger.subtree)
        free = [r for r in rows if r[0] - sub[-1].i <= NEAR and sub[0].i - r[1] <= NEAR]
    row = _nearest(m.trigger, free)
    return {_date_role(m, row): row[2].value} if row is not None else {}
