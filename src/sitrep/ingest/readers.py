"""The reader registry: each format module registers a :class:`Reader`.

A reader is chosen by extension first; an input without a known extension (stdin,
``notes``, ``page.dat``) is given to the first reader whose ``sniff`` accepts its
first bytes, in registration priority order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.ingest.sources import Input
from sitrep.model import Article
from sitrep.registry import Registry

ReadFunc = Callable[[Input, Settings], Iterator[Article | InputError]]


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[str], bool]  # decoded head of the input -> is it this format?
    read: ReadFunc
    priority: int = 50  # lower sniffs first


readers: Registry[Reader] = Registry("reader")


def register(reader: Reader) -> Reader:
    return readers.register(reader.name, reader)


def extensions() -> tuple[str, ...]:
    return tuple(ext for _, r in readers.items() for ext in r.extensions)


def by_extension(ext: str) -> Reader | None:
    for _, reader in readers.items():
        if ext and ext in reader.extensions:
            return reader
    return None


def by_content(head: str) -> Reader | None:
    for reader in sorted((r for _, r in readers.items()), key=lambda r: r.priority):
        if reader.sniff(head):
            return reader
    return None
