"""The events stage with the learned check: the rule-based stage's events, less those
the model of :mod:`.model` gives a probability under its threshold, when the
``learned_events`` setting is "on" (otherwise exactly the rules' events)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.errors import PipelineError
from sitrep.extract.events.stage import Events as RuleEvents
from sitrep.extract.learned.features import event_features
from sitrep.extract.learned.model import EventCheck, load

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.config import Settings
    from sitrep.extract.component import StageContext
    from sitrep.model import Event


class Events(RuleEvents):
    def __init__(self, nlp: Language, settings: Settings) -> None:
        super().__init__(nlp, settings)
        if settings.learned_events not in ("on", "off"):
            raise PipelineError(f"learned_events is {settings.learned_events!r}: 'on' or 'off'")
        self.check: EventCheck | None = load() if settings.learned_events == "on" else None

    def __call__(self, ctx: StageContext) -> list[Event]:
        events = super().__call__(ctx)
        if self.check is None:
            return events
        return checked(ctx, events, self.check)


def checked(ctx: StageContext, events: list[Event], check: EventCheck) -> list[Event]:
    """The events the check keeps, numbered again v1, v2, ... in order."""
    entities = {e.id: e for e in ctx.entities}
    kept = [ev for ev in events if check.keeps(event_features(ctx.doc, ev, entities, ctx.quotes))]
    return [replace(ev, id=f"v{i}") for i, ev in enumerate(kept, 1)]
