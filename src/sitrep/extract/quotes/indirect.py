"""Indirect quotes: the clause a reporting verb reports, with no quotation marks.

``Lukashenko said Minsk planned to buy arms`` -> "Minsk planned to buy arms" (the
ccomp of the cue verb, without "that" and without a trailing narrator's clause such
as "as he oversaw drills"); ``..., the Kremlin said.`` -> the clause before it;
``according to the ministry, troops will ...`` -> the rest of the sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from sitrep.extract.quotes.candidate import Candidate
from sitrep.extract.quotes.cues import _phrase_at, _phrase_cue, is_cue_verb, verb_cue
from sitrep.extract.quotes.lexicon import Lexicon

_LEAD_MARKS = {"that", "if", "whether"}
MIN_TOKENS = 3
ParaOf = Callable[[int], int]  # offset -> paragraph number


def _trim(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """Drop edge punctuation, a leading "that" and a trailing narrator's clause."""
    for t in tokens:
        if t.dep_ != "advcl" or t.right_edge.i < tokens[-1].i or t.left_edge.i <= tokens[0].i:
            continue
        marks = [c for c in t.children if c.dep_ == "mark" and c.lower_ in lex.narrative_marks]
        if marks:
            tokens = [x for x in tokens if x.i < t.left_edge.i]
            break
    while tokens and (tokens[0].is_punct or tokens[0].is_space or
                      (tokens[0].dep_ == "mark" and tokens[0].lower_ in _LEAD_MARKS)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _clause(tokens: list[Token], cue_tok: Token, lex: Lexicon, para_of: ParaOf) -> Candidate | None:
    para = para_of(cue_tok.idx)
    tokens = _trim([t for t in tokens if para_of(t.idx) == para and not t.is_space], lex)
    if len(tokens) < MIN_TOKENS:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    phrase = _phrase_at(cue_tok, lex)
    cue = _phrase_cue(cue_tok, phrase) if phrase else verb_cue(cue_tok)
    return Candidate(start, end, "indirect", cue, para_of(start))


def indirect_quotes(
    doc: Doc, lex: Lexicon, blocked: list[tuple[int, int]], para_of: ParaOf
) -> list[Candidate]:
    """Reported clauses of speech verbs; ``blocked`` are direct quotes with their marks."""

    def is_blocked(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in blocked)

    out: list[Candidate] = []
    for tok in doc:
        if is_blocked(tok.idx, tok.idx + len(tok)):
            continue
        if _phrase_at(tok, lex):
            found = _according_to(tok, lex, para_of)
        elif is_cue_verb(tok, lex):
            found = [
                _clause(list(c.subtree), tok, lex, para_of)
                for c in tok.children if c.dep_ == "ccomp"
            ]
        else:
            continue
        out.extend(c for c in found if c is not None and not is_blocked(c.start, c.end))
    return out


def _according_to(tok: Token, lex: Lexicon, para_of: ParaOf) -> list[Candidate | None]:
    """"according to X": the reported clause is the rest of the sentence."""
    sent = list(tok.sent)
    phrase_end = max(t.i for t in tok.subtree) if tok.dep_ != "ROOT" else tok.i + 1
    phrase_start = tok.i
    before = [t for t in sent if t.i < phrase_start]
    after = [t for t in sent if t.i > phrase_end]
    body = before if len(before) >= len(after) else after
    return [_clause(body, tok, lex, para_of)]
