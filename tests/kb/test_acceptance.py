"""The issue's "done when": the bundled examples plus ../shared/eval/news-articles, ingested
and merged, give one Islamic State and one Mosul across the reports that name them, and
the UI shows them. Runs the real pipeline over 11 texts (about a minute)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EVAL, EXAMPLES, REFERENCE, require

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def merged_store(tmp_path_factory: pytest.TempPathFactory):
    news = EVAL / "news-articles"
    require(news.is_dir() and REFERENCE.is_file(), f"news articles at {news}")
    from sitrep import kb
    from sitrep.batch import analyze_many
    from sitrep.ingest import read_inputs
    from sitrep.store import open_store

    files = [str(REFERENCE), *map(str, sorted(EXAMPLES.glob("wikinews-*.md"))),
             *(str(p) for p in sorted(news.glob("*.md")) if p.name != "SOURCE.md")]
    store = open_store(str(Path(tmp_path_factory.mktemp("acc")) / "acc.db"))
    for analysis in analyze_many(a for a in read_inputs(files) if not isinstance(a, Exception)):
        store.add(analysis)
    kb.merge(store)
    yield store
    store.close()


def _named(store, name: str):
    from sitrep import kb

    _, items = kb.kb_entities(store, q=name, limit=100)
    return [e for e in items if e.name.lower() == name.lower()]


def test_one_islamic_state_and_one_mosul(merged_store) -> None:
    isis, mosul = _named(merged_store, "Islamic State"), _named(merged_store, "Mosul")
    assert len(isis) == 1 and isis[0].n_articles >= 3
    assert len(mosul) == 1 and mosul[0].n_articles >= 2


def test_the_ui_shows_the_merged_entities(merged_store) -> None:
    from sitrep.web.app import create_app
    from tests.web.conftest import local_client

    client = local_client(create_app("unused", store=merged_store))
    mosul = _named(merged_store, "Mosul")[0]
    page = client.get(f"/entities/{mosul.kb_id}").text
    assert "Mosul" in page and f"named in {mosul.n_articles} article(s)" in page
    assert "Islamic State" in client.get("/entities?q=Islamic").text
