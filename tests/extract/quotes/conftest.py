"""Fixtures for the quotes stage: a parser and a runner with hand-made entities."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sitrep.extract.quotes import extract_quotes
from sitrep.model import Entity, Mention, Quote

Run = Callable[..., list[Quote]]


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp import load_nlp

    return load_nlp()


def make_entities(
    text: str, people: dict[str, list[str]], others: dict[str, tuple[str, list[str]]]
) -> list[Entity]:
    """Entities whose mentions are every occurrence of the given surface forms."""
    rows = [(name, "PERSON", forms) for name, forms in people.items()]
    rows += [(name, typ, forms) for name, (typ, forms) in others.items()]
    out = []
    for i, (name, typ, forms) in enumerate(rows, 1):
        mentions = [Mention(m.start(), m.end(), m.group())
                    for f in forms for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", text)]
        out.append(Entity(f"e{i}", name, typ, mentions=mentions))
    return out


@pytest.fixture(scope="session")
def run(nlp) -> Run:
    def _run(text: str, people: dict[str, list[str]] | None = None,
             others: dict[str, tuple[str, list[str]]] | None = None) -> list[Quote]:
        ents = make_entities(text, people or {}, others or {})
        names = {e.id: e.name for e in ents}
        quotes = extract_quotes(nlp(text), ents)
        for q in quotes:  # speaker ids -> names, for readable asserts
            q.speaker = names.get(q.speaker) if q.speaker else None
        return quotes

    return _run
