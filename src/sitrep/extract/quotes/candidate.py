"""A quote found but not yet given its speaker entity."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.quotes.cues import Cue


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str  # direct, partial, indirect
    cue: Cue | None
    paragraph: int
    # no cue of its own: a quote that runs on takes the speaker of the quote before it
    continued: bool = False
    group: int | None = None  # parts of one quote split over paragraphs
    sentence_start: bool = False  # opens a sentence (or a paragraph)
