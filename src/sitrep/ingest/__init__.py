"""Readers: every input form an analyst has, each turned into one typed Article.

``read_inputs(paths, settings)`` yields, in input order, an :class:`Article` for each
article found or an :class:`InputError` for each input that cannot be read, so a
batch goes on past bad files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.model import Article


def read_inputs(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Placeholder reader (plain text only) until the readers land."""
    for p in paths:
        try:
            text = Path(p).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield InputError(p, str(exc))
            continue
        yield Article(text=text, source=p)
