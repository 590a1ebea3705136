"""Engines for both backends: SQLite (default, WAL) and PostgreSQL (psycopg 3).

SQLite: WAL lets readers go on while one process writes; a busy timeout makes a
second writer wait quietly a few seconds instead of failing (then the Store says that it
waits, and for how long at most: sitrep.store.store.LOCK_WAIT_S); write transactions start with
``BEGIN IMMEDIATE`` so two ingests never deadlock upgrading a read lock. SQLite's own
``lower()`` folds ASCII only ("Çavuşoğlu" stays capitalised), so name searches compare
through :class:`fold`, a function of Sitrep's own (``sitrep_fold``: every script's
capitals, accents dropped, so "Erdogan" finds "Erdoğan"; on PostgreSQL ``lower()``).
Nothing stored depends on it: the schema's indexes use SQLite's built-in ``lower()``,
which Sitrep never replaces, so the file stays a plain SQLite database that any tool
reads, checks (``PRAGMA integrity_check``) and writes (#18).
"""

from __future__ import annotations

import functools
import itertools
import os
import unicodedata
from typing import Any

from sqlalchemy import Engine, Text, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from sitrep.config import db_url
from sitrep.errors import MissingExtraError, StoreError
from sitrep.store import deadline

# a writer waits this long for another's lock without a word: another Sitrep process's
# batch write takes well under a second; past it the Store says so and waits on (#18.7)
BUSY_TIMEOUT_S = 5
# execution option that marks a connection as about to write
WRITE = {"sitrep_write": True}
# execution option: this write's lock wait in ms (SQLite busy_timeout, PostgreSQL lock_timeout;
# default BUSY_TIMEOUT_S)
BUSY_MS = "sitrep_busy_ms"


def normalize_url(url_or_path: str) -> str:
    """A SQLAlchemy URL: plain paths become SQLite files, postgresql:// uses psycopg 3."""
    url = db_url(url_or_path)
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url_or_path: str) -> Engine:
    url = normalize_url(url_or_path)
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise StoreError(f"{url_or_path!r} is not a database URL or path: {exc}") from exc
    if backend == "sqlite":
        return _sqlite_engine(url)
    if backend == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise MissingExtraError("PostgreSQL storage", "postgres") from exc
        return _postgresql_engine(url)
    raise StoreError(f"{url_or_path!r}: unsupported database {backend!r} (use a SQLite path or postgresql://)")


_MEMORY_DBS = itertools.count(1)


def identity(engine: Engine) -> str:
    """The database an engine reaches, the same for every engine on it: the URL without
    its password; a SQLite file by its real path; an in-memory database its own."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        path = url.database or ""
        if not path or path == ":memory:" or "mode=memory" in str(url):
            return f"sqlite-memory:{next(_MEMORY_DBS)}"  # never reused, unlike id()
        return "sqlite:///" + os.path.realpath(path)
    return url.set(password=None).render_as_string(hide_password=False)


def _postgresql_engine(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # PostgreSQL waits for a row, table or advisory lock without end: a write waits
        # as long as SQLite's busy timeout, then fails with 55P03, which the Store says
        # and waits on like SQLite's "database is locked" (#18.7)
        options = conn.get_execution_options()
        if options.get("sitrep_write"):
            busy_ms = int(options.get(BUSY_MS, BUSY_TIMEOUT_S * 1000))
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {busy_ms}")

    deadline.install(engine)
    return engine


def serialize(conn: Any, name: str) -> None:
    """Inside a write transaction: wait until no other transaction holds ``name``.

    SQLite needs nothing (``BEGIN IMMEDIATE`` already admits one writer at a time);
    PostgreSQL takes a transaction-scoped advisory lock on the name's hash, so two
    processes doing the same read-then-write work (KB merges) run one after the other.
    """
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext(%(n)s))", {"n": name})


def accent_fold(value: Any) -> Any:
    """SQLite's ``sitrep_fold()``: lower case without accents ("Erdoğan" -> "erdogan")."""
    if not isinstance(value, str):
        return value
    if value.isascii():  # most names: nothing to drop (called once per row scanned)
        return value.lower()
    return _fold_unicode(value)


@functools.lru_cache(maxsize=8192)
def _fold_unicode(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class fold(FunctionElement[str]):  # named like the SQL function it stands for
    """``fold(x)`` in SQL: the form names are compared in (see the module doc)."""

    type = Text()
    inherit_cache = True


@compiles(fold)
def _fold_lower(element: fold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(fold, "sqlite")
def _fold_sqlite(element: fold, compiler: SQLCompiler, **kw: Any) -> str:
    # printable ASCII (most names) folds with SQLite's own lower(), in C; anything else
    # through sitrep_fold, a Python call per row (the same result, much slower)
    x = compiler.process(element.clauses, **kw)
    return f"(CASE WHEN {x} GLOB '*[^ -~]*' THEN sitrep_fold({x}) ELSE lower({x}) END)"


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        dbapi_conn.create_function("sitrep_fold", 1, accent_fold, deterministic=True)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        # a pooled connection keeps a write's shortened timeout: set it for every transaction
        busy_ms = int(options.get(BUSY_MS, BUSY_TIMEOUT_S * 1000))
        conn.exec_driver_sql(f"PRAGMA busy_timeout={busy_ms}")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("sitrep_write") else "BEGIN")

    deadline.install(engine)
    return engine
