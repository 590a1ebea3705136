"""The store's tables, one schema for SQLite and PostgreSQL (SQLAlchemy Core).

Strings are TEXT (no length limits for the pipeline's values to overflow on
PostgreSQL), except article ids: sha256 hex, CHAR-sized.
Every extract-format record has a table; every row carries the ``pipeline_version``
that made it. Offsets are character offsets into ``articles.text`` (end exclusive),
in columns named ``start_char`` / ``end_char`` so raw SQL needs no quoting.
Fields a record gains later that have no column yet are kept in its ``extra`` JSON
column, so nothing the pipeline produces is lost before a migration adds a column.

Other areas register their own tables on :data:`metadata` (``kb_*``,
``corrections``): the migration runner creates whatever is registered here.
See docs/schema.md for the mapping from the extract format.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
)

metadata = MetaData()



class JsonText(TypeDecorator[Any]):
    """JSON kept as TEXT. On SQLite a column declared JSON has NUMERIC affinity, which
    turns a stored ``0.0`` into the integer 0 and a 20-digit integer into a float;
    TEXT affinity keeps every value exactly as written."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None else json.loads(value)


# JSON, not JSONB, on PostgreSQL: JSONB reorders object keys, and the store gives back
# the extract-format record exactly as it was written. TEXT on SQLite (see JsonText).
Json = JSON().with_variant(JsonText(), "sqlite")
ArticleId = String(64)  # sha256 hex of the normalized body


def _article_fk() -> Column:
    return Column(
        "article_id", ArticleId, ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    )


def _version() -> Column:
    return Column("pipeline_version", Text, nullable=False)


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

# one row: a counter every write transaction of the Store raises (sitrep.store.generation),
# so a reader knows in one lookup whether anything changed since it last looked
store_generation = Table(
    "store_generation", metadata,
    Column("id", Integer, primary_key=True),
    Column("n", BigInteger, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingest order
    Column("id", ArticleId, nullable=False, unique=True),
    Column("source", Text, nullable=False, default=""),
    Column("title", Text),
    Column("authors", Json, nullable=False),
    Column("agency", Text),
    Column("outlet", Text),
    Column("published", Text),  # ISO 8601 date or date-time, as in the record
    Column("url", Text),
    Column("language", Text),
    Column("analysis", Text),  # null when analysed, else why not
    Column("text", Text, nullable=False),
    Column("warnings", Json, nullable=False),
    Column("extra", Json),
    _version(),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_pipeline_version", "pipeline_version"),  # since schema v2
)

article_sources = Table(
    "article_sources", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ArticleId, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("location", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("first_seen", Text),
    UniqueConstraint("article_id", "location", name="uq_article_sources_location"),
)

entities = Table(
    "entities", metadata,
    _article_fk(),
    Column("id", Text, primary_key=True),  # "e1": unique within its article
    Column("seq", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("kb_id", Text),
    Column("attributes", Json, nullable=False),
    Column("extra", Json),
    _version(),
    Index("ix_entities_kb_id", "kb_id"),
)

mentions = Table(
    "mentions", metadata,
    _article_fk(),
    Column("entity_id", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start_char", Integer),  # null for byline / url mentions
    Column("end_char", Integer),
    Column("text", Text, nullable=False),
    Column("field", Text, nullable=False, default="body"),
    Column("extra", Json),
    _version(),
)

timexes = Table(
    "timexes", metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("value", Text),
    Column("mod", Text),
    Column("anchor", Text),
    Column("extra", Json),
    _version(),
)

quotes = Table(
    "quotes", metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("speaker", Text),  # entity id within the article
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("cue_text", Text),  # null when the quote has no cue_span
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_text", Text),  # null when the quote has no speaker_mention
    Column("extra", Json),
    _version(),
    Index("ix_quotes_speaker", "article_id", "speaker"),
)

events = Table(
    "events", metadata,
    _article_fk(),
    Column("id", Text, primary_key=True),  # "v1": unique within its article
    Column("seq", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("label", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("trigger_text", Text),  # null when the event has no trigger
    # derived for time queries: the TIMEX3 date of args date/start and of args end
    Column("date_start", Text),
    Column("date_end", Text),
    # the same as days [day_start, day_end) (ISO dates, sitrep.timespan): what sorts and
    # filters, since TIMEX3 text does not sort ("2021-10" < "2021-W37")
    Column("day_start", Text),
    Column("day_end", Text),
    Column("extra", Json),
    _version(),
    Index("ix_events_type", "type"),
)

Index("ix_entities_name_lower", func.lower(entities.c.name))
Index("ix_mentions_text_lower", func.lower(mentions.c.text))

# one row per argument value: a role holding a list has one row per element
event_args = Table(
    "event_args", metadata,
    _article_fk(),
    Column("event_id", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),  # order of the args in the record
    Column("role", Text, nullable=False),
    Column("position", Integer),  # index in the role's list; null when not a list
    # id: a bare entity id; entity_span: {"entity", "span"}; literal: JSON in value;
    # empty_list: the role holds []
    Column("form", Text, nullable=False),
    Column("entity_id", Text),  # the entity referred to (also set for items)
    Column("value", Json),
    Column("span_start", Integer),
    Column("span_end", Integer),
    _version(),
    Index("ix_event_args_entity", "article_id", "entity_id"),
)

evidence = Table(
    "evidence", metadata,
    _article_fk(),
    Column("event_id", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("status", Text),
    Column("extra", Json),
    _version(),
)

# the tables an article's analysis fills (deleted and rewritten on reanalysis),
# parents before children
RECORD_TABLES = (entities, mentions, timexes, quotes, events, event_args, evidence)
