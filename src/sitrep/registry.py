"""Registries: extension by registering, not by editing a central switch.

Readers, extract stages, exporters and nlp components register themselves with a
decorator; the pipeline and the CLI look them up by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str, item: T) -> T:
        self._items[name] = item
        return item

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise KeyError(f"no {self.kind} named {name!r} (known: {known})") from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())


@dataclass(frozen=True, slots=True)
class Stage:
    """An extract stage: ``func(ctx) -> list[record]`` stored on ``ctx.<assigns>``."""

    name: str
    func: Callable[[Any], list[Any]]
    assigns: str
    requires: tuple[str, ...] = field(default_factory=tuple)


stages: Registry[Stage] = Registry("stage")


StageFunc = Callable[[Any], list[Any]]


def stage(name: str, *, assigns: str, requires: tuple[str, ...] = ()) -> Callable[[StageFunc], StageFunc]:
    """Register an extract stage::

        @stage("timexes", assigns="timexes")
        def find_timexes(ctx: StageContext) -> list[Timex]: ...
    """

    def deco(func: StageFunc) -> StageFunc:
        stages.register(name, Stage(name=name, func=func, assigns=assigns, requires=requires))
        return func

    return deco


# functions ``fn(nlp) -> None`` that add components to the spaCy pipeline (e.g. an
# entity ruler before "ner"); run once when the model is loaded
nlp_components: Registry[Callable[[Any], None]] = Registry("nlp component")
