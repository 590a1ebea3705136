"""Who an unnamed official, source or document speaks for.

News prose attributes much of what it reports to someone who is not named but is
placed in a body: "a State Department spokesperson", "a senior navy official",
"Iraqi officials", "the NISA statement", "a spokesman for the ministry", "a report by
the United Nations". The annotation conventions give such a quote to the body or state
(../shared/spec/annotation-conventions.md, Quotes); an unnamed source placed nowhere
("officials said", "witnesses said") has no speaker.

:func:`body_of` finds that body among the speaker's modifiers and prepositional
complements; :func:`fuller_entity` picks, for a bare surname or short name the entity
stage left as an entity of its own, the entity the article introduced with the full name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from sitrep.extract.quotes.lexicon import Lexicon
from sitrep.extract.spans import MentionIndex
from sitrep.model import Entity

PERSON = "PERSON"
BODY_TYPES = {"ORG", "BLOC", "MILITARY_UNIT", "FACILITY"}
STATE_TYPES = {"COUNTRY", "REGION", "CITY"}
# prepositions that place an unnamed speaker in a body ("a spokesman for the navy")
BODY_PREPS = {"for", "of", "from", "at", "by", "with", "in"}
# dependents of the head that say whose official or document it is
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod", "nummod", "conj"}
# words that make a name an organization's, not a person's
_ORG_WORDS = {"university", "institute", "council", "ministry", "party", "army", "force", "forces",
              "agency", "bank", "group", "company", "corporation", "union", "league", "front",
              "office", "department", "court", "committee", "commission", "association",
              "foundation", "center", "centre", "service", "news", "times", "post", "press"}
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ibn|bin|de|van|von)[-‑]", re.IGNORECASE)


def is_agent_noun(head: Token, lex: Lexicon) -> bool:
    """An unnamed official or source ("a spokesman", "officials")."""
    return head.pos_ in {"NOUN", "PROPN"} and bool(
        {head.lemma_.lower(), head.lower_} & lex.agent_nouns)


def is_document_noun(head: Token, lex: Lexicon) -> bool:
    """A document that speaks for its issuer ("the statement", "a report")."""
    return head.pos_ in {"NOUN", "PROPN"} and bool(
        {head.lemma_.lower(), head.lower_} & lex.document_nouns)


def body_of(head: Token, index: MentionIndex, lex: Lexicon) -> Entity | None:
    """The body or state that the unnamed speaker or document ``head`` speaks for, or None."""
    if not (is_agent_noun(head, lex) or is_document_noun(head, lex)):
        return None
    ent = placed_in(head, index)
    if ent is None and is_document_noun(head, lex):
        for prep in head.rights:  # "a statement on Apple's website": the website's owner
            if prep.dep_ == "prep" and prep.lower_ in {"on", "in"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and is_document_noun(obj, lex):
                        ent = placed_in(obj, index)
    return ent


def placed_in(head: Token, index: MentionIndex) -> Entity | None:
    """The body (else the state) that ``head``'s modifiers or prepositional complements
    name ("the Afghan army chief", "the head of the agency")."""
    found = [ent for tok in _placing_tokens(head)
             for ent in _entities_on(tok, index) if ent.type != PERSON]
    for types in (BODY_TYPES, STATE_TYPES):
        pick = next((e for e in found if e.type in types), None)
        if pick is not None:
            return pick
    return None


def _placing_tokens(head: Token) -> Iterator[Token]:
    """Words that say whose the speaker is, nearest first: the modifiers before the head
    ("the U.S. military", "Iraqi"), then the objects of its prepositions ("for the navy")."""
    for child in reversed(list(head.lefts)):
        if child.dep_ in MODIFIER_DEPS:
            yield from sorted(child.subtree, key=lambda t: -t.i)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in BODY_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and not _several(obj):
                    yield obj
                    yield from (t for t in obj.subtree if t.i != obj.i)
        elif prep.dep_ == "acl":  # "a statement released by the agency"
            for agent in prep.children:
                if agent.dep_ == "agent":
                    yield from (t for t in agent.subtree if t.i != agent.i)


def _several(noun: Token) -> bool:
    """"officials in two Western countries", "sources in several ministries": a counted
    plural places the speaker in no one body."""
    return noun.tag_ in {"NNS", "NNPS"} and any(
        c.dep_ == "nummod" or (c.dep_ in {"det", "amod"} and c.lower_ in _SEVERAL) for c in noun.lefts)


_SEVERAL = {"several", "some", "many", "both", "various", "multiple", "numerous", "few"}


def _entities_on(tok: Token, index: MentionIndex) -> list[Entity]:
    rows = index.overlapping(tok.idx, tok.idx + len(tok))
    return [r[2] for r in sorted(rows, key=lambda r: r[0] - r[1])]


def fuller_entity(ent: Entity, entities: list[Entity]) -> Entity:
    """For an entity named by a surname or a short name only ("Sudani", "Central Command"),
    the entity of the same type whose full name ends with it ("Mohammed Shia
    al-Sudani", "U.S. Central Command"); ``ent`` itself when there is none or several."""
    short = _key(ent.name)
    if not short:
        return ent
    same = [e for e in entities if e.id != ent.id and _same_kind(e, ent) and len(e.name) > len(ent.name)]
    if ent.type == PERSON:
        if " " in ent.name.strip():
            return ent
        hits = [e for e in same if _key(_last_word(e.name)) == short]
        if not hits:  # "Clements" after "Tony Clement": a misspelt surname
            hits = [e for e in same if " " in e.name.strip()
                    and near_spelling(_key(_last_word(e.name)), short)]
    else:
        hits = [e for e in same if _key(e.name).endswith(" " + short) or short in _acronyms(e.name)]
    return hits[0] if len({e.id for e in hits}) == 1 else ent


def _acronyms(name: str) -> set[str]:
    """"voa" for "Voice of America", "ecb" for "European Central Bank": the initials of
    all its words, and of its capitalized words (three letters or more)."""
    words = name.split()
    found = {"".join(w[0] for w in words), "".join(w[0] for w in words if w[:1].isupper())}
    return {a.lower() for a in found if len(a) >= 3}


def by_name(head: Token, entities: list[Entity], before: int) -> Entity | None:
    """A person or body named earlier whose name or surname is the word ``head``
    ("Evenor" after "Maxwell Evenor"), or whose acronym the name ``head`` ends spells
    ("National Congress Party" after "NCP"), when the entity stage left it unattached."""
    if head.pos_ != "PROPN":
        return None
    word = _key(head.text)
    name = [t for t in head.lefts if t.dep_ in {"compound", "amod"} and t.pos_ == "PROPN"] + [head]
    initials = _acronyms(" ".join(t.text for t in name)) if len(name) >= 3 else set()
    hits = []
    for e in entities:
        if e.type != PERSON and e.type not in BODY_TYPES:
            continue
        forms = {_key(e.name)} | {_key(m.text) for m in e.mentions}
        if e.type == PERSON or _person_like(e.name):
            forms.add(_key(_last_word(e.name)))
        first = min((m.start for m in e.mentions if m.start is not None), default=before)
        if (word in forms or forms & initials) and first <= before:
            hits.append(e)  # "the National Congress Party" after "NCP" too
    if not hits and head.tag_ == "NNP":  # "Chaundry" after "Ahmed Sharif Chaudhry"
        hits = [e for e in entities if e.type == PERSON and " " in e.name.strip()
                and near_spelling(_key(_last_word(e.name)), word)
                and min((m.start for m in e.mentions if m.start is not None), default=before) <= before]
    return hits[0] if len(hits) == 1 else None


def near_spelling(a: str, b: str) -> bool:
    """Two spellings of one surname ("Clement"/"Clements", "Chaudhry"/"Chaundry"): the same
    first two letters and at most one edit apart (two for seven letters or more)."""
    if a == b or min(len(a), len(b)) < 5 or a[:2] != b[:2]:
        return False
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    if abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= limit


def _person_like(name: str) -> bool:
    """"Maxwell Evenor" typed as an organization: two or three capitalized words, none of
    them an organization word."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
        w.lower() in _ORG_WORDS for w in words)


def _same_kind(a: Entity, b: Entity) -> bool:
    if a.type == PERSON or b.type == PERSON:
        return a.type == b.type
    return a.type in BODY_TYPES and b.type in BODY_TYPES


def _last_word(name: str) -> str:
    words = name.split()
    return _NAME_PARTICLE.sub("", words[-1]) if words else ""


def _key(name: str) -> str:
    s = name.lower().replace("\u2019", "'").strip()
    return _NAME_PARTICLE.sub("", s) if " " not in s else s
