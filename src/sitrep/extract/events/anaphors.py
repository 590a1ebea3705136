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


def is_bare(tok: Token, res: Resolver, *, plural_ok: bool = False) -> bool:
    """ "the government", "the separatist group": a definite noun with no name in it (with
    ``plural_ok``, also a plural with no determiner: "Militants attacked ...")."""
    if tok.pos_ != "NOUN":
        return False
    dets = [c for c in tok.children if c.dep_ == "det"]
    definite = any(c.lower_ == "the" for c in dets)
    if not definite and not (plural_ok and not dets and tok.tag_ == "NNS"):
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
    if kind is None or not is_bare(tok, res, plural_ok=kind == "group"):
        return None
    if kind == "state":
        return res.main_country()
    groups = lexicon().cues("non_state_categories")
    armed = [(s, e) for s, e in res.ordered
             if e.type == "ORG" and str(e.attributes.get("category") or "") in groups]
    before = [e for s, e in armed if s < tok.idx]
    if before:
        return before[-1]
    # a lead that names the group only after ("Militants attacked a train ... The BLA
    # claimed responsibility for the attack"): the first one named later in the paragraph
    text = tok.doc.text
    limit = text.find("\n", tok.idx)
    limit = len(text) if limit < 0 else limit
    after = [e for s, e in armed if tok.idx < s <= limit]
    return after[0] if after else None
