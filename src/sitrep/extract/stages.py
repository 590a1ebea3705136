"""The one ordered list of extract stages.

Adding a stage is a new module with a :class:`~sitrep.extract.component.Component`
subclass and one line here.
"""

from sitrep.extract.component import Component, StageContext, check_stages
from sitrep.extract.entities.stage import Entities
from sitrep.extract.learned.stage import Events  # the rules' stage, with the learned check
from sitrep.extract.quotes.stage import Quotes
from sitrep.extract.timex.stage import Timexes

STAGES: tuple[type[Component], ...] = (
    Entities,
    Timexes,
    Quotes,
    Events,
)

__all__ = ["STAGES", "Component", "StageContext", "check_stages"]
