"""The store on both backends: round trip, duplicates, sources, replace, listing."""

from __future__ import annotations

import itertools
import json

import pytest
from sqlalchemy import func, select

from sitrep.errors import StoreError
from sitrep.model import Source
from sitrep.store import open_store
from sitrep.store import schema as t
from tests.store.samples import other_analysis, rich_analysis


def _json(a) -> str:  # type: ignore[no-untyped-def]
    return json.dumps(a.to_dict(), ensure_ascii=False)


def test_round_trip_gives_the_same_record(db_url: str) -> None:
    a = rich_analysis()
    with open_store(db_url) as store:
        assert store.add(a) is True
        got = store.get(a.article.id)
    assert got is not None
    assert got.to_dict() == a.to_dict()
    assert _json(got) == _json(a)  # same key order too


def test_get_by_prefix_and_missing(db_url: str) -> None:
    a = rich_analysis()
    with open_store(db_url) as store:
        store.add(a)
        assert store.get(a.article.id[:8]).article.id == a.article.id
        assert store.get("0" * 64 if not a.article.id.startswith("0") else "f" * 64) is None
        assert store.get("not hex!") is None
        assert store.has(a.article.id) and not store.has("abc")


def test_ambiguous_prefix_is_an_error(db_url: str) -> None:
    with open_store(db_url) as store:
        for n in range(40):
            store.add(other_analysis(n))
        with pytest.raises(StoreError, match="ambiguous"):
            store.get(_common_prefix(store))


def _common_prefix(store) -> str:  # type: ignore[no-untyped-def]
    ids = sorted(s.id for s in store.list_articles(limit=100))
    for a, b in itertools.pairwise(ids):
        if a[0] == b[0]:
            return a[0]
    raise AssertionError("40 ids with distinct first hex digits")


def test_storing_the_same_text_again_adds_only_its_source(db_url: str) -> None:
    a = rich_analysis(source="reports/a.md")
    again = rich_analysis(source="mirror/b.html")
    again.article.outlet = again.article.sources[0].outlet = "Other Daily"
    with open_store(db_url) as store:
        assert store.add(a) is True
        assert store.add(rich_analysis(source="reports/a.md")) is False
        assert store.add(again) is False
        got = store.get(a.article.id)
        with store.engine.connect() as conn:
            n_ent = conn.execute(select(func.count()).select_from(t.entities)).scalar()
        assert store.count() == 1
    assert [s.location for s in got.article.sources] == ["reports/a.md", "mirror/b.html"]
    assert got.article.sources[1].outlet == "Other Daily"
    assert all(s.first_seen for s in got.article.sources)
    assert n_ent == len(a.entities)


def test_add_sources_counts_only_new_ones(db_url: str) -> None:
    a = rich_analysis()
    with open_store(db_url) as store:
        store.add(a)
        assert store.add_sources(a.article.id, [Source("x.jsonl:3"), Source("reports/a.md")]) == 1
        assert len(store.get(a.article.id).article.sources) == 2


def test_replace_rewrites_records_and_keeps_sources(db_url: str) -> None:
    a = rich_analysis()
    with open_store(db_url) as store:
        store.add(a)
        store.add_sources(a.article.id, [Source("feed.jsonl:7")])
        b = rich_analysis()
        b.pipeline_version = "9.9.9"
        b.events = b.events[:1]
        b.quotes = []
        store.replace(b)
        got = store.get(a.article.id)
        with store.engine.connect() as conn:
            versions = set(conn.execute(select(t.events.c.pipeline_version)).scalars())
    assert got.pipeline_version == "9.9.9" and versions == {"9.9.9"}
    assert [v.id for v in got.events] == ["v1"] and got.quotes == []
    assert [s.location for s in got.article.sources] == ["reports/a.md", "feed.jsonl:7"]


def test_list_and_iterate_in_ingest_order(db_url: str) -> None:
    items = [other_analysis(n) for n in range(7)]
    with open_store(db_url) as store:
        for a in items:
            store.add(a)
        listed = store.list_articles(limit=3, offset=2)
        streamed = [x.article.id for x in store.iter_analyses(batch_size=3)]
        assert store.count() == 7
    assert [s.id for s in listed] == [a.article.id for a in items[2:5]]
    assert listed[0].n_entities == 1 and listed[0].n_events == 1 and listed[0].n_sources == 1
    assert streamed == [a.article.id for a in items]


def test_iter_outdated_only(db_url: str) -> None:
    old, new = other_analysis(1), other_analysis(2)
    old.pipeline_version = "0.0.1"
    with open_store(db_url) as store:
        store.add(old)
        store.add(new)
        outdated = store.iter_analyses(outdated_from=new.pipeline_version)
        assert [a.article.id for a in outdated] == [old.article.id]


def test_every_record_carries_the_pipeline_version(db_url: str) -> None:
    a = rich_analysis()
    a.pipeline_version = "7.7.7"
    with open_store(db_url) as store:
        store.add(a)
        with store.engine.connect() as conn:
            for table in (t.articles, *t.RECORD_TABLES):
                assert set(conn.execute(select(table.c.pipeline_version)).scalars()) == {"7.7.7"}, table.name


def test_a_record_the_database_refuses_leaves_nothing(db_url: str) -> None:
    from sitrep.model import Entity

    a = rich_analysis()
    a.entities.append(Entity("e1", "Duplicate id", "PERSON"))  # a pipeline bug
    with open_store(db_url) as store:
        with pytest.raises(StoreError, match="write failed"):
            store.add(a)
        assert not store.has(a.article.id) and store.count() == 0


def test_transient_conflicts_are_retried(db_url: str) -> None:
    from sqlalchemy.exc import OperationalError

    class Deadlock(Exception):
        sqlstate = "40P01"

    calls = []

    def flaky(conn):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("INSERT ...", {}, Deadlock("deadlock detected"))
        return "done"

    with open_store(db_url) as store:
        assert store.write(flaky) == "done"
        assert len(calls) == 3


def test_scalar_json_literals_keep_their_exact_type(db_url: str) -> None:
    a = rich_analysis()
    a.events[0].args.update(ratio=0.0, big=10**20, flag=True, text="12")
    with open_store(db_url) as store:
        store.add(a)
        args = store.get(a.article.id).events[0].args
    assert [(args[k], type(args[k])) for k in ("ratio", "big", "flag", "text")] == [
        (0.0, float), (10**20, int), (True, bool), ("12", str)]
