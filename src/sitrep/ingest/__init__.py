"""Readers: every input form an analyst has, each turned into one typed Article.

``read_inputs(paths, settings)`` yields, in input order, an :class:`Article` for each
article found or an :class:`InputError` for each input that cannot be read, so a
batch goes on past bad files.

Paths may be files, directories (walked recursively, known extensions only), globs
or "-" for stdin; any of them may be gzipped. Each format module registers a reader
(sitrep.ingest.readers); one is chosen by extension, else by the input's content.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.config import Settings
from sitrep.errors import InputError, UnknownFormatError
from sitrep.ingest import html, jsonl, markdown, text  # noqa: F401  (they register their readers)
from sitrep.ingest.decode import looks_binary
from sitrep.ingest.readers import Reader, by_content, by_extension, extensions
from sitrep.ingest.sources import Input, expand, open_input
from sitrep.model import Article

__all__ = ["choose_reader", "input_paths", "read_input", "read_inputs"]

FALLBACK_PRIORITY = 90  # the plain-text reader: any text
_READ_ERRORS = (OSError, EOFError)  # unreadable files, corrupt gzip streams


def read_inputs(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Articles and InputErrors from files, directories, globs and "-", in input order."""
    settings = settings or Settings()
    for path in input_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        yield from _read_one(path, settings)


def input_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """The files ``paths`` name, in input order, as ``read_inputs`` reads them (folders
    walked for known extensions, globs expanded, "-" kept); an InputError for a path
    that names no file."""
    return expand(paths, extensions())


def _read_one(path: str, settings: Settings) -> Iterator[Article | InputError]:
    try:
        inp = open_input(path)
    except _READ_ERRORS as exc:
        yield InputError(path, f"cannot open it: {getattr(exc, 'strerror', None) or exc}")
        return
    yield from read_input(inp, settings)


def read_input(inp: Input, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Articles and InputErrors of one opened input (closed afterwards)."""
    try:
        yield from choose_reader(inp).read(inp, settings or Settings())
    except InputError as exc:
        yield exc
    except _READ_ERRORS as exc:
        yield InputError(inp.location, f"cannot read it: {exc}")
    finally:
        inp.close()


def choose_reader(inp: Input) -> Reader:
    """The reader for ``inp``: by a specific extension, else by its first bytes (which
    may also refine a generic one: a .txt file that holds HTML is read as HTML)."""
    reader = by_extension(inp.extension)
    if reader is not None and reader.priority < FALLBACK_PRIORITY:
        return reader
    head = inp.head()
    if looks_binary(head):
        if reader is not None:
            return reader  # it reports the binary content with the file's own format
        kind = f'"{inp.extension}" files' if inp.extension else "this content"
        raise UnknownFormatError(
            inp.location,
            f"unknown format: Sitrep cannot read {kind}; give markdown (.md), HTML (.html), "
            "plain text (.txt) or JSON Lines (.jsonl), optionally gzipped",
        )
    found = by_content(head.decode("utf-8", errors="replace")) or reader
    if found is None:  # pragma: no cover - the text reader accepts any text
        raise UnknownFormatError(inp.location, "unknown format")
    return found
