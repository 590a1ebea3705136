"""The Store: every article and its records, through one SQLAlchemy Core layer.

Each article is written in ONE transaction (all or nothing); a text already stored
is not stored again, its new source is added to ``article_sources``. Two writers at
once lose nothing: the article id is unique and inserts use ON CONFLICT DO NOTHING.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, MetaData, Table, delete, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from sitrep.errors import StoreError, StoreUnavailableError
from sitrep.model import Analysis, AnalysisState, Source
from sitrep.store import codec, generation
from sitrep.store import engine as _engine
from sitrep.store import schema as t
from sitrep.store.engine import WRITE, make_engine
from sitrep.store.migrations import Step, migrate, migrate_part

T = TypeVar("T")


@dataclass(slots=True)
class ArticleSummary:
    """One line of ``sitrep list``."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    source: str
    language: str | None
    analysis: str | None
    pipeline_version: str
    n_sources: int
    n_entities: int
    n_quotes: int
    n_events: int
    n_timexes: int = 0


def _now() -> datetime:
    return datetime.now(UTC)


def _insert(conn: Connection, table: t.Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING for the connection's dialect."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


# a writer that finds the store locked by another process waits this long in all, then
# stops with StoreUnavailableError: long enough for another Sitrep process's write (a
# batch of articles, one article's KB merge: seconds), short enough that a forgotten
# `sqlite3` shell holding a transaction does not stall a batch for hours (#18.7)
LOCK_WAIT_S = 120.0
# the same message at most this often (a long run beside a busy writer: not one per write)
_NOTICE_EVERY_S = 60.0

Notice = Callable[[str], None]


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Store:
    def __init__(self, engine: Engine, *, lock_wait: float = LOCK_WAIT_S,
                 notice: Notice = _to_stderr) -> None:
        self.engine = engine
        self._identity = _engine.identity(engine)
        self.lock_wait = lock_wait
        self._notice = notice
        self._noticed_at: float | None = None

    # writing ---------------------------------------------------------------
    def add(self, analysis: Analysis) -> bool:
        """Store one analysis; False when its text is already stored (its sources are added).

        Sources without ``first_seen`` are stamped with the current time (on the
        analysis object too, so it equals what :meth:`get` returns).
        """
        return self.add_many([analysis])[0]

    def add_many(self, analyses: Sequence[Analysis]) -> list[bool]:
        """Store a batch in ONE transaction (fewer commits); per analysis, whether it was new.

        All or nothing for the whole batch: when it fails nothing of it is stored.
        """
        encoded = []
        now = _now()
        for a in analyses:
            _stamp_sources(a.article.sources)
            rows = _encoded(a)
            rows["articles"][0].update(added_at=now, analysed_at=now)
            encoded.append(rows)

        def work(conn: Connection) -> list[bool]:
            stmt = _insert(conn, t.articles).returning(t.articles.c.seq)
            flags = []
            records: dict[str, list[dict[str, Any]]] = {}
            for rows in encoded:
                inserted = conn.execute(stmt, rows["articles"][0]).first() is not None
                self._add_sources(conn, rows["article_sources"])
                if inserted:  # one executemany per table for the whole batch
                    for name, table_rows in rows.items():
                        records.setdefault(name, []).extend(table_rows)
                flags.append(inserted)
            self._insert_records(conn, records)
            return flags

        return self.write(work) if encoded else []

    def add_sources(self, article_id: str, sources: Sequence[Source]) -> int:
        """Record more places the stored article ``article_id`` was met; returns how many were new."""
        _stamp_sources(sources)
        rows = codec.source_rows(article_id, sources)
        return self.write(lambda conn: self._add_sources(conn, rows))

    def replace(self, analysis: Analysis) -> None:
        """Replace the stored records of an article by a new analysis (reanalysis).

        Its sources and first ingest time are kept; new sources are added.
        """
        _stamp_sources(analysis.article.sources)
        rows = _encoded(analysis)
        aid = analysis.article.id
        art = rows["articles"][0]
        art["analysed_at"] = _now()

        def work(conn: Connection) -> None:
            if not conn.execute(select(t.articles.c.seq).where(t.articles.c.id == aid)).first():
                conn.execute(t.articles.insert(), {**art, "added_at": art["analysed_at"]})
            else:
                for table in reversed(t.RECORD_TABLES):
                    conn.execute(delete(table).where(table.c.article_id == aid))
                conn.execute(t.articles.update().where(t.articles.c.id == aid).values(**art))
            self._add_sources(conn, rows["article_sources"])
            self._insert_records(conn, rows)

        self.write(work)

    def _add_sources(self, conn: Connection, rows: list[dict[str, Any]]) -> int:
        # one statement per source (few rows per article); RETURNING says which were new
        stmt = _insert(conn, t.article_sources).returning(t.article_sources.c.seq)
        return sum(conn.execute(stmt, row).first() is not None for row in rows)

    def _insert_records(self, conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
        for table in t.RECORD_TABLES:
            if rows.get(table.name):
                conn.execute(table.insert(), rows[table.name])

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reads: the knowledge base and the front ends read through it,
        never through the engine, as every write goes through :meth:`write`."""
        with self.engine.connect() as conn:
            yield conn

    def create_tables(self, metadata: MetaData, tables: Sequence[Table]) -> None:
        """Create tables another layer defines when they are missing (empty: a layer with
        data to keep versions its tables with :meth:`migrate_part`)."""
        metadata.create_all(self.engine, tables=list(tables))

    def migrate_part(self, version_table: Table, tables: Sequence[Table], steps: dict[int, Step]) -> int:
        """Bring the tables another layer owns (the KB's) to their latest version
        (sitrep.store.migrations.migrate_part)."""
        return migrate_part(self.engine, version_table, list(tables), steps)

    def generation(self) -> int:
        """A number every write raises: equal numbers, equal data (for caches)."""
        with self.read() as conn:
            return generation.current(conn)

    @property
    def identity(self) -> str:
        """The database this store is, the same for every Store on it (for caches): the
        URL without password, a SQLite file by its real path; an in-memory database is
        its own."""
        return self._identity

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work(conn)`` in one write transaction (all or nothing) and return its result.

        Another writer in the way is waited for: a PostgreSQL deadlock or serialization
        failure is retried; a store locked by another process past the busy timeout
        (SQLite's busy_timeout, PostgreSQL's lock_timeout) is said once on stderr ("waiting
        for the store lock ...") and waited for up to ``lock_wait`` seconds in all, then
        StoreUnavailableError, as for a full disk or a read-only file. Other database errors
        become StoreError naming the store. ``work`` may run more than once: it must only use
        ``conn``. Every write raises the store's generation (:meth:`generation`)."""
        wait = _LockWait(self)
        for attempt in range(1, 1_000_000):
            began = time.monotonic()
            try:
                options = {**WRITE, _engine.BUSY_MS: wait.busy_ms()}
                with self.engine.connect().execution_options(**options) as conn, conn.begin():
                    result = work(conn)
                    generation.bump(conn)  # readers' caches see the change (same transaction)
                    return result
            except DBAPIError as exc:
                if _locked(exc) and wait.again(time.monotonic() - began):
                    continue
                if _transient(exc) and not _locked(exc) and attempt < _ATTEMPTS:
                    time.sleep(_backoff(attempt))
                    continue
                if (why := _unavailable(exc, wait.waited())) is not None:
                    raise StoreUnavailableError(f"{_where(self.engine)}: {why}") from exc
                raise StoreError(f"{_where(self.engine)}: write failed: {exc.orig}") from exc
        raise AssertionError("unreachable")

    def notice_lock(self) -> None:
        """Say on stderr that a write waits for another process's lock (not every time)."""
        now = time.monotonic()
        if self._noticed_at is None or now - self._noticed_at >= _NOTICE_EVERY_S:
            self._noticed_at = now
            self._notice(f"waiting for the store lock held by another process: {_where(self.engine)} "
                         f"(up to {self.lock_wait:.0f} s)")

    # reading ---------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            q = select(t.articles.c.seq).where(t.articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def stored_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these ids are stored (one query per 500 ids)."""
        ids = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                q = select(t.articles.c.id).where(t.articles.c.id.in_(ids[i:i + 500]))
                found.update(conn.execute(q).scalars())
        return found

    def resolve_id(self, id_or_prefix: str) -> str | None:
        """The full id of the one article whose id starts with ``id_or_prefix``."""
        prefix = id_or_prefix.strip().lower()
        if not prefix or any(c not in "0123456789abcdef" for c in prefix):
            return None
        with self.engine.connect() as conn:
            # a range, not LIKE, so the unique index on id serves it on both backends
            upper = prefix + "g"  # above every hex digit
            q = select(t.articles.c.id).where(t.articles.c.id >= prefix, t.articles.c.id < upper).limit(2)
            ids = conn.execute(q).scalars().all()
        if len(ids) > 1:
            raise StoreError(f"article id prefix {id_or_prefix!r} is ambiguous: give more characters")
        return ids[0] if ids else None

    def get(self, article_id_or_prefix: str) -> Analysis | None:
        """The stored extract-format record of one article (full id or unique prefix)."""
        aid = self.resolve_id(article_id_or_prefix)
        if aid is None:
            return None
        return next(iter(self._load([aid])), None)

    def iter_analyses(
        self, *, batch_size: int = 100, outdated_from: str | None = None, ids: Iterable[str] | None = None
    ) -> Iterator[Analysis]:
        """Every stored analysis in ingest order, streamed a batch at a time.

        ``outdated_from``: only articles to analyse again: made by another pipeline
        version than it, or whose analysis failed (``analysis`` "failed: ...").
        ``ids``: only these articles.
        """
        if ids is not None:
            wanted = list(ids)
            for i in range(0, len(wanted), batch_size):
                yield from self._load(wanted[i:i + batch_size])
            return
        last = 0
        while True:
            q = select(t.articles.c.seq, t.articles.c.id).where(t.articles.c.seq > last)
            if outdated_from is not None:
                q = q.where(outdated(outdated_from))
            with self.engine.connect() as conn:
                page = conn.execute(q.order_by(t.articles.c.seq).limit(batch_size)).all()
            if not page:
                return
            last = page[-1].seq
            yield from self._load([r.id for r in page])

    def _load(self, ids: list[str]) -> list[Analysis]:
        """Analyses of these ids (those stored), in the order given; a few queries for all."""
        if not ids:
            return []
        with self.engine.connect() as conn, conn.begin():
            arts = {r["id"]: r for r in _rows(conn, t.articles, ids, id_col="id")}
            sources = _grouped(_rows(conn, t.article_sources, ids))
            children = {table.name: _grouped(_rows(conn, table, ids)) for table in t.RECORD_TABLES}
        out = []
        for aid in ids:
            if aid in arts:
                kids = {name: rows.get(aid, []) for name, rows in children.items()}
                out.append(codec.decode(arts[aid], sources.get(aid, []), kids))
        return out

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.articles)).scalar_one()

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
        """Articles in ingest order with their record counts."""
        a = t.articles

        def n(table: t.Table) -> Any:
            return select(func.count()).where(table.c.article_id == a.c.id).scalar_subquery()

        q = select(
            a.c.id, a.c.title, a.c.published, a.c.outlet, a.c.source, a.c.language, a.c.analysis,
            a.c.pipeline_version, n(t.article_sources).label("n_sources"),
            n(t.entities).label("n_entities"), n(t.quotes).label("n_quotes"), n(t.events).label("n_events"),
            n(t.timexes).label("n_timexes"),
        ).order_by(a.c.seq).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [ArticleSummary(**r._mapping) for r in conn.execute(q)]

    # queries (sitrep.store.queries) ----------------------------------------
    def quotes(self, speaker: str | None = None, **filters: Any) -> list[Any]:
        from sitrep.store.queries import find_quotes

        return find_quotes(self, speaker=speaker, **filters)

    def events(self, type: str | None = None, actor: str | None = None, place: str | None = None,
               status: str | None = None, since: str | None = None, until: str | None = None,
               **filters: Any) -> list[Any]:
        from sitrep.store.queries import find_events

        return find_events(self, type=type, actor=actor, place=place, status=status,
                           since=since, until=until, **filters)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ATTEMPTS = 4
_MIN_ATTEMPT_S = 0.05  # the shortest busy timeout worth another attempt
_TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock not available


def _backoff(attempt: int) -> float:
    return 0.1 * 2 ** attempt * (1 + random.random())


class _LockWait:
    """One write's wait for a lock another process holds. An attempt that failed at once
    (SQLite's immediate busy error, e.g. while another process switches a new file to
    WAL) is retried quietly a few times; one that waited out the busy timeout is said
    (Store.notice_lock) and tried again until ``lock_wait`` seconds have gone by, the
    last attempt's busy timeout cut to what is left (the wait never outlasts what was said)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.began: float | None = None  # when the first attempt that waited started
        self.quick = 0

    def again(self, attempt_seconds: float) -> bool:
        now = time.monotonic()
        if attempt_seconds < _engine.BUSY_TIMEOUT_S * 0.9 and self.began is None:
            self.quick += 1
            if self.quick >= _ATTEMPTS:
                return False
            time.sleep(_backoff(self.quick))
            return True
        if self.began is None:
            self.began = now - attempt_seconds
            self.store.notice_lock()
        if now - self.began >= self.store.lock_wait - _MIN_ATTEMPT_S:
            return False
        time.sleep(0.05 * (1 + random.random()))
        return True

    def busy_ms(self) -> int:
        """The busy timeout of the next attempt: SQLite's own, or what is left of the wait."""
        left: float = _engine.BUSY_TIMEOUT_S
        if self.began is not None:
            left = min(left, max(_MIN_ATTEMPT_S, self.store.lock_wait - (time.monotonic() - self.began)))
        return int(left * 1000)

    def waited(self) -> float:
        return 0.0 if self.began is None else time.monotonic() - self.began


def _locked(exc: DBAPIError) -> bool:
    """Another process holds the lock this write waited for (SQLite busy, PostgreSQL lock_timeout)."""
    return "database is locked" in str(exc.orig) or getattr(exc.orig, "sqlstate", None) == "55P03"


def _unavailable(exc: DBAPIError, waited: float) -> str | None:
    """Why no write can succeed now, or None for an error of this write alone."""
    msg = str(exc.orig).lower()
    again = "every article written so far is complete; run the same command again"
    if "database is locked" in msg or getattr(exc.orig, "sqlstate", None) == "55P03":
        return (f"locked by another writer (waited {waited:.0f} s): "
                f"wait for it or stop it; {again}")
    if "disk is full" in msg or "no space left" in msg or getattr(exc.orig, "sqlstate", None) == "53100":
        return f"the disk is full: free space; {again}"
    if "readonly" in msg or "read-only" in msg:
        return f"the store is read-only: {exc.orig}"
    return None


def _transient(exc: DBAPIError) -> bool:
    state = getattr(exc.orig, "sqlstate", None)
    return state in _TRANSIENT_SQLSTATES or "database is locked" in str(exc.orig)


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _encoded(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows of an analysis; StoreError when a value holds a NUL character, on every
    backend alike (PostgreSQL cannot store one, SQLite could: a store must be movable).
    The readers remove NULs, so this only meets analyses built some other way."""
    rows = codec.encode(analysis)
    for table, table_rows in rows.items():
        for row in table_rows:
            for column, value in row.items():
                if _has_nul(value):
                    raise StoreError(f"article {analysis.article.id[:12]}: {table}.{column} holds a NUL "
                                     "character, which PostgreSQL cannot store: remove it from the text")
    return rows


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def _stamp_sources(sources: Sequence[Source]) -> None:
    now = _now().isoformat(timespec="seconds")
    for s in sources:
        if not s.first_seen:
            s.first_seen = now


def _rows(
    conn: Connection, table: t.Table, ids: list[str], id_col: str = "article_id"
) -> list[dict[str, Any]]:
    order = [table.c.seq] if id_col == "id" else [table.c.article_id, *_order_cols(table)]
    q = select(table).where(table.c[id_col].in_(ids)).order_by(*order)
    return codec.dicts(conn.execute(q))


def outdated(version: str) -> Any:
    """Articles to analyse again: made by another pipeline version, or failed."""
    a = t.articles
    return or_(a.c.pipeline_version != version, a.c.analysis.startswith(f"{AnalysisState.FAILED}:"))


def _order_cols(table: t.Table) -> list[Any]:
    if "event_id" in table.c:
        return [table.c.event_id, table.c.seq]
    if "entity_id" in table.c and table.name == "mentions":
        return [table.c.entity_id, table.c.seq]
    return [table.c.seq]


def _grouped(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["article_id"], []).append(r)
    return out


def open_store(url_or_path: str, *, lock_wait: float = LOCK_WAIT_S, notice: Notice = _to_stderr) -> Store:
    """Open (creating or upgrading the schema of) the store at a SQLite path or a database URL.

    Its writes wait up to ``lock_wait`` seconds for a lock another process holds (see
    :meth:`Store.write`), the schema upgrade too. Two processes creating one new SQLite
    file at once can meet SQLite's busy error at once, before any busy timeout
    (switching the new file to WAL needs it alone): the open is then tried again.
    """
    store = Store(make_engine(url_or_path), lock_wait=lock_wait, notice=notice)
    wait = _LockWait(store)
    for attempt in range(1, 1_000_000):
        began = time.monotonic()
        try:
            migrate(store.engine)
            return store
        except DBAPIError as exc:  # no server, no such file or directory, not a database, ...
            store.engine.dispose()
            if _locked(exc) and wait.again(time.monotonic() - began):
                continue
            if _transient(exc) and not _locked(exc) and attempt < _ATTEMPTS:
                time.sleep(_backoff(attempt))
                continue
            raise StoreError(f"cannot open the store {url_or_path!r}: {exc.orig}") from exc
    raise AssertionError("unreachable")


__all__ = ["ArticleSummary", "Store", "open_store"]
