"""Time limits on queries (#18): a statement past its limit ends with QueryTimeout, on
SQLite (progress handler) and PostgreSQL (statement_timeout); nothing leaks to the next
use of the connection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from sitrep.store import Store, open_store
from sitrep.store.deadline import QueryTimeout, remaining, time_limit

# a statement that runs for minutes on either engine unless it is ended
ENDLESS = {
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    "postgresql": "SELECT pg_sleep(120)",
}


@pytest.fixture
def any_store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    yield s
    s.close()


def test_a_statement_past_its_limit_is_ended(any_store: Store) -> None:
    engine = any_store.engine
    late = pytest.raises(QueryTimeout, match=r"time limit of 0\.3 s")
    with time_limit(0.3), engine.connect() as conn, late:
        conn.execute(text(ENDLESS[engine.dialect.name]))
    # the connection goes back to the pool without the limit
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1


def test_nested_limits_keep_the_earliest() -> None:
    assert remaining() is None
    with time_limit(100):
        with time_limit(1000):
            left = remaining()
            assert left is not None and left <= 100
        with time_limit(1):
            left = remaining()
            assert left is not None and left <= 1
    assert remaining() is None
