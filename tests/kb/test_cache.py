"""The KB's result cache: keyed on the database a store is and on its generation, so it
never serves one store's results to another, nor results older than the last write."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from sitrep import kb
from sitrep.kb import schema as k
from sitrep.kb.cache import kept
from sitrep.store import Store, open_store
from tests.kb.conftest import deal_report


def _names(store: Store) -> list[str]:
    with store.read() as conn:
        return sorted(conn.execute(select(k.kb_entities.c.name)).scalars())


def test_a_write_that_changes_no_count_nor_time_still_refreshes(store: Store) -> None:
    store.add(deal_report())
    kb.merge(store)
    first = kept(store, ("names",), lambda: _names(store))
    assert "Boeing" in first
    # a write the old stamp (counts and latest times) did not see: a rename in place
    store.write(lambda conn: conn.execute(update(k.kb_entities).where(k.kb_entities.c.name == "Boeing")
                                          .values(name="The Boeing Company")))
    again = kept(store, ("names",), lambda: _names(store))
    assert "The Boeing Company" in again and "Boeing" not in again
    assert kept(store, ("names",), lambda: ["not recomputed"]) == again  # nothing changed since


def test_two_stores_never_share_results(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.db")) as a, open_store(str(tmp_path / "b.db")) as b:
        assert a.generation() == b.generation()  # same counter, other databases
        assert kept(a, ("who",), lambda: "a") == "a"
        assert kept(b, ("who",), lambda: "b") == "b"
        mem1, mem2 = open_store("sqlite://"), open_store("sqlite://")
        assert mem1.identity != mem2.identity  # two in-memory databases are two stores
        assert kept(mem1, ("who",), lambda: 1) == 1 and kept(mem2, ("who",), lambda: 2) == 2


def test_one_database_by_two_paths_is_one_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("same.db") as rel, open_store(str(tmp_path / "same.db")) as full:
        assert rel.identity == full.identity
        assert kept(rel, ("k",), lambda: "first") == "first"
        assert kept(full, ("k",), lambda: "second") == "first"
        full.add(deal_report())  # a write through either is seen by both
        assert kept(rel, ("k",), lambda: "third") == "third"


def test_the_generation_rises_with_every_write(store: Store) -> None:
    g0 = store.generation()
    store.add(deal_report())
    g1 = store.generation()
    kb.merge(store)
    g2 = store.generation()
    store.write(lambda conn: None)
    assert g0 < g1 < g2 < store.generation()
