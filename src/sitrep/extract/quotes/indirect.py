"""Indirect quotes: the clause a reporting verb reports, with no quotation marks.

``Lukashenko said Minsk planned to buy arms`` -> "Minsk planned to buy arms" (the
ccomp of the cue verb, without "that" and without a trailing narrator's clause such
as "as he oversaw drills"); ``..., the Kremlin said.`` -> the clause before it;
``stated that A and that B`` -> two clauses; ``His plan, he stated, was ...`` -> the
sentence around a parenthetical cue; ``according to the ministry, troops will ...``
-> the rest of the sentence. Not reports: a clause asked, not asserted ("declined to
predict when ..."), and a cue that already introduces a direct quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Token

from sitrep.extract.quotes.candidate import Candidate
from sitrep.extract.quotes.cues import (
    TokenIndex,
    is_cue_verb,
    noun_cue,
    phrase_at,
    phrase_cue,
    verb_cue,
)
from sitrep.extract.quotes.lexicon import Lexicon

MIN_TOKENS = 3
# an outer clause mostly made of a clause reported inside it is a misparse of the inner one
NESTED_COVER = 0.5
ParaOf = Callable[[int], int]  # offset -> paragraph number
# subordinators of a clause that opens a reported clause but is the writer's concession
FRONTED_MARKS = {"although", "though", "while", "whereas", "whilst"}
_DOUBLE_MARKS = {'"', "“", "”", "„", "«", "»", "``", "''"}


def _trim(tokens: list[Token], lex: Lexicon, cue_first: bool) -> list[Token]:
    """Drop edge punctuation, a leading "that" and (after the cue) a trailing narrator's clause."""
    for t in tokens if cue_first else ():
        if t.dep_ != "advcl" or t.right_edge.i < tokens[-1].i or t.left_edge.i <= tokens[0].i:
            continue
        framed = t.tag_ == "VBG" and t.lemma_.lower() in lex.narrative_participles
        if framed or any(c.dep_ == "mark" and c.lower_ in lex.narrative_marks for c in t.children):
            tokens = [x for x in tokens if x.i < t.left_edge.i]
            break
    tokens = _without_fronted_clause(tokens)
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc" or
                      (tokens[0].dep_ == "mark" and tokens[0].lower_ in lex.complementizers)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def _without_fronted_clause(tokens: list[Token]) -> list[Token]:
    """"Although Mauritius has said ..., they give India a foothold": a subordinate clause
    opening the reported clause is the writer's concession, not the report."""
    if len(tokens) < MIN_TOKENS:
        return tokens
    first = tokens[0]
    for t in tokens:
        if (t.dep_ == "advcl" and t.left_edge.i == first.i and t.right_edge.i < tokens[-1].i
                and any(c.dep_ == "mark" and c.lower_ in FRONTED_MARKS for c in t.children)):
            return [x for x in tokens if x.i > t.right_edge.i]
    return tokens


def _clause(
    tokens: list[Token], cue_tok: Token, lex: Lexicon, para_of: ParaOf, noun: bool = False
) -> Candidate | None:
    para = para_of(cue_tok.idx)
    kept = [t for t in tokens if para_of(t.idx) == para and not t.is_space]
    tokens = _trim(kept, lex, cue_first=bool(kept) and cue_tok.i < kept[0].i)
    if len(tokens) < MIN_TOKENS or _asked(kept[0], cue_tok, lex):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    phrase = phrase_at(cue_tok, lex)
    cue = noun_cue(cue_tok) if noun else (phrase_cue(cue_tok, phrase) if phrase else verb_cue(cue_tok))
    return Candidate(start, end, "indirect", cue, para)


def _asked(first: Token, cue_tok: Token, lex: Lexicon) -> bool:
    """A question ("when the company would return to profit"), not a statement."""
    return first.lower_ in lex.question_words and cue_tok.lemma_.lower() not in lex.asking_verbs


def _cancelled(verb: Token, lex: Lexicon) -> bool:
    """"declined to say ...": the cue hangs on a verb that cancels the report; "Asked
    whether ..., Peskov said": a passive participle, whose subject did not say it;
    "we continue to ...": a verb that is a cue only for direct quotes."""
    if verb.lemma_.lower() in lex.direct_only_verbs:
        return True
    if (verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and verb.i < verb.head.i  # fronted
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)):  # "Although X has said"
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.non_report_heads


class _Blocked:
    """Character ranges (direct quotes with their marks) looked up by bisection."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def __call__(self, start: int, end: int) -> bool:
        lo = max(0, bisect.bisect_left(self.starts, start) - 1)
        hi = bisect.bisect_left(self.starts, end)
        return any(e > start for _, e in self.ranges[lo:hi])


def indirect_quotes(
    tix: TokenIndex, lex: Lexicon, blocked: list[tuple[int, int]], para_of: ParaOf,
    used_cues: set[int] | None = None,
) -> list[Candidate]:
    """Reported clauses of speech verbs. ``blocked``: direct quotes with their marks
    (they do not overlap each other); ``used_cues``: offsets of cue words that already
    introduce a direct quote."""
    is_blocked = _Blocked(blocked)
    used = used_cues or set()
    out: list[Candidate] = []
    for tok in tix.doc:
        if tok.idx in used or is_blocked(tok.idx, tok.idx + len(tok)):
            continue
        if phrase_at(tok, lex):
            found = _according_to(tok, tix, lex, para_of)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.saying_nouns:
            found = [_clause(sorted(c.subtree, key=lambda t: t.i), tok, lex, para_of, noun=True)
                     for c in tok.children if c.dep_ in {"acl", "ccomp"} and _has_that(c)]
        elif (tok.pos_ == "VERB" and tok.lemma_.lower() in lex.object_frames and not _cancelled(tok, lex)
              and _object_frame(tok, lex)):
            found = [_clause(_object_frame(tok, lex), tok, lex, para_of)]
        elif tok.pos_ == "VERB" and not _cancelled(tok, lex) and _prep_frame(tok, lex):
            found = [_clause(_prep_frame(tok, lex), tok, lex, para_of)]
        elif is_cue_verb(tok, lex) and not _cancelled(tok, lex):
            groups = _complements(tok) or _nonfinite(tok, lex)
            if tok.lemma_.lower() in lex.belief_verbs:
                groups = _believed(tok, groups)
            found = [_clause(toks, tok, lex, para_of) for toks in groups]
            if not found and tok.dep_ == "parataxis":
                found = [_clause(_around(tok), tok, lex, para_of)]
        else:
            continue
        out.extend(c for c in found if c is not None and not is_blocked(c.start, c.end))
    return _innermost(out)


def _object_frame(verb: Token, lex: Lexicon) -> list[Token]:
    """"accused him of undermining democracy", "called on all parties to resume talks":
    the tokens from the object to the end of the verb's clause ("warned X of consequences
    if it ..."); empty when the verb has no such frame."""
    opens = lex.object_frames.get(verb.lemma_.lower(), frozenset())
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    holder = verb
    if obj is None:  # "called on X to ...", "appealed to X to ..."
        holder = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}), verb)
        obj = next((c for c in holder.children if c.dep_ == "pobj"), None) if holder is not verb else None
    if obj is None:
        return []
    if holder is not verb:
        opens = opens | {"to"}
    comp = next((c for h in (verb, holder, obj) for c in h.children  # "blamed X on Y": on the object
                 if c.i > obj.i and _opens(c, opens)), None)
    if comp is None:
        return []
    end = comp.right_edge.i
    for c in verb.children:  # what runs on after it: "..., viewed as", "if it ..."
        if c.i > end and c.dep_ not in {"punct", "cc", "conj", "parataxis"}:
            end = c.right_edge.i
    tokens = list(verb.doc[obj.left_edge.i : end + 1])
    return [] if any(t.text in _DOUBLE_MARKS for t in tokens) else tokens


def _believed(verb: Token, groups: list[list[Token]]) -> list[list[Token]]:
    """The clauses a verb of belief or finding reports: after it, finite, with a subject of
    their own, the verb itself not in a relative or subordinate clause."""
    if verb.dep_ in {"relcl", "acl"} or any(c.dep_ == "mark" for c in verb.children):
        return []  # "the tests that experts think ...", "because it thinks that ..."
    heads = [min(g, key=lambda t: _depth(t, g)) for g in groups]
    return [g for g, h in zip(groups, heads, strict=True) if g[0].i > verb.i and _finite(h)]


def _finite(head: Token) -> bool:
    """A clause with a subject and a tensed verb or auxiliary ("few Europeans want")."""
    if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children):
        return False
    tensed = {"VBD", "VBP", "VBZ", "MD"}
    return head.tag_ in tensed or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in tensed
                                      for c in head.children)


def _depth(tok: Token, group: list[Token]) -> int:
    ids = {t.i for t in group}
    depth = 0
    while tok.head.i in ids and tok.head.i != tok.i:
        tok, depth = tok.head, depth + 1
    return depth


def _nonfinite(verb: Token, lex: Lexicon) -> list[list[Token]]:
    """"denied providing sanctuary", "admitted having met them": the gerund clause;
    "claimed to be holding hostages", "were said to be struggling": the infinitive."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    infinitive = lemma in lex.infinitive_verbs or (passive and lemma in lex.passive_infinitive_verbs)
    out = []
    for c in verb.children:
        if c.dep_ != "xcomp" or c.i < verb.i:
            continue
        aux = {a.lower_ for a in c.children if a.dep_ == "aux"}
        gerund = (c.tag_ == "VBG" and "to" not in aux) or "having" in aux
        if (gerund and lemma in lex.gerund_verbs) or ("to" in aux and infinitive):
            out.append(sorted(c.subtree, key=lambda t: t.i))
    return out


def _prep_frame(verb: Token, lex: Lexicon) -> list[Token]:
    """"calling for the election of a new government": the object of the preposition."""
    preps = lex.prep_frames.get(verb.lemma_.lower(), frozenset())
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i > verb.i:
            objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
            tokens = sorted((t for o in objs for t in o.subtree), key=lambda t: t.i)
            return [] if any(t.text in _DOUBLE_MARKS for t in tokens) else tokens
    return []


def _opens(tok: Token, opens: frozenset[str]) -> bool:
    """The complement of an object frame: "of/for/as ...", or an infinitive "to ..."."""
    if tok.dep_ == "prep":
        return tok.lower_ in opens
    return "to" in opens and tok.dep_ in {"xcomp", "ccomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _complements(verb: Token) -> list[list[Token]]:
    """Tokens of each reported clause of ``verb``: its ccomps, adjacent ones (a parse
    split in two) joined, coordinated "and that ..." clauses split off, a clause misparsed
    as the verb's conjunct joined (:func:`_content_conjunct`)."""
    groups: list[list[Token]] = []
    heads = _clause_heads(verb)
    for child in heads:
        main, *rest = _split_coordinated(child)
        joinable = groups and main[0].i - groups[-1][-1].i <= 1 and not _reports(child)
        if joinable:
            groups[-1].extend(main)
        else:
            groups.append(main)
        groups.extend(rest)
    if groups:
        groups[-1].extend(_content_conjunct(verb, heads, groups[-1][-1]))
    return groups


def _content_conjunct(verb: Token, heads: list[Token], last: Token) -> list[Token]:
    """"She says she tried to duck but the bullet hit her": a clause the parser coordinated
    with the cue verb belongs to the report when its tense is the reported clause's and
    not the cue's (the cue "says", both clauses past)."""
    if not heads:
        return []
    tense = heads[-1].tag_
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= last.i or conj.tag_ != tense or tense == verb.tag_:
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            continue
        between = [t for t in verb.doc[last.i + 1 : conj.left_edge.i] if not (t.is_punct or t.dep_ == "cc")]
        if between:
            continue
        return list(verb.doc[last.i + 1 : conj.right_edge.i + 1])
    return []


def _clause_heads(verb: Token) -> list[Token]:
    """Heads of the clauses ``verb`` reports: ccomps, and "that" clauses the parser hung on
    an object ("stating that this shortened supply chains") or on a prepositional phrase
    ("said in a statement that two drones had been shot down")."""
    heads = []
    for child in verb.children:
        if child.dep_ == "ccomp" or _marked_object(child):
            heads.append(child)
        elif child.dep_ == "prep":
            heads += [c for obj in child.children if obj.dep_ == "pobj"
                      for c in obj.children if c.dep_ in {"acl", "ccomp", "relcl"} and _has_that(c)]
    return heads


def _has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _marked_object(tok: Token) -> bool:
    """"stating that this shortened supply chains" parsed as an object with a "that": a clause."""
    return tok.dep_ == "dobj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _reports(tok: Token) -> bool:
    """A clause headed by a reporting verb of its own (", and merely saying that ...")."""
    return tok.tag_ == "VBG" and any(c.dep_ == "ccomp" for c in tok.children)


def _split_coordinated(head: Token) -> list[list[Token]]:
    """The clause under ``head``, with each conjunct that has its own "that" as its own clause."""
    parts = [t for t in head.subtree if t.i != head.i and t.dep_ == "conj" and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in t.children)]
    parts = [p for p in parts if not any(q is not p and q.is_ancestor(p) for q in parts)]
    cut = {t.i for p in parts for t in p.subtree}
    main = sorted((t for t in head.subtree if t.i not in cut), key=lambda t: t.i)
    if parts:  # drop the "and" and comma left between the main clause and a conjunct
        first = min(t.i for t in parts[0].subtree)
        main = [t for t in main if t.i < first]
    return [main] + [sorted(p.subtree, key=lambda t: t.i) for p in parts]


def _around(cue: Token) -> list[Token]:
    """"His plan, he stated, was ...": the sentence around a parenthetical cue."""
    skip = {t.i for t in cue.subtree}
    return [t for t in cue.head.subtree if t.i not in skip]


def _innermost(cands: list[Candidate]) -> list[Candidate]:
    """Drop an outer clause that is mostly another reported clause inside it."""
    out = []
    for c in cands:
        inner = [d for d in cands if d is not c and c.start <= d.start and d.end <= c.end
                 and (d.start, d.end) != (c.start, c.end)
                 and d.cue is not None and c.start <= d.cue.start < c.end]
        if any(d.end - d.start >= NESTED_COVER * (c.end - c.start) for d in inner):
            continue
        out.append(c)
    return out


def _according_to(tok: Token, tix: TokenIndex, lex: Lexicon, para_of: ParaOf) -> list[Candidate | None]:
    """"according to X": the reported clause is the rest of the sentence."""
    sent = tix.sentence(tok)
    phrase_end = max(t.i for t in tok.subtree) if tok.dep_ != "ROOT" else tok.i + 1
    before = [t for t in sent if t.i < tok.i]
    after = [t for t in sent if t.i > phrase_end]
    body = before if len(before) >= len(after) else after
    return [_clause(body, tok, lex, para_of)]
