"""Tables of things looked up by name, each declared as one explicit list.

Readers (:data:`sitrep.ingest.formats.READERS`), exporters
(:data:`sitrep.export.formats.EXPORTERS`) and evaluation modes
(:data:`sitrep.eval.modes.evaluators`) are each one list in one module, checked when the
table is built: a name declared twice is refused with :class:`RegistryError`. Nothing
registers itself by being imported. (Extract stages are components listed in
:data:`sitrep.extract.stages.STAGES`.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from sitrep.errors import RegistryError, UnknownNameError

T = TypeVar("T")


class Registry(Generic[T]):
    """``kind`` things by name, in declaration order; built once, never changed."""

    def __init__(self, kind: str, entries: Iterable[tuple[str, T]]) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}
        for name, item in entries:
            if name in self._items:
                raise RegistryError(f"two {kind}s are declared with the name {name!r}: "
                                    "each name is declared once")
            self._items[name] = item

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise UnknownNameError(f"no {self.kind} named {name!r} (known: {known})") from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())
