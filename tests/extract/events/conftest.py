"""Run the event stage on a short text with hand-made entity and timex records."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sitrep.model import Entity, Event, Mention, Timex

EntSpec = tuple[str, str, list[str]]          # name, type, surface forms
TimexSpec = tuple[str, str, str]               # text, value, type


def build(text: str, ents: list[EntSpec], timexes: list[TimexSpec]) -> tuple[list[Entity], list[Timex]]:
    entities = []
    taken: list[tuple[int, int]] = []
    for n, (name, etype, forms) in enumerate(ents, 1):
        ent = Entity(id=f"e{n}", name=name, type=etype)
        for form in sorted(set(forms) | {name}, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                ent.mentions.append(Mention(m.start(), m.end(), m.group(0)))
        entities.append(ent)
    tx = []
    for ttext, value, ttype in timexes:
        i = text.find(ttext)
        assert i >= 0, ttext
        tx.append(Timex(start=i, end=i + len(ttext), text=ttext, type=ttype, value=value))
    return entities, tx


@pytest.fixture(scope="session")
def run_events() -> Callable[..., tuple[list[Event], dict[str, str]]]:
    from sitrep.extract.events import find_events
    from sitrep.model import Article
    from sitrep.pipeline import StageContext, get_pipeline

    pipe = get_pipeline()

    def run(text: str, ents: list[EntSpec] = (), timexes: list[TimexSpec] = (),  # type: ignore[assignment]
            published: str = "2024-03-05") -> tuple[list[Event], dict[str, str]]:
        entities, tx = build(text, list(ents), list(timexes))
        art = Article(text=text, published=published)
        ctx = StageContext(article=art, doc=pipe.nlp(text), settings=pipe.settings,
                           entities=entities, timexes=tx)
        return find_events(ctx), {e.id: e.name for e in entities}

    return run
