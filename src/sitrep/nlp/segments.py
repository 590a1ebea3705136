"""Long texts parsed in segments, joined into one Doc whose offsets are the text's.

spaCy's time and memory while it parses grow with the text it is given at once (about
3 KB per character, and ``nlp.max_length`` refuses more than 1,000,000 characters), so
a text over ``Settings.segment_chars`` is cut (:func:`segment_bounds`) into pieces of at
most that many characters, at paragraph breaks first, then after sentence-like ends,
then at whitespace (a hard cut only when a piece has no whitespace at all). Each cut is
made after the whitespace that follows a piece, so the pieces laid end to end are the
text exactly; the parsed pieces are joined with ``Doc.from_docs(ensure_whitespace=False)``
and every character offset into the joined Doc is an offset into the text
(:func:`parse_segmented` checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sitrep.nlp import doctext

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["parse_segmented", "segment_bounds", "segments"]

# a cut may follow each of these, tried in this order for a piece that is too long:
# a blank line (paragraph break), a line break, a sentence-like end, any whitespace
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"""[.!?…]["'”’)\]]*\s+"""),
    re.compile(r"\s+"),
)


def segment_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each at most ``limit`` characters,
    that together are the whole text; one piece when the text is not over the limit."""
    if limit < 1:
        raise ValueError(f"segment limit must be at least 1, got {limit}")
    return list(_pieces(text, 0, len(text), limit, 0))


def segments(text: str, limit: int) -> list[str]:
    return [text[a:b] for a, b in segment_bounds(text, limit)]


def _pieces(text: str, start: int, end: int, limit: int, level: int) -> Iterator[tuple[int, int]]:
    """Pieces of ``text[start:end]``: the cuts of ``_BREAKS[level]`` packed greedily up to
    ``limit``; a unit still too long is cut by the next level."""
    if end - start <= limit:
        if end > start:
            yield start, end
        return
    if level == len(_BREAKS):  # no whitespace left to cut at
        for a in range(start, end, limit):
            yield a, min(a + limit, end)
        return
    cuts = [m.end() for m in _BREAKS[level].finditer(text, start, end) if m.end() < end]
    piece = start  # where the piece being packed begins
    last = start  # the last cut inside it
    for unit_end in [*cuts, end]:
        if unit_end - piece > limit and last > piece:
            yield piece, last
            piece = last
        if unit_end - piece > limit:  # one unit alone is over the limit
            yield from _pieces(text, piece, unit_end, limit, level + 1)
            piece = unit_end
        last = unit_end
    if end > piece:
        yield piece, end


def parse_segmented(nlp: Language, text: str, limit: int) -> Doc:
    """``text`` parsed in pieces of at most ``limit`` characters, one piece at a time,
    joined into one Doc with ``doc.text == text``. Each piece's tensor is dropped (no
    stage reads it; it is 384 bytes a token)."""
    from spacy.tokens import Doc

    docs = []
    for doc in nlp.pipe(segments(text, limit), batch_size=1):
        doc.tensor = doc.tensor[:0]
        docs.append(doc)
    # (spaCy's doc.pyi lacks from_docs's keyword-only `exclude`)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]
    if joined.text != text:  # pragma: no cover - from_docs keeps each piece's text
        raise AssertionError("a segmented Doc's text differs from the text parsed")
    joined.user_data[doctext.KEY] = text  # what doc_text would build again
    return joined
