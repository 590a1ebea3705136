"""What a speaker that names nobody points back to: the discourse antecedent.

When the entity stage has left a speaker mention without an entity, news prose still
says who it is, earlier in the article:
- a body by its kind ("the army", "a navy spokesman", "a ministry official", "the
  company"): the latest body named before whose name has that word, or whose kind fits it
  (the entity stage's ``attributes.category``: an armed force for "army", a ministry for
  "ministry", a body with no category for "company"; see ``body_kinds`` in
  ``data/cues.yaml``), its other modifiers agreeing ("the foreign ministry" is not the
  interior ministry; "the Iraqi army" is Iraq's);
- a document ("the statement", "according to the release"): whoever issued the document
  it takes up ("X issued a statement", "X said in a statement", "X's statement"), else
  the body or person that is the writer's subject in the sentence before ("Egypt's
  foreign ministry condemned the raid. The statement said ...");
- a role noun ("the official", "the chief executive"): the latest person the article
  introduced with that noun, in apposition or as a title ("its top official, Karim
  Haddad", "Amina Yusuf, the chief executive of ...", "Foreign Minister Anna Kovacs").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from spacy.tokens import Token

from sitrep.extract.quotes.bodies import is_document_noun
from sitrep.extract.quotes.cues import SUBJECT_DEPS, TokenIndex, subject_of
from sitrep.extract.quotes.lexicon import BodyKind, Lexicon
from sitrep.extract.spans import MentionIndex
from sitrep.model import Entity

PERSON = "PERSON"
STATE_TYPES = {"COUNTRY", "REGION", "CITY"}
ISSUER_TYPES = {"ORG", "BLOC", "MILITARY_UNIT", "COUNTRY", PERSON}
# modifiers that say nothing about which body it is ("the state news agency", "a senior
# army officer", "the country's top court")
_LOOSE_MODS = {"state", "state-run", "state-owned", "official", "senior", "top", "local", "main",
               "national", "new", "own", "former", "chief", "deputy", "high", "spokesman"}
_SPELLINGS = {"defense": "defence", "organization": "organisation"}
# how many paragraphs back a document or a role noun looks for what it takes up
DOC_PARAS = 2
ROLE_PARAS = 6


def _words(text: str) -> set[str]:
    return {_SPELLINGS.get(w, w) for w in re.findall(r"[a-z]+", text.lower())}


def name_words(ent: Entity) -> set[str]:
    """The words of an entity's name and mentions, one spelling each."""
    return _words(" ".join([ent.name, *(m.text for m in ent.mentions)]))


class Antecedents:
    """Discourse lookups over one article's parse and entity mentions."""

    def __init__(self, index: MentionIndex, tix: TokenIndex, lex: Lexicon,
                 para_starts: list[int], quoted: Callable[[int], bool]) -> None:
        self.index = index
        self.tix = tix
        self.lex = lex
        self.para_starts = para_starts
        self.quoted = quoted

    # -- bodies by kind
    def body(self, head: Token) -> Entity | None:
        """The body a kind noun names: the head itself ("the army") or, for an unnamed
        official or a document, the kind noun among its modifiers or after "for"/"of"
        ("a navy spokesman", "a spokesman for the ministry")."""
        for noun in [head, *self._kind_words(head)]:
            spec = self.lex.body_kinds.get(noun.lemma_.lower())
            if spec is None or self.index.overlapping(noun.idx, noun.idx + len(noun)):
                continue
            ent = self._latest_body(noun, spec, head.idx)
            if ent is not None:
                return ent
        return None

    def _kind_words(self, head: Token) -> Iterator[Token]:
        for child in reversed(list(head.lefts)):
            if child.dep_ in {"compound", "nmod", "amod"}:
                yield child
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "from", "at"}:
                yield from (o for o in prep.children if o.dep_ == "pobj")

    def _latest_body(self, noun: Token, spec: BodyKind, before: int) -> Entity | None:
        required = self.required_mods(noun)
        states = {e.name for c in noun.lefts for e in self.index.entities_in(c.idx, c.idx + len(c))
                  if e.type in STATE_TYPES}
        word = _SPELLINGS.get(noun.lemma_.lower(), noun.lemma_.lower())
        rows = sorted(self.index.overlapping(0, before), key=lambda r: -r[0])
        for start, end, ent in rows:
            if end > before or not self._names(start, end):
                continue
            names = name_words(ent)
            if not spec.fits(ent, word, names):
                continue
            if not required <= names:
                continue
            country = str(ent.attributes.get("country", ""))
            if states and country and country not in states:
                continue
            return ent
        return None

    def required_mods(self, noun: Token) -> set[str]:
        """The modifiers of ``noun`` that pick one body ("foreign", "interior", "defence"),
        outside any entity mention."""
        out = set()
        for c in noun.lefts:
            if c.dep_ not in {"compound", "amod"} or not c.is_alpha:
                continue
            if self.index.overlapping(c.idx, c.idx + len(c)) or c.lower_ in _LOOSE_MODS:
                continue
            if c.pos_ in {"NOUN", "ADJ", "PROPN"}:
                out.add(_SPELLINGS.get(c.lower_, c.lower_))
        return out

    def _names(self, start: int, end: int) -> bool:
        """A mention that names: a capitalized word in it, not a pronoun."""
        text = self.tix.text[start:end]
        return any(w[:1].isupper() for w in text.split() if w.lower() not in {"the", "a", "an"}) \
            and text.lower() not in self.lex.group_pronouns | self.lex.person_pronouns

    # -- documents
    def issuer(self, head: Token) -> Entity | None:
        """Who issued the document ``head`` takes up (see the module docstring)."""
        if not is_document_noun(head, self.lex) or _named_document(head):
            return None  # "the Global Terrorism Index" speaks for itself
        lo = self._window(head.idx, DOC_PARAS)
        for tok in reversed(self.tix.within(lo, head.idx)):
            if tok.i == head.i or self.quoted(tok.idx) or not is_document_noun(tok, self.lex):
                continue
            # the document taken up: its issuer, else the document itself if named
            return self._issuer_of(tok) or self._entity_on(tok)
        return self._subject_before(head)

    def _issuer_of(self, doc_noun: Token) -> Entity | None:
        """"X issued a statement", "X said in a statement", "X's statement": X."""
        for child in doc_noun.children:
            if child.dep_ == "poss":
                ent = self._entity_on(child)
                if ent is not None:
                    return ent
        verb = doc_noun.head
        if doc_noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"in", "through", "via"}:
            verb = verb.head  # "said in a statement"
            if not self.lex.is_cue_verb(verb.lemma_.lower()):
                return None
        elif doc_noun.dep_ in {"dobj", "obj", "nsubjpass"}:
            if verb.lemma_.lower() not in self.lex.issuing_verbs:
                return None  # "the group rejected the report" did not issue it
        else:
            return None
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        subj = subject_of(verb)
        return self._entity_on(subj) if subj is not None and not self.quoted(subj.idx) else None

    def _subjects_back(self, head: Token) -> list[Token]:
        """The writer's subjects (outside quotations) before ``head`` in its sentence, then in
        the sentence before when that one is in the same or the previous paragraph; nearest
        first."""
        sent = self.tix.sentence(head)
        first = sent[0]
        prev = self.tix.sentence(first.doc[first.i - 1]) if first.i > 0 else []
        if prev and not _same_paragraph_or_next(prev[0], head, self.para_starts):
            prev = []
        return [tok for tok in [t for t in sent if t.i < head.i][::-1] + prev[::-1]
                if tok.dep_ in SUBJECT_DEPS and not self.quoted(tok.idx)]

    def _subject_before(self, head: Token) -> Entity | None:
        """The body or person that is the writer's subject of the sentence before ``head``'s
        (or earlier in its own sentence)."""
        for tok in self._subjects_back(head):
            if tok.i == head.i:
                continue
            ent = self._entity_on(tok)
            if ent is not None and ent.type in ISSUER_TYPES:
                return ent
        return None

    # -- group pronouns
    def group_subject(self, head: Token) -> tuple[bool, Entity | None]:
        """"The Houthis claimed the attack. They said ...": the writer's subject just before
        a group pronoun, in its sentence or the one before, when that subject is a body or
        a state (found, entity), or a plural noun naming nobody ("Witnesses fled. They
        said ...": found, None); (False, None) when neither comes first."""
        for tok in self._subjects_back(head):
            if not _main_clause(tok.head):
                continue  # not the subject of a reported clause ("says that all trades ...")
            ent = self._entity_on(tok)
            if ent is not None and ent.type in ISSUER_TYPES - {PERSON}:
                return True, ent
            if ent is None and tok.tag_ == "NNS":
                return True, None
            if ent is not None or tok.pos_ in {"PROPN", "NOUN"}:
                return False, None
        return False, None

    # -- persons by role
    def person(self, head: Token) -> Entity | None:
        """The latest person introduced with the role noun ``head`` (module docstring)."""
        noun = head.lemma_.lower()
        lo = self._window(head.idx, ROLE_PARAS)
        rows = sorted((r for r in self.index.overlapping(lo, head.idx)
                       if r[2].type == PERSON and r[1] <= head.idx), key=lambda r: -r[0])
        for _start, end, ent in rows:
            tok = self.tix.at(end - 1)
            if tok is None or self.quoted(tok.idx):
                continue
            if noun in self._introduced_as(tok) or noun in _words(str(ent.attributes.get("role", ""))):
                return ent
        return None

    @staticmethod
    def _introduced_as(name: Token) -> set[str]:
        """Lemmas of the nouns a person's name is introduced with: its title ("Foreign
        Minister Anna Kovacs"), its apposition either way ("Yusuf, the chief executive",
        "its top official, Karim Haddad")."""
        out = {c.lemma_.lower() for c in name.lefts if c.dep_ == "compound"}
        for app in name.children:
            if app.dep_ == "appos":
                out.add(app.lemma_.lower())
        if name.dep_ == "appos":
            out.add(name.head.lemma_.lower())
        return out

    # -- helpers
    def _entity_on(self, tok: Token) -> Entity | None:
        rows = self.index.overlapping(tok.idx, tok.idx + len(tok))
        return max(rows, key=lambda r: r[1] - r[0])[2] if rows else None

    def _window(self, offset: int, paras: int) -> int:
        k = bisect.bisect_right(self.para_starts, offset) - 1
        return self.para_starts[max(0, k - paras)] if k >= 0 else 0


def _main_clause(verb: Token) -> bool:
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _named_document(head: Token) -> bool:
    """A document with a name of its own ("the Global Terrorism Index", "the Hanoi
    Declaration"): capitalized itself, or a proper-noun compound on it."""
    return (head.text[:1].isupper() and head.i > 0 and head.doc[head.i - 1].pos_ == "PROPN") or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts)


def _same_paragraph_or_next(a: Token, b: Token, para_starts: list[int]) -> bool:
    ka = bisect.bisect_right(para_starts, a.idx)
    kb = bisect.bisect_right(para_starts, b.idx)
    return kb - ka <= 1
