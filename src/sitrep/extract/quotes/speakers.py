"""Who said it: the speaker entity of a quote, by a fixed order of evidence.

The entity stage resolves pronouns, descriptions and metonyms into mentions; this
module finds the speaker mention (:mod:`.cues`: the cue verb's subject or passive
agent, the object of "according to", the quoted person of "quoted X as saying", the
name right before a cue the parser left without one) and looks it up, in this order:
1. the entity the mention names (:meth:`SpeakerResolver._named`): a mention of an
   entity at its head, its "by"/"from" source, apposition, trailing name or possessor;
   a person "of" the body the parser took for the subject; an unnamed role description
   ("a top Air Force general") that a following quotation names; a short name, surname
   or acronym entity gives way to the full name the article introduced
   (:func:`.bodies.fuller_entity`);
2. an unnamed official or document speaks for the body or state its modifiers name
   ("a navy spokesman", "Iraqi officials", "the NISA statement"); a surname or acronym
   the entity stage left unattached is the entity of that name; "the spokesman" is
   whoever "a ... spokesman" was (:mod:`.bodies`);
3. an unnamed source placed in no body ("officials", "witnesses") has no speaker;
4. a pronoun or definite description (:meth:`SpeakerResolver._described_before`):
   "he"/"she" is the person last named as a subject just before it, else the latest
   person quoted; "it"/"they" the latest organization or state quoted; "the minister"
   the latest person quoted whose role or descriptions have that word, else the latest
   person quoted; "the ministry", "the law" the latest entity quoted or named with that
   word, and "the group", "the outfit" the latest organization;
5. a quote with no cue takes the named speaker of a reporting verb in the sentence just
   before it, else the person who is that sentence's main subject, else the speaker of
   the quote before it (same quotation, or the next paragraph at most; a person's
   reported clause closing the paragraph before frames a quotation opening the next).
What a speaker naming nobody points back to (a body by its kind, "the army", "a navy
spokesman", "the company"; a document's issuer, "the statement"; a person introduced
with a role noun, "the official"; the body or state before "they"/"it") is looked up by
:mod:`.antecedents`. Plural role nouns ("the judges", "the officials") are never one
person quoted before; a state's "government" or "authorities" are that state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from itertools import pairwise

from spacy.tokens import Token

from sitrep.extract.intervals import Intervals
from sitrep.extract.quotes.antecedents import Antecedents, name_words
from sitrep.extract.quotes.bodies import (
    BODY_TYPES,
    body_of,
    by_name,
    fuller_entity,
    is_agent_noun,
    is_document_noun,
    placed_in,
)
from sitrep.extract.quotes.candidate import Candidate
from sitrep.extract.quotes.cues import SUBJECT_DEPS, TokenIndex, subject_of
from sitrep.extract.quotes.lexicon import Lexicon
from sitrep.extract.quotes.marks import paragraphs
from sitrep.extract.spans import MentionIndex
from sitrep.model import Entity, Quote, Span

PERSON = "PERSON"
# how far ahead an unnamed role description looks for the person it describes
NEXT_QUOTES = 3
NEXT_CHARS = 800
ORG_TYPES = {"ORG", "BLOC", "MILITARY_UNIT"}
# speaker types that name a place or a thing: a person's name mistyped, or no speaker
PLACE_ONLY = {"CITY", "WEAPON_SYSTEM"}


class SpeakerResolver:
    """Gives candidates their speaker entity, in text order (it remembers who spoke)."""

    def __init__(self, entities: list[Entity], lex: Lexicon, tix: TokenIndex) -> None:
        self.index = MentionIndex(entities)
        self.entities = entities
        self.lex = lex
        self.tix = tix
        self.text = tix.text
        self.para_starts = [p[0] for p in paragraphs(self.text)]
        self.history: list[tuple[Candidate, Entity | None]] = []
        # spans inside quotation marks (their words are not the writer's subjects)
        self.quoted: list[tuple[int, int]] = []
        # every candidate of the article, in text order (for looking ahead)
        self.pending: list[Candidate] = []
        # speaker head offset -> the entity this resolver gave it
        self.spoke: dict[int, Entity] = {}
        self.ante = Antecedents(self.index, tix, lex, self.para_starts, self._quoted)

    def resolve(self, cand: Candidate) -> Entity | None:
        ent = self._resolve(cand)
        self.history.append((cand, ent))
        if ent is not None and cand.cue is not None and cand.cue.speaker is not None:
            self.spoke[cand.cue.speaker.idx] = ent
        return ent

    def _resolve(self, cand: Candidate) -> Entity | None:
        if cand.cue is None:
            return self._continued(cand)
        head = cand.cue.speaker or self._name_before(cand.cue.token)
        if head is None:
            return None
        if self._quoted(head.idx) and not self._quoted(cand.cue.start):
            head = self._outside_speaker(cand.cue.token) or head
        ent = self._named(head, cand) or self._unnamed(head) or self._misattached_conjunct(cand.cue.token)
        if ent is not None and ent.type in PLACE_ONLY:
            ent = self._person_for_place(head)
        if ent is not None:
            return fuller_entity(ent, self.entities)
        if is_agent_noun(head, self.lex) and not _definite(head) and not _demonstrative(head):
            return self._conjunct_speaker(head, cand)  # an unnamed source placed in no body
        return self._described_before(head) or self._conjunct_speaker(head, cand)

    def _conjunct_speaker(self, head: Token, cand: Candidate) -> Entity | None:
        """"according to witnesses and a Somali lawmaker": an unnamed source placed in no
        body shares the report with the next speaker it is coordinated with, who may be
        named, or named a quotation later."""
        for conj in head.conjuncts:
            if conj.i <= head.i or conj.pos_ not in {"NOUN", "PROPN"}:
                continue
            role = conj.lemma_.lower() in self.lex.role_nouns and not _definite(conj)
            ent = ((self._named_next(conj, cand) if role else None)
                   or self._named(conj, cand) or body_of(conj, self.index, self.lex))
            if ent is not None:
                return fuller_entity(ent, self.entities)
        return None

    def _person_for_place(self, head: Token) -> Entity | None:
        """A speaker is a person, a body or a state, never a town as a location or a
        weapon (a capital standing for its state is the entity stage's country): a surname
        the entity stage typed as a town ("Henderson said") is the person of that name
        introduced before; else there is no speaker rather than a wrong one."""
        return by_name(head, [e for e in self.entities if e.type == PERSON], head.idx)

    def _named(self, head: Token, cand: Candidate) -> Entity | None:
        """The entity the speaker mention names: a pronoun's last subject when the entity
        stage took a name inside a quotation, the entity at the head (or its agent,
        apposition, trailing name, possessor), a person "of" that body, or the person an
        unnamed role description turns out to be a few quotations on."""
        assert cand.cue is not None
        if head.lower_ in self.lex.person_pronouns:
            ent = self._pronoun_over_quoted_name(head)
            if ent is not None:
                return ent
        ent = (self._entity_at_head(head.idx, head.idx + len(head), cand.cue.speaker_span)
               or self._by_agent(head) or self._apposition(head) or self._titled_name(head)
               or self._possessor(head) or self._included(head))
        if ent is not None and ent.type != PERSON:
            ent = self._person_of_body(head, cand.cue.token) or ent
        if (ent is None or ent.type != PERSON) and _unnamed_role(head, self.lex):
            ent = self._named_next(head, cand) or ent
        return ent

    def _described_before(self, head: Token) -> Entity | None:
        """A pronoun or definite description the entity stage left unresolved: the
        latest compatible speaker (see the module docstring)."""
        word = head.lower_
        if word in self.lex.person_pronouns:
            return (self._subject_before(head) or self._latest(lambda e: e.type == PERSON)
                    or self._mentioned_before(head.idx))
        if word in self.lex.group_pronouns:
            found, ent = self.ante.group_subject(head)
            return ent if found else self._latest(lambda e: e.type != PERSON)
        noun = head.lemma_.lower()
        if not _definite(head) and not _demonstrative(head):
            return None
        if (noun in self.lex.role_nouns or is_agent_noun(head, self.lex)) and head.tag_ in {"NNS", "NNPS"}:
            return self._plural_role(head)
        if noun in self.lex.role_nouns or is_agent_noun(head, self.lex):
            mods = {c.lower_ for c in head.lefts if c.dep_ in {"amod", "compound"}
                    and not self.index.overlapping(c.idx, c.idx + len(c))}
            return (self._latest(lambda e: e.type == PERSON and noun in _described(e))
                    or self._introduced_since_speaker(head)
                    or self._latest(lambda e: e.type == PERSON and bool(mods & _described(e)))
                    or self._placed_role(head)
                    or self._latest(lambda e: e.type == PERSON)
                    or body_of(head, self.index, self.lex) or self.ante.body(head))
        if noun in self.lex.org_nouns or is_document_noun(head, self.lex):
            mods = self.ante.required_mods(head)  # "the interior ministry" is no other one

            def has_noun(e: Entity) -> bool:
                return e.type != PERSON and noun in e.name.lower().split() and mods <= name_words(e)

            named = self._latest(has_noun) or self._named_before(head, has_noun) or self.ante.body(head)
            if named is not None or noun not in self.lex.generic_org_nouns:
                return named
            return (self._latest(lambda e: e.type in ORG_TYPES)
                    or self._named_before(head, lambda e: e.type in ORG_TYPES))
        if noun in self.lex.body_kinds:
            return self.ante.body(head)  # "the navy"
        return None

    def _plural_role(self, head: Token) -> Entity | None:
        """"the judges", "the officials": several people are no one person quoted before;
        the body their modifiers place them in ("the court's judges"; a state only for
        officials: "the Iraqi officials"), else no speaker."""
        if any(c.dep_ == "conj" for m in head.lefts for c in m.children):
            return None  # "the Turkish and French leaders": more than one
        ent = self.ante.body(head) or placed_in(head, self.index) or self._taken_up(head)
        if ent is None or ent.type in BODY_TYPES:
            return ent
        return ent if is_agent_noun(head, self.lex) else None

    def _taken_up(self, head: Token) -> Entity | None:
        """"... blame on the leaders of Puntland and Jubaland. Those leaders have said":
        a demonstrative plural takes up the same noun in the sentence before, and speaks
        for the body or state that one was placed in."""
        if not _demonstrative(head):
            return None
        sent = self.tix.sentence(head)
        if sent[0].i == 0:
            return None
        before = self.tix.sentence(head.doc[sent[0].i - 1]) + [t for t in sent if t.i < head.i]
        for tok in reversed(before):
            same = tok.lemma_.lower() == head.lemma_.lower() and tok.tag_ == head.tag_
            if same and not self._quoted(tok.idx):
                return placed_in(tok, self.index)
        return None

    def _placed_role(self, head: Token) -> Entity | None:
        """"The Afghan army chief said", naming nobody the article introduced: the body its
        modifiers place it in, rather than whichever person spoke last."""
        if head.tag_ == "NNS" or not any(c.dep_ in {"compound", "amod", "nmod"} for c in head.lefts):
            return None
        ent = self.ante.body(head) or placed_in(head, self.index)
        return ent if ent is not None and ent.type in BODY_TYPES else None  # not "the French envoy"

    def _introduced_since_speaker(self, head: Token) -> Entity | None:
        """The person last introduced with the role noun ``head`` ("its top official, Karim
        Haddad"), unless a person has been quoted since that introduction (then "the
        official" is more likely that speaker: the fallbacks after this one)."""
        ent = self.ante.person(head)
        if ent is None:
            return None
        intro = max((m.start for m in ent.mentions if m.start is not None and m.start < head.idx), default=0)
        spoke = [c.start for c, e in self.history if e is not None and e.type == PERSON and e.id != ent.id]
        return ent if not spoke or max(spoke) < intro else None

    def _by_name(self, mention: str) -> bool:
        """A mention that names (a capitalized word), not a pronoun or a description."""
        words = [w for w in mention.split() if w.lower() not in {"the", "a", "an"}]
        return bool(words) and words[0][:1].isupper() and mention.lower() not in (
            self.lex.person_pronouns | self.lex.group_pronouns)

    def _named_before(self, head: Token, ok: Callable[[Entity], bool]) -> Entity | None:
        """The entity ``ok`` accepts that was last mentioned by name before ``head`` in this
        paragraph or the one before ("The Baloch Liberation Army claimed the attack. ...
        the banned outfit said")."""
        k = bisect.bisect_right(self.para_starts, head.idx) - 1
        lo = self.para_starts[max(0, k - 1)] if k >= 0 else 0
        rows = [r for r in self.index.overlapping(lo, head.idx) if r[1] <= head.idx and ok(r[2])
                and self._by_name(self.text[r[0] : r[1]])]
        return max(rows, key=lambda r: r[0])[2] if rows else None

    def _entity_at_head(self, start: int, end: int, span: tuple[int, int] | None) -> Entity | None:
        """The entity with a mention on the head word; the one matching the whole span first."""
        rows = self.index.overlapping(start, end)
        if not rows:
            return None
        if span is not None:
            for s, e, ent in rows:
                if (s, e) == span:
                    return ent
        return max(rows, key=lambda r: r[1] - r[0])[2]

    def _by_agent(self, head: Token) -> Entity | None:
        """"a review by PC World", "a statement from the Kremlin": the named source."""
        return self._first_entity(obj for prep in head.children
                                  if prep.dep_ == "prep" and prep.lower_ in {"by", "from"}
                                  for obj in prep.children if obj.dep_ == "pobj")

    def _possessor(self, head: Token) -> Entity | None:
        """"Apple Corps' latest suit claims", "the ministry's statement said": the possessor
        of a document or office speaks through it."""
        if head.lemma_.lower() not in self.lex.voice_nouns:
            return None
        for poss in head.children:
            if poss.dep_ == "poss":
                return self._entity_at_head(poss.idx, poss.idx + len(poss), None)
        return None

    def _included(self, head: Token) -> Entity | None:
        """"Critics, including Ruritania's Lena Marsh, argue", "leaders such as X said": a
        plural subject speaks through the first named member it lists (one speaker per
        quote; the gold accepts any member of a list)."""
        if head.tag_ not in {"NNS", "NNPS"}:
            return None
        preps = [p for p in head.children if p.dep_ == "prep" and _lists_members(p)]
        return self._first_entity(obj for prep in preps for obj in prep.children
                                  if obj.dep_ == "pobj" and obj.pos_ != "PRON")

    def _apposition(self, head: Token) -> Entity | None:
        """"Irish low cost airline, Ryanair, announced": the name in apposition to the head."""
        return self._first_entity(app for app in head.children if app.dep_ == "appos")

    def _first_entity(self, heads: Iterable[Token]) -> Entity | None:
        """The entity of the first of ``heads`` that heads an entity mention."""
        for tok in heads:
            ent = self._entity_at_head(tok.idx, tok.idx + len(tok), None)
            if ent is not None:
                return ent
        return None

    def _titled_name(self, head: Token) -> Entity | None:
        """"Chief investment officer at Fort Pitt Capital Group Charlie Smith": a person
        named at the end of the subject, not after a preposition ("a spokesman for Putin")."""
        if head.pos_ != "NOUN":
            return None
        last = head.right_edge
        rows = [r for r in self.index.overlapping(last.idx, last.idx + len(last))
                if r[2].type == PERSON and r[1] == last.idx + len(last)]
        if not rows:
            return None
        start = min(r[0] for r in rows)
        before = self.tix.at(start - 1) if start > 0 else None
        if before is None or before.pos_ == "ADP" or before.i < head.i:
            return None
        return max(rows, key=lambda r: r[1] - r[0])[2]

    def _continued(self, cand: Candidate) -> Entity | None:
        """A quote with no cue: the speaker of the sentence right before it when that
        sentence reports someone's speech ("Dieter Zetsche denied the reports. "We ...""),
        else the speaker of the quote right before it, if close."""
        framed = (self._frame_before(cand) or self._subject_frame(cand)) if cand.sentence_start else None
        if framed is not None:
            return framed
        for k, (prev, ent) in enumerate(reversed(self.history)):
            if k == 0 and self._closes_paragraph_before(prev, ent, cand):
                return ent  # 'X said the camp was full.\n\n"Children sleep outside."'
            if prev.kind == "indirect" and (ent is None or self._quoted(prev.start)
                                            or prev.paragraph != cand.paragraph):
                continue  # a reported clause frames only a quote of its own paragraph
            same = cand.group is not None and prev.group == cand.group
            if same or (cand.sentence_start and cand.paragraph - prev.paragraph <= 1):
                return ent
            return None
        return None

    def _subject_frame(self, cand: Candidate) -> Entity | None:
        """'President Mateus Silva addressed parliament. "We will rebuild."': the person who
        is the main subject of the writer's sentence right before a quotation with no cue,
        when no quotation comes between them."""
        first = self.tix.at(cand.start)
        if first is None or first.i < 2:
            return None
        sent = self.tix.sentence(first.doc[first.i - 2])
        if self.history and self.history[-1][0].end > sent[0].idx:
            return None
        if sent[0].idx < self.para_starts[max(0, cand.paragraph - 1)] or self._quoted(sent[0].idx):
            return None
        for tok in sent:
            if tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ROOT" and not self._quoted(tok.idx):
                rows = [r for r in self.index.overlapping(tok.idx, tok.idx + len(tok)) if r[2].type == PERSON]
                ent = max(rows, key=lambda r: r[1] - r[0])[2] if rows else None
                return fuller_entity(ent, self.entities) if ent is not None else None
        return None

    def _closes_paragraph_before(self, prev: Candidate, ent: Entity | None, cand: Candidate) -> bool:
        """A person's reported clause ends the paragraph right before the one ``cand``
        opens: the quotation that opens the next paragraph is that person's."""
        if prev.kind != "indirect" or ent is None or ent.type != PERSON or self._quoted(prev.start):
            return False
        if prev.paragraph != cand.paragraph - 1 or cand.paragraph >= len(self.para_starts):
            return False
        opens = not self.text[self.para_starts[cand.paragraph] : cand.start].strip(' "“”‘’\'\t')
        ends = not self.text[prev.end : self.para_starts[cand.paragraph]].strip(' .!?"”’\n\t\r')
        return opens and ends

    def _named_next(self, head: Token, cand: Candidate) -> Entity | None:
        """"a top U.S. Air Force general said ... "...," said Gen. Charles Brown, commander
        of Pacific Air Forces": an unnamed role description is the person named as the
        speaker of one of the next quotations, when that person's role or descriptions
        share a word with it."""
        words = {t.lower_ for t in head.subtree if t.is_alpha and not t.is_stop} - {head.lower_}
        words |= {w for e in self.index.entities_in(head.left_edge.idx, head.right_edge.idx + 1)
                  for w in re.findall(r"[a-z]+", e.name.lower())}
        later = [c for c in self.pending if c.start > cand.end and c.cue is not None][:NEXT_QUOTES]
        for nxt in later:
            if nxt.start - cand.end > NEXT_CHARS:
                break
            spk = nxt.cue.speaker if nxt.cue is not None else None
            if spk is None or spk.pos_ != "PROPN":
                continue
            ent = self._entity_at_head(spk.idx, spk.idx + len(spk), None)
            if ent is not None and ent.type == PERSON and (words & _described(ent)
                                                           or self._introduced_fitting(ent, head, cand)):
                return ent
        return None

    def _introduced_fitting(self, ent: Entity, head: Token, cand: Candidate) -> bool:
        """"China's U.N. ambassador told reporters ... Fu Cong blamed": a person named for
        the first time after the unnamed role description, with no description of their own
        (a differently titled newcomer, "analyst John Pike", is someone else), the same role
        noun ("a Somali lawmaker" ... "federal lawmaker Dahir Amin Jesow") or one that a
        generic role ("the head of MSF") fits."""
        if any(m.start is not None and m.start < cand.start for m in ent.mentions):
            return False
        names = set(re.findall(r"[a-z]+", ent.name.lower())) | self.lex.person_pronouns
        titles = _described(ent) - names
        role = head.lemma_.lower()
        return not titles or role in self.lex.generic_role_nouns or role in titles

    def _misattached_conjunct(self, cue: Token) -> Entity | None:
        """"X said the plan aims to ... and urged Y to ...", parsed with "urged" coordinated
        inside the reported clause: the speaker of the reporting verb above that clause."""
        if cue.dep_ != "conj":
            return None
        up = cue.head
        for _ in range(3):  # "... aims to mobilize ... and urged": up from "mobilize" to "aims"
            if up.dep_ == "ccomp" or up.dep_ not in {"xcomp", "advcl", "conj"}:
                break
            up = up.head
        if up.dep_ != "ccomp" or not is_speech_verb(up.head, self.lex):
            return None
        subj = subject_of(up.head)
        if subj is None or self._quoted(subj.idx):
            return None
        return self._entity_at_head(subj.idx, subj.idx + len(subj), None)

    def _frame_before(self, cand: Candidate) -> Entity | None:
        """The named speaker of a reporting verb in the writer's sentence just before
        ``cand``, when no quotation comes between them."""
        first = self.tix.at(cand.start)
        if first is None or first.i < 2:
            return None
        sent = self.tix.sentence(first.doc[first.i - 2])
        if self.history and self.history[-1][0].end > sent[0].idx:
            return None  # a quotation of that sentence: its speaker is in the history
        for tok in reversed(sent):
            if tok.idx >= cand.start or self._quoted(tok.idx) or not is_speech_verb(tok, self.lex):
                continue
            subj = subject_of(tok)
            if subj is None or self._quoted(subj.idx):
                continue
            ent = self._entity_at_head(subj.idx, subj.idx + len(subj), None)
            return fuller_entity(ent, self.entities) if ent is not None else None
        return None

    def _person_of_body(self, head: Token, cue: Token) -> Entity | None:
        """"Andrew Lebovich of the think tank Clingendael said", misparsed with the body as
        the subject: the person named first on the speaker's side of the cue, right before
        "of"/"at"/"with"/"from", when the body comes after."""
        side = [t for t in self.tix.sentence(head) if (t.i < cue.i) == (head.i < cue.i)
                and t.i != cue.i and not self._quoted(t.idx)]
        for tok, nxt in pairwise(side):
            if nxt.i >= head.i or nxt.i != tok.i + 1:
                continue
            if nxt.lower_ not in {"of", "at", "with", "from"}:
                continue
            rows = [r for r in self.index.overlapping(tok.idx, tok.idx + len(tok))
                    if r[2].type == PERSON and r[1] == tok.idx + len(tok)]
            if rows:
                return rows[0][2]
        return None

    def _unnamed(self, head: Token) -> Entity | None:
        """A speaker with no entity of its own: an unnamed official or a document speaks
        for the body its modifiers name ("a navy spokesman", "the NISA statement"); a
        surname the entity stage left unattached is the person of that name; "the
        spokesman" is whoever "a ... spokesman" was before, and a definite role noun
        ("the Pakistani envoy") the person it describes (see the role fallbacks)."""
        definite = _definite(head)
        if head.lemma_.lower() in self.lex.state_nouns or head.lower_ in self.lex.state_nouns:
            ent = placed_in(head, self.index)  # "Gaza's government", "the government of Mali"
            if ent is not None:
                return ent
        if not definite or is_document_noun(head, self.lex):
            ent = body_of(head, self.index, self.lex)
            if ent is not None:
                return ent
        ent = by_name(head, self.entities, head.idx)
        if ent is None and (definite or head.lower_ in {"these", "those"}):
            ent = self._same_noun(head)
        unnamed_agent = is_agent_noun(head, self.lex) and not definite
        if ent is None and (is_document_noun(head, self.lex) or unnamed_agent):
            ent = self.ante.body(head)  # "a navy spokesman", "the ministry statement"
        if ent is None and (definite or any(c.dep_ == "acl" for c in head.children)):
            ent = self.ante.issuer(head)  # "the statement", "a communique issued ..."
        return ent

    def _same_noun(self, head: Token) -> Entity | None:
        """"the spokesperson" after "a State Department spokesperson said": whoever the
        latest speaker named by the same noun was resolved to."""
        lemma = head.lemma_.lower()
        if any(c.dep_ == "prep" for c in head.children):
            return None  # "the head of MSF" is not "the head of UNICEF" before it
        for prev, ent in reversed(self.history):
            spk = prev.cue.speaker if prev.cue is not None else None
            if ent is not None and spk is not None and spk.i != head.i and spk.lemma_.lower() == lemma:
                return ent
        return None

    def _outside_speaker(self, cue: Token) -> Token | None:
        """A cue whose parsed subject lies inside a quotation ('"We ...," Rubio said, adding
        that'): the subject of the nearest reporting verb outside it, above the cue or
        before it in the sentence."""
        before = [t for t in reversed(self.tix.sentence(cue)) if t.i < cue.i and not self._quoted(t.idx)]
        for verb in [*cue.ancestors, *before]:
            if not self.lex.is_cue_verb(verb.lemma_.lower()) or self._quoted(verb.idx):
                continue
            subj = subject_of(verb)
            if subj is not None and not self._quoted(subj.idx):
                return subj
        return self._name_before(cue) or self._name_after(cue)

    def _name_after(self, cue: Token) -> Token | None:
        """'"...," tweeted Asli Aydintasbas, a senior fellow': the named entity right after
        a cue whose parsed subject is inside the quotation."""
        doc = cue.doc
        nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
        if nxt is None or nxt.pos_ != "PROPN" or self._quoted(nxt.idx):
            return None
        if not self.index.overlapping(nxt.idx, nxt.idx + len(nxt)):
            return None
        while nxt.dep_ in {"compound", "flat"} and nxt.head.i > nxt.i and nxt.head.pos_ == "PROPN":
            nxt = nxt.head
        return nxt

    def _name_before(self, cue: Token) -> Token | None:
        """'"...," Republican Representative Derrick Van Orden, told VOA': the named
        entity right before the cue, past punctuation, in its sentence and outside quotes."""
        for tok in before_cue(self.tix.sentence(cue), cue):
            if self._quoted(tok.idx):
                return None
            if tok.is_punct:
                continue
            named = tok.pos_ == "PROPN" and self.index.overlapping(tok.idx, tok.idx + len(tok))
            return tok if named else None
        return None

    def _latest(self, ok: Callable[[Entity], bool]) -> Entity | None:
        for _, ent in reversed(self.history):
            if ent is not None and ok(ent):
                return ent
        return None

    def _subject_before(self, head: Token) -> Entity | None:
        return self._last_subject(head)[1]

    def _last_subject(self, head: Token) -> tuple[int, Entity | None]:
        """The person last named as a subject (outside quotes) in this paragraph or the one
        before, with the offset of that subject."""
        k = bisect.bisect_right(self.para_starts, head.idx) - 1
        lo = self.para_starts[max(0, k - 1)] if k >= 0 else 0
        for tok in reversed(self.tix.within(lo, head.idx)):
            if tok.dep_ not in SUBJECT_DEPS or self._quoted(tok.idx):
                continue
            if tok.idx in self.spoke and self.spoke[tok.idx].type == PERSON:
                return tok.idx, self.spoke[tok.idx]
            rows = [r for r in self.index.overlapping(tok.idx, tok.idx + len(tok)) if r[2].type == PERSON]
            if rows:
                return tok.idx, max(rows, key=lambda r: r[1] - r[0])[2]
        return head.idx, None

    def _pronoun_over_quoted_name(self, head: Token) -> Entity | None:
        """"Countryman sees ... "... affecting Mr. Berisha ...," he said": when the entity
        stage gave the pronoun a person named since the last subject only inside quotation
        marks, the pronoun is that last subject."""
        at, subj = self._last_subject(head)
        rows = [r for r in self.index.overlapping(head.idx, head.idx + len(head)) if r[2].type == PERSON]
        if subj is None or not rows or any(r[2].id == subj.id for r in rows):
            return None
        other = rows[0][2]
        named = any(at < m.start < head.idx and not self._quoted(m.start)
                    and m.text.lower() not in self.lex.person_pronouns
                    for m in other.mentions if m.start is not None)
        return None if named else subj

    @property
    def quoted(self) -> list[tuple[int, int]]:
        return self._quoted_spans

    @quoted.setter
    def quoted(self, spans: list[tuple[int, int]]) -> None:
        self._quoted_spans = spans
        self._quoted_index = Intervals(spans)

    def _quoted(self, offset: int) -> bool:
        return self._quoted_index.overlaps(offset, offset + 1)

    def _mentioned_before(self, offset: int) -> Entity | None:
        return self.index.last_before(offset, lambda ent: ent.type == PERSON)

    def to_quote(self, cand: Candidate) -> Quote:
        ent = self.resolve(cand)
        cue = cand.cue
        return Quote(
            start=cand.start, end=cand.end, text=self.text[cand.start : cand.end], kind=cand.kind,
            speaker=ent.id if ent is not None else None,
            cue=cue.text if cue else None,
            cue_span=Span(cue.start, cue.end, cue.text) if cue else None,
            speaker_mention=(Span(cue.speaker_span[0], cue.speaker_span[1],
                                  self.text[cue.speaker_span[0] : cue.speaker_span[1]])
                             if cue and cue.speaker_span else None),
        )


def _unnamed_role(head: Token, lex: Lexicon) -> bool:
    """A role noun that names nobody yet: "a top general", "the head of the agency"."""
    if head.pos_ != "NOUN" or head.tag_ == "NNS" or head.lemma_.lower() not in lex.role_nouns:
        return False
    if is_agent_noun(head, lex):
        return False  # "a navy official" speaks for the navy
    return not _definite(head) or any(c.dep_ == "prep" for c in head.children)


def is_speech_verb(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lex.speech_verbs


def before_cue(sentence: list[Token], cue: Token) -> list[Token]:
    """The tokens of ``sentence`` before ``cue``, nearest first."""
    return [t for t in reversed(sentence) if t.i < cue.i]


def _described(ent: Entity) -> set[str]:
    """The words of a person's role and of the descriptions the article gave them
    ("director general of the military's media wing")."""
    text = " ".join([str(ent.attributes.get("role", "")), *(m.text for m in ent.mentions)])
    return set(re.findall(r"[a-z]+", text.lower()))


def _lists_members(prep: Token) -> bool:
    """"including", "among", "such as": a preposition that names members of a group."""
    word = prep.lower_
    return word in {"including", "among"} or (word == "as" and any(c.lower_ == "such" for c in prep.children))


def _demonstrative(head: Token) -> bool:
    """"those leaders", "these officials": a plural taking up one named before."""
    return head.tag_ in {"NNS", "NNPS"} and any(c.dep_ == "det" and c.lower_ in {"these", "those"}
                                                  for c in head.lefts)


def _definite(head: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "their", "his", "her"}
               for c in head.lefts)
