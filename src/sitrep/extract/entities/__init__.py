"""The entities stage: who and what the article is about, every mention linked.

Steps (one module each): ``recognize`` (gazetteer, token patterns and spaCy NER, with
``equipment``: designations and class nouns beyond the weapons table),
``metonymy`` (capitals and seats of government used as actors), ``persons`` (titles,
surname linking, the ``leaders`` table), ``build`` (clusters -> Entity records, byline
and url entities), ``phrases`` and ``appositions`` (the noun phrases around and beside a
name), ``coref`` (pronouns and definite descriptions).

Shared with later stages through ``ctx.shared``:

- ``"entity_groups"``: plural descriptions that name several entities at once ("the two
  leaders"), a list of ``{"start", "end", "text", "members": [entity ids]}``; their spans
  are not entity mentions (a span belongs to one entity only).
- ``"entity_mention_kinds"``: ``{(start, end): kind}`` with kind one of name, title,
  pronoun, description, metonym, adjective, plural (how a mention names its entity).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.entities import (
    actors,
    aliases,
    appositions,
    build,
    coref,
    equipment,
    gazetteer,
    metonymy,
    persons,
    phrases,
    places,
    vessels,
)
from sitrep.extract.entities.recognize import recognize
from sitrep.model import Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from sitrep.extract.component import StageContext


def _year(published: str | None) -> int | None:
    if published and published[:4].isdigit():
        return int(published[:4])
    return None


def _ner_spans(doc: Doc, nlp: Language, mode: str) -> list[Span] | None:
    """The NER spans to read (None: the small model's own): see sitrep.nlp.trained_ner."""
    if mode == "off":
        return None
    from sitrep.nlp import trained_ner

    return trained_ner.combine(doc, trained_ner.spans(doc, trained_ner.load(nlp)), mode)


def find_entities(ctx: StageContext, nlp: Language | None = None) -> list[Entity]:
    """The entities of a parsed article (``nlp``: the model that parsed it)."""
    if nlp is None:
        from sitrep.nlp.loader import load_nlp

        nlp = load_nlp(ctx.settings.model)
    doc = ctx.doc
    gz = gazetteer.load()
    ents = _ner_spans(doc, nlp, ctx.settings.trained_ner)
    cands = metonymy.apply(doc, recognize(doc, gz, nlp, equipment.equipment_cands(doc, gz), ents), gz)
    things = aliases.defined_aliases(doc, build.cluster_things(doc, cands, gz))
    countries = {c.name for c in things if c.type == "COUNTRY"}
    people = persons.cluster_people(doc, cands, gz, _year(ctx.article.published), countries)
    things = build.drop_inside_titles(things, people)
    clusters = vessels.apply(doc, places.apply(doc, things + people, gz))
    people = [c for c in clusters if c.type == "PERSON"]
    persons.propagate(doc, people, {(m.start, m.end) for c in clusters for m in c.mentions if m.start >= 0})
    clusters = actors.apply(doc, persons.known_as(doc, clusters), gz, _year(ctx.article.published))
    phrases.apply(doc, clusters)
    appositions.apply(doc, clusters)
    groups = coref.resolve(doc, clusters, gz)
    build.add_metadata(ctx.article, clusters, gz)
    entities = build.to_entities(clusters)
    ids = {id(c): e.id for c, e in zip(_ordered(clusters), entities, strict=True)}
    ctx.shared["entity_groups"] = [
        {"start": g.start, "end": g.end, "text": g.text, "members": [ids[id(m)] for m in g.members]}
        for g in groups
    ]
    ctx.shared["entity_mention_kinds"] = {
        (m.start, m.end): m.kind for c in clusters for m in c.mentions if m.start >= 0
    }
    return entities


def _ordered(clusters: list) -> list:
    return sorted(clusters, key=build.cluster_order)
