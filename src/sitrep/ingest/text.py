"""Plain text: the archive layout (title, byline, dateline, url footer) when present,
else the whole text as the body. Lines inside a paragraph are joined with spaces."""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.ingest.layout import layout_draft
from sitrep.ingest.single import TEXT_MARKUP_FACTOR, read_single
from sitrep.ingest.sources import Input
from sitrep.model import Article


def render_plain(block: str) -> str:
    return " ".join(line.strip() for line in block.split("\n") if line.strip())


def read_text(inp: Input, settings: Settings) -> Iterator[Article | InputError]:
    yield read_single(inp, settings, lambda text: layout_draft(text, inp.location, render_plain),
                      markup_factor=TEXT_MARKUP_FACTOR)


def sniff_text(head: str) -> bool:
    return True  # any text no other reader claims
