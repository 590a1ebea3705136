"""The reader type and the checked table of readers (declared in sitrep.ingest.formats).

A reader is chosen by extension first; an input without a known extension (stdin,
``notes``, ``page.dat``) is given to the first reader, in the table's order, whose
``sniff`` accepts its first bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sitrep.config import Settings
from sitrep.errors import InputError, RegistryError
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
    generic: bool = False  # any text fits it: its extension does not stop sniffing (.txt holding HTML)


def never(head: str) -> bool:
    """The sniff of a reader chosen by extension only."""
    return False


class ReaderTable:
    """Readers in sniffing order, checked when built: a name or an extension given twice,
    or an extension not written ``.lower``, is refused with RegistryError."""

    def __init__(self, readers: Iterable[Reader]) -> None:
        self.readers = tuple(readers)
        self._by_name = Registry("reader", ((r.name, r) for r in self.readers))
        self._by_ext: dict[str, Reader] = {}
        for reader in self.readers:
            for ext in reader.extensions:
                self._claim(ext, reader)

    def _claim(self, ext: str, reader: Reader) -> None:
        if not ext.startswith(".") or ext != ext.lower() or len(ext) < 2:
            raise RegistryError(f"reader {reader.name!r} declares the extension {ext!r}: "
                                "write an extension as a dot and lower-case letters (\".md\")")
        other = self._by_ext.get(ext)
        if other is not None:
            raise RegistryError(f"readers {other.name!r} and {reader.name!r} both declare the extension "
                                f"{ext!r}: each extension has one reader")
        self._by_ext[ext] = reader

    def plus(self, *more: Reader) -> ReaderTable:
        """This table with ``more`` readers after its own (checked the same way)."""
        return ReaderTable((*self.readers, *more))

    def get(self, name: str) -> Reader:
        return self._by_name.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def extensions(self) -> tuple[str, ...]:
        return tuple(self._by_ext)

    def by_extension(self, ext: str) -> Reader | None:
        return self._by_ext.get(ext) if ext else None

    def by_content(self, head: str) -> Reader | None:
        return next((r for r in self.readers if r.sniff(head)), None)
