"""Reading one-article inputs (markdown, HTML, plain text): size limit, decoding, finishing."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.draft import Draft, finish
from sitrep.ingest.sources import Input
from sitrep.model import Article

Decode = Callable[[bytes, str], tuple[str, list[str]]]


def read_single(
    inp: Input, settings: Settings, parse: Callable[[str], Draft], decode: Decode = decode_bytes
) -> Article | InputError:
    """The one article in ``inp``, or the InputError saying why there is none."""
    try:
        data = inp.read_limited(settings.max_file_bytes)
        text, warnings = decode(data, inp.location)
        draft = parse(text)
        draft.warnings.extend(warnings)
        return finish(draft, settings)
    except InputError as exc:
        return exc
