"""The noun phrase around an organization's name is a mention of it too.

"the banned Baloch Liberation Army", "state-run Xinhua News Agency", "geopolitical risk
consultancy Control Risks" (modifiers the parse attaches before the name), "the Indian
Express newspaper", "the Montaigne Institute research group", "al-Shabab militants" (a
descriptor noun after it): the annotation conventions list such phrases as mentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.persons import premodifier_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ORG_TYPES = ("ORG", "MILITARY_UNIT", "BLOC")
MAX_DESCRIPTOR_WORDS = 2


def apply(doc: Doc, clusters: list[Cluster]) -> None:
    taken = {(m.start, m.end) for c in clusters for m in c.mentions}
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
