"""Extract stages as components, the way spaCy builds its pipeline.

A stage is a class: it is built once per pipeline with the spaCy model and the
settings (every matcher, gazetteer and lexicon it needs is built then, outside any
memory zone), declares the kind of record it ``assigns`` and the kinds it
``requires``, and is called with a :class:`StageContext` per article. The extract
logic stays in plain functions the component calls. :func:`check_stages` proves,
when a pipeline is built, that every stage's requirements come from a stage before
it (like spaCy's ``analyze_pipes``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from sitrep.errors import PipelineError
from sitrep.model import Article, Entity, Event, Quote, Timex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.config import Settings

# the kinds of record the extract format has, each a field of StageContext and Analysis
RECORD_KINDS = ("entities", "timexes", "quotes", "events")


@dataclass(slots=True)
class StageContext:
    """What a stage sees: the article, its parsed Doc and the earlier stages' records."""

    article: Article
    doc: Doc
    settings: Settings
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # records of kinds beyond the extract format's four, by the name a stage assigns
    extra: dict[str, list[Any]] = field(default_factory=dict)
    # derived structures a stage shares with later ones (e.g. a mention index)
    shared: dict[str, Any] = field(default_factory=dict)

    def records(self, kind: str) -> list[Any]:
        """The records of ``kind`` the stages so far assigned."""
        if kind in RECORD_KINDS:
            return list(getattr(self, kind))
        return self.extra.get(kind, [])

    def assign(self, kind: str, records: list[Any]) -> None:
        if kind in RECORD_KINDS:
            setattr(self, kind, records)
        else:
            self.extra[kind] = records


class Component:
    """Base of an extract stage: ``Stage(nlp, settings)(ctx) -> list[record]``.

    Subclasses set ``name``, ``assigns`` and ``requires`` and implement ``__call__``;
    whatever is costly to build (matchers over the model's vocabulary, lexicons) is
    built in ``__init__``.
    """

    name: ClassVar[str]
    assigns: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, settings: Settings) -> None:
        self.nlp = nlp
        self.settings = settings

    def __call__(self, ctx: StageContext) -> list[Any]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<stage {self.name}: requires {list(self.requires)}, assigns {self.assigns}>"


def select(available: Sequence[type[Component]], names: Sequence[str]) -> list[type[Component]]:
    """The stages named (all when ``names`` is empty), in the order of ``available``."""
    if not names:
        return list(available)
    known = {c.name: c for c in available}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise PipelineError(f"no stage named {', '.join(map(repr, unknown))} (known: {', '.join(known)})")
    return [c for c in available if c.name in names]


def check_stages(stages: Sequence[type[Component] | Component]) -> list[dict[str, Any]]:
    """What each stage requires and assigns, in order; raises PipelineError when a stage
    needs a kind of record no earlier stage assigns, or two stages assign one kind."""
    assigned: dict[str, str] = {}
    table = []
    for st in stages:
        missing = [r for r in st.requires if r not in assigned]
        if missing:
            raise PipelineError(
                f"stage {st.name!r} requires {', '.join(missing)}, which no stage before it assigns "
                f"(stages before it: {', '.join(assigned.values()) or 'none'})"
            )
        if st.assigns in assigned:
            raise PipelineError(f"stages {assigned[st.assigns]!r} and {st.name!r} both assign {st.assigns}")
        assigned[st.assigns] = st.name
        table.append({"name": st.name, "requires": list(st.requires), "assigns": st.assigns})
    return table
