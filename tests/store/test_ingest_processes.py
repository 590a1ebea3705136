"""`sitrep ingest` as real processes: killed midway then re-run; two at once into one store."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from sitrep.store import open_store
from sitrep.store import schema as t
from tests.store.test_ingest import write_articles

# the console script installed beside this interpreter (the venv's), else on PATH
_BESIDE = Path(sys.executable).with_name("sitrep")
SITREP = [str(_BESIDE) if _BESIDE.exists() else shutil.which("sitrep") or "sitrep"]


def _run(db: str, *args: str, batch: int = 50) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("SITREP_DB", None)
    return subprocess.Popen([*SITREP, "--db", db, "ingest", "-j", "1", "--no-progress",
                             "--write-batch", str(batch), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _stored(db: str) -> int:
    with open_store(db) as store:
        return store.count()


def _check_complete(db: str, n: int) -> None:
    """Every article stored once, each with its one source and its records readable."""
    with open_store(db) as store, store.engine.connect() as conn:
        assert store.count() == n
        ids = conn.execute(select(t.articles.c.id)).scalars().all()
        assert len(set(ids)) == n
        per_article = conn.execute(
            select(t.article_sources.c.article_id, func.count()).group_by(t.article_sources.c.article_id)
        ).all()
        assert len(per_article) == n and {c for _, c in per_article} == {1}
        for a in store.iter_analyses():
            assert a.article.text and a.article.analysis is None


def test_killed_ingest_rerun_stores_every_article_once(db_url: str, tmp_path: Path) -> None:
    n = 120
    write_articles(tmp_path / "in", n)
    proc = _run(db_url, str(tmp_path / "in"), batch=3)
    deadline = time.monotonic() + 300
    try:
        while _stored_safely(db_url) < 2:
            assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest stored nothing in 300 s"
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    killed_at = _stored(db_url)
    assert 0 < killed_at < n, "the kill must land in the middle of the batch"
    rerun = _run(db_url, str(tmp_path / "in"))
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"{n} read: {n - killed_at} new, {killed_at} already stored" in out
    _check_complete(db_url, n)


def _stored_safely(db: str) -> int:
    try:
        return _stored(db)
    except Exception:  # the store may not be created yet
        return 0


def test_two_ingests_at_once_lose_nothing(db_url: str, tmp_path: Path) -> None:
    n = 24
    paths = [str(p) for p in write_articles(tmp_path / "in", n)]
    _stored(db_url)  # create the schema first, as `sitrep ingest` would
    first = _run(db_url, *paths)
    second = _run(db_url, *reversed(paths))  # they meet in the middle
    results = [p.communicate(timeout=900) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], [err for _, err in results]
    news = [int(out.split(" new")[0].split()[-1]) for out, _ in results]
    assert sum(news) == n, results
    _check_complete(db_url, n)


def test_two_ingests_creating_the_store_at_once(tmp_path: Path) -> None:
    db = str(tmp_path / "fresh.db")
    [p] = write_articles(tmp_path / "in", 1)
    procs = [_run(db, str(p)), _run(db, str(p))]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    _check_complete(db, 1)
