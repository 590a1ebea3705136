"""A store that no write can reach (locked past the wait, disk full) stops the batch at
once with one message, instead of failing every article in turn; a lock another process
holds is waited for a bounded time, said once (#18.7)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event

from sitrep.config import Settings
from sitrep.drive import ingest
from sitrep.errors import StoreUnavailableError
from sitrep.model import Analysis, Article, Entity, Mention
from sitrep.store import Store, open_store

WAITING = "waiting for the store lock held by another process"


def _articles(folder: Path, n: int, paragraphs: int = 1) -> None:
    folder.mkdir()
    for i in range(n):
        para = f"Report {i}: Poland ordered {i + 2} tanks from Korea on Monday.\n\n"
        (folder / f"a{i}.txt").write_text(para * paragraphs)


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.store.engine as engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 1)
    monkeypatch.setenv("SITREP_LOCK_WAIT", "2")


def _hold_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that takes the store's write lock for ``seconds``."""
    code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(float(sys.argv[2])); "
            "c.execute('ROLLBACK')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_locked_store_stops_the_ingest_with_one_error(tmp_path: Path, short_waits: None) -> None:
    db = tmp_path / "locked.db"
    open_store(str(db)).close()
    _articles(tmp_path / "in", 3)
    said: list[str] = []
    holder = _hold_lock(db, 60)
    try:
        with open_store(str(db), lock_wait=2, notice=said.append) as store:
            began = time.monotonic()
            with pytest.raises(StoreUnavailableError, match=r"locked by another writer \(waited [23] s\)"):
                ingest([str(tmp_path / "in")], store, Settings(db=str(db), n_process=1), progress=False)
            assert time.monotonic() - began < 30  # one bounded wait, not one per article
    finally:
        holder.kill()
        holder.wait()
    assert said == [f"{WAITING}: sqlite:///{db} (up to 2 s)"]  # once, not once per retry
    with open_store(str(db)) as store:
        assert store.count() == 0  # nothing half-written


def test_a_lock_released_within_the_wait_is_waited_for(tmp_path: Path, short_waits: None) -> None:
    db = tmp_path / "busy.db"
    open_store(str(db)).close()
    said: list[str] = []
    holder = _hold_lock(db, 2.5)
    try:
        with open_store(str(db), lock_wait=30, notice=said.append) as store:
            assert store.add(Analysis(article=Article(text="Troops crossed the river on Monday.")))
            assert store.count() == 1
    finally:
        holder.wait()
    assert len(said) == 1 and said[0].startswith(WAITING) and "(up to 30 s)" in said[0]


def test_a_short_wait_says_nothing(tmp_path: Path) -> None:
    db = tmp_path / "quiet.db"
    open_store(str(db)).close()
    said: list[str] = []
    holder = _hold_lock(db, 0.3)  # well inside the busy timeout: another writer's batch
    try:
        with open_store(str(db), notice=said.append) as store:
            assert store.add(Analysis(article=Article(text="Troops crossed the river on Monday.")))
    finally:
        holder.wait()
    assert said == []


def test_the_cli_says_so_and_exits_1(tmp_path: Path, short_waits: None) -> None:
    from sitrep.cli import main

    db = tmp_path / "locked.db"
    open_store(str(db)).close()
    _articles(tmp_path / "in", 2)
    holder = _hold_lock(db, 60)
    try:
        r = CliRunner().invoke(main, ["--db", str(db), "ingest", "--no-progress", "-j", "1",
                                      str(tmp_path / "in")])
    finally:
        holder.kill()
        holder.wait()
    assert r.exit_code == 1
    assert r.stderr.count(WAITING) == 1 and "(up to 2 s)" in r.stderr
    assert "locked by another writer" in r.output and "run the same command again" in r.output
    assert r.output.count("Error:") == 1 and "Traceback" not in r.output


# a full disk: SQLite's max_page_count makes a real SQLITE_FULL ("database or disk is full")
# without a tiny file system (which needs root to mount)

def _fill_disk(store: Store, spare_pages: int = 0) -> None:
    """From now on the store's file cannot grow by more than ``spare_pages`` pages."""
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    @event.listens_for(store.engine, "connect")
    def _limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + spare_pages}")

    store.engine.dispose()  # pooled connections were opened without the limit


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_a_full_disk_stops_the_ingest_at_the_first_write(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    _articles(tmp_path / "in", 4, paragraphs=80)  # each needs pages the file has no room for
    with open_store(str(db)) as store:
        _fill_disk(store)
        writes: list[int] = []
        add_many = store.add_many
        store.add_many = lambda batch: writes.append(len(batch)) or add_many(batch)  # type: ignore[method-assign]
        with pytest.raises(StoreUnavailableError, match="the disk is full: free space; every article"):
            ingest([str(tmp_path / "in")], store, Settings(db=str(db), n_process=1, write_batch=1),
                   progress=False)
        assert writes == [1]  # the first write failed: no other was tried
    assert _integrity(db) == "ok"
    with open_store(str(db)) as store:
        assert store.count() == 0


def _entities_only(i: int) -> Analysis:
    text = f"Officials in Warsaw and Seoul met on Monday ({i})."
    ents = [Entity(id=f"e{n}", name=name, type="CITY", mentions=[Mention(text.index(name),
                   text.index(name) + len(name), name)]) for n, name in enumerate(("Warsaw", "Seoul"))]
    return Analysis(article=Article(text=text, source=f"a{i}.txt"), entities=ents)


def test_a_full_disk_stops_kb_merge_with_one_message(tmp_path: Path) -> None:
    pytest.importorskip("numpy")
    from sitrep.cli import main
    from sitrep.kb import schema as k

    db = tmp_path / "kb.db"
    with open_store(str(db)) as store:
        k.ensure_tables(store)
        store.add_many([_entities_only(i) for i in range(3)])
        _fill_disk(store)
        from sitrep.kb import merge

        with pytest.raises(StoreUnavailableError, match="the disk is full"):
            merge(store)
    assert _integrity(db) == "ok"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM kb_merged").fetchone()[0] == 0  # nothing half-merged
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    def full(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    import sqlalchemy

    event.listen(sqlalchemy.engine.Engine, "connect", full)
    try:
        r = CliRunner().invoke(main, ["--db", str(db), "kb", "merge"])
    finally:
        event.remove(sqlalchemy.engine.Engine, "connect", full)
    assert r.exit_code == 1 and r.output.count("Error:") == 1 and "Traceback" not in r.output
    assert "kb merge stopped" in r.output and "the disk is full" in r.output
    assert _integrity(db) == "ok"


@pytest.mark.postgres
def test_a_postgresql_lock_is_waited_for_a_bounded_time_and_said(pg_url: str, short_waits: None) -> None:
    """PostgreSQL waits for a lock without end: a write gives up after the busy timeout
    (lock_timeout), says that it waits, and stops after ``lock_wait`` like SQLite."""
    from sqlalchemy import create_engine, text

    from tests.store.conftest import pg_schema_url

    gen = pg_schema_url(pg_url)
    url = next(gen)
    try:
        open_store(url).close()
        holder = create_engine(url)
        said: list[str] = []
        with holder.connect() as conn, conn.begin():
            conn.execute(text("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE"))
            with open_store(url, lock_wait=2, notice=said.append) as store:
                began = time.monotonic()
                locked = r"locked by another writer \(waited [23] s\)"
                with pytest.raises(StoreUnavailableError, match=locked):
                    store.add(Analysis(article=Article(text="Troops crossed the river on Monday.")))
                assert time.monotonic() - began < 10
        holder.dispose()
        assert len(said) == 1 and said[0].startswith(WAITING) and "(up to 2 s)" in said[0]
        with open_store(url) as store:
            assert store.add(Analysis(article=Article(text="Troops crossed the river on Monday.")))
    finally:
        gen.close()
