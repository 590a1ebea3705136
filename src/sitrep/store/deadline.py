"""Time limits on database work: a deadline per context (one web request, one search),
enforced inside the engine, so a slow query ends with :class:`QueryTimeout` instead of
running on after its caller has gone (#18).

    with time_limit(5.0):           # nested limits: the earliest deadline wins
        conn.execute(...)           # QueryTimeout once 5 s have passed

SQLite: a progress handler on every connection checks the deadline of the running
context every few thousand virtual-machine steps and interrupts the statement.
PostgreSQL: each connection taken from the pool inside a limit gets
``statement_timeout`` set to the time left. :func:`stop_all` (the server on SIGTERM)
makes every running SQLite statement end at its next check, whatever its limit.

The deadline is a context variable: Starlette copies the request's context into the
thread that runs a sync endpoint, so a limit set by the server's middleware holds there.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event

from sitrep.errors import StoreError

# virtual-machine steps between two deadline checks (a few milliseconds of work)
PROGRESS_STEPS = 20_000

_deadline: ContextVar[float | None] = ContextVar("sitrep_deadline", default=None)
_limit: ContextVar[float | None] = ContextVar("sitrep_limit", default=None)
_stopping = threading.Event()


class QueryTimeout(StoreError):
    """A query ran past its time limit (or the process is stopping) and was ended."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Database work in this block ends with :class:`QueryTimeout` after ``seconds``."""
    due = time.monotonic() + seconds
    outer = _deadline.get()
    token = _deadline.set(due if outer is None else min(due, outer))
    limit_token = _limit.set(seconds if outer is None else min(seconds, _limit.get() or seconds))
    try:
        yield
    finally:
        _limit.reset(limit_token)
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left before the current deadline (None: no limit)."""
    due = _deadline.get()
    return None if due is None else due - time.monotonic()


def expired() -> bool:
    if _stopping.is_set():
        return True
    due = _deadline.get()
    return due is not None and time.monotonic() > due


def stop_all() -> None:
    """End every running SQLite statement of this process at its next check (shutdown)."""
    _stopping.set()


def stopping() -> bool:
    return _stopping.is_set()


def _message() -> str:
    if _stopping.is_set():
        return "the server is stopping: the query was ended"
    limit = _limit.get()
    took = f" of {limit:g} s" if limit is not None else ""
    return f"the query ran past its time limit{took} and was ended: narrow it (fewer words, a filter)"


def install(engine: Engine) -> None:
    """Make ``engine`` honour :func:`time_limit` and :func:`stop_all`."""
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _progress(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.set_progress_handler(_sqlite_check, PROGRESS_STEPS)
    elif engine.dialect.name == "postgresql":
        @event.listens_for(engine, "checkout")
        def _timeout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
            left = remaining()
            if left is None and not record.info.get("sitrep_timeout"):
                return
            ms = 0 if left is None else max(1, int(left * 1000))
            with dbapi_conn.cursor() as cur:
                cur.execute(f"SET statement_timeout = {ms}")
            dbapi_conn.commit()
            record.info["sitrep_timeout"] = left is not None

    @event.listens_for(engine, "handle_error")
    def _timed_out(ctx: Any) -> None:
        if _is_timeout(ctx.original_exception):
            raise QueryTimeout(_message()) from ctx.original_exception


def _sqlite_check() -> int:
    return 1 if expired() else 0


def _is_timeout(exc: BaseException | None) -> bool:
    if isinstance(exc, sqlite3.OperationalError):
        return "interrupted" in str(exc)
    return type(exc).__name__ == "QueryCanceled"  # psycopg.errors.QueryCanceled
