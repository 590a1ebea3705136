"""Recognition: candidate mentions from the gazetteer, token patterns and spaCy NER.

Gazetteer and pattern matches beat spaCy's guesses where they overlap (spaCy's small
model calls "Tor" a person and "Belarus" an organization); spaCy finds the people,
organizations and places no table knows. Country names and adjectives may sit inside a
longer organization or weapon name ("the Russian Defense Ministry"): they are kept as
mentions of their country too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from sitrep.extract.entities import person_evidence, towns
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Entry, Gazetteer
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc, Span

PRIORITY = {"pattern": 3, "gaz": 2, "spacy": 1}
NESTABLE_KINDS = ("name", "adjective", "capital", "city")
PLACE_TYPES = ("COUNTRY", "CITY", "REGION")
MIN_CITY_POPULATION = 100_000
CONTAINERS = ("ORG", "MILITARY_UNIT", "BLOC", "FACILITY", "EVENT_NAME", "WEAPON_SYSTEM")


@dataclass(slots=True)
class Cand:
    """A candidate mention: tokens [ts, te) of the Doc and what it names."""

    ts: int
    te: int
    type: str
    source: str  # gaz, pattern, spacy
    entry: Entry | None = None
    kind: str = "name"  # name, adjective, plural, capital, seat
    name: str = ""  # canonical name when known (patterns)
    attrs: dict[str, str] = field(default_factory=dict)

    def overlaps(self, other: Cand) -> bool:
        return self.ts < other.te and other.ts < self.te

    def inside(self, other: Cand) -> bool:
        return other.ts <= self.ts and self.te <= other.te and (self.ts, self.te) != (other.ts, other.te)


_matchers: dict[int, object] = {}


def phrase_matcher(nlp: Language, gz: Gazetteer) -> object:
    """A PhraseMatcher over every surface form of the gazetteer, built once per vocab."""
    key = id(nlp.vocab)
    matcher = _matchers.get(key)
    if matcher is None:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tokenizer = cast("Tokenizer", nlp.tokenizer)
        matcher.add("GAZ", list(tokenizer.pipe(sorted(gz.forms))))
        _matchers[key] = matcher
    return matcher


def _plain_word(form: str) -> bool:
    """A weapon alias that is an ordinary word ("Tor", "Patriot"), not a designation."""
    return not re.search(r"\d", form) and not form.isupper()


def _weapon_cue(doc: Doc, ts: int, te: int) -> bool:
    """A category noun follows within the phrase ("a Tor surface-to-air missile system")."""
    for t in doc[te : min(len(doc), te + 8)]:
        if t.lower_ in lexicon.WEAPON_CUE_NOUNS:
            return True
        nxt = doc[t.i + 1].text if t.i + 1 < len(doc) else ""
        hyphenated = "-" in (t.text, nxt, doc[t.i - 1].text)
        if not hyphenated and (t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX", "ADP", "CCONJ")):
            return False
    return False


def gazetteer_cands(doc: Doc, gz: Gazetteer, nlp: Language) -> list[Cand]:
    out: list[Cand] = []
    confirmed: set[str] = set()
    pending: list[Cand] = []
    for _mid, ts, te in phrase_matcher(nlp, gz)(doc):  # type: ignore[operator]
        form = doc[ts:te].text
        for kind, entry in gz.lookup(form):
            if kind == "city" and not all(t.tag_ in ("NNP", "NNPS") for t in doc[ts:te]):
                continue  # "Reading the report", "Nice weather": not the city
            cand = Cand(ts, te, entry.type, "gaz", entry, kind, entry.name)
            if entry.type == "WEAPON_SYSTEM" and _plain_word(form) and not _weapon_cue(doc, ts, te):
                pending.append(cand)
                continue
            if entry.type == "WEAPON_SYSTEM":
                confirmed.add(entry.name)
            out.append(cand)
            break
    out.extend(c for c in pending if c.entry and c.entry.name in confirmed)
    return out


def country_before(doc: Doc, i: int, gz: Gazetteer) -> tuple[Entry | None, int]:
    """The country named just before token i ("Russian", "Russia's", "Russia"), and where it starts."""
    j = i - 1
    if j >= 0 and doc[j].tag_ == "POS":
        j -= 1
    if j < 0:
        return None, i
    for width in (3, 2, 1):
        if j - width + 1 < 0:
            continue
        entry = gz.country_of(doc[j - width + 1 : j + 1].text)
        if entry:
            return entry, j - width + 1
    return None, i


def pattern_cands(doc: Doc, gz: Gazetteer) -> list[Cand]:
    """Ministries ("the Russian Defense Ministry") and armed services ("the Russian Navy")."""
    out: list[Cand] = []
    firsts = {words.split()[0] for words in lexicon.ARMED_SERVICES}
    for tok in doc:
        low = tok.lower_
        if low in lexicon.MINISTRY_NOUNS and tok.i > 0:
            out.extend(_ministry(doc, tok.i, gz))
        if low not in firsts or not tok.text[0].isupper():
            continue
        for words, service in lexicon.ARMED_SERVICES.items():
            n = len(words.split())
            span = doc[tok.i : tok.i + n]
            if len(span) == n and span.text.lower() == words:
                country, start = country_before(doc, tok.i, gz)
                if country:
                    name = gz.forces_name(country.name, service)
                    out.append(Cand(start, tok.i + n, "MILITARY_UNIT", "pattern", None, "name", name,
                                    {"country": country.name, "category": "armed forces", "sector": "MIL"}))
    return out


def publication_cands(doc: Doc) -> list[Cand]:
    """"the Global Terrorism Index 2025", "the Annual Threat Assessment": capitalized words
    ending in a publication noun (and perhaps its year) name a publication (OTHER)."""
    out = []
    for tok in doc:
        if tok.lower_ not in lexicon.PUBLICATION_HEADS or not tok.text[:1].isupper() or tok.i == 0:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN" and not (
                doc[start - 1].is_sent_start):
            start -= 1
        if start == tok.i:
            continue  # "Report" alone is a heading or a sentence's first word
        end = tok.i + 1
        if end < len(doc) and doc[end].like_num and len(doc[end].text) == 4:
            end += 1  # "... Index 2025"
        name = doc[start:end].text
        out.append(Cand(start, end, "OTHER", "pattern", None, "name", name, {"category": "publication"}))
    return out


def _ministry(doc: Doc, i: int, gz: Gazetteer) -> list[Cand]:
    portfolio = doc[i - 1].lower_
    if portfolio in lexicon.MINISTRY_PORTFOLIOS:  # "Defense Ministry"
        country, start = country_before(doc, i - 1, gz)
        end = i + 1
    elif i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in lexicon.MINISTRY_PORTFOLIOS:
        portfolio = doc[i + 2].lower_  # "Ministry of Defence (of Russia)"
        end = i + 3
        country, start = country_before(doc, i, gz)
        if country is None and end + 1 < len(doc) and doc[end].lower_ == "of":
            country = gz.country_of(doc[end + 1].text)
            end = end + 2 if country else end
        start = start if country else i
    else:
        return []
    if country is None and not doc[i].text[0].isupper():
        return []
    kind = lexicon.MINISTRY_PORTFOLIOS[portfolio]
    noun = "Department" if doc[i].lower_ == "department" else "Ministry"
    name = f"{noun} of {kind}" + (f" of {country.name}" if country else "")
    attrs = {"country": country.name, "category": "ministry"} if country else {"category": "ministry"}
    return [Cand(start, end, "ORG", "pattern", None, "name", name, attrs)]


def _title_before_name(span: Span) -> bool:
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return span[-1].lower_ in lexicon.TITLE_WORDS and nxt is not None and nxt.ent_type_ == "PERSON"


def _bad_span(span: Span) -> bool:
    """spaCy guesses that are ordinary words: "Sporting green uniform", lower-case spans,
    a sentence's first word that is a plural common noun ("Politicians")."""
    first = span[0]
    if not any(t.text[:1].isupper() for t in span):
        return True
    if len(span) == 1 and first.is_sent_start and first.tag_ == "NNS":
        return True
    if len(span) == 1 and first.tag_ in ("VBG", "VBD", "VBN", "VB", "JJ", "RB", "PRP", "DT"):
        return True
    return bool(span.text.isdigit())


def spacy_cands(doc: Doc, gz: Gazetteer, ents: Iterable[Span] | None = None) -> list[Cand]:
    """Candidates from NER spans: the small model's ``doc.ents`` unless ``ents`` are given
    (sitrep.nlp.trained_ner.combine)."""
    out = []
    for ent in doc.ents if ents is None else ents:
        typ = lexicon.SPACY_LABELS.get(ent.label_)
        if typ == "NORP" and ent.text in gz.cities and not _modifies_a_noun(ent):
            typ = "GPE"  # spaCy's "Aleppo" NORP, not "Baloch separatists"
        elif typ == "NORP" and _province_named(ent, gz):
            typ = "GPE"  # spaCy's "Punjab" NORP in "the eastern Punjab province"
        if typ is None or typ == "NORP":
            continue
        span = _trim(ent)
        if span is None:
            continue
        if span[-1].tag_ == "POS":
            span = span[:-1]
        if not len(span):
            continue  # the entity was only a possessive ending
        if span[0].lower_ == "the":
            span = span[1:]
        span, after_prep = _strip_function_words(span)
        after_prep = after_prep or _locative_context(span)
        if typ == "PERSON":
            span = _strip_titles(span)
            if after_prep and _not_a_known_person(span, gz):
                typ = "GPE"  # "Near Palmyra", "in Raqqah": a place spaCy took for a person
        elif typ == "ORG" and after_prep and len(span) <= 2 and not gz.lookup(span.text) and (
                towns.is_town(span.text) or _town_appositive(span)):
            typ = "GPE"  # "around Bakhmut", "in Kadawa, a village in ...": spaCy's ORG
        if not len(span) or _bad_span(span) or (len(span) > 1 and _in_headline(span)):
            continue
        if _peoples_only(span, gz):
            continue  # spaCy's "Baloch" GPE, "Islam" ORG, "Punjabi and Saraiki" ORG
        if typ == "ORG" and _title_before_name(span):
            continue  # "Turkish Presidential Advisor" before a name: a title, not an organization
        if typ == "EVENT_NAME" and any(t.like_num for t in span):
            continue  # spaCy's "September 17" EVENT: a date
        if typ == "FACILITY" and span[-1].lower_ in lexicon.EVENT_NOUNS:
            typ = "EVENT_NAME"  # "the Hanoi Summit"
        name = span.text.title() if span.text.isupper() and len(span.text) > 4 else span.text
        if typ == "GPE" and _people_adjective(span, name, gz):
            continue  # "Baloch separatists", "the ethnic Baloch minority": a people, not a place
        if typ == "GPE":
            typ = _place_type(name, gz)
        elif typ == "PERSON" and _city_not_person(span, gz):
            typ = "CITY"
        elif typ in ("ORG", "PERSON") and _subdivision(span, name, gz):
            typ = _place_type(name, gz)  # spaCy's "Khyber Pakhtunkhwa" ORG, "Zamfara" PERSON
        elif typ in ("ORG", "EVENT_NAME") and span[-1].lower_ in lexicon.DOCUMENT_NOUNS and len(span) > 1:
            typ = "OTHER"  # "the Maritime Traffic Safety Law", "the Global Terrorism Index"
        elif typ == "ORG" and any(t.lower_ in lexicon.MILITARY_UNIT_WORDS for t in span):
            typ = "MILITARY_UNIT"  # "the 3rd Separate Assault Brigade", "Eastern Theater Command"
        if typ in ("CITY", "REGION") and not after_prep and not person_evidence.known_place(name, gz) and (
                person_evidence.has_evidence(span)):
            span = person_evidence.with_given_names(span)  # "Another passenger, Allah Ditta, told"
            typ, name = "PERSON", span.text
        entry = next((e for _k, e in gz.lookup(name) if e.type in (typ, "CITY", "COUNTRY")), None)
        if name != span.text and entry is not None:  # "WASHINGTON (Reuters) -": a dateline
            typ, name = entry.type, entry.name
        out.append(Cand(span.start, span.end, typ, "spacy", None, "name", name))
    _surname_mentions(out, gz)
    return _join_coordinated_names(doc, out)


def _surname_mentions(cands: list[Cand], gz: Gazetteer) -> None:
    """A one-word place or organization spaCy saw that is the surname of a longer person
    name found here ("Allah Ditta" ... "Ditta said"): the person, unless a table knows it."""
    surnames = person_evidence.surnames_of([c.name for c in cands if c.type == "PERSON"])
    for c in cands:
        if (c.te - c.ts == 1 and c.type in ("CITY", "REGION", "ORG") and c.name in surnames
                and not gz.lookup(c.name) and not person_evidence.known_place(c.name, gz)):
            c.type = "PERSON"


def _join_coordinated_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """spaCy's "Bureau of European" + "Eurasian Affairs": "the Bureau of European and
    Eurasian Affairs" is one name ("of" + two coordinated parts)."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is None:
            out.append(c)
            continue
        joined = prev.type == c.type == "ORG" and prev.te + 1 == c.ts
        of_and = joined and prev.te - prev.ts >= 3 and doc[prev.te - 2].lower_ == "of"
        if of_and and doc[prev.te].lower_ == "and":
            out[-1] = Cand(prev.ts, c.te, "ORG", "spacy", None, "name", doc[prev.ts : c.te].text)
            continue
        out.append(c)
    return out


def _trim(ent: Span) -> Span | None:
    """The span up to its first line break (spaCy joins a headline to the next line)."""
    for t in ent:
        if t.is_space or "\n" in t.whitespace_:
            end = t.i if t.is_space else t.i + 1
            return ent.doc[ent.start : end] if end > ent.start else None
    return ent


def _strip_function_words(span: Span) -> tuple[Span, bool]:
    """Leading "Near", "In", "The" that spaCy took into a name; and whether a locative
    preposition stands right before the name."""
    doc, start = span.doc, span.start
    while start < span.end - 1 and (doc[start].pos_ in ("ADP", "DET", "CCONJ", "ADV")
                                     or doc[start].lower_ in lexicon.LEADING_FUNCTION_WORDS):
        start += 1
    before = doc[start - 1] if start > 0 else None
    after_prep = before is not None and before.lower_ in lexicon.PLACE_PREPS
    if before is not None and before.lower_ == "of" and start >= 2:  # "the village of Jangebe"
        after_prep = doc[start - 2].lower_ in lexicon.PLACE_GENERIC_HEADS
    return doc[start : span.end], after_prep


def _locative_context(span: Span) -> bool:
    """The object of a locative preposition however far ("in Kidal and Tessalit"), or a
    name an appositive calls a town ("Kadawa, a village in Zamfara")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in lexicon.PLACE_PREPS:
        return True  # "around Bakhmut and Chasiv Yar", parsed with "Yar" the object
    if root.dep_ == "conj" and root.head.dep_ == "pobj" and root.head.head.lower_ in lexicon.PLACE_PREPS:
        return True
    return _town_appositive(span)


def _town_appositive(span: Span) -> bool:
    doc = span.doc
    k = span.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an", "the"):
        return False
    for t in doc[k + 2 : min(k + 5, len(doc))]:
        if t.lower_ in lexicon.TOWN_HEADS:
            return True
        if t.pos_ not in ("ADJ", "NOUN", "PROPN") or t.is_punct:
            return False
    return False


def _not_a_known_person(span: Span, gz: Gazetteer) -> bool:
    from sitrep.extract.entities.leaders import table

    known = span.text in table() or any(e.type == "PERSON" for _k, e in gz.lookup(span.text))
    return not known and len(span) <= 2 and (
        span.end >= len(span.doc) or span.doc[span.end].tag_ != "POS"
    )


def _strip_titles(span: Span) -> Span:
    """spaCy's "Crown Prince Mohammed bin Salman": the title is read apart, before the name."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in lexicon.TITLE_WORDS:
        start += 1
    return span.doc[start : span.end]


def _in_headline(span: Span) -> bool:
    """A span on a Title Case line ("Belarus Leader Eyes $1Bln Russian Arms Deal")."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _city_not_person(span: Span, gz: Gazetteer) -> bool:
    """spaCy's "Raqqah" PERSON: a one-word name of a large city, used nowhere as a surname."""
    text = span.text
    if len(span) != 1 or gz.cities.get(text, ("", 0))[1] < MIN_CITY_POPULATION:
        return False
    surnames = {e[-1].text for e in span.doc.ents if e.label_ == "PERSON" and len(e) > 1}
    titled = span.start > 0 and span.doc[span.start - 1].lower_ in lexicon.TITLE_WORDS
    return text not in surnames and not titled


def _modifies_a_noun(ent: Span) -> bool:
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN")


def _people_adjective(span: Span, name: str, gz: Gazetteer) -> bool:
    """A name no table knows as a place, qualifying a people noun or after "ethnic"."""
    if gz.lookup(name) or name in gz.cities or name in gz.regions:
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return (nxt is not None and nxt.lower_ in lexicon.PEOPLE_NOUNS) or (
        before is not None and before.lower_ == "ethnic")


def _peoples_only(span: Span, gz: Gazetteer) -> bool:
    """Only words for faiths, peoples and languages ("Hazara Shi'ite Muslims"), and no
    table knows the span as a name."""
    if gz.lookup(span.text):
        return False
    words = [t.text.replace("\u2019", "'") for t in span
             if not t.is_punct and t.lower_ not in ("and", "ethnic")]
    return bool(words) and all(w in gz.peoples for w in words)


def _province_named(ent: Span, gz: Gazetteer) -> bool:
    """A proper noun the subdivision table knows, right before a place head ("Punjab province")."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (nxt is not None and nxt.lower_ in lexicon.PLACE_GENERIC_HEADS and ent.text in gz.subdivisions
            and all(t.tag_ == "NNP" for t in ent) and ent.text not in gz.peoples)


def _subdivision(span: Span, name: str, gz: Gazetteer) -> bool:
    """A province or state no other table names, not used as a person's name here."""
    if name not in gz.subdivisions or gz.lookup(name):
        return False
    surnames = {e[-1].text for e in span.doc.ents if e.label_ == "PERSON" and len(e) > 1}
    titled = span.start > 0 and span.doc[span.start - 1].lower_ in lexicon.TITLE_WORDS
    return name not in surnames and not titled and _not_a_known_person(span, gz)


def _place_type(text: str, gz: Gazetteer) -> str:
    if text in gz.regions:
        return "REGION"
    if text in gz.cities or towns.is_town(text):
        return "CITY"
    return "REGION" if len(text.split()) > 1 else "CITY"


def _nestable(c: Cand) -> bool:
    """Place names that may sit inside an organization's name ("Kurdistan Regional Government")."""
    return c.source == "gaz" and c.type in PLACE_TYPES and c.kind in NESTABLE_KINDS


def _compatible(c: Cand, kept: Cand) -> bool:
    """Two overlapping candidates may both stay: a country name inside a container."""
    if _nestable(c) and kept.type in CONTAINERS and c.inside(kept):
        return True
    # "Singapore Airlines", "the Bank of Canada": spaCy's organization around a country
    return _nestable(kept) and c.type in CONTAINERS and kept.inside(c)


class _Cover:
    """Candidates by the tokens they cover: which of them can overlap or hold a given one,
    without a scan of all (a long article has tens of thousands)."""

    def __init__(self, cands: Iterable[Cand] = ()) -> None:
        self._at: dict[int, list[Cand]] = {}
        for c in cands:
            self.add(c)

    def add(self, c: Cand) -> None:
        for i in range(c.ts, max(c.te, c.ts + 1)):
            self._at.setdefault(i, []).append(c)

    def near(self, c: Cand) -> list[Cand]:
        """Every candidate that overlaps ``c`` or holds it (and maybe a few more), once each."""
        out: dict[int, Cand] = {}
        for i in range(c.ts - 1, max(c.te, c.ts + 1)):
            for k in self._at.get(i, ()):
                out.setdefault(id(k), k)
        return list(out.values())


def _inside_a_name(c: Cand, people: _Cover) -> bool:
    """"Victoria" in "Victoria Nuland", "Jordan" in "Michael Jordan": part of a person's name."""
    return c.source == "gaz" and c.kind in ("name", "city", "capital") and c.type in PLACE_TYPES and any(
        c.inside(p) for p in people.near(c))


SWALLOWING_TYPES = ("ORG", "MILITARY_UNIT", "FACILITY", "REGION")
SWALLOWED_TYPES = ("ORG", "BLOC", "REGION", "CITY", "MILITARY_UNIT")


def _swallowed(c: Cand, names: _Cover, doc: Doc, gz: Gazetteer) -> bool:
    """"Congress" in spaCy's "National Congress Party", "West" in "the Economic Community of
    West African States", "Gulf" in "the Gulf of Guinea": a table's short form inside a
    longer proper name is part of that name, not a mention of its own."""
    country_name = c.type == "COUNTRY" and c.kind in ("name", "adjective")
    if c.source != "gaz" or (c.type not in SWALLOWED_TYPES and not country_name):
        return False
    return any(c.inside(n) and _longer_name(doc, n, c, gz) for n in names.near(c))


def _longer_name(doc: Doc, name: Cand, part: Cand, gz: Gazetteer) -> bool:
    span = doc[name.ts : name.te]
    if any(t.is_sent_start and t.i > name.ts for t in span) or (
        part.te < len(doc) and doc[part.te].tag_ == "POS"
    ):
        return False  # "X. The Taliban", "U.S. Congress's Countering America"
    if span[-1].lower_ in lexicon.TITLE_WORDS:
        return False  # "NATO Secretary General"
    extra = [t for t in span if not part.ts <= t.i < part.te]
    if name.type in ("REGION", "FACILITY"):  # "the Gulf of Guinea", "the Indian Ocean"
        return any(t.lower_ in lexicon.GEO_NOUNS or t.lower_ == "of" for t in span) and any(
            t.text[:1].isupper() for t in extra)
    if part.kind == "adjective":
        return False  # "Indian" stays a mention of India inside "the Indian Foreign Ministry"
    if part.type == "COUNTRY":
        return False  # "the Bank of Canada": the country is nested in the name
    words = [t for t in extra if t.text[:1].isupper() and t.pos_ != "DET"
             and t.lower_ not in lexicon.DIRECTION_WORDS]
    country = part.entry.attrs().get("country") if part.entry else None
    if country and all(getattr(gz.country_of(t.text), "name", None) == country for t in words):
        return False  # "U.S. State Department": the table's entry with its own country
    return bool(words)


def resolve(cands: list[Cand], doc: Doc | None = None, gz: Gazetteer | None = None) -> list[Cand]:
    """Keep the best candidates: patterns, then the gazetteer, then spaCy; longer first."""
    people = _Cover(c for c in cands if c.type == "PERSON" and c.source == "spacy" and c.te - c.ts > 1)
    cands = [c for c in cands if not _inside_a_name(c, people)]
    if doc is not None and gz is not None:
        names = _Cover(c for c in cands if c.source == "spacy" and c.type in SWALLOWING_TYPES)
        cands = [c for c in cands if not _swallowed(c, names, doc, gz)]
    cands = sorted(cands, key=lambda c: (-PRIORITY[c.source], -(c.te - c.ts), c.ts))
    kept: list[Cand] = []
    cover = _Cover()
    for c in cands:
        if all(_compatible(c, k) for k in cover.near(c) if c.overlaps(k)):
            kept.append(c)
            cover.add(c)
    return sorted(kept, key=lambda c: (c.ts, -c.te))


def retype_surnames(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """spaCy's "Orban" ORG after "Viktor Orban": a surname of a person named in the article."""
    surnames = {doc[c.te - 1].text for c in cands if c.type == "PERSON" and c.te - c.ts > 1}
    for c in cands:
        if c.source == "spacy" and c.te - c.ts == 1 and c.type != "PERSON" and doc[c.ts].text in surnames:
            c.type = "PERSON"
    return cands


def recognize(doc: Doc, gz: Gazetteer, nlp: Language, extra: list[Cand] | None = None,
              ents: Iterable[Span] | None = None) -> list[Cand]:
    """The article's candidate mentions, resolved; ``extra``: candidates of other steps
    (equipment), ranked like the patterns; ``ents``: NER spans instead of the small
    model's own (the trained NER, sitrep.nlp.trained_ner)."""
    cands = (gazetteer_cands(doc, gz, nlp) + pattern_cands(doc, gz) + publication_cands(doc)
             + spacy_cands(doc, gz, ents) + (extra or []))
    cands = resolve(cands, doc, gz)
    return retype_surnames(doc, cands)
