"""Checks for triggers whose licence depends on what they govern: `other` events with
a free label (job cuts, plant closures, acquisitions, resignations, lawsuits), the
appointment verbs that need a post, and "insist" as a demand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.extract.events.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitrep.extract.events.resolve import Resolver

ORG_TYPES = {"ORG", "MILITARY_UNIT", "FACILITY"}
POST_WORDS = {"chief", "executive", "ceo", "president", "chairman", "chairwoman", "chair", "director",
              "minister", "secretary", "head", "commander", "officer", "manager", "governor", "ambassador",
              "post", "position", "role", "job", "seat", "successor", "leader", "editor", "coach", "envoy"}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _undergoers(tok: Token) -> list[Token]:
    """What a verb acts on: its object, or its subject when passive or intransitive."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and not any(c.dep_ == "dobj" for c in tok.children):
        objs = [c for c in tok.children if c.dep_ == "nsubj"]
    # "30,000 jobs and 14 plants": conjuncts count too
    return objs + [c for o in objs for c in o.conjuncts]


def _matches(toks: list[Token], spec: dict[str, Any], resolver: Resolver) -> bool:
    words = set(spec.get("objects", []))
    for o in toks:
        heads = [o, *[p for c in o.children if c.lower_ == "of" for p in c.children]]  # "6% of the firm"
        if any(_lemma(h) in words for h in heads):
            return True
        if spec.get("org_object") and any(
                (e := resolver.at_token(h)) is not None and e.type in ORG_TYPES for h in heads):
            return True
    return False


def _person_among(tok: Token, dep: str, resolver: Resolver) -> bool:
    kids = [c for c in tok.children if c.dep_ == dep]
    return any((e := resolver.at_token(c)) is not None and e.type == "PERSON" for c in kids)


def other_verb(tok: Token, lex: Lexicon, resolver: Resolver) -> str | None:
    """The label of an `other` event a verb names, or None."""
    spec = lex.label_spec(_lemma(tok), nominal=False)
    if not spec:
        return None
    if "particle" in spec and not any(
            c.dep_ in ("prt", "advmod") and c.lower_ == spec["particle"] for c in tok.children):
        return None
    if spec.get("person_subject") and not _person_among(tok, "nsubj", resolver):
        return None  # "Ms Doe left the company", not "the train left Paris"
    via = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == spec.get("via") for p in c.children]
    if "objects" in spec and not _matches(_undergoers(tok) + via, spec, resolver):
        return None
    if "objects" not in spec and "particle" not in spec and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
        return None
    return str(spec["label"])


def other_noun(tok: Token, lex: Lexicon, light: Token | None, resolver: Resolver) -> str | None:
    """The label of an `other` event a noun names ("the closure of the plant"), or None."""
    spec = lex.label_spec(_lemma(tok), nominal=True)
    if not spec:
        return None
    if tok.dep_ == "compound":
        if _lemma(tok.head) not in spec.get("compound_heads", []):
            return None  # "merger talks", "lawsuit filings"
        tok = tok.head  # "filed for bankruptcy protection"
    if spec.get("person_owner") and not _person_among(tok, "poss", resolver):
        return None
    if "light" in spec and (light is None or _lemma(light) not in spec["light"]) and not (
            tok.head.dep_ == "prep" and _lemma(tok.head.head) in spec["light"]):
        return None  # "filed for bankruptcy", not "the bankruptcy judge"
    if "objects" in spec:
        ofs = [p for c in tok.children if c.lower_ == "of" for p in c.children]
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        if not any(_lemma(t) in spec["objects"] for t in ofs + mods):
            return None
    return str(spec["label"])


def has_post(tok: Token) -> bool:
    """An appointment verb names the post: "as chief executive", "to the board", a post object."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("as", "to"):
            return True
        if c.dep_ in ("dobj", "nsubjpass", "oprd", "xcomp") and any(
                _lemma(t) in POST_WORDS for t in c.subtree):
            return True
    return False


def appointee_ok(tok: Token) -> bool:
    """ "fill", "succeed", "replace" are appointments only about a post."""
    subj_obj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return has_post(tok) or any(_lemma(t) in POST_WORDS for s in subj_obj for t in s.subtree
                                if t.dep_ in ("compound", "amod", "appos") or t == s)


def clause_demand(tok: Token) -> bool:
    """ "insisted that the plant stay open": a finite clause of what must happen."""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in tok.children)
