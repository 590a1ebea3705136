"""Direct and partial quotes: the spans between quotation marks, with their cues.

A quoted span is *direct* when it stands as a sentence or clause of its own (it
opens a sentence, follows a colon or comma, or follows the cue verb with a capital
letter) and *partial* when it is a fragment inside the writer's sentence
(``warned of possible "provocations"``). Fragments after naming words (the
exercise "Zapad", so-called "...") are names, not quotes, and are skipped; so is a
fragment no reporting verb governs (scare quotes).
"""

from __future__ import annotations

import bisect
import re
from itertools import groupby

from spacy.tokens import Token

from sitrep.extract.quotes.candidate import Candidate
from sitrep.extract.quotes.cues import Cue, TokenIndex, cue_above, find_cue, is_cue_verb, verb_cue
from sitrep.extract.quotes.lexicon import Lexicon
from sitrep.extract.quotes.marks import QuotedSpan, paragraphs, quoted_spans

_CLAUSE_BREAK = set(".!?:;,—–-([")
_CLOSERS = set('"”»’\'')
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_SENTENCE_END = re.compile(r"[.!?][\"”’»)]?(?=\s|$)")
# a full stop that ends an abbreviation, not a sentence ("U.N.", "Gen.", "Mr.")
_TITLES = "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|Rev|Prof|St|Jr|Sr|No"
_ABBREVIATION = re.compile(rf"(?:(?<![\w.])[A-Za-z]\.(?:[A-Za-z]\.)*|(?<!\w)(?:{_TITLES})\.)$")


class QuoteFinder:
    """Direct and partial quotes of one parsed article."""

    def __init__(self, tix: TokenIndex, lex: Lexicon) -> None:
        self.text = tix.text
        self.tix = tix
        self.lex = lex
        self.paras = paragraphs(self.text)
        self._para_starts = [p[0] for p in self.paras]
        self.spans = quoted_spans(self.text)

    def para_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, offset) - 1)

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for group, grp in groupby(self.spans, key=lambda q: q.group):
            parts = list(grp)
            kind = "direct" if len(parts) > 1 else self.classify(parts[0])
            if kind is None:
                continue
            cue = self.partial_cue(parts[0]) if kind == "partial" else self.direct_cue(parts[0], parts[-1])
            if kind == "partial" and cue is None:
                continue
            opens = self.prev_char(parts[0]) in (None, ".", "!", "?") or parts[0].continues
            if cue is None and not opens and len(self.text[parts[0].start : parts[0].end].split()) < 4:
                continue  # a short quoted term mid-sentence with no cue: a name, not a quote
            for part in parts:
                out.append(Candidate(
                    part.start, part.end, kind, cue, self.para_of(part.start),
                    continued=cue is None, group=group, sentence_start=opens,
                ))
        return self._joined(out)

    def _joined(self, cands: list[Candidate]) -> list[Candidate]:
        """'"A ..." and "B ...," tweeted X': a quote with no cue joined by "and" (or a comma)
        to the next quotation takes that quotation's cue."""
        for cand, nxt in zip(reversed(cands[:-1]), reversed(cands[1:]), strict=True):
            if cand.cue is not None or nxt.cue is None or cand.kind != "direct":
                continue
            between = self.text[cand.end : nxt.start]
            if re.fullmatch(r"[\s\"“”'‘’.,]*(?:and|or|,)[\s\"“”'‘’]*", between):
                cand.cue, cand.continued = nxt.cue, False
        return cands

    def prev_char(self, q: QuotedSpan) -> str | None:
        """The last character before the opening mark in its paragraph (None at its start)."""
        i = self._prev_index(q)
        if i is None:
            return None
        return "." if self.text[i] in _CLOSERS and self.text[i - 1 : i] in (".", "!", "?") else self.text[i]

    def _prev_index(self, q: QuotedSpan) -> int | None:
        p_start = self.paras[self.para_of(q.open_mark)][0]
        i = q.open_mark - 1
        while i >= p_start and self.text[i] in " \t":
            i -= 1
        return i if i >= p_start else None

    def classify(self, q: QuotedSpan) -> str | None:
        """direct, partial, or None for a name or title in quotation marks."""
        prev = self.prev_char(q)
        if prev is None or prev in _CLAUSE_BREAK or prev in _CLOSERS:
            return "direct"
        i = self._prev_index(q)
        tok = self.tix.at(i) if i is not None else None
        content = self.text[q.start : q.end]
        if self._named(q.open_mark):
            return None
        toks = self.tix.within(q.start, q.end)
        if len(toks) == 1 and toks[0].dep_ in _MODIFIER_DEPS and toks[0].head.idx > q.end:
            return None  # a quoted word modifying a noun (the first "point" release): a term
        if _title_case(content) and tok is not None and tok.pos_ in {"NOUN", "PROPN"}:
            return None  # a name after the noun it names (the current OS "Snow Leopard")
        if content[:1].isupper():
            if tok is not None and is_cue_verb(tok, self.lex):
                return "direct"
            if content[-1:] in ".?!," and len(content.split()) >= 5:
                return "direct"
        return "partial"

    def _named(self, open_mark: int) -> bool:
        """A naming word ends the text before the mark (the exercise "Zapad", dubbed a "..."),
        or a name joins a quoted name before it (dubbed "Mission Control" and "Launchpad")."""
        lead = self.text[max(0, open_mark - 40) : open_mark]
        joined = re.search(r"[\"”]\s*(?:,|and|or|,\s*and|,\s*or)\s*$", lead)
        if joined:
            before = open_mark - len(lead) + joined.start()
            prev = [q for q in self.spans if q.close_mark == before]
            return bool(prev) and self._named(prev[0].open_mark)
        words = re.findall(r"[\w'-]+", lead.lower())
        while words and words[-1] in self.lex.determiners:
            words.pop()
        if not words or words[-1] not in self.lex.naming_words:
            return False
        tok = self.tix.at(self.text.rfind(words[-1][-1], 0, open_mark))
        return tok is None or not _has_subject(tok)

    def direct_cue(self, first: QuotedSpan, last: QuotedSpan) -> Cue | None:
        """The cue after the quote ("...," he said), else before it (He said: "...")."""
        content = self.text[last.start : last.end]
        after = self.text[last.close_mark + 1 : last.close_mark + 3].strip() if last.close_mark else ""
        # '..." he said' after a comma; after a full stop only when the sentence goes on in
        # lower case; after "?" or "!" unless the next sentence introduces the next quotation
        # ('...?" Earlier, North Korea said, "...')
        if last.close_mark is not None and (not content.endswith(".") or after[:1].islower()):
            lo, hi = last.close_mark + 1, self._region_end(last)
            ends = _sentence_ends(self.text, lo, hi)
            if content.endswith(("?", "!")) and not after[:1].islower() and not ends and self._introduces(hi):
                hi = lo
            cue = find_cue(self.tix.within(lo, ends[0] if ends else hi), self.lex)
            if cue is not None:
                return cue
        if first.continues:
            return None
        lo, hi = self._region_start(first), first.open_mark
        lead = self.text[lo:hi].rstrip()
        region = self.tix.within(lo, hi)
        cue = find_cue(region, self.lex, fragment=lead.endswith(":"), last=True)
        if cue is None and lead.endswith((":", ",")):
            cue = _introducing_clause(region)
        return cue

    def _introduces(self, hi: int) -> bool:
        """The text before offset ``hi`` ends with a comma or colon and a quotation opens there."""
        return self.text[:hi].rstrip().endswith((",", ":")) and any(s.open_mark == hi for s in self.spans)

    def _region_end(self, q: QuotedSpan) -> int:
        p_end = self.paras[self.para_of(q.open_mark)][1]
        close = q.close_mark if q.close_mark is not None else p_end
        nxt = [s.open_mark for s in self.spans if close < s.open_mark < p_end]
        return min([p_end, *nxt])

    def _region_start(self, q: QuotedSpan) -> int:
        lo = self.paras[self.para_of(q.open_mark)][0]
        for s in self.spans:
            if s.close_mark is not None and lo <= s.close_mark < q.open_mark:
                lo = s.close_mark + 1
        ends = _sentence_ends(self.text, lo, q.open_mark)
        return ends[-1] if ends else lo

    def partial_cue(self, q: QuotedSpan) -> Cue | None:
        """The reporting verb governing the fragment, else the nearest one before it in the sentence."""
        toks = self.tix.within(q.start, q.end)
        if not toks:
            return None
        cue = cue_above(toks[0], self.lex, (q.start, q.end))
        if cue is not None:
            return cue
        before = [t for t in self.tix.sentence(toks[0]) if t.i < toks[0].i]
        for tok in reversed(before):
            cue = find_cue([tok], self.lex, fragment=True)
            if cue is not None:
                return cue
        return None


def _sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets just after each sentence end in ``text[lo:hi]``, abbreviations skipped."""
    return [m.end() for m in _SENTENCE_END.finditer(text, lo, hi) if not _abbreviation(text, lo, m.start())]


def _abbreviation(text: str, lo: int, stop: int) -> bool:
    return text[stop] == "." and bool(_ABBREVIATION.search(text, max(lo, stop - 12), stop + 1))


def _title_case(content: str) -> bool:
    """Every word capitalized ("Snow Leopard", "Mission Control"): a name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", content)]
    return bool(words) and len(words) <= 4 and all(w[0].isupper() for w in words)


def _introducing_clause(region: list[Token]) -> Cue | None:
    """'Jobs left this farewell, "..."', 'The ministry issued a statement: "..."': with no
    reporting verb, the main verb of the clause that introduces the quote is the cue
    and its subject the speaker."""
    ids = {t.i for t in region}
    roots = [t for t in region if t.pos_ in {"VERB", "AUX"} and (t.head.i == t.i or t.head.i not in ids)]
    for verb in roots:
        cue = verb_cue(verb)
        if cue.speaker is not None and cue.speaker.i in ids:
            return cue
    return None


def _has_subject(tok: object) -> bool:
    children = getattr(tok, "children", ())
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in children)
