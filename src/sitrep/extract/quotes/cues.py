"""Finding the cue (said, told, according to ...) and the speaker mention it attaches to.

Works on the spaCy parse: the speaker is the subject of the cue verb (inherited
through coordination and participles: "warned ... and said", "he said, adding that"),
or the object of a phrase cue ("according to the ministry").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.extract.quotes.lexicon import Lexicon, lexicon
from sitrep.nlp.doctext import doc_text

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# left dependents that belong to a speaker's name ("Polish Prime Minister Mateusz Morawiecki")
NAME_DEPS = {"compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case", "punct", "quantmod"}
# heads through which a clause takes its subject from the verb it hangs on
INHERIT_DEPS = {"conj", "advcl", "xcomp"}
SPEAKER_POS = {"PROPN", "PRON", "NOUN"}
# slots of a noun: a "verb" in one is a noun the tagger mistook ("reject claims that")
NOMINAL_DEPS = {"dobj", "obj", "pobj"}


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    text: str
    token: Token  # the cue verb, or the first word of a phrase cue
    speaker: Token | None  # head of the speaker mention
    speaker_span: tuple[int, int] | None


class TokenIndex:
    """Tokens of a Doc looked up by character range."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self._starts = [t.idx for t in doc]
        self._sent_starts = [s.start for s in doc.sents] if doc.has_annotation("DEP") else [0]

    def sentence(self, tok: Token) -> list[Token]:
        """The tokens of ``tok``'s sentence (``Token.sent`` rescans the Doc on every call)."""
        k = bisect.bisect_right(self._sent_starts, tok.i) - 1
        end = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.doc)
        return list(self.doc[self._sent_starts[k] : end])

    def within(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [t for t in self.doc[lo:hi] if t.idx + len(t) <= end]

    def at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.doc[i] if i >= 0 else None


def subject_of(verb: Token) -> Token | None:
    """The speaker of ``verb``: the agent of a passive ("praised by Jobs"), the quoted
    person of "quoted X as saying", else the subject, inherited from the verb it is
    coordinated with or hangs on; a relative "who" stands for the noun it modifies."""
    subj = _subject(verb)
    if subj is not None and subj.lower_ in lexicon().relative_pronouns and verb.dep_ == "relcl":
        return _antecedent(verb.head)
    return subj


def _antecedent(noun: Token) -> Token:
    """The noun a relative clause is about: "Charles O'Reilly, an expert at Stanford
    University, who stated" attaches to "University"; climb out of the apposition to
    "O'Reilly". Out of a prepositional phrase only on the way to an apposition: "a point
    of tension with Washington, which claims" is about Washington."""
    start = noun
    for _ in range(4):
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
            noun = noun.head.head  # not out of "according to Bontemps, who said"
        elif noun.dep_ == "appos":
            return noun.head
        else:
            break
    return start


def _temporal(tok: Token) -> bool:
    """"several times described": a time phrase misparsed as the subject."""
    if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
        return True
    return tok.lemma_.lower() in lexicon().time_words


def _ancestors(tok: Token, limit: int) -> Iterator[Token]:
    """The heads above ``tok``, nearest first, at most ``limit`` of them."""
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur


def _owner_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs on ("resigned in a letter ... stating": "resigned")."""
    return next((cur for cur in _ancestors(noun, 6) if cur.pos_ in {"VERB", "AUX"}), None)




def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# verbs of passing on someone else's words: "quoted X as saying", "cited X as saying"
QUOTING_VERBS = {"quote", "cite"}


def _quoted_as(verb: Token) -> Token | None:
    """"Detik.com quoted Djamal as saying", "the paper cited officials as saying": the
    object of "quote"/"cite"."""
    head = verb.head
    if head.lemma_.lower() != "quote" or head.i == verb.i:
        head = head.head if head.lower_ == "as" else verb  # "cited X as saying": only with "as"
    if head.i == verb.i or head.lemma_.lower() not in QUOTING_VERBS:
        return None
    # active "quoted Djamal as saying", passive "Djamal was quoted (by Reuters) as saying"
    return next((c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}), None)


def _subject(verb: Token) -> Token | None:
    quoted = _quoted_as(verb)
    if quoted is not None:
        return quoted
    cue, seen = verb, 0
    while seen < 6:
        agent = _agent(verb)
        if agent is not None:
            return agent
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and same_paragraph(c, verb)
                    and not c.left_edge.i <= cue.i <= c.right_edge.i]  # not the cue's own clause
        real = [c for c in subjects if not _temporal(c)]
        if real:
            return min(real, key=lambda c: abs(c.i - verb.i))
        if verb.dep_ == "acl" and _speaks_itself(verb.head):
            return verb.head  # "critics saying that", "a cell calling itself"
        if verb.dep_ == "acl":  # "a letter ... stating": the writer of the letter
            owner = _owner_verb(verb.head)
            if owner is None:
                return None
            verb, seen = owner, seen + 1
            continue
        if subjects and verb.head.i != verb.i:  # only a time phrase: take the head verb's subject
            verb, seen = verb.head, seen + 1
            continue
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
            verb, seen = verb.head.head, seen + 1  # "justified his choice by saying"
            continue
        absolute = _with_absolute(verb)
        if absolute is not None:
            return absolute  # "..., with Erdogan at one point suggesting"
        inherits = verb.dep_ in INHERIT_DEPS or verb.tag_ == "VBG"  # "..., merely saying that"
        if inherits and verb.head.i != verb.i and not _has_mark(verb):
            verb = verb.head
            seen += 1
            continue
        return _subject_before_comma(cue)
    return _subject_before_comma(cue)


def _speaks_itself(noun: Token) -> bool:
    """A noun a participle of saying modifies that can speak itself ("critics saying",
    "a group calling itself", "Reuters saying"), not a document or a message whose writer
    speaks ("a letter stating", "a post saying"): a name, a person or body by its role or
    kind, or people in the plural."""
    lex = lexicon()
    words = {noun.lemma_.lower(), noun.lower_}
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if words & (lex.document_nouns | lex.saying_nouns | lex.voice_nouns):
        return False
    if noun.pos_ == "PROPN" or words & (lex.agent_nouns | lex.role_nouns | lex.org_nouns):
        return True
    return noun.tag_ == "NNS" and noun.ent_type_ == ""


def _with_absolute(verb: Token) -> Token | None:
    """"..., with Erdogan at one point suggesting that": a participle whose subject is the
    object of a "with" before it on the same head (the absolute construction)."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "conj", "xcomp"} or verb.head.i == verb.i:
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or not prep.i < verb.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in SPEAKER_POS:
            continue
        between = verb.doc[obj.right_edge.i + 1 : verb.i]
        if all(t.dep_ in {"prep", "pobj", "advmod", "npadvmod", "det", "nummod", "amod", "punct"}
               and t.text != "," for t in between):
            return obj
    return None


def _subject_in_fronted_clause(verb: Token) -> Token | None:
    """"A statement on the website, the homepage of which displays ..., states:", parsed
    with the sentence's subject inside a clause hung before the verb: the subject that
    opens the sentence, when the verb has none of its own."""
    if verb.tag_ not in {"VBZ", "VBD", "VBP"}:
        return None
    near = next((t for t in reversed(verb.doc[verb.sent.start : verb.i]) if not t.is_punct), None)
    if near is not None and near.pos_ == "PROPN":
        return None  # "..., Somalia's intelligence agency, or NISA, said": the name before it
    for child in verb.lefts:
        if child.dep_ != "ccomp":
            continue
        first = child.left_edge
        if first.i != verb.sent.start or first.is_quote or first.is_punct:
            continue  # not a quotation's own words ('"CAATSA sanctions are waiting," warned')
        subj = next((c for c in child.children
                     if c.dep_ in SUBJECT_DEPS and c.left_edge.i <= first.i + 1), None)
        if (subj is not None and subj.pos_ in {"NOUN", "PROPN"} and not _temporal(subj)
                and same_paragraph(subj, verb)):
            return subj
    return None


def _subject_before_comma(cue: Token) -> Token | None:
    """"X was first to share the news, announcing that ...", the participle misparsed
    as hanging on a word of its own clause: the subject of the clause before the comma."""
    prev = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ != "VBG" or prev is None or prev.text != "," or _has_mark(cue):
        return None
    sent = cue.sent
    for tok in reversed(cue.doc[sent.start : prev.i]):
        if tok.dep_ in SUBJECT_DEPS and tok.head.pos_ in {"VERB", "AUX"} and tok.pos_ in SPEAKER_POS:
            return tok if same_paragraph(tok, cue) and not _temporal(tok) else None
    return None


def same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text_with_ws for t in a.doc[lo:hi])


def _has_mark(verb: Token) -> bool:
    return any(c.dep_ == "mark" for c in verb.children)


def mention_span(head: Token) -> tuple[int, int]:
    """Characters of the noun phrase around ``head``, without relative clauses or appositions."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in NAME_DEPS and child.right_edge.i >= start - 1:
            start = min(start, child.left_edge.i)
    end = head.i
    for child in head.rights:
        if child.dep_ in {"flat", "compound"} and child.i == end + 1:
            end = child.right_edge.i
    doc = head.doc
    breaks = [t.i for t in doc[start : head.i] if "\n" in t.text_with_ws]
    if breaks:
        start = breaks[-1] + 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start].idx, doc[end].idx + len(doc[end])


def phrase_at(tok: Token, lex: Lexicon) -> tuple[str, ...] | None:
    for phrase in lex.phrase_cues:
        words = [t.lower_ for t in tok.doc[tok.i : tok.i + len(phrase)]]
        if tuple(words) == phrase:
            return phrase
    return None


def phrase_cue(tok: Token, phrase: tuple[str, ...]) -> Cue:
    last = tok.doc[tok.i + len(phrase) - 1]
    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    end = last.idx + len(last)
    span = mention_span(obj) if obj is not None else None
    return Cue(tok.idx, end, tok.doc[tok.i : last.i + 1].text, tok, obj, span)


def verb_cue(verb: Token, region: list[Token] | None = None) -> Cue:
    """The cue for a reporting verb; the speaker is its subject, or a name right after it.
    A noun of saying the tagger took for a verb ("reject claims that") is a noun cue."""
    if verb.dep_ in NOMINAL_DEPS and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return noun_cue(verb)
    subj = subject_of(verb)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (subj is None and before is not None and before.pos_ in SPEAKER_POS and not _temporal(before)
            and same_paragraph(before, verb)):
        subj = before  # "Obama said" misparsed across a paragraph break
    if subj is None and region:
        subj = _inverted_subject(verb, region)
    if subj is None:
        subj = _subject_in_fronted_clause(verb)  # "The revised law, as spelled out ..., says"
    span = mention_span(subj) if subj is not None else None
    return Cue(verb.idx, verb.idx + len(verb), verb.text, verb, subj, span)


def noun_cue(noun: Token) -> Cue:
    """A noun of saying: "his view that", "Russia's claim that", "issued a statement that".
    The speaker is the possessor, the source after "by"/"from", or the subject of the
    verb the noun is the object of."""
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        speaker = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"by", "from"}
                        for o in p.children if o.dep_ == "pobj"), None)
    if speaker is None and noun.dep_ in {"dobj", "obj"}:
        speaker = subject_of(noun.head)
    span = mention_span(speaker) if speaker is not None else None
    return Cue(noun.idx, noun.idx + len(noun), noun.text, noun, speaker, span)


def _inverted_subject(verb: Token, region: list[Token]) -> Token | None:
    """'..." said William Clay Ford Jr.': the name right after a cue that opens the region."""
    words = [t for t in region if not t.is_punct and not t.is_space]
    if not words or verb.i not in {w.i for w in words[:2]}:
        return None
    ids = {t.i for t in region}
    after = [t for t in words if t.i > verb.i and t.pos_ in SPEAKER_POS and not _temporal(t)]
    if not after:
        return None
    tok = after[0]
    while tok.dep_ in {"compound", "flat", "amod"} and tok.head.i in ids:
        tok = tok.head
    return tok


def is_cue_verb(tok: Token, lex: Lexicon, *, fragment: bool = False) -> bool:
    if tok.pos_ not in {"VERB", "AUX"} and not (tok.tag_.startswith("VB")):
        return False
    lemma = tok.lemma_.lower()
    return lemma in lex.speech_verbs or (fragment and lemma in lex.fragment_verbs)


def find_cue(tokens: list[Token], lex: Lexicon, *, fragment: bool = False, last: bool = False) -> Cue | None:
    """The first cue among ``tokens`` (a stretch of text outside quotation marks); with
    ``last``, the one nearest the end ('Asked whether ..., Peskov said: "..."')."""
    for tok in reversed(tokens) if last else tokens:
        if tok.lower_ == "quoted" and tok.lemma_.lower() == "quote":
            continue  # "X quoted Y as saying": the cue is "saying"
        phrase = phrase_at(tok, lex)
        if phrase:
            return phrase_cue(tok, phrase)
        if is_cue_verb(tok, lex, fragment=fragment):
            return verb_cue(tok, tokens)
    return None


def cue_above(tok: Token, lex: Lexicon, inside: tuple[int, int] = (0, 0)) -> Cue | None:
    """The nearest reporting verb that governs ``tok`` (a word of a quoted fragment),
    outside the characters ``inside`` (the fragment itself: "will respond" is no cue)."""
    for cur in _ancestors(tok, 12):
        if inside[0] <= cur.idx < inside[1]:
            continue
        if is_cue_verb(cur, lex, fragment=True):
            return verb_cue(cur)
        phrase = phrase_at(cur, lex)
        if phrase:
            return phrase_cue(cur, phrase)
    return None
