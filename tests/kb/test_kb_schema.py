"""The KB's tables are versioned (kb_schema_version): a KB merged before a version is
upgraded in place on the next merge or server start, its data carried over."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, select, text

from sitrep import kb
from sitrep.kb import schema as k
from sitrep.store import Store, open_store
from tests.kb.test_merge_forms import _kb_of, _report


def _keys(store: Store) -> set[tuple[str, str]]:
    with store.read() as conn:
        return {(r.key, r.kb_id) for r in conn.execute(select(k.kb_entity_keys))}


def _versions(store: Store) -> list[int]:
    with store.read() as conn:
        return list(conn.execute(select(k.kb_schema_version.c.version)
                                 .order_by(k.kb_schema_version.c.version)).scalars())


def test_a_fresh_kb_is_at_the_latest_version(store: Store) -> None:
    assert k.ensure_tables(store) == k.LATEST
    assert _versions(store) == [k.LATEST]
    before = store.generation()
    assert k.ensure_tables(store) == k.LATEST  # up to date: nothing written
    assert _versions(store) == [k.LATEST] and store.generation() == before


def test_a_kb_merged_before_entity_keys_is_upgraded_and_keeps_finding_its_entities(store: Store) -> None:
    assert store.add(_report(1, ("Department of Homeland Security", "ORG"), ("Ostmark Relief Agency", "ORG")))
    kb.merge(store)
    filed = _keys(store)
    assert any(key.startswith("acr:") for key, _ in filed)
    url = store.engine.url.render_as_string(hide_password=False)
    with store.engine.begin() as conn:  # make it a KB of version 1: no keys table, no version
        conn.execute(text("DROP TABLE kb_entity_keys"))
        conn.execute(text("DROP TABLE kb_schema_version"))
    store.close()

    with open_store(url) as old:  # the store's open creates the missing table, empty
        assert inspect(old.engine).has_table("kb_entity_keys")
        assert _keys(old) == set()
        assert old.add(_report(2, ("DHS", "ORG")))
        kb.merge(old)  # upgrades the KB first: the keys are filled from the stored entities
        assert _versions(old) == list(range(2, k.LATEST + 1))
        assert filed <= _keys(old)
        got = _kb_of(old)
        assert got[(2, "DHS")] == got[(1, "Department of Homeland Security")]


def test_the_web_app_upgrades_the_kb_it_serves(tmp_path: Path) -> None:
    from sitrep.web.app import create_app

    db = str(tmp_path / "old.db")
    with open_store(db) as store:
        assert store.add(_report(1, ("Ostmark Relief Agency", "ORG")))
        kb.merge(store)
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM kb_entity_keys"))
            conn.execute(text("DELETE FROM kb_schema_version"))
    app = create_app(db)
    store = app.state.store
    assert _versions(store) == [k.LATEST]
    assert ("acr:org:ORA", next(iter(_kb_of(store).values()))) in _keys(store)
    store.close()
