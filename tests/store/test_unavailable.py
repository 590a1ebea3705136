"""A store that no write can reach (locked past every retry) stops the batch at once with
one message, instead of failing every article in turn (#18.7)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.config import Settings
from sitrep.drive import ingest
from sitrep.errors import StoreUnavailableError
from sitrep.store import open_store


def _articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Report {i}: Poland ordered {i + 2} tanks from Korea on Monday.\n")


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.store.engine as engine
    import sitrep.store.store as store

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 1)
    monkeypatch.setattr(store, "_ATTEMPTS", 2)


def test_a_locked_store_stops_the_ingest_with_one_error(tmp_path: Path, short_waits: None) -> None:
    db = tmp_path / "locked.db"
    open_store(str(db)).close()
    _articles(tmp_path / "in", 3)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with open_store(str(db)) as store:
            began = time.monotonic()
            with pytest.raises(StoreUnavailableError, match="locked by another writer"):
                ingest([str(tmp_path / "in")], store, Settings(db=str(db), n_process=1), progress=False)
            assert time.monotonic() - began < 30  # one batch's retries, not one per article
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(str(db)) as store:
        assert store.count() == 0  # nothing half-written


def test_the_cli_says_so_and_exits_1(tmp_path: Path, short_waits: None) -> None:
    from sitrep.cli import main

    db = tmp_path / "locked.db"
    open_store(str(db)).close()
    _articles(tmp_path / "in", 2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        r = CliRunner().invoke(main, ["--db", str(db), "ingest", "--no-progress", "-j", "1",
                                      str(tmp_path / "in")])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.exit_code == 1
    assert "locked by another writer" in r.output and "run the same command again" in r.output
    assert r.output.count("Error:") == 1 and "Traceback" not in r.output
