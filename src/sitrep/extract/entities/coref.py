"""Rule-based coreference: pronouns and definite descriptions -> the entity they mean.

No maintained coreference package installs its model offline (coreferee fetches its
model from a hub), so this is a salience-based resolver in the manner of Lappin and
Leass / Hobbs, measured on MEANTIME's coreference layer (docs/accuracy.md):

- "he"/"his"/"she"/"her" outside quotations -> the most salient compatible person:
  mentioned in this or the previous two sentences, subjects before other roles, the
  most recent first;
- "the strongman", "the Belarus president", "the country's leader" -> the most salient
  person whose role fits the head noun (epithets such as "strongman" fit any leader)
  and whose country fits a country modifier;
- "the campaign group", "the alliance" -> the most recent organization of a fitting type;
  "the kingdom", "the country" -> the most salient country of this or the last sentence;
- "the Islamist militants", "the rebels" -> the most salient armed group;
- "the impoverished province", "the disputed sea" -> the most salient region;
- "its", and "it" as the subject of a verb of saying or deciding ("it said", "it plans")
  -> the most salient organization or state of this or the last sentence;
- "the two leaders", "the leaders" -> a group of the most recent people, kept apart
  (a span must not belong to two entities) in ``groups``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Gazetteer
from sitrep.extract.intervals import Intervals

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WINDOW = 2  # sentences back that a pronoun may reach
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(slots=True)
class Group:
    start: int
    end: int
    text: str
    members: list[Cluster]


def quoted_tokens(doc: Doc) -> set[int]:
    """Token indices inside quotation marks."""
    inside, out = False, set()
    for t in doc:
        if t.text in ('"', "\u201c", "\u201d", "``", "''"):
            inside = not inside if t.text in ('"', "``", "''") else t.text == "\u201c"
            continue
        if inside:
            out.add(t.i)
    return out


class Resolver:
    def __init__(self, doc: Doc, clusters: list[Cluster], gz: Gazetteer) -> None:
        self.doc, self.gz = doc, gz
        self.clusters = clusters
        self.people = [c for c in clusters if c.type == "PERSON"]
        self.orgs = [c for c in clusters if c.type in ("ORG", "MILITARY_UNIT", "BLOC")]  # with actors
        self.countries = [c for c in clusters if c.type == "COUNTRY" and "historical" not in c.attributes]
        self.taken = {(m.start, m.end) for c in clusters for m in c.mentions}
        self.groups: list[Group] = []
        self._names: Intervals | None = None
        self._head_cache: dict[int, tuple[int, list[int]]] = {}
        self.quoted = quoted_tokens(doc)
        self.sent_idx = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            for t in sent:
                self.sent_idx[t.i] = n

    def run(self) -> list[Group]:
        for tok in self.doc:
            chunk = _definite_np(tok)
            if chunk is not None:
                self.description(chunk)
            elif _bare_number_group(tok):  # "the two would also hold talks"
                self.group(self.doc[tok.i : tok.i + 2])
            elif tok.lower_ in lexicon.PERSON_PRONOUNS and tok.tag_ in ("PRP", "PRP$"):
                self.pronoun(tok)
            elif tok.lower_ in ("it", "its") and tok.i not in self.quoted and _agentive_it(tok):
                target = self.pick(self.orgs + self.countries, tok.i, 1)
                if target is not None:
                    self.attach(target, tok.idx, tok.idx + len(tok), tok.text, tok.i, "pronoun")
        return self.groups

    # salience: (sentence distance, not a subject, -position) of a cluster's last mention
    # (only the mentions in the last sentence with one before ``before`` can be the best)
    def salience(self, cl: Cluster, before: int) -> tuple[int, int, int] | None:
        heads = self._heads(cl)
        j = bisect.bisect_left(heads, before) - 1
        if j < 0:
            return None
        last = self.sent_idx[heads[j]]
        best = None
        while j >= 0 and self.sent_idx[heads[j]] == last:
            h = heads[j]
            key = (self.sent_idx[before] - last, _role_rank(self.doc[h]), -h)
            if best is None or key < best:
                best = key
            j -= 1
        return best

    def _heads(self, cl: Cluster) -> list[int]:
        """The sorted head tokens of ``cl``'s mentions; the run only appends mentions."""
        seen, heads = self._head_cache.get(id(cl), (0, []))
        if seen > len(cl.mentions):  # pragma: no cover - mentions were removed
            seen, heads = 0, []
        for m in cl.mentions[seen:]:
            if m.head >= 0:
                bisect.insort(heads, m.head)
        self._head_cache[id(cl)] = (len(cl.mentions), heads)
        return heads

    def pick(self, pool: list[Cluster], before: int, window: int) -> Cluster | None:
        scored = [(s, c) for c in pool if (s := self.salience(c, before)) is not None and s[0] <= window]
        return min(scored, key=lambda x: x[0])[1] if scored else None

    def pronoun(self, tok: Token) -> None:
        if tok.i in self.quoted:
            return
        gender = lexicon.PERSON_PRONOUNS[tok.lower_]
        pool = [p for p in self.people if _gender(p) in (gender, "")]
        target = self.pick(pool, tok.i, WINDOW)
        if target is not None:
            self.attach(target, tok.idx, tok.idx + len(tok), tok.text, tok.i, "pronoun")

    def description(self, chunk: Span) -> None:
        root = chunk.root
        if self._person_spans().overlaps(chunk.start_char, chunk.end_char):
            return
        nxt = self.doc[chunk.end] if chunk.end < len(self.doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON":
            return  # "the Belarus leader Alexander Lukashenko": a title, handled with the name
        lemma = root.lemma_.lower()
        if lemma in lexicon.PERSON_DESCRIPTION_HEADS:
            if root.tag_ == "NNS":
                self.group(chunk)
            else:
                self.person_description(chunk, lemma)
        elif root.lower_ == "capital" and len(chunk) >= 3 and not _possessed(chunk):
            self.capital_description(chunk)  # "the Turkish capital"
        elif root.lower_ in lexicon.COUNTRY_DESCRIPTION_HEADS and not _possessed(chunk) and _plain_modifiers(
                chunk, self.gz):
            target = self.pick(self.countries, chunk.start, 1)  # "the kingdom", "the island nation"
            if target is not None:
                self.attach(target, chunk.start_char, chunk.end_char, chunk.text, root.i, "description")
        elif root.lower_ in lexicon.REGION_DESCRIPTION_HEADS and not _possessed(chunk) and not any(
                t.pos_ == "PROPN" for t in chunk) and _plain_modifiers(chunk, self.gz, adverbs=True):
            kinds = lexicon.REGION_DESCRIPTION_HEADS[root.lower_]
            pool = [c for c in self.clusters if c.type in kinds and c.first() < chunk.start_char]
            # the region of the last sentences, or the only one the article has named so far
            target = self.pick(pool, chunk.start, WINDOW) or (pool[0] if len(pool) == 1 else None)
            if target is not None:  # "the impoverished province", "the disputed sea"
                self.attach(target, chunk.start_char, chunk.end_char, chunk.text, root.i, "description")
        elif root.lower_ in lexicon.ARMED_MEMBER_PLURALS and _plain_modifiers(chunk, self.gz, plural=True):
            self.armed_group_description(chunk)
        elif root.lower_ in lexicon.ORG_DESCRIPTION_HEADS and root.tag_ == "NN":
            types = lexicon.ORG_DESCRIPTION_HEADS[root.lower_]
            pool = [o for o in self.orgs if o.type in types and not (
                "sector" in o.attributes and root.lower_ in lexicon.NON_STATE_HEADS)]
            target = self.pick(pool, chunk.start, WINDOW + 1)
            if target is not None and not _named(chunk):
                self.attach(target, chunk.start_char, chunk.end_char, chunk.text, root.i, "description")

    def armed_group_description(self, chunk: Span) -> None:
        """"the Islamist militants", "the rebels": the armed group of the last sentences."""
        pool = [o for o in self.orgs if o.attributes.get("category") == "armed group"]
        target = self.pick(pool, chunk.start, WINDOW)
        if target is not None and not _named(chunk):
            self.attach(target, chunk.start_char, chunk.end_char, chunk.text, chunk.root.i, "description")

    def capital_description(self, chunk: Span) -> None:
        """"the Turkish capital", "the Afghan capital": that country's capital city."""
        country = next((e.name for t in chunk[1:-1] if (e := self.gz.country_of(t.text))), None)
        if country is None:
            return
        city = next((c for c, k in self.gz.capitals.items() if k == country), None)
        target = next((c for c in self.clusters if c.type == "CITY" and c.name == city), None)
        if target is not None:
            self.attach(target, chunk.start_char, chunk.end_char, chunk.text, chunk.root.i, "description")

    def person_description(self, chunk: Span, lemma: str) -> None:
        country = None
        for t in chunk[1:-1]:
            entry = self.gz.country_of(t.text)
            if entry:
                country = entry.name
        doc = self.doc
        if chunk.end + 1 < len(doc) and doc[chunk.end].lower_ == "of":  # "the president of Russia"
            entry = self.gz.country_of(doc[chunk.end + 1].text)
            country = entry.name if entry else country
        pool = [p for p in self.people if _fits(p, lemma, country)]
        target = self.pick(pool, chunk.start, WINDOW + 1)
        if target is not None:
            self.attach(target, chunk.start_char, chunk.end_char, chunk.text, chunk.root.i, "description")

    def group(self, chunk: Span) -> None:
        n = next((lexicon.GROUP_NUMBERS[t.lower_] for t in chunk if t.lower_ in lexicon.GROUP_NUMBERS), 2)
        scored = sorted(
            ((s, p) for p in self.people if (s := self.salience(p, chunk.start)) is not None),
            key=lambda x: (x[0][0], x[0][2]),
        )
        members = [p for _s, p in scored[:n]]
        if len(members) == n:
            self.groups.append(Group(chunk.start_char, chunk.end_char, chunk.text, members))

    def attach(self, cl: Cluster, start: int, end: int, text: str, head: int, kind: str) -> None:
        if (start, end) in self.taken:
            return
        self.taken.add((start, end))
        cl.add(MentionSpan(start, end, text, head, kind))

    def _person_spans(self) -> Intervals:
        """The people's names and titles (the run adds only pronouns and descriptions)."""
        if self._names is None:
            self._names = Intervals((m.start, m.end) for p in self.people for m in p.mentions
                                    if m.kind in ("name", "title"))
        return self._names


def _definite_np(tok: Token) -> Span | None:
    """"the strongman", "the Belarus president": a "the" and the noun it determines."""
    if tok.lower_ != "the" or tok.dep_ != "det":
        return None
    head = tok.head
    if head.i <= tok.i or head.i - tok.i > 5 or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return tok.doc[tok.i : head.i + 1]


def _plain_modifiers(chunk: Span, gz: Gazetteer, plural: bool = False, adverbs: bool = False) -> bool:
    """"the country", "the island nation", "the North African country"; not "the Somali
    state" (a named state: the actors step reads it) nor "the two countries"."""
    inner = chunk[1:-1]
    if len(inner) > 3 or chunk.root.tag_ != ("NNS" if plural else "NN"):
        return False
    tags = ("ADJ", "NOUN", "PROPN", "ADV", "VERB") if adverbs else ("ADJ", "NOUN", "PROPN")
    return all(t.pos_ in tags and gz.country_of(t.text) is None and not t.like_num for t in inner)


def _gender(p: Cluster) -> str:
    role = (p.attributes.get("role") or "").lower().split()
    if any(w in lexicon.FEMALE_WORDS for w in role):
        return "f"
    if any(w in lexicon.MALE_WORDS for w in role):
        return "m"
    return p.attributes.get("gender", "")


def _fits(p: Cluster, lemma: str, country: str | None) -> bool:
    if country and p.attributes.get("country") != country:
        return False
    role = (p.attributes.get("role") or "").lower()
    if lemma in lexicon.EPITHETS:
        return bool(role) and "journalist" not in role
    return any(word in role for word in lexicon.ROLE_SYNONYMS.get(lemma, (lemma,)))


def _bare_number_group(tok: Token) -> bool:
    doc = tok.doc
    if tok.lower_ != "the" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ not in lexicon.GROUP_NUMBERS:
        return False
    return doc[tok.i + 2].pos_ in ("AUX", "VERB", "PUNCT") and doc[tok.i + 1].dep_ in SUBJECTS


def _role_rank(tok: Token) -> int:
    """0: subject of a main clause (or of one coordinated with it), 1: subject of an
    embedded clause ("said the president of Russia could not be trusted"), 2: other."""
    if tok.dep_ not in SUBJECTS:
        return 2
    return 0 if tok.head.dep_ in ("ROOT", "conj") else 1


def _agentive_it(tok: Token) -> bool:
    """"its eastern border", "it said": "it" as an organization or state, not "it is expected"."""
    if tok.lower_ == "its":
        return True
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon.AGENT_VERBS


def _possessed(chunk: Span) -> bool:
    """"the state of emergency", "the country of origin": not the country itself."""
    nxt = chunk.doc[chunk.end] if chunk.end < len(chunk.doc) else None
    return nxt is not None and nxt.lower_ == "of"


def _named(chunk: Span) -> bool:
    return any(t.ent_type_ in ("ORG", "PERSON", "GPE") for t in chunk)


def resolve(doc: Doc, clusters: list[Cluster], gz: Gazetteer) -> list[Group]:
    return Resolver(doc, clusters, gz).run()
