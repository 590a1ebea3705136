"""Fixtures for the entity stage: run it alone over a text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.config import Settings
from sitrep.model import Article, Entity


@pytest.fixture(scope="session")
def entities_of() -> Callable[..., list[Entity]]:
    from sitrep.pipeline import Pipeline

    pipe = Pipeline(Settings(stages=("entities",)))

    def run(text: str, **meta: object) -> list[Entity]:
        return pipe.analyze(Article(text=text, **meta)).entities  # type: ignore[arg-type]

    return run


def entity_with(entities: list[Entity], mention: str, start: int | None = None) -> Entity | None:
    """The entity having a mention with this text (at this offset, when given)."""
    for e in entities:
        for m in e.mentions:
            if m.text == mention and (start is None or m.start == start):
                return e
    return None
