"""The noun phrase around a name is a mention of it too.

"the banned Baloch Liberation Army", "state-run Xinhua News Agency" (modifiers the parse
attaches before the name), "the Indian Express newspaper", "the Montaigne Institute research
group", "al-Shabab militants" (a descriptor noun after it): the annotation conventions list
such phrases as mentions. The same holds for places and facilities whose name heads the
phrase ("the contested South China Sea", "the China-funded Gwadar port").

A name in apposition right after a category noun is that noun's phrase too ("geopolitical
risk consultancy Control Risks", "the Islamist militant group al-Shabab", "host country
Canada"), where the noun fits the entity's type (a group or company for an organization, a
country or city for a place): the type constraint keeps "a Pakistani official X" from
becoming a mention of an organization.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.persons import premodifier_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ORG_TYPES = ("ORG", "MILITARY_UNIT", "BLOC")
PLACE_TYPES = ("CITY", "REGION", "FACILITY")  # names that head a phrase of modifiers
MAX_DESCRIPTOR_WORDS = 2
ARTICLES = ("the", "a", "an")
# category nouns a name may follow in apposition, by the entity's type
CATEGORY_NOUNS = {
    "ORG": lexicon.ORG_DESCRIPTOR_NOUNS | lexicon.NON_STATE_HEADS | {"think", "institute", "body", "outlet"},
    "MILITARY_UNIT": frozenset({"force", "forces", "unit", "militia", "group", "coalition", "paramilitary"}),
    "BLOC": frozenset({"bloc", "alliance", "group", "organization", "organisation", "body"}),
    "COUNTRY": lexicon.COUNTRY_DESCRIPTION_HEADS,
    "CITY": lexicon.PLACE_NOUNS | lexicon.TOWN_HEADS,
    "REGION": lexicon.PLACE_NOUNS | lexicon.PLACE_GENERIC_HEADS,
}


def apply(doc: Doc, clusters: list[Cluster]) -> None:
    taken = {(m.start, m.end) for c in clusters for m in c.mentions}
    _categorized(doc, clusters, taken)
    _modified_places(doc, clusters, taken)
    for cl in clusters:
        if cl.type not in ORG_TYPES:
            continue
        for m in list(cl.mentions):
            if m.kind != "name" or m.start < 0:
                continue
            span = doc.char_span(m.start, m.end)
            if span is None:
                continue
            end = _descriptor_end(doc, span.end)
            # "top NATO officials": the name modifies a noun, its own modifiers are that noun's
            modifies = end == span.end and span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN")
            start = span.start if modifies else premodifier_start(doc, span.start, span.end)
            while start < span.start and not _modifier(doc[start]):
                start += 1  # "much further West": adverbs describe nothing
            for s, e in {(start, span.end), (span.start, end), (start, end)}:
                if (s, e) == (span.start, span.end):
                    continue
                phrase = doc[s:e]
                if (phrase.start_char, phrase.end_char) in taken:
                    continue
                taken.add((phrase.start_char, phrase.end_char))
                cl.add(MentionSpan(phrase.start_char, phrase.end_char, phrase.text, e - 1, "description"))


def _named_spans(doc: Doc, cl: Cluster) -> list[Span]:
    out = []
    for m in cl.mentions:
        if m.kind == "name" and m.start >= 0:
            span = doc.char_span(m.start, m.end)
            if span is not None:
                out.append(span)
    return out


def _add(doc: Doc, cl: Cluster, s: int, e: int, taken: set[tuple[int, int]]) -> None:
    phrase = doc[s:e]
    if (phrase.start_char, phrase.end_char) not in taken:
        taken.add((phrase.start_char, phrase.end_char))
        cl.add(MentionSpan(phrase.start_char, phrase.end_char, phrase.text, e - 1, "description"))


def _categorized(doc: Doc, clusters: list[Cluster], taken: set[tuple[int, int]]) -> None:
    """"geopolitical risk consultancy Control Risks", "host country Canada": a category noun
    of the entity's type right before its name, the name in apposition (or compounded) to it."""
    for cl in clusters:
        nouns = CATEGORY_NOUNS.get(cl.type)
        if nouns is None:
            continue
        for span in _named_spans(doc, cl):
            if span.start == 0:
                continue
            head = doc[span.start - 1]
            if head.pos_ != "NOUN" or not head.text.islower() or head.lower_ not in nouns:
                continue
            if not _joined(head, span.root):
                continue
            start = head.left_edge.i
            while start < head.i and not _modifier(doc[start]) and doc[start].lower_ not in ARTICLES:
                start += 1
            _add(doc, cl, start, span.end, taken)


def _joined(noun: Token, name: Token) -> bool:
    """The category noun and the name are one phrase: the name in apposition to the noun
    ("consultancy Control Risks"), the noun compounded onto the name ("country Canada"), or
    both read as one role of the same head ("the group al-Shabab attacked")."""
    if name.head.i == noun.i and name.dep_ in ("appos", "compound", "npadvmod"):
        return True
    if noun.head.i == name.i and noun.dep_ == "compound":
        return True
    return noun.head.i == name.head.i and noun.dep_ == name.dep_ and noun.dep_ in ("nsubj", "dobj", "pobj")


def _modified_places(doc: Doc, clusters: list[Cluster], taken: set[tuple[int, int]]) -> None:
    """"the contested South China Sea", "the China-funded Gwadar port": modifiers before a
    place or facility name that heads its phrase (not a name that modifies a noun)."""
    for cl in clusters:
        if cl.type not in PLACE_TYPES:
            continue
        for span in _named_spans(doc, cl):
            if span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN"):
                continue  # "the Gwadar port authority": the name modifies a noun
            start = premodifier_start(doc, span.start, span.end)
            while start < span.start and not _modifier(doc[start]):
                start += 1
            directional = any(t.lower_ in lexicon.DIRECTION_WORDS for t in doc[start : span.start])
            if start < span.start and not directional:
                _add(doc, cl, start, span.end, taken)


def _modifier(tok: Token) -> bool:
    return tok.pos_ in ("ADJ", "NOUN", "PROPN") or tok.tag_ == "VBN" or tok.text == "-"


def _descriptor_end(doc: Doc, end: int) -> int:
    """Past "newspaper", "think tank", "research group" right after the name."""
    k = end
    while k < len(doc) and k - end < MAX_DESCRIPTOR_WORDS and doc[k].pos_ == "NOUN" and doc[k].text.islower():
        k += 1
        if doc[k - 1].lower_ in lexicon.ORG_DESCRIPTOR_NOUNS and (
                k >= len(doc) or doc[k].pos_ != "NOUN"):
            return k
    return end
