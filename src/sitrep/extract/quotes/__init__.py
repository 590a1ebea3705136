"""The quotes stage: who said what, as direct, partial and indirect quotes.

``find_quotes(ctx)`` returns :class:`~sitrep.model.Quote` records in text order:
- direct and partial quotes from paired quotation marks (:mod:`.marks`, :mod:`.direct`);
- indirect quotes from the parse: the clause a reporting verb reports (:mod:`.indirect`);
- speakers from the entity stage's mentions, with news-prose fallbacks (:mod:`.speakers`).
The reporting verbs and other words are data (``data/cues.yaml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.quotes.candidate import Candidate
from sitrep.extract.quotes.cues import TokenIndex
from sitrep.extract.quotes.direct import QuoteFinder
from sitrep.extract.quotes.indirect import indirect_quotes
from sitrep.extract.quotes.lexicon import lexicon
from sitrep.extract.quotes.speakers import SpeakerResolver
from sitrep.model import Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitrep.extract.component import StageContext

__all__ = ["extract_quotes", "find_quotes"]

# an indirect clause mostly (over half) made of quoted fragments is reported as those fragments
PARTIAL_COVER = 0.5


def find_quotes(ctx: StageContext) -> list[Quote]:
    return extract_quotes(ctx.doc, ctx.entities)


def extract_quotes(doc: Doc, entities: list[Entity]) -> list[Quote]:
    """Quotes of a parsed article, speakers taken from ``entities``."""
    lex = lexicon()
    tix = TokenIndex(doc)
    finder = QuoteFinder(tix, lex)
    marked = finder.candidates()
    blocked = [_with_marks(tix.text, c) for c in marked if c.kind == "direct"]
    used = {c.cue.start for c in marked if c.cue is not None and c.kind == "direct"}
    reported = indirect_quotes(tix, lex, blocked, finder.para_of, used)
    cands = marked + _without_covered(reported, [c for c in marked if c.kind == "partial"])
    cands.sort(key=lambda c: (c.start, c.end))
    resolver = SpeakerResolver(entities, lex, tix)
    resolver.quoted = [(c.start, c.end) for c in marked]
    resolver.pending = cands
    return [resolver.to_quote(c) for c in cands]


def _with_marks(text: str, c: Candidate) -> tuple[int, int]:
    return max(0, c.start - 1), min(len(text), c.end + 1)


def _without_covered(reported: list[Candidate], partials: list[Candidate]) -> list[Candidate]:
    """Indirect clauses, minus duplicates and those a quoted fragment mostly covers."""
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for c in reported:
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        covered = sum(min(c.end, p.end) - max(c.start, p.start)
                      for p in partials if p.start < c.end and c.start < p.end)
        if covered < PARTIAL_COVER * (c.end - c.start):
            out.append(c)
    return out
