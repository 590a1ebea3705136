"""Compositional actors: a state and an agent noun ("Nigerian troops", "the Pakistani
military", "Kenyan police", "the Biden administration").

Political event coders (PETRARCH2/Phoenix, NGEC/PLOVER) resolve such phrases to an actor
code: a country and a sector. Here they become entities:

- armed forces and their branches -> one MILITARY_UNIT per country and branch ("Nigerian
  troops", "Nigerian security forces" and "the Nigerian military" are one; "the Nigerian
  air force" is its own unit), police -> ORG; ``attributes.country`` and
  ``attributes.sector`` (PLOVER/CAMEO-style: MIL, COP);
- "<Nationality> authorities / government / administration", "the Biden administration",
  "the government of Pakistan" -> mentions of the country (annotation conventions);
- a bare "the military", "the army", "security forces", "the country's security forces"
  -> the one country whose forces the article already named, else the article's dominant
  country, else nothing.

The phrase counts only as the head of its noun phrase: "Iranian military activity" and
"a U.S. military base" name no actor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.entities import leaders
from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Entry, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_TYPES = ("COUNTRY", "CITY", "REGION")
DOMINANCE = 2  # the dominant country has this many times the mentions of the next one
MIN_DOMINANT_MENTIONS = 3


@dataclass(frozen=True, slots=True)
class Head:
    """An agent noun phrase's head: tokens [start, end) and what it names."""

    start: int
    end: int
    branch: str  # "Armed Forces", "Army", "Police", or "" for a government (the country)
    sector: str
    modifier: bool = False  # "military" in "U.S. military operations"


def _common(tok: Token) -> bool:
    """A common noun as written: lower case, or capitalized only to open a sentence."""
    return tok.text.islower() or bool(tok.is_sent_start and tok.text[1:].islower())


def _head_at(doc: Doc, i: int) -> Head | None:
    """The agent head ending at token i ("forces" in "security forces", "force" in "air force")."""
    tok = doc[i]
    if not _common(tok):
        return None
    modifier = _modifies_noun(doc, i)
    if i > 0:
        pair = f"{doc[i - 1].lower_} {tok.lower_}"
        if pair in lexicon.ACTOR_HEADS and _common(doc[i - 1]):
            branch, sector = lexicon.ACTOR_HEADS[pair]
            return Head(i - 1, i + 1, branch, sector, modifier)
    if tok.lower_ in lexicon.ACTOR_HEADS:
        branch, sector = lexicon.ACTOR_HEADS[tok.lower_]
        return Head(i, i + 1, branch, sector, modifier)
    if tok.lower_ in lexicon.GOVERNMENT_HEADS and tok.pos_ == "NOUN" and not modifier:
        return Head(i, i + 1, "", "GOV")
    return None


def _modifies_noun(doc: Doc, i: int) -> bool:
    """"military" in "a military base", "army" in "army spokesperson": not the head."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ in lexicon.ACTOR_UNIT_NOUNS:
        return False
    if nxt.pos_ in ("NOUN", "PROPN") and not nxt.is_punct:
        return True
    return nxt.text == "-"  # "army-backed", "military-run"


Row = tuple[int, int, Cluster]


class _Taken:
    """The character spans entities own, bucketed by start: the spans that overlap one
    are found without a scan of all (a long article has tens of thousands)."""

    BUCKET = 256

    def __init__(self, rows: Iterable[Row]) -> None:
        self._buckets: dict[int, list[Row]] = {}
        self._longest = 0
        for row in rows:
            self.append(row)

    def append(self, row: Row) -> None:
        self._buckets.setdefault(row[0] // self.BUCKET, []).append(row)
        self._longest = max(self._longest, row[1] - row[0])

    def remove(self, row: Row) -> None:
        self._buckets[row[0] // self.BUCKET].remove(row)

    def overlapping(self, start: int, end: int) -> list[Row]:
        """The rows (s, e, cluster) with ``s < end and start < e``."""
        lo, hi = (start - self._longest) // self.BUCKET, (end - 1) // self.BUCKET
        return [r for k in range(lo, hi + 1) for r in self._buckets.get(k, ()) if r[0] < end and r[1] > start]


class Actors:
    def __init__(self, doc: Doc, clusters: list[Cluster], gz: Gazetteer, year: int | None) -> None:
        self.doc, self.gz, self.year = doc, gz, year
        self.clusters = clusters
        self.countries = {c.name: c for c in clusters if c.type == "COUNTRY"}
        self.by_key = {c.key: c for c in clusters}
        self.taken = _Taken((m.start, m.end, c) for c in clusters for m in c.mentions if m.start >= 0)
        self.named: dict[str, set[str]] = {}  # branch -> countries whose forces are named

    def run(self) -> list[Cluster]:
        heads = [h for i in range(len(self.doc)) if (h := _head_at(self.doc, i)) is not None]
        bare = [h for h in heads if not h.modifier and self.modified(h) is None]
        for h in heads:
            if h.modifier:  # "U.S. military operations": a mention of forces named as such
                self.modified(h)
        for h in bare:
            self.bare(h)
        self.government_orgs()
        return [c for c in self.clusters if c.mentions]

    # "Somali security forces", "Pakistan's army", "the Biden administration"
    def modified(self, head: Head) -> bool | None:
        doc = self.doc
        j = head.start - 1
        while j >= 0 and _inner_modifier(doc[j]):
            j -= 1
        country, start = self._country_ending_at(j) if j >= 0 else (None, 0)
        if country is None and head.branch == "" and j >= 0:
            country, start = self._leader_ending_at(j)
        if head.branch == "" and head.end < len(doc) and doc[head.end].lower_ == "of" and (
                country is not None):
            return True  # "the Nigerian state of Zamfara": a part of the country
        if country is None:
            country, start = self._country_after(head)
            if country is None:
                return None
            self.add(country, head, head.start, start)
            return True
        if head.branch and self._coordinated_country(start):
            return True  # "Russian and Belarusian troops": two forces at once, not one actor
        while start > 0 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].text.islower():
            start -= 1  # "the current Albanian government", "the new U.S. administration"
        self.add(country, head, start, head.end)
        return True

    def _country_ending_at(self, j: int) -> tuple[Entry | None, int]:
        doc = self.doc
        if doc[j].tag_ == "POS":
            j -= 1
        for width in (3, 2, 1):
            if j - width + 1 < 0:
                continue
            span = doc[j - width + 1 : j + 1]
            entry = self.gz.country_of(span.text) or self._capital(span.text)
            if entry is not None and not any(t.is_sent_start and t.i > span.start for t in span):
                return entry, j - width + 1
        return None, j

    def _coordinated_country(self, start: int) -> bool:
        doc = self.doc
        if start < 2 or doc[start - 1].lower_ not in ("and", "or", ",", "&"):
            return False
        return self._country_ending_at(start - 2)[0] is not None

    def _capital(self, text: str) -> Entry | None:
        country = self.gz.capitals.get(text)
        return self.gz.countries.get(country) if country else None

    def _country_after(self, head: Head) -> tuple[Entry | None, int]:
        """"the government of Pakistan", "security forces in Somalia": (country, end token)."""
        doc = self.doc
        k = head.end
        if k + 1 >= len(doc) or doc[k].lower_ not in ("of", "in"):
            return None, k
        for width in (3, 2, 1):
            span = doc[k + 1 : k + 1 + width]
            entry = self.gz.country_of(span.text) or self._capital(span.text)
            possessor = span.end < len(doc) and doc[span.end].tag_ == "POS"
            if entry is not None and len(span) == width and not possessor:
                return entry, span.end
        return None, k

    def _leader_ending_at(self, j: int) -> tuple[Entry | None, int]:
        """"the Trump administration", "the Kim regime": the leader's country."""
        doc = self.doc
        if doc[j].ent_type_ != "PERSON" and not doc[j].text[:1].isupper():
            return None, j
        start = j
        while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].text[:1].isupper():
            start -= 1
        forms = [doc[start : j + 1].text, doc[j].text]
        row = leaders.lookup(forms, self.year, set(self.countries), None)
        if row is None or row.country not in self.gz.countries:
            return None, j
        return self.gz.countries[row.country], start

    # "the military", "security forces", "the country's security forces"
    def bare(self, head: Head) -> None:
        doc = self.doc
        det = doc[head.start - 1] if head.start > 0 else None
        if head.branch == "" or det is None:
            return
        if det.lower_ in lexicon.POSSESSIVE_PRONOUNS or det.pos_ == "NUM":
            return  # "our security forces", "his forces", "two soldiers"
        start = head.start
        if det.lower_ == "government" and head.branch == "Armed Forces":  # "the government soldiers"
            start -= 1
            det = doc[start - 1] if start > 0 else None
        definite = det is not None and det.lower_ == "the"
        possessed = det is not None and det.tag_ == "POS" and start >= 2 and doc[start - 2].lower_ in (
            "country", "nation")
        general = head.branch == "Armed Forces" and doc[head.start].lower_ == "security"
        coordinated = doc[head.end - 1].dep_ == "conj" and _definite_conj(doc[head.end - 1])
        if not (definite or possessed or general or coordinated or start < head.start):
            return
        country = self.bare_country(head.branch)
        if country is not None:
            self.add(country, head, start - 2 if possessed else start, head.end)

    def bare_country(self, branch: str) -> Entry | None:
        named = self.named.get(branch) or self.named.get("Armed Forces") or set()
        if len(named) == 1:
            return self.gz.countries.get(next(iter(named)))
        dominant = self.dominant()
        if named and (dominant is None or dominant.name not in named):
            return None
        return dominant

    def dominant(self) -> Entry | None:
        counts = Counter({name: sum(1 for m in c.mentions if m.start >= 0)
                          for name, c in self.countries.items() if "historical" not in c.attributes})
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < MIN_DOMINANT_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
            return None
        return self.gz.countries.get(ranked[0][0])

    def add(self, country: Entry, head: Head, ts: int, te: int) -> None:
        span = self.doc[ts:te]
        if head.branch == "":
            self._absorb(span.start_char, span.end_char)
        if self._clashes(span.start_char, span.end_char):
            return
        m = MentionSpan(span.start_char, span.end_char, span.text, head.end - 1, "description")
        if head.branch == "":
            cl = self.country_cluster(country)
        else:
            found = self.actor_cluster(country, head, create=not head.modifier)
            if found is None:
                return
            cl = found
            self.named.setdefault(head.branch, set()).add(country.name)
        cl.add(m)
        cl.forms.append(span.text)
        self.taken.append((m.start, m.end, cl))
        if head.modifier and te < len(self.doc) and self.doc[te].lower_ in lexicon.ACTOR_UNIT_NOUNS:
            first = ts - 1 if ts > 0 and self.doc[ts - 1].pos_ == "DET" else ts
            unit = self.doc[first : te + 1]  # "an Indian navy contingent"
            cl.add(MentionSpan(unit.start_char, unit.end_char, unit.text, te, "description"))

    def _absorb(self, start: int, end: int) -> None:
        """"Trump" in "the Trump administration": part of a mention of the state."""
        for s, e, c in self.taken.overlapping(start, end):
            if start <= s and e <= end and (s, e) != (start, end) and c.type in ("PERSON", "ORG"):
                c.mentions = [m for m in c.mentions if (m.start, m.end) != (s, e)]
                self.taken.remove((s, e, c))

    def _clashes(self, start: int, end: int) -> bool:
        """A span a name already owns, or one crossing a name (nested places are fine, and
        so is a longer description around it: "the director of the Pakistani military's
        media wing")."""
        for s, e, c in self.taken.overlapping(start, end):
            if (s, e) == (start, end):
                return True
            inside = start <= s and e <= end
            around = s <= start and end <= e and c.type in ("PERSON", "ORG") and not self._named_span(c, s, e)
            if s < end and start < e and not (inside and c.type in PLACE_TYPES) and not around:
                return True
        return False

    @staticmethod
    def _named_span(c: Cluster, s: int, e: int) -> bool:
        return any((m.start, m.end) == (s, e) and m.kind == "name" for m in c.mentions)

    def country_cluster(self, country: Entry) -> Cluster:
        cl = self.countries.get(country.name)
        if cl is None:
            attrs = {k: v for k, v in country.attrs().items() if k != "iso"}
            cl = Cluster(f"COUNTRY:{country.name.lower()}", country.name, "COUNTRY", country.kb_id, attrs)
            self.countries[country.name] = cl
            self.clusters.append(cl)
        return cl

    def actor_cluster(self, country: Entry, head: Head, create: bool = True) -> Cluster | None:
        typ = "ORG" if head.sector == "COP" else "MILITARY_UNIT"
        name = self.gz.forces_name(country.name, head.branch)
        key = f"{typ}:{name}"
        cl = self.by_key.get(key) or next(
            (c for c in self.clusters if c.type == typ and c.name == name), None)
        if cl is None and not create:
            return None
        if cl is None:
            attrs = {"country": country.name, "sector": head.sector,
                     "category": "police" if head.sector == "COP" else "armed forces"}
            cl = Cluster(key, name, typ, None, attrs)
            self.clusters.append(cl)
        cl.attributes.setdefault("sector", head.sector)
        self.by_key[key] = cl
        return cl

    # spaCy's "Iraqi Government", "Interim Afghan Government" ORG: the country
    def government_orgs(self) -> None:
        for cl in list(self.clusters):
            if cl.type != "ORG" or cl.kb_id:
                continue
            country = self._government_name(cl.name)
            if country is None:
                continue
            target = self.country_cluster(country)
            for m in cl.mentions:
                target.add(m)
            cl.mentions = []

    def _government_name(self, name: str) -> Entry | None:
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in lexicon.GOVERNMENT_HEADS:
            return None
        rest = [w for w in words[:-1] if w.lower() not in lexicon.GOVERNMENT_QUALIFIERS]
        entry = self.gz.country_of(" ".join(rest)) if rest else None
        return entry


def _inner_modifier(tok: Token) -> bool:
    """Words between the country and the head: "Somali *government* soldiers", "the
    *current* Albanian government" (before the country: not skipped here)."""
    return tok.lower_ in lexicon.ACTOR_INNER_WORDS and tok.text.islower()


def _definite_conj(tok: Token) -> bool:
    """"the army, air force and navy": a bare branch coordinated with "the army"."""
    first = tok.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return any(c.dep_ == "det" and c.lower_ == "the" for c in first.children)


def apply(doc: Doc, clusters: list[Cluster], gz: Gazetteer, year: int | None) -> list[Cluster]:
    return Actors(doc, clusters, gz, year).run()
