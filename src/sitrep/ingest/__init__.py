"""Readers: every input form an analyst has, each turned into one typed Article.

``read_inputs(paths, settings)`` yields, in input order, an :class:`Article` for each
article found or an :class:`InputError` for each input that cannot be read, so a
batch goes on past bad files.

Paths may be files, directories (walked recursively, known extensions only), globs
or "-" for stdin; any of them may be gzipped. The readers are one declared list,
:data:`sitrep.ingest.formats.READERS`; one is chosen by extension, else by the input's
content. Every function takes ``readers=`` another table (a test's extra format).
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterable, Iterator

from sitrep.config import Settings
from sitrep.errors import InputError, UnknownFormatError
from sitrep.ingest.decode import looks_binary
from sitrep.ingest.formats import READERS
from sitrep.ingest.readers import Reader, ReaderTable
from sitrep.ingest.sources import Input, expand, open_input
from sitrep.model import Article

__all__ = ["choose_reader", "input_paths", "read_input", "read_inputs"]

# unreadable files; truncated and corrupt gzip streams
READ_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error)


def read_inputs(paths: Iterable[str], settings: Settings | None = None, *,
                readers: ReaderTable = READERS) -> Iterator[Article | InputError]:
    """Articles and InputErrors from files, directories, globs and "-", in input order."""
    settings = settings or Settings()
    for path in input_paths(paths, readers=readers):
        if isinstance(path, InputError):
            yield path
            continue
        yield from _read_one(path, settings, readers)


def input_paths(paths: Iterable[str], *, readers: ReaderTable = READERS) -> Iterator[str | InputError]:
    """The files ``paths`` name, in input order, as ``read_inputs`` reads them (folders
    walked for known extensions, globs expanded, "-" kept); an InputError for a path
    that names no file."""
    return expand(paths, readers.extensions())


def _read_one(path: str, settings: Settings, readers: ReaderTable) -> Iterator[Article | InputError]:
    try:
        inp = open_input(path)
    except READ_ERRORS as exc:
        yield InputError(path, f"cannot open it: {getattr(exc, 'strerror', None) or exc}")
        return
    yield from read_input(inp, settings, readers=readers)


def read_input(inp: Input, settings: Settings | None = None, *,
               readers: ReaderTable = READERS) -> Iterator[Article | InputError]:
    """Articles and InputErrors of one opened input (closed afterwards). Whatever a
    reader raises ends this input with one InputError naming it, never the batch."""
    try:
        for item in choose_reader(inp, readers).read(inp, settings or Settings()):
            yield _of_input(item, inp)
    except InputError as exc:
        yield _of_input(exc, inp)
    except READ_ERRORS as exc:
        yield _of_input(InputError(inp.location, f"cannot read it: {exc}"), inp)
    except Exception as exc:  # a reader bug must not stop the batch
        yield _of_input(InputError(inp.location, f"cannot read it: {type(exc).__name__}: {exc}"), inp)
    finally:
        _close(inp)


def _of_input(item: Article | InputError, inp: Input) -> Article | InputError:
    if isinstance(item, InputError):
        item.input = inp.location
    return item


def _close(inp: Input) -> None:
    with contextlib.suppress(*READ_ERRORS):  # closing a broken gzip stream can fail again
        inp.close()


def choose_reader(inp: Input, readers: ReaderTable = READERS) -> Reader:
    """The reader for ``inp``: by a specific extension, else by its first bytes (which
    may also refine a generic one: a .txt file that holds HTML is read as HTML)."""
    reader = readers.by_extension(inp.extension)
    if reader is not None and not reader.generic:
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
    found = readers.by_content(head.decode("utf-8", errors="replace")) or reader
    if found is None:  # pragma: no cover - the text reader accepts any text
        raise UnknownFormatError(inp.location, "unknown format")
    return found
