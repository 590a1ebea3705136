"""Migrations: a fresh store is at the latest version; an old one is upgraded in place."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, String, Table, Text, inspect, select, text

from sitrep.errors import StoreError
from sitrep.store import metadata, open_store
from sitrep.store import schema as t
from sitrep.store.engine import make_engine
from sitrep.store.migrations import LATEST, migrate
from tests.store.samples import rich_analysis


def _versions(store) -> list[int]:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return list(conn.execute(select(t.schema_version.c.version).order_by(t.schema_version.c.version))
                    .scalars())


def test_fresh_store_is_at_latest(db_url: str) -> None:
    with open_store(db_url) as store:
        assert _versions(store) == [LATEST]
    with open_store(db_url) as store:  # reopening changes nothing
        assert _versions(store) == [LATEST]


def test_version_1_store_is_upgraded_keeping_its_data(db_url: str) -> None:
    a = rich_analysis()
    with open_store(db_url) as store:
        store.add(a)
        with store.engine.begin() as conn:  # make it look like a v1 store
            conn.execute(text("DROP INDEX ix_articles_pipeline_version"))
            if conn.dialect.name == "postgresql":  # v1 had VARCHAR(n) columns
                conn.execute(text("ALTER TABLE entities ALTER COLUMN type TYPE VARCHAR(32)"))
                conn.execute(text('ALTER TABLE timexes ALTER COLUMN "mod" TYPE VARCHAR(16)'))
            conn.execute(t.schema_version.delete())
            conn.execute(t.schema_version.insert().values(version=1, applied_at=t.articles.c.added_at.type
                                                          .python_type.now()))
        indexes = {i["name"] for i in inspect(store.engine).get_indexes("articles")}
        assert "ix_articles_pipeline_version" not in indexes
    with open_store(db_url) as store:
        assert _versions(store) == list(range(1, LATEST + 1))
        indexes = {i["name"] for i in inspect(store.engine).get_indexes("articles")}
        assert "ix_articles_pipeline_version" in indexes
        assert store.get(a.article.id).to_dict() == a.to_dict()
        if store.engine.dialect.name == "postgresql":
            types = {c["name"]: c["type"] for c in inspect(store.engine).get_columns("entities")}
            assert isinstance(types["type"], Text)
        long = rich_analysis(body="another text")
        long.entities[0].type = "X" * 100  # no length limit on either backend
        assert store.add(long)


def test_tables_registered_later_are_created(db_url: str) -> None:
    extra = Table("kb_test_extra", metadata, Column("id", Integer, primary_key=True), Column("x", String(8)))
    try:
        with open_store(db_url) as store:
            assert inspect(store.engine).has_table("kb_test_extra")
    finally:
        metadata.remove(extra)


def test_newer_store_is_refused(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine)
        with pytest.raises(StoreError, match="newer"):
            migrate(engine, steps={2: lambda conn: None} if LATEST > 2 else {})
    finally:
        engine.dispose()


def test_opening_an_up_to_date_store_takes_no_write_lock(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    import threading

    path = tmp_path / "busy.db"
    open_store(str(path)).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a long ingest holding the write lock
    opened: list[int] = []

    def reader() -> None:
        with open_store(str(path)) as store:
            opened.append(store.count())

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    th.join(10)
    writer.execute("ROLLBACK")
    writer.close()
    assert opened == [0], "open_store waited for the writer"


def test_version_4_store_gets_event_days_from_its_stored_dates(db_url: str) -> None:
    a = rich_analysis()
    with open_store(db_url) as store:
        store.add(a)
        with store.engine.begin() as conn:  # a v4 store: no day columns
            for col in ("day_start", "day_end"):
                conn.execute(text(f"ALTER TABLE events DROP COLUMN {col}"))
            conn.execute(t.schema_version.delete())
            conn.execute(t.schema_version.insert().values(version=4, applied_at=t.articles.c.added_at.type
                                                          .python_type.now()))
    with open_store(db_url) as store:
        assert 5 in _versions(store) and _versions(store)[-1] == LATEST
        with store.engine.connect() as conn:
            rows = conn.execute(select(t.events.c.date_start, t.events.c.day_start, t.events.c.day_end)).all()
        dated = [r for r in rows if r.date_start]
        assert dated and all(r.day_start and r.day_end and r.day_start < r.day_end for r in dated)
        assert store.get(a.article.id).to_dict() == a.to_dict()


def test_another_sqlite_client_sees_a_sound_store_and_can_write_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The name indexes use SQLite's own lower(): a client without Sitrep's functions
    finds them consistent after non-ASCII capitals and can delete rows (#18)."""
    import sqlite3

    path = tmp_path / "plain.db"
    a = rich_analysis()
    person = next(e for e in a.entities if e.name == "Jan Kowal")
    person.name = "Mevlüt Çavuşoğlu"
    person.mentions[0].text = "Çavuşoğlu"
    with open_store(str(path)) as store:
        store.add(a)
    plain = sqlite3.connect(path)
    try:
        assert plain.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        plain.execute("DELETE FROM mentions WHERE text = 'Çavuşoğlu'")
        plain.execute("DELETE FROM entities WHERE name LIKE 'Mevl%'")
        plain.commit()
        assert plain.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        plain.close()
    with open_store(str(path)) as store:  # and Sitrep still reads it
        assert store.get(a.article.id) is not None


def test_version_6_store_gets_the_generation_counter(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add(rich_analysis())
        with store.engine.begin() as conn:  # make it look like a v6 store
            conn.execute(text("DROP TABLE store_generation"))
            conn.execute(t.schema_version.delete())
            conn.execute(t.schema_version.insert().values(version=6, applied_at=t.articles.c.added_at.type
                                                          .python_type.now()))
    with open_store(db_url) as store:
        assert _versions(store)[-1] == LATEST
        g = store.generation()
        assert store.add(rich_analysis(body="another text"))
        assert store.generation() == g + 1
