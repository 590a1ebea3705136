"""A small versioned migration runner.

The ``schema_version`` table records every version applied. A fresh database gets
every table registered on :data:`sitrep.store.schema.metadata` (``create_all``) and
is stamped with :data:`LATEST`; an older one runs the steps after its version, in
order, each in the same transaction as its stamp.

Another layer that owns tables (the knowledge base: ``kb_*``, ``corrections``) versions
them the same way with :func:`migrate_part`: its own version table and steps
(sitrep.kb.schema). Tables registered on the metadata are also created when missing on
every open (``checkfirst``), but only a step fills a new table from the data already
stored.

To change the schema: change the table in schema.py AND append a step here that
brings a database of the previous version to the new shape.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, String, Table, Text, inspect, select, text

from sitrep.errors import StoreError
from sitrep.store import generation
from sitrep.store.engine import WRITE
from sitrep.store.schema import (
    RECORD_TABLES,
    article_sources,
    articles,
    metadata,
    schema_version,
    store_generation,
)

Step = Callable[[Connection], None]

# arbitrary constant: the PostgreSQL advisory lock that serializes migrations
_PG_LOCK = 0x5172E9


def _v2_analysed_index(conn: Connection) -> None:
    """v2: index article versions so reanalysis finds outdated articles fast."""
    conn.execute(text(
        "CREATE INDEX IF NOT EXISTS ix_articles_pipeline_version ON articles (pipeline_version)"
    ))


def _v3_text_columns(conn: Connection) -> None:
    """v3: string columns become TEXT (PostgreSQL enforced VARCHAR lengths; SQLite never did)."""
    if conn.dialect.name != "postgresql":
        return
    insp = inspect(conn)
    for table in (*RECORD_TABLES, articles, article_sources):
        for col in insp.get_columns(table.name):
            now = table.c.get(col["name"])
            varchar = isinstance(col["type"], String) and not isinstance(col["type"], Text)
            if varchar and now is not None and isinstance(now.type, Text):
                conn.execute(text(f'ALTER TABLE {table.name} ALTER COLUMN "{col["name"]}" TYPE TEXT'))


def _v4_unicode_lower_indexes(conn: Connection) -> None:
    """v4: SQLite's lower(name) indexes rebuilt (REINDEX) with the lower() in effect."""
    if conn.dialect.name != "sqlite":
        return
    for name in ("ix_entities_name_lower", "ix_mentions_text_lower"):
        found = text("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :n")
        if conn.execute(found, {"n": name}).first():
            conn.execute(text(f"REINDEX {name}"))


def _v5_event_days(conn: Connection) -> None:
    """v5: events get their dates as days [day_start, day_end) (sitrep.timespan), filled
    from the TIMEX3 values already stored, so time filters and sorting stop comparing text."""
    from sitrep.store.codec import event_dates
    from sitrep.store.schema import events

    have = {c["name"] for c in inspect(conn).get_columns(events.name)}
    for col in ("day_start", "day_end"):
        if col not in have:
            conn.execute(text(f"ALTER TABLE {events.name} ADD COLUMN {col} TEXT"))
    rows = conn.execute(select(events.c.article_id, events.c.id, events.c.date_start, events.c.date_end)
                        .where(events.c.date_start.is_not(None))).all()
    for r in rows:
        d = event_dates({"start": r.date_start, "end": r.date_end})
        conn.execute(events.update()
                     .where((events.c.article_id == r.article_id) & (events.c.id == r.id))
                     .values(day_start=d["day_start"], day_end=d["day_end"]))


def _v6_builtin_lower_indexes(conn: Connection) -> None:
    """v6: the lower(name) indexes rebuilt with SQLite's built-in lower(): v4 built them
    with a replacement only Sitrep's connections had, so other tools found index rows
    missing ("database disk image is malformed" on a DELETE from the sqlite3 shell)."""
    _v4_unicode_lower_indexes(conn)  # REINDEX, now with the built-in lower()


def _v7_generation(conn: Connection) -> None:
    """v7: the store's generation counter (sitrep.store.generation), which caches key on."""
    store_generation.create(conn, checkfirst=True)
    generation.ensure_row(conn)


# version -> step bringing a database from version-1 to version
STEPS: dict[int, Step] = {
    2: _v2_analysed_index,
    3: _v3_text_columns,
    4: _v4_unicode_lower_indexes,
    5: _v5_event_days,
    6: _v6_builtin_lower_indexes,
    7: _v7_generation,
}
LATEST = max(STEPS, default=1)


def current_version(conn: Connection, table: Table = schema_version) -> int | None:
    """The schema version recorded in ``table``, or None when there is none."""
    if not inspect(conn).has_table(table.name):
        return None
    return conn.execute(select(table.c.version).order_by(table.c.version.desc())).scalar()


def migrate(engine: Engine, steps: dict[int, Step] | None = None) -> int:
    """Bring the database to the latest version; returns the version it is at."""
    steps = STEPS if steps is None else steps
    latest = max(steps, default=1)
    with engine.connect() as conn:  # read only: a store that is up to date takes no write lock
        version = current_version(conn)
        missing = set(metadata.tables) - set(inspect(conn).get_table_names())
    if version == latest and not missing:
        return latest
    with engine.connect().execution_options(**WRITE) as conn, conn.begin():
        _lock(conn)
        version = current_version(conn)
        if version is None:
            if inspect(conn).has_table("articles"):
                raise StoreError(
                    f"{engine.url.render_as_string(hide_password=True)}: has an 'articles' table "
                    "but no schema_version: not a Sitrep store, use another database"
                )
            metadata.create_all(conn)
            generation.ensure_row(conn)
            _stamp(conn, latest)
            return latest
        _upgrade(conn, schema_version, version, steps)
        metadata.create_all(conn)  # tables registered since (checkfirst)
        generation.bump(conn)
        return latest


def migrate_part(engine: Engine, version_table: Table, tables: list[Table], steps: dict[int, Step]) -> int:
    """Bring the tables another layer owns to its latest version; returns that version.

    ``version_table`` records the part's versions as ``schema_version`` does the
    store's. A database that records none is at version 1: the part's tables as they
    were before the part was versioned (whatever of them is missing is created, empty,
    first). Each later step runs, in order, in one transaction with its stamp; a step
    that adds a table fills it from what is stored (creating it is not enough: a table
    added empty to a store with data makes the data look absent)."""
    latest = max(steps, default=1)
    with engine.connect() as conn:  # read only: an up-to-date store takes no write lock
        names = set(inspect(conn).get_table_names())
        version = current_version(conn, version_table) if version_table.name in names else None
    if version == latest and {t.name for t in tables} <= names:
        return latest
    with engine.connect().execution_options(**WRITE) as conn, conn.begin():
        _lock(conn)
        metadata.create_all(conn, tables=[version_table, *tables])  # checkfirst
        _upgrade(conn, version_table, current_version(conn, version_table) or 1, steps)
        generation.bump(conn)
        return latest


def _lock(conn: Connection) -> None:
    """One migrating process at a time (SQLite: BEGIN IMMEDIATE already admits one)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})


def _upgrade(conn: Connection, table: Table, version: int, steps: dict[int, Step]) -> None:
    """Run the steps after ``version`` in order, each stamped in ``table``; a version newer
    than the steps know is refused."""
    latest = max(steps, default=1)
    if version > latest:
        where = conn.engine.url.render_as_string(hide_password=True)
        name = "schema version" if table is schema_version else table.name
        raise StoreError(f"{where}: {name} {version} is newer than this Sitrep knows ({latest}); "
                         "upgrade Sitrep")
    for v in range(version + 1, latest + 1):
        steps[v](conn)
        _stamp(conn, v, table)


def _stamp(conn: Connection, version: int, table: Table = schema_version) -> None:
    conn.execute(table.insert().values(version=version, applied_at=datetime.now(UTC)))
