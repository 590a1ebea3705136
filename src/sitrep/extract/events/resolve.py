"""From tokens to entities: mention lookup, pronouns, "the two", group nouns.

Works on the entity stage's records only (through :class:`MentionIndex`); where no
entity covers a proper name the name itself is returned as a literal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.extract.events.anaphors import antecedent
from sitrep.extract.events.lexicon import lexicon
from sitrep.extract.spans import MentionIndex
from sitrep.model import Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_TYPES = ("CITY", "FACILITY", "REGION", "COUNTRY")  # most specific first
ACTOR_TYPES = {"PERSON", "COUNTRY", "ORG", "BLOC", "MILITARY_UNIT", "CITY", "REGION"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
NAME_TYPES = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}  # spaCy labels a literal name may carry
LOCATIVE_PREPS = {"in", "at", "near", "along", "across", "inside", "outside", "around"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}

Ref = Entity | str  # an entity, or a literal name when no entity covers it


@dataclass
class Resolver:
    doc: Doc
    entities: list[Entity]
    quotes: list[Quote] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.index = MentionIndex(self.entities)
        self.by_name = {e.name.lower(): e for e in self.entities}
        self.by_id = {e.id: e for e in self.entities}
        rows = [(m.start, e) for e in self.entities for m in e.mentions if m.start is not None]
        self.ordered = sorted(rows, key=lambda r: r[0])
        surnames: dict[str, list[Entity]] = {}
        for e in self.entities:
            if e.type == "PERSON" and len(words := e.name.split()) > 1:
                surnames.setdefault(words[-1].lower(), []).append(e)
        # a surname that names one person only (two Kims: neither)
        self.by_surname = {k: v[0] for k, v in surnames.items() if len(v) == 1}

    # -- single tokens
    def at_token(self, tok: Token) -> Entity | None:
        left = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "flat")])
        start = self.doc[left].idx
        return self.index.entity_at(start, tok.idx + len(tok.text))

    def refs(self, tok: Token, *, subtree: bool = True) -> list[Ref]:
        """Entities a noun phrase headed by ``tok`` names, in text order."""
        ent = self.at_token(tok)
        out: list[Ref] = []
        if ent is not None:
            out.append(ent)
        elif tok.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
            found = self.pronoun(tok)
            if found is not None:
                out.append(found)
        elif tok.lower_ in FIRST_PERSON:
            found = self.speaker(tok)
            if found is not None:
                out.append(found)
        elif (two := self.the_two(tok)) is not None:
            out.extend(two)
        elif (back := antecedent(tok, self)) is not None:  # "the government", "the group"
            out.append(back)
        elif subtree:
            out.extend(self.inside(tok))
        person = self.by_surname.get(tok.lower_) if tok.pos_ == "PROPN" or tok.is_upper else None
        if not out and person is not None:
            out.append(person)  # "VIKTOR BOUT", "Bout": a person named in full elsewhere
        if not out and tok.pos_ == "PROPN" and tok.ent_type_ in NAME_TYPES:
            left = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "flat")])
            out.append(self.doc[left: tok.i + 1].text)
        for conj in tok.conjuncts:
            if conj.i > tok.i:
                out.extend(r for r in self.refs(conj, subtree=subtree) if r not in out)
        return out

    def inside(self, tok: Token, *, places: bool = False) -> list[Entity]:
        """Entities inside a noun phrase, skipping clauses that hang off it and, unless
        ``places``, the places it is at ("an airstrike near X" is not X's)."""
        skip: set[int] = set()
        for c in tok.children:
            if c.dep_ in CLAUSE_DEPS or (not places and c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS):
                skip.update(t.i for t in c.subtree)
        toks = [t for t in tok.subtree if t.i not in skip]
        if not toks:
            return []
        seen: dict[str, Entity] = {}
        for t in toks:
            ent = self.index.entity_at(t.idx, t.idx + len(t.text))
            if ent is not None and ent.type != "WEAPON_SYSTEM":
                seen.setdefault(ent.id, ent)
        return list(seen.values())

    # -- pronouns and "the two"
    def speaker(self, tok: Token) -> Entity | None:
        """ "I" or "we" inside a quotation: whoever the quotes stage says is speaking."""
        for q in self.quotes:
            if q.start <= tok.idx < q.end and q.speaker is not None and q.kind != "indirect":
                return self.by_id.get(q.speaker)
        return None

    def pronoun(self, tok: Token) -> Entity | None:
        kinds = {"PERSON"} if tok.lower_ in PERSON_PRONOUNS else {"COUNTRY", "ORG", "BLOC"}
        sent_start = tok.sent.start_char
        before = [e for s, e in self.ordered if s < tok.idx and e.type in kinds]
        if not before:
            return None
        # prefer the subject of the sentence when it precedes the pronoun
        for t in tok.sent:
            if t.i >= tok.i:
                break
            if t.dep_ in ("nsubj", "nsubjpass") and t.idx >= sent_start:
                ent = self.at_token(t)
                if ent is not None and ent.type in kinds:
                    return ent
        return before[-1]

    def the_two(self, tok: Token) -> list[Entity] | None:
        nums = [c for c in tok.children if c.dep_ in ("nummod", "det", "predet", "preconj")
                and c.lower_ in ("two", "both")]
        if not (tok.lower_ in ("two", "both") or nums):
            return None
        kinds = {"COUNTRY"} if tok.lemma_ in ("country", "nation", "state") else {"PERSON"}
        picked: list[Entity] = []
        for _s, e in reversed([r for r in self.ordered if r[0] < tok.idx]):
            if e.type in kinds and e not in picked:
                picked.append(e)
            if len(picked) == 2:
                return list(reversed(picked))
        return None

    # -- places and states
    def place(self, refs: list[Ref]) -> Entity | None:
        ents = [r for r in refs if isinstance(r, Entity) and r.type in PLACE_TYPES]
        if not ents:
            return None
        return min(ents, key=lambda e: PLACE_TYPES.index(e.type))

    def state_of(self, ref: Ref) -> Ref:
        """The country a person, city or organisation stands for in an arms transfer."""
        if isinstance(ref, Entity) and ref.type != "COUNTRY":
            country = str(ref.attributes.get("country") or "").lower()
            if country in self.by_name:
                return self.by_name[country]
            if ref.type in ("ORG", "MILITARY_UNIT") and not country:
                return self.named_state(ref) or ref
        return ref

    def named_state(self, body: Entity) -> Entity | None:
        """The one country a state body's name names ("Government of Kestovia", "the
        Kestovian Coastguard"), by the country's names and the forms it is mentioned by."""
        words = f" {' '.join(body.name.lower().replace('-', ' ').split())} "
        if not set(words.split()) & lexicon().cues("state_bodies"):
            return None
        found = {e.id: e for e in self.entities if e.type == "COUNTRY" and any(
            f" {form} " in words for form in {e.name.lower(), *(m.text.lower() for m in e.mentions)})}
        if not found:  # the adjective of the name ("Kestovia" -> "Kestovian", "Italy" -> "Italian")
            found = {e.id: e for e in self.entities if e.type == "COUNTRY" and len(
                stem := e.name.lower().rstrip("aeiouy")) >= 4 and any(
                w.startswith(stem) and w.endswith(("n", "ns")) for w in words.split())}
        return next(iter(found.values())) if len(found) == 1 else None

    def main_country(self) -> Entity | None:
        """The country the report is about (named most often; none when two tie)."""
        counts = sorted(((len(e.mentions), e) for e in self.entities if e.type == "COUNTRY"),
                        key=lambda c: -c[0])
        if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
            return None
        return counts[0][1]

    def nearest_place(self, tok: Token) -> Entity | None:
        """The place entity named closest before ``tok`` in its sentence."""
        sent = tok.sent
        best = None
        for s, e in self.ordered:
            if s >= tok.idx:
                break
            if s >= sent.start_char and e.type in PLACE_TYPES:
                best = e
        return best


def is_weaponish(tok: Token, resolver: Resolver) -> bool:
    ent = resolver.at_token(tok)
    if ent is not None:
        return ent.type == "WEAPON_SYSTEM"
    return tok.lemma_.lower() in lexicon().cues("weapons")
