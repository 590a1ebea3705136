"""Knowledge-base tables, registered on the store's metadata, and their versions.

Machine output (``kb_*``) and human review (``corrections``) live apart: re-merging
rewrites the first and never touches the second. The KB versions its tables itself
(``kb_schema_version``, through the store's runner: ``Store.migrate_part``):
version 1 is the KB as it was before it recorded a version; each later version is a
step in :data:`STEPS`. :func:`ensure_tables` (called by ``kb merge`` and the web app)
brings a store's KB up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    select,
)

from sitrep.store.schema import metadata

if TYPE_CHECKING:
    from sitrep.store import Store

ArticleId = String(64)

kb_entities = Table(
    "kb_entities", metadata,
    Column("kb_id", String(80), primary_key=True),
    Column("name", Text, nullable=False),  # canonical name: the most frequent full name
    Column("type", String(32), nullable=False),
    Column("key", String(200), nullable=False),  # normalized merge key
    Column("aliases", JSON, nullable=False),
    Column("n_articles", Integer, nullable=False, default=0),
    Index("ix_kb_entities_key", "key"),
)

kb_entity_members = Table(
    "kb_entity_members", metadata,
    Column("article_id", ArticleId, primary_key=True),
    Column("entity_id", String(32), primary_key=True),
    Column("kb_id", String(80), nullable=False),
    Column("name", Text, nullable=False),
    Column("role", Text),  # the role this article gives (attributes.role)
    Column("published", String(40)),
    Index("ix_kb_entity_members_kb", "kb_id"),
)

# every key an article entity was found or filed by (sitrep.kb.entitykeys): its
# reference id, names, aliases, acronym, company core, armed service
kb_entity_keys = Table(
    "kb_entity_keys", metadata,
    Column("key", String(200), primary_key=True),
    Column("kb_id", String(80), primary_key=True),
    Index("ix_kb_entity_keys_kb", "kb_id"),
)

kb_events = Table(
    "kb_events", metadata,
    Column("kb_event_id", String(40), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("status", String(16), nullable=False),  # strongest commitment among its mentions
    Column("label", Text),
    Column("date_start", String(40)),
    Column("date_end", String(40)),
    Column("n_articles", Integer, nullable=False, default=0),
    Index("ix_kb_events_type", "type"),
)

kb_event_members = Table(
    "kb_event_members", metadata,
    Column("article_id", ArticleId, primary_key=True),
    Column("event_id", String(32), primary_key=True),
    Column("kb_event_id", String(40), nullable=False),
    Column("lemma", String(80), nullable=False),
    Column("args", JSON, nullable=False),  # kb ids of its entity arguments
    Column("date", String(40)),
    Column("vectors", LargeBinary, nullable=False),  # float32 trigger/sentence/doc/context
    Index("ix_kb_event_members_kb", "kb_event_id"),
)

# review: a human's verdict on one extracted fact, anchored by article and span so it
# survives re-analysis (record ids may change, offsets of the same text do not)
corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ArticleId, nullable=False),
    Column("kind", String(16), nullable=False),  # entity, timex, quote, event
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("span_text", Text, nullable=False),
    Column("verdict", String(16), nullable=False),  # right, wrong, corrected
    Column("value", JSON),  # the corrected fields (e.g. {"type": "...", "status": "..."})
    Column("note", Text),
    Column("who", String(120), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("pipeline_version", String(32)),  # the output the reviewer saw
    Index("ix_corrections_article", "article_id", "kind"),
)

# which analysis of each article the KB has merged (re-analysis makes it merge again)
kb_merged = Table(
    "kb_merged", metadata,
    Column("article_id", ArticleId, primary_key=True),
    Column("pipeline_version", String(32), nullable=False),
    Column("analysed_at", String(40), nullable=False),
    Column("merged_at", DateTime(timezone=True), nullable=False),
)


kb_schema_version = Table(
    "kb_schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

KB_TABLES = (kb_entities, kb_entity_members, kb_entity_keys, kb_events, kb_event_members, corrections,
             kb_merged)


def _v2_entity_keys(conn: Connection) -> None:
    """v2: kb_entity_keys, every key each merged article entity is filed by (its
    reference id, names, aliases, acronyms, ...: sitrep.kb.entitykeys), filled from the
    stored entities of the KB's members. Without it a KB merged before v2 has its
    entities findable by merge key only, and the next merge duplicates them."""
    from sitrep.kb.entitykeys import entity_keys
    from sitrep.kb.sql import insert_ignore
    from sitrep.store.queries import entities_by_key

    m = kb_entity_members
    members = {(r.article_id, r.entity_id): r.kb_id
               for r in conn.execute(select(m.c.article_id, m.c.entity_id, m.c.kb_id))}
    pairs = sorted(members)
    for i in range(0, len(pairs), 2000):  # bounded memory on a big KB
        chunk = pairs[i:i + 2000]
        rows = {(key[:200], members[ref]) for ref, ent in entities_by_key(conn, set(chunk)).items()
                for key in entity_keys(ent)}
        if rows:
            conn.execute(insert_ignore(conn, kb_entity_keys),
                         [{"key": key, "kb_id": kb_id} for key, kb_id in sorted(rows)])


# version -> the step bringing a KB from version-1 to version
STEPS: dict[int, Callable[[Connection], None]] = {2: _v2_entity_keys}
LATEST = max(STEPS)


def ensure_tables(store: Store) -> int:
    """Bring the store's KB tables to the latest version (creating them when missing);
    returns the version. Cheap when they are: one read, no write lock."""
    return store.migrate_part(kb_schema_version, KB_TABLES, STEPS)
