"""The entities stage as a pipeline component."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.component import Component, StageContext
from sitrep.extract.entities import find_entities, gazetteer, leaders
from sitrep.extract.entities.recognize import phrase_matcher
from sitrep.model import Entity

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.config import Settings


class Entities(Component):
    name = "entities"
    assigns = "entities"

    def __init__(self, nlp: Language, settings: Settings) -> None:
        super().__init__(nlp, settings)
        # the gazetteer's PhraseMatcher holds strings of the model's vocabulary: built
        # here, outside any memory zone, so they outlive every zone
        phrase_matcher(nlp, gazetteer.load())
        leaders.table()
        if settings.trained_ner != "off":
            from sitrep.nlp import trained_ner

            trained_ner.load(nlp)  # once, when the stage is built

    def __call__(self, ctx: StageContext) -> list[Entity]:
        return find_entities(ctx, self.nlp)
