"""A small versioned migration runner.

The ``schema_version`` table records every version applied. A fresh database gets
every table registered on :data:`sitrep.store.schema.metadata` (``create_all``) and
is stamped with :data:`LATEST`; an older one runs the steps after its version, in
order, each in the same transaction as its stamp. Tables other areas register
later (``kb_*``, ``corrections``) are created on every open (``checkfirst``).

To change the schema: change the table in schema.py AND append a step here that
brings a database of the previous version to the new shape.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, String, Text, inspect, select, text

from sitrep.errors import StoreError
from sitrep.store.engine import WRITE
from sitrep.store.schema import RECORD_TABLES, article_sources, articles, metadata, schema_version

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


# version -> step bringing a database from version-1 to version
STEPS: dict[int, Step] = {
    2: _v2_analysed_index,
    3: _v3_text_columns,
    4: _v4_unicode_lower_indexes,
    5: _v5_event_days,
    6: _v6_builtin_lower_indexes,
}
LATEST = max(STEPS, default=1)


def current_version(conn: Connection) -> int | None:
    """The schema version of the database, or None when it has no Sitrep schema."""
    if not inspect(conn).has_table(schema_version.name):
        return None
    return conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc())).scalar()


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
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        version = current_version(conn)
        if version is None:
            if inspect(conn).has_table("articles"):
                raise StoreError(
                    f"{engine.url.render_as_string(hide_password=True)}: has an 'articles' table "
                    "but no schema_version: not a Sitrep store, use another database"
                )
            metadata.create_all(conn)
            _stamp(conn, latest)
            return latest
        if version > latest:
            raise StoreError(
                f"{engine.url.render_as_string(hide_password=True)}: schema version {version} is "
                f"newer than this Sitrep knows ({latest}); upgrade Sitrep"
            )
        for v in range(version + 1, latest + 1):
            steps[v](conn)
            _stamp(conn, v)
        metadata.create_all(conn)  # tables registered since (checkfirst)
        return latest


def _stamp(conn: Connection, version: int) -> None:
    conn.execute(schema_version.insert().values(version=version, applied_at=datetime.now(UTC)))
