"""The quotes stage as a pipeline component."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.component import Component, StageContext
from sitrep.extract.quotes import find_quotes
from sitrep.extract.quotes.lexicon import lexicon
from sitrep.model import Quote

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.config import Settings


class Quotes(Component):
    name = "quotes"
    assigns = "quotes"
    requires = ("entities",)

    def __init__(self, nlp: Language, settings: Settings) -> None:
        super().__init__(nlp, settings)
        lexicon()

    def __call__(self, ctx: StageContext) -> list[Quote]:
        return find_quotes(ctx)
