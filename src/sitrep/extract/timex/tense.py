"""The tense of the clause a time expression sits in, from the spaCy parse.

``direction(doc, start, end)`` returns -1 (past), +1 (future or scheduled) or 0
(present or unknown) for the verb that governs the span: the first verb or
auxiliary up the dependency tree from the span's root.

Past: a past-tense verb (VBD), a perfect ("has launched") or a past passive.
Future: a modal ("will", "would", "shall", "could", "may", "might"), "going to",
an infinitive ("to inspect"), a present progressive ("is meeting"), or a verb of
scheduling or expectation ("is scheduled", "is expected", "plans", "is due").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.timex.lexicon import WEEKDAY_NAMES
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE_MODALS = frozenset({"will", "shall", "would", "could", "may", "might", "'ll", "wo", "must", "should"})
SCHEDULE_LEMMAS = frozenset({
    "schedule", "expect", "plan", "due", "set", "intend", "aim", "hope", "want",
    "prepare", "propose", "slate", "poise", "forecast", "predict", "await",
})
REPORTING_LEMMAS = frozenset({
    "say", "announce", "tell", "report", "confirm", "state", "add", "warn", "claim", "deny",
    "disclose", "reveal", "declare", "acknowledge", "write", "note", "insist", "predict", "vow",
})
# implicative verbs: their infinitive happened (or failed to) when they did, so it takes
# their tense ("was forced to resign on Friday", "managed to seize the airport on Sunday")
IMPLICATIVE_LEMMAS = frozenset({
    "manage", "force", "compel", "oblige", "fail", "refuse", "decline", "neglect", "happen", "dare",
    "bother", "begin", "start", "continue", "cease", "help", "cause", "lead", "prompt", "move",
    "rush", "proceed", "opt", "choose", "hasten", "remember", "forget", "hesitate",
})
PERFECT_AUX = frozenset({"have", "has", "had"})
UNTIL_WORDS = frozenset({"until", "till", "til"})
PAST_AUX = frozenset({"was", "were", "did", "had"})


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and not (tok.i >= span.start and tok.i < span.end):
            return tok
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def verb_direction(verb: Token) -> int:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if "could" in aux_words and any(c.dep_ == "neg" for c in verb.children):
        return -1  # "could not be reached for comment Tuesday": a past attempt
    if aux_words & FUTURE_MODALS or any(a.lemma_ in FUTURE_MODALS for a in auxes):
        return 1
    if "have" in aux_words and verb.tag_ == "VBN":
        return -1  # a perfect infinitive: "(is predicted) to have dipped in March"
    if "to" in aux_words or (verb.tag_ == "VB" and any(a.lower_ == "to" for a in verb.children)):
        return 1
    if verb.lemma_ in SCHEDULE_LEMMAS and verb.tag_ != "VBD":
        return 1
    if aux_words & PERFECT_AUX or aux_words & PAST_AUX or verb.tag_ == "VBD" or _past_vbp(verb):
        return -1
    if verb.tag_ == "VBG" and aux_words & {"is", "are", "am", "'s", "'re"}:
        return 1
    if verb.tag_ == "VBN" and verb.dep_ in ("relcl", "acl"):
        return -1
    return 0


def _past_vbp(verb: Token) -> bool:
    """"A slump hurt the index": a VBP (hurt, cut, set, hit ...) with a singular noun subject
    cannot be a present tense, so it is the past form the tagger mistook."""
    return verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def _infinitive_under_past(verb: Token) -> int | None:
    """An infinitive's time after a past governor: a past perfect ("had been due to lapse
    Friday", "had been scheduled to expire Friday") puts it in the past; a simple past
    ("offered to buy X Friday") leaves it open (None: no change; 0: unknown)."""
    if verb.tag_ != "VB" or not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return None
    gov = verb.head
    for _ in range(3):
        if gov.pos_ in ("VERB", "AUX") or gov.i == gov.head.i:
            break
        gov = gov.head
    if gov.i == verb.i:
        return None
    aux_words = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")} | {gov.lower_}
    if "had" in aux_words:
        return -1  # also a superseded plan: "had been scheduled to expire at midnight Friday"
    if gov.lemma_ in SCHEDULE_LEMMAS:
        return None
    return 0 if gov.tag_ == "VBD" else None


def reported_on(doc: Doc, start: int) -> bool:
    """"X said / says Tuesday (that) it will...", "told reporters on Friday": a time right after a
    past or present reporting verb (and its object) dates the report (on or before the DCT),
    whatever the parser attached it to."""
    span = doc.char_span(start, start, alignment_mode="expand")
    i = span.start if span is not None else None
    if i is None:
        return False
    for tok in reversed(doc[max(0, i - 5):i]):
        if tok.lemma_ in REPORTING_LEMMAS and tok.tag_ in ("VBD", "VBZ", "VBP"):
            return True
        between = tok.lower_ in ("on", "in") or tok.dep_ in ("dobj", "dative", "pobj", "det")
        if not between and tok.pos_ not in ("PRON", "PROPN"):
            return False
    return False


def _implicative_infinitive(verb: Token) -> bool:
    return (verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_ in IMPLICATIVE_LEMMAS
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children))


def clause_direction(verb: Token, depth: int = 0) -> int:
    """The verb's own direction; an implicative's infinitive takes its governor's, and an
    untensed participle clause ("..., forcing X to file on Monday") its main clause's."""
    if depth > 4:
        return 0
    if _implicative_infinitive(verb):
        return clause_direction(verb.head, depth + 1)
    d = verb_direction(verb)
    if d == 0 and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        return clause_direction(verb.head, depth + 1)
    return d


def _scheduled_day(verb: Token, span_text: str) -> bool:
    """"the ceasefire ends on Sunday", "the vote is on Monday": a weekday governed by a simple
    present (not a reporting verb: "says Tuesday") names a scheduled day, so a future one.
    Months and quarters are left alone ("our third-quarter results show ...")."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ in REPORTING_LEMMAS:
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    return names_weekday(span_text)


def _untensed_head(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """"declared a dividend, payable Dec. 9", "a plan effective Feb. 1": the time hangs on an
    adjective, not on the verb, so the verb's tense says nothing about it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root.head
    for _ in range(8):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        if tok.pos_ == "ADJ" and tok.lemma_ not in SCHEDULE_LEMMAS and not span.start <= tok.i < span.end:
            return True
        tok = tok.head
    return False


def _modifies_noun(doc: Doc, start: int, end: int) -> bool:
    """"the late-November trip", "under a June agreement": a time naming a noun's kind, not a
    time the clause's verb happens at. A future verb does not put such an event ahead ("to make
    the late-November trip", said of a past trip); a past one still dates it ("have been
    searching since the Oct. 23 slaying")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return (root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN"
            and root.head.i >= span.end and not names_weekday(span.text))


def finite_present(doc: Doc, start: int, end: int) -> bool:
    """The span hangs on a finite present verb with no auxiliary ("the law takes effect in
    August", "elections are due in October"): a present, not an untensed phrase."""
    verb = governing_verb(doc, start, end)
    if verb is None or verb.tag_ not in ("VBZ", "VBP") or _untensed_head(doc, start, end, verb):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def names_weekday(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in WEEKDAY_NAMES)


def possessed(doc: Doc, start: int, end: int) -> Token | None:
    """The token a possessive time names ("Friday's close" -> "close"), else None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("'s", "’s"):
        return None
    return doc[span.end + 1]


def _possessive_day(doc: Doc, start: int, end: int) -> bool:
    return possessed(doc, start, end) is not None and names_weekday(doc_text(doc)[start:end])


def _until_direction(doc: Doc, start: int, verb: Token | None) -> int | None:
    """After "until": +1 (a time still ahead: "the curfew lasts until Saturday", "was extended
    until Tuesday"), but -1 in a past perfect or negated past clause, where "until" marks when
    a past state ended ("Until Thursday, they had not named him", "it was not until Monday
    that ..."). None when the time does not follow "until"."""
    span = doc.char_span(start, start, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].lower_ not in UNTIL_WORDS:
        return None
    if verb is None or verb_direction(verb) >= 0:
        return 1
    marks = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    return -1 if marks & {"had", "not", "n't", "never"} else 1


def direction(doc: Doc, start: int, end: int) -> int:
    """-1 past, +1 future, 0 present/unknown for the verb governing ``doc.text[start:end]``."""
    d = _clause_tense(doc, start, end)
    return 0 if d > 0 and _modifies_noun(doc, start, end) else d


def _clause_tense(doc: Doc, start: int, end: int) -> int:
    if reported_on(doc, start):
        return -1
    verb = governing_verb(doc, start, end)
    until = _until_direction(doc, start, verb)
    if until is not None:
        return until
    if _possessive_day(doc, start, end):
        # "Friday's purchases", "Tuesday's declaration": a day named by what happened on it
        return 1 if verb is not None and verb_direction(verb) > 0 else -1
    if verb is None or _untensed_head(doc, start, end, verb):
        return 0
    if _implicative_infinitive(verb):
        return clause_direction(verb)
    under_past = _infinitive_under_past(verb)
    if under_past is not None:
        return under_past
    d = verb_direction(verb)
    if d == 0 and verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head.i != verb.i:
        parent = verb_direction(verb.head)
        if verb.dep_ == "xcomp" and parent != 0:
            return 1 if verb.head.lemma_ in SCHEDULE_LEMMAS else parent
        return parent if verb.dep_ == "conj" else 0
    if d == 0 and _scheduled_day(verb, doc_text(doc)[start:end]):
        return 1
    return d
