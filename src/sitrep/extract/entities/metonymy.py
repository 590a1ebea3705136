"""Metonymy: a capital or seat of government used as an actor names its state.

"Minsk planned to buy", "Moscow's biggest exercises", "lean on Moscow", "Moscow-led",
"the Kremlin said" -> the state; "talks in Moscow", "the Belarusian capital Minsk" ->
the city. The decision reads the dependency parse: a place after a locative
preposition or in apposition to "capital"/"city" is the place; a subject, possessor or
"-led"/"-backed" modifier is the state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Entry, Gazetteer
from sitrep.extract.entities.recognize import Cand

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "npadvmod", "agent", "csubj"})


def used_as_place(doc: Doc, ts: int, te: int) -> bool:
    """True when the span at tokens [ts, te) names a location rather than an actor."""
    head = _span_head(doc, ts, te)
    window = doc[max(0, ts - 3) : ts]
    if any(t.lower_ in lexicon.PLACE_NOUNS for t in window) or head.head.lower_ in lexicon.PLACE_NOUNS:
        return True
    if ts > 0 and doc[ts - 1].lower_ == "of" and ts > 1 and doc[ts - 2].lower_ in lexicon.PLACE_NOUNS:
        return True
    prep = _governing_prep(head)
    if prep is not None:
        if prep.lower_ == "from" and prep.head.pos_ == "NOUN":
            return False  # "pressure from Beijing", "a response from Moscow": the government
        if prep.lower_ in lexicon.RELATION_PREPS and prep.head.lemma_.lower() not in lexicon.MOTION_WORDS:
            return False  # "a challenge to Washington", "turn to Moscow", "between Washington and Kyiv"
        return prep.lower_ in lexicon.LOCATIVE_PREPS
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "for either Washington or Pyongyang to change"
    if head.dep_ == "dobj" and head.head.lemma_.lower() in lexicon.ADDRESS_VERBS:
        return False  # "urged Berlin", "accused Moscow": the government addressed
    return head.dep_ not in ACTOR_DEPS and not _modifies_participle(head)


def _span_head(doc: Doc, ts: int, te: int) -> Token:
    span = doc[ts:te]
    return span.root


def _governing_prep(tok: Token) -> Token | None:
    cur = tok
    for _ in range(3):
        if cur.dep_ == "pobj":
            return cur.head
        if cur.dep_ in ("appos", "compound", "conj") and cur.head is not cur:
            cur = cur.head
            continue
        return None
    return None


def _modifies_participle(tok: Token) -> bool:
    """"Moscow-led", "Western-backed": the place is the agent of the participle."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == "-" and tok.i + 2 < len(tok.doc):
        return tok.doc[tok.i + 2].tag_ == "VBN"
    return False


def apply(doc: Doc, cands: list[Cand], gz: Gazetteer) -> list[Cand]:
    """Turn capital and seat candidates into the state or the place they name here."""
    for c in cands:
        if c.kind == "capital" and c.entry is not None:
            country = c.entry.attrs().get("capital_of", "")
            state = gz.countries.get(country)
            if state is not None and not used_as_place(doc, c.ts, c.te):
                _to_state(c, state, doc)
        elif c.kind == "seat" and c.entry is not None:
            if used_as_place(doc, c.ts, c.te) and _governing_prep(_span_head(doc, c.ts, c.te)) is not None:
                seat, country = doc[c.ts : c.te].text, c.entry.name
                c.type, c.entry, c.name, c.kind = "FACILITY", None, seat, "name"
                c.attrs = {"country": country}
            else:
                _to_state(c, c.entry, doc)
    return cands


def _to_state(c: Cand, state: Entry, doc: Doc) -> None:
    c.type, c.entry, c.name = "COUNTRY", state, state.name
    c.attrs = {"metonym": doc[c.ts : c.te].text}
    if c.kind == "seat" and c.ts > 0 and doc[c.ts - 1].lower_ == "the":
        c.ts -= 1  # "the Kremlin"
