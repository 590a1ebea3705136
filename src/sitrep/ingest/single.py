"""Reading one-article inputs (markdown, HTML, plain text): size limit, decoding, finishing."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.config import Settings
from sitrep.errors import InputError, TooLargeError
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.draft import Draft, finish
from sitrep.ingest.sources import Input
from sitrep.model import Article

Decode = Callable[[bytes, str], tuple[str, list[str]]]
# markdown and plain text are mostly body: one this many times over the article limit
# is refused before it is parsed (markdown-it takes ~50 µs per character of "[[[[")
TEXT_MARKUP_FACTOR = 2


def read_single(
    inp: Input, settings: Settings, parse: Callable[[str], Draft], decode: Decode = decode_bytes,
    markup_factor: float | None = None,
) -> Article | InputError:
    """The one article in ``inp``, or the InputError saying why there is none.
    ``markup_factor``: refuse a text over this many times ``Settings.max_article_chars``
    before parsing it (None: parse any text under the file limit, e.g. HTML)."""
    try:
        data = inp.read_limited(settings.max_file_bytes)
        text, warnings = decode(data, inp.location)
        if markup_factor is not None and len(text) > markup_factor * settings.max_article_chars:
            raise TooLargeError(inp.location, f"the text is {len(text):,} characters, far over the "
                                              f"{settings.max_article_chars:,}-character limit for one "
                                              "article (Settings.max_article_chars): split it")
        draft = parse(text)
        draft.warnings.extend(warnings)
        return finish(draft, settings)
    except InputError as exc:
        return exc
