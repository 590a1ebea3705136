"""Places named with a generic head, and facilities named after a place.

- "Balochistan province", "the Middle Shabelle region", "Kalat district", "Hirshabelle
  state": a mention of the place itself; spaCy's "Beledweyne District" PERSON is that
  place too;
- "Incirlik air base", "Quetta railway station", "Gwadar port": a FACILITY named by the
  whole phrase; a one-word name spaCy took for a person or an organization ("Incirlik")
  is the facility, a known city in it stays a city.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Gazetteer
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_TYPES = ("COUNTRY", "CITY", "REGION")
MAX_FACILITY_NOUNS = 2  # "railway station", "air base"


def apply(doc: Doc, clusters: list[Cluster], gz: Gazetteer) -> list[Cluster]:
    clusters = _same_stem(_generic_persons(clusters))
    _generic_heads(doc, clusters)
    _place_of(doc, clusters)
    clusters = _facilities(doc, clusters, gz)
    return [c for c in clusters if c.mentions]


def _last_word(text: str) -> str:
    return text.split()[-1].lower() if text.split() else ""


def _generic_persons(clusters: list[Cluster]) -> list[Cluster]:
    """spaCy's "Beledweyne District" PERSON, "Balochistan province" REGION: the place."""
    places = {c.name: c for c in clusters if c.type in PLACE_TYPES}
    out = []
    for cl in clusters:
        generic = [m for m in cl.mentions if _generic_name(m.text)]
        if cl.type not in ("PERSON", "REGION", "CITY") or not generic or cl.kb_id:
            out.append(cl)
            continue
        stem = " ".join(generic[0].text.split()[:-1])
        target = places.get(stem)
        if target is not None and target is not cl:
            for m in cl.mentions:
                target.add(m)
            continue
        if cl.type == "PERSON":
            head = _last_word(generic[0].text)
            cl.type = "CITY" if head in lexicon.TOWN_HEADS else "REGION"
            cl.name = stem
            cl.attributes = {}
            places[stem] = cl
        out.append(cl)
    return out


def _stem(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in lexicon.ISLAND_HEADS:
        words.pop()
    return " ".join(words)


def _same_stem(clusters: list[Cluster]) -> list[Cluster]:
    """"Chagos", "the Chagos Islands", "the Chagos Archipelago": one place."""
    keep: dict[str, Cluster] = {}
    drop: set[int] = set()
    places = sorted((c for c in clusters if c.type == "REGION"),
                    key=lambda c: (c.kb_id is None, -len(c.mentions)))
    for cl in places:
        stem = _stem(cl.name)
        first = keep.get(stem)
        if first is None:
            keep[stem] = cl
            continue
        for m in cl.mentions:
            first.add(m)
        first.forms.extend(cl.forms)
        drop.add(id(cl))
    return [c for c in clusters if id(c) not in drop]


def _generic_name(text: str) -> bool:
    """"Beledweyne District", not "Secretary of State": a name and a generic place head."""
    words = text.split()
    if len(words) < 2 or len(words) > 4 or words[-1].lower() not in lexicon.PLACE_GENERIC_HEADS:
        return False
    return not any(w.lower() in lexicon.TITLE_WORDS or w.lower() in ("of", "the") for w in words[:-1])


def _generic_heads(doc: Doc, clusters: list[Cluster]) -> None:
    """A place's mention followed by "province", "region", "district": the longer phrase too."""
    taken = {(m.start, m.end) for c in clusters for m in c.mentions}
    by_start = {m.start: (m, c) for c in clusters if c.type in ("CITY", "REGION") for m in c.mentions
                if m.start >= 0}
    for tok in doc:
        if tok.lower_ not in lexicon.PLACE_GENERIC_HEADS or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        for start, (m, cl) in by_start.items():
            if m.end == prev.idx + len(prev) and start <= prev.idx:
                first = start
                if tok.i >= 2 and doc.char_span(start, m.end) is not None:
                    span = doc.char_span(start, m.end)
                    if span is not None and span.start > 0 and doc[span.start - 1].lower_ == "the":
                        first = doc[span.start - 1].idx
                end = tok.idx + len(tok)
                if (first, end) not in taken:
                    cl.add(MentionSpan(first, end, doc_text(doc)[first:end], tok.i, "name"))
                    taken.add((first, end))
                break


def _place_of(doc: Doc, clusters: list[Cluster]) -> None:
    """"the village of Jangebe", "the town of X": the phrase is a mention of the place."""
    taken = {(m.start, m.end) for c in clusters for m in c.mentions}
    for cl in clusters:
        if cl.type not in ("CITY", "REGION"):
            continue
        for m in list(cl.mentions):
            span = doc.char_span(m.start, m.end) if m.start >= 0 else None
            if span is None or span.start < 3 or doc[span.start - 1].lower_ != "of":
                continue
            noun, det = doc[span.start - 2], doc[span.start - 3]
            if noun.lower_ in lexicon.PLACE_GENERIC_HEADS and det.lower_ == "the":
                start = det.idx
                if (start, m.end) not in taken:
                    cl.add(MentionSpan(start, m.end, doc_text(doc)[start : m.end], noun.i, "description"))
                    taken.add((start, m.end))


def _facilities(doc: Doc, clusters: list[Cluster], gz: Gazetteer) -> list[Cluster]:
    """"Incirlik air base", "Quetta railway station": a facility named by the phrase."""
    owner = {(m.start, m.end): c for c in clusters for m in c.mentions if m.start >= 0}
    made: dict[str, Cluster] = {c.name.lower(): c for c in clusters if c.type == "FACILITY"}
    for tok in doc:
        if tok.lower_ not in lexicon.FACILITY_NOUNS or tok.i == 0:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN":
            continue  # "the Red Sea port city of Jeddah"
        start = tok.i
        while start > 0 and tok.i - start < MAX_FACILITY_NOUNS and (
                doc[start - 1].lower_ in lexicon.FACILITY_MODIFIERS):
            start -= 1
        name_end = start
        name_start = name_end
        while name_start > 0 and _proper(doc[name_start - 1]):
            name_start -= 1  # the facility's name: proper nouns before its kind
        if name_start == name_end or name_end - name_start > 3:
            continue
        name_span = doc[name_start:name_end]
        if any(t.is_sent_start for t in name_span[1:]) or any(
                gz.country_of(part) for t in name_span for part in t.text.split("-")):
            continue  # "a U.S.-U.K. military base": no facility's name
        inner = owner.get((name_span.start_char, name_span.end_char))
        if inner is not None and inner.type not in ("PERSON", "ORG", "CITY", "REGION", "FACILITY"):
            continue
        phrase = doc[name_start : tok.i + 1]
        key = phrase.text.lower()
        fac = made.get(key)
        if fac is None:
            fac = made[key] = Cluster(f"FACILITY:{key}", phrase.text, "FACILITY")
            clusters.append(fac)
        fac.add(MentionSpan(phrase.start_char, phrase.end_char, phrase.text, tok.i, "name"))
        fac.forms.append(phrase.text)
        for other in clusters:  # "Incirlik" alone elsewhere: the base
            if other is not fac and other.name == name_span.text and _unknown(other, gz):
                for m in other.mentions:
                    fac.add(m)
                other.mentions = []
    return clusters


def _proper(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _unknown(cl: Cluster, gz: Gazetteer) -> bool:
    """A name only spaCy gave, as a person, an organization or a place no table knows."""
    if cl.kb_id or cl.type not in ("PERSON", "ORG", "CITY", "REGION"):
        return False
    return cl.type in ("PERSON", "ORG") or cl.name not in gz.cities
