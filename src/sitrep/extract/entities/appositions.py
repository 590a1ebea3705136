"""A noun phrase in apposition to a name is a mention of what the name names.

"Mara Oduya, a regional expert at the Lindqvist Institute," / "the Red Dawn Front, a
designated terror group" / "The leader of the rebel movement, Tomas Brevik, ...": the
parse marks such phrases ``appos`` of the name (or the name ``appos`` of the phrase), and
the annotation conventions list descriptive noun phrases as mentions. Only common-noun
phrases are taken (a proper noun in apposition is another name: "Gusau, Zamfara State"),
cut at the comma or relative clause that ends them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME_KINDS = ("name", "title")
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "conj", "cc", "punct"})
MAX_WORDS = 12  # a longer phrase is a clause the parse folded in, not a description
ORG_TYPES = frozenset({"ORG", "MILITARY_UNIT", "BLOC"})
PLACE_TYPES = frozenset({"COUNTRY", "CITY", "REGION", "FACILITY", "LOCATION", "GPE"})
# head nouns that say what kind of thing a phrase describes: a "think tank" is no person
ORG_NOUNS = frozenset(lexicon.ORG_DESCRIPTION_HEADS) | lexicon.ORG_DESCRIPTOR_NOUNS
PLACE_NOUNS = (lexicon.PLACE_NOUNS | lexicon.COUNTRY_DESCRIPTION_HEADS | lexicon.TOWN_HEADS
               | lexicon.ISLAND_HEADS | lexicon.FACILITY_NOUNS)


def apply(doc: Doc, clusters: list[Cluster]) -> None:
    taken = {(m.start, m.end) for c in clusters for m in c.mentions}
    owner = {t.i: c for c in clusters for m in c.mentions if m.kind in NAME_KINDS and m.start >= 0
             for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
    for cl in clusters:
        for m in list(cl.mentions):
            if m.kind not in NAME_KINDS or m.start < 0:
                continue
            name = doc.char_span(m.start, m.end, alignment_mode="expand")
            if name is None:
                continue
            for phrase in _appositives(name):
                # "X of the Y Institute, a think tank": the phrase describes the name next to it
                target = owner.get(phrase.start - 2, cl) if phrase.start > name.end else cl
                key = (phrase.start_char, phrase.end_char)
                if key in taken or not _fits(target.type, _head(phrase)):
                    continue
                if any(x.start == key[0] for x in target.mentions):
                    continue  # the persons step took this description already
                taken.add(key)
                target.add(MentionSpan(key[0], key[1], phrase.text, phrase.root.i, "description"))


def _appositives(name: Span) -> list[Span]:
    head = name.root
    if any(c.dep_ == "conj" for c in head.children) or head.dep_ == "conj":
        return []  # "US automakers GM and Chrysler": the phrase describes both names
    doc = name.doc
    out = [_phrase(c, name) for c in head.children if c.dep_ == "appos" and _describes(c, name)]
    if head.dep_ == "appos" and head.head.i < name.start and _describes(head.head, name):
        out.append(_phrase(head.head, name))  # "The leader of the movement, Tomas Brevik"
    # an apposition is set off by a comma: "X, a ...", "the ..., X"
    return [p for p in out if p is not None and (
        (p.start > name.end and doc[p.start - 1].text == ",")
        or (p.end < name.start and doc[p.end].text == ","))]


def _describes(tok: Token, name: Span) -> bool:
    """A common noun outside the name, not a number or a list."""
    return (tok.pos_ == "NOUN" and tok.tag_ != "NNS" and tok.text[:1].islower()
            and not (name.start <= tok.i < name.end)
            and not any(c.dep_ == "conj" for c in tok.children))


def _phrase(tok: Token, name: Span) -> Span | None:
    """The noun phrase ``tok`` heads, without the name, its clauses and its commas."""
    doc = tok.doc
    keep = {t.i for t in tok.subtree}
    for child in tok.children:
        if child.dep_ in CLAUSE_DEPS:
            keep -= {t.i for t in child.subtree}
    keep -= set(range(name.start, name.end))
    keep.add(tok.i)
    start = end = tok.i
    while start - 1 in keep and doc[start - 1].text != ",":
        start -= 1
    while end + 1 in keep and doc[end + 1].text != ",":
        end += 1
    while end > tok.i and doc[end].is_punct and doc[end].text not in (")", "]"):
        end -= 1
    if end - start + 1 > MAX_WORDS:
        return None
    return doc[start : end + 1]


def _head(phrase: Span) -> Token:
    """The noun that says what the phrase is: "the leader" of "the leader of the X movement"
    (whatever the parse made the root)."""
    for t in phrase[:-1]:
        if t.pos_ == "NOUN" and t.nbor(1).lower_ == "of":
            return t
    return phrase.root


def _fits(etype: str, head: Token) -> bool:
    """An organization noun describes an organization, a place noun a place."""
    lemma = head.lemma_.lower()
    if lemma in ORG_NOUNS or head.lower_ in ORG_NOUNS:
        return etype in ORG_TYPES
    if lemma in PLACE_NOUNS:
        return etype in PLACE_TYPES
    return True
