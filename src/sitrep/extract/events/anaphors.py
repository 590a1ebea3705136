"""Bare definite anaphors as arguments: "the government", "the country" stand for the
state the report is about; "the group", "the militants" for the armed group named last.

annotation-conventions.md lists no such noun as an entity mention, but an argument is
who the noun refers to: the entity stage's records are searched for the antecedent,
nothing is added to them. The nouns and what they refer to are data (``context.yaml``,
``bare_anaphors``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.events.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitrep.extract.events.resolve import Resolver
    from sitrep.model import Entity

# modifiers a bare anaphor may carry ("the separatist group", "the Islamist militants")
_LOOSE_MODS = ("amod", "compound")


def is_bare(tok: Token, res: Resolver) -> bool:
    """ "the government", "the separatist group": a definite noun with no name in it."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ in ("poss", "nummod", "appos") or (c.dep_ == "prep" and c.lower_ == "of"):
            return False  # "the government of X", "its group": named or owned elsewhere
        if c.dep_ in _LOOSE_MODS and (res.at_token(c) is not None or c.pos_ == "PROPN"):
            return False
    return True


def antecedent(tok: Token, res: Resolver) -> Entity | None:
    """The entity a bare definite anaphor refers to, or None."""
    kind = lexicon().bare_anaphors.get(tok.lemma_.lower())
    if kind is None or not is_bare(tok, res):
        return None
    if kind == "state":
        return res.main_country()
    groups = lexicon().cues("non_state_categories")
    before = [e for s, e in res.ordered if s < tok.idx and e.type == "ORG"]
    armed = [e for e in before if str(e.attributes.get("category") or "") in groups]
    return armed[-1] if armed else None
