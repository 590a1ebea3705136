"""The events stage as a pipeline component."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.component import Component, StageContext
from sitrep.extract.events import find_events
from sitrep.extract.events.lexicon import lexicon
from sitrep.model import Event

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.config import Settings


class Events(Component):
    name = "events"
    assigns = "events"
    requires = ("entities", "timexes", "quotes")

    def __init__(self, nlp: Language, settings: Settings) -> None:
        super().__init__(nlp, settings)
        lexicon()

    def __call__(self, ctx: StageContext) -> list[Event]:
        return find_events(ctx)
