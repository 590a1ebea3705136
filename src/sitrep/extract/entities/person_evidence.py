"""Evidence that a name spaCy (or the towns fallback) took for a place is a person's.

spaCy's small model calls many unfamiliar names places ("Allah Ditta" -> "Ditta" GPE,
"Mahad Wasuge" -> "Wasuge" GPE), and a surname may also be a village on the GeoNames list.
The text itself says which it is, whatever the name:

- a title or honorific right before it ("Dr. X", "General X");
- an appositive or copular role noun ("a passenger, X,", "X, a lawmaker,", "X is the
  executive director");
- the subject of a speech verb ("X said", "X told VOA");
- its last word used elsewhere as the surname of a longer name.

No name list is involved; a name a place table knows (a country, a city, a region or
province) keeps its place reading, and a locative context ("in X") is decided before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.entities.data import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.extract.entities.gazetteer import Gazetteer

MAX_GIVEN_NAMES = 2  # "Mahad" in "Mahad Wasuge", "Abdul Qahar" in "Abdul Qahar Balkhi"


def known_place(name: str, gz: Gazetteer) -> bool:
    """A name the shipped place tables know (not the towns fallback)."""
    if name in gz.cities or name in gz.regions or name in gz.subdivisions:
        return True
    return any(e.type in ("COUNTRY", "CITY", "REGION") for _k, e in gz.lookup(name))


def _person_noun(tok: Token) -> bool:
    return tok.lower_ in lexicon.PERSON_DESCRIPTION_HEADS or tok.lemma_.lower() in lexicon.PERSON_NOUNS


def _titled(span: Span) -> bool:
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1].lower_
    return prev in lexicon.TITLE_WORDS or prev in lexicon.HONORIFICS


def _role_noun(span: Span) -> bool:
    """"a passenger, X," / "X, a lawmaker," / "X is the executive director"."""
    root = span.root
    if root.dep_ == "appos" and _person_noun(root.head):
        return True
    if any(c.dep_ == "appos" and _person_noun(c) for c in root.children):
        return True
    head = root.head
    return root.dep_ == "nsubj" and head.lemma_ == "be" and any(
        c.dep_ == "attr" and _person_noun(c) for c in head.children)


def _speaker(span: Span) -> bool:
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_ in lexicon.SPEECH_VERBS


def has_evidence(span: Span) -> bool:
    return _titled(span) or _role_noun(span) or _speaker(span)


def with_given_names(span: Span) -> Span:
    """The span with the capitalized given names spaCy left out before it ("Allah" +
    "Ditta"): proper nouns compounded onto the name, at most two."""
    doc, start = span.doc, span.start
    while (start > 0 and span.start - start < MAX_GIVEN_NAMES and doc[start - 1].tag_ == "NNP"
           and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, span.end)
           and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in lexicon.TITLE_WORDS):
        start -= 1
    return doc[start : span.end]


def surnames_of(names: list[str]) -> set[str]:
    """The last words of the longer person names found ("Ditta" of "Allah Ditta")."""
    return {n.split()[-1] for n in names if len(n.split()) > 1}
