"""Where inputs come from: files, directories (recursive), globs, '-' for stdin, gzip.

Each input becomes an :class:`Input`: a display location, the name used to pick a
reader (``.gz`` removed) and a buffered binary stream of the (decompressed) bytes.
"""

from __future__ import annotations

import errno
import glob
import gzip
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import InputError, TooLargeError, printable

GZIP_MAGIC = b"\x1f\x8b"
PEEK_BYTES = 65536
# files a directory walk passes over: repository notes, not articles
SKIPPED_NAMES = ("readme", "source", "sources", "license", "licence", "changelog", "notice", "copying")


@dataclass(slots=True)
class Input:
    location: str  # printable: a file name's undecodable bytes and newlines escaped
    name: str
    stream: io.BufferedReader
    raw: Any = None  # the underlying file, closed with the stream (gzip leaves it open)

    @property
    def extension(self) -> str:
        return Path(self.name).suffix.lower()

    def head(self, size: int = PEEK_BYTES) -> bytes:
        return self.stream.peek(size)[:size]

    def read_limited(self, limit: int) -> bytes:
        """All bytes, refused when over ``limit`` (a single article must stay small)."""
        data = self.stream.read(limit + 1)
        if len(data) > limit:
            raise TooLargeError(
                self.location,
                f"the file is over the {limit:,}-byte limit for one article: split it, or raise "
                "Settings.max_file_bytes (JSON Lines archives of any size are streamed)",
            )
        return data

    def close(self) -> None:
        if self.location != "-":  # never close the process's stdin
            self.stream.close()
            if self.raw is not None:
                self.raw.close()


def expand(paths: Iterable[str], extensions: Iterable[str]) -> Iterator[str | InputError]:
    """File paths in input order: directories walked (known extensions only), globs expanded."""
    known = tuple(extensions)
    for p in map(str, paths):
        path = Path(p)
        if p == "-" or path.is_file():
            yield p
        elif path.is_dir():
            yield from _walk_folder(p, known)
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield InputError(p, "no file matches this pattern")
            for m in matches:
                yield from (_walk(Path(m), known) if Path(m).is_dir() else [m])
        elif re.match(r"^[a-z][a-z0-9+.-]*://", p, re.I):
            yield InputError(p, "Sitrep reads files, not URLs (it works offline): save the page first")
        else:
            yield InputError(p, _missing(path))


def _missing(path: Path) -> str:
    """Why a path that is neither a file nor a folder names nothing."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links: it leads to no file"
        if path.is_symlink():
            return f"a symbolic link to a missing file ({printable(os.readlink(path))})"
        if isinstance(exc, FileNotFoundError) or not exc.strerror:
            return "no such file or directory"
        return f"cannot open it: {exc.strerror}"
    return "not a file or a directory (a device, socket or pipe)"


def _walk_folder(folder: str, known: tuple[str, ...]) -> Iterator[str | InputError]:
    """The article files under a folder named on the command line; an error when there
    is none (an empty or mistaken folder must not pass as an empty batch)."""
    found = False
    for f in _walk(Path(folder), known):
        found = True
        yield f
    if not found:
        yield InputError(folder, f"no article files in this folder (looked for {', '.join(known)}, "
                                 "also gzipped; hidden files and README/SOURCES/LICENSE notes are skipped)")


def _walk(root: Path, known: tuple[str, ...]) -> Iterator[str]:
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root).parts
        if any(part.startswith(".") for part in rel) or not f.is_file():
            continue
        if f.name.lower().split(".")[0] in SKIPPED_NAMES:
            continue
        if _strip_gz(f.name).lower().endswith(known):
            yield str(f)


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def open_input(location: str) -> Input:
    """Open a path (or '-') as a buffered stream, transparently gunzipped."""
    raw: Any = sys.stdin.buffer if location == "-" else open(location, "rb")  # noqa: SIM115
    name = "" if location == "-" else _strip_gz(Path(location).name)
    try:
        return _buffered(printable(location), name, raw)
    except BaseException:
        if location != "-":
            raw.close()
        raise


def input_from_bytes(location: str, data: bytes) -> Input:
    """An Input over bytes already in memory (e.g. a file a Spark worker was handed)."""
    return _buffered(printable(location), _strip_gz(Path(location).name), io.BytesIO(data))


def _buffered(location: str, name: str, raw: Any) -> Input:
    stream: Any = io.BufferedReader(raw, buffer_size=PEEK_BYTES)
    if stream.peek(2)[:2] == GZIP_MAGIC:
        unzipped = gzip.GzipFile(fileobj=stream, mode="rb")
        stream = io.BufferedReader(unzipped, buffer_size=PEEK_BYTES)
    return Input(location=location, name=name, stream=stream, raw=raw)
