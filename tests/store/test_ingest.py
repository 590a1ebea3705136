"""Ingest through the real pipeline: resumable, duplicates recognised, all or nothing per article."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sitrep.config import Settings
from sitrep.drive.ingest import ingest
from sitrep.extract.component import Component
from sitrep.store import open_store
from sitrep.store import schema as t

TEMPLATE = (
    "{place} officials said on Monday that {name} met the defence minister to discuss a deal worth "
    "${n} million. \"We will continue talks next week,\" {name} told reporters after meeting {n}. "
    "The ministry said {troops} troops would take part in drills near {place} in October.\n"
)
NAMES = ["Anna Berg", "Piotr Nowak", "Lena Ortiz", "Omar Haddad", "Mei Tanaka", "Jon Silva"]
PLACES = ["Warsaw", "Minsk", "Kyiv", "Vilnius", "Riga", "Tallinn"]


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` distinct short reports as text files (names and numbers vary)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        p = folder / f"a{n:04d}.txt"
        text = TEMPLATE.format(place=PLACES[n % 6], name=NAMES[(n // 6) % 6], n=n + 1, troops=3 * n + 2)
        p.write_text(text)
        paths.append(p)
    return paths


def _count(store, table) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(n_process=1)


def test_ingest_stores_each_article_and_reingest_adds_nothing(db_url: str, tmp_path: Path, pipeline,
                                                              settings: Settings) -> None:
    write_articles(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_text("")
    with open_store(db_url) as store:
        first = ingest([str(tmp_path / "in")], store, settings, progress=False)
        assert (first.read, first.new, first.duplicate, first.failed) == (5, 5, 0, 1), first.failures
        assert "empty.txt" in first.failures[0].location
        snapshot = [a.to_dict() for a in store.iter_analyses()]
        again = ingest([str(tmp_path / "in")], store, settings, progress=False)
        assert (again.new, again.duplicate) == (0, 5)
        assert [a.to_dict() for a in store.iter_analyses()] == snapshot
        assert _count(store, t.articles) == 5 and _count(store, t.article_sources) == 5


def test_same_text_from_another_file_adds_a_source(db_url: str, tmp_path: Path, pipeline,
                                                   settings: Settings) -> None:
    [a] = write_articles(tmp_path / "one", 1)
    copy = tmp_path / "mirror" / "copy.txt"
    copy.parent.mkdir()
    copy.write_text("  " + a.read_text().replace(" ", "  ") + "\n\n")  # same normalized body
    twin = tmp_path / "mirror" / "twin.txt"
    twin.write_text(a.read_text())
    with open_store(db_url) as store:
        ingest([str(a)], store, settings, progress=False)
        report = ingest([str(copy), str(twin)], store, settings, progress=False)
        assert (report.new, report.duplicate) == (0, 2)
        [stored] = list(store.iter_analyses())
    assert [s.location for s in stored.article.sources] == [str(a), str(copy), str(twin)]


def test_duplicates_within_one_run_are_analysed_once(db_url: str, tmp_path: Path, pipeline,
                                                     settings: Settings) -> None:
    [a] = write_articles(tmp_path / "x", 1)
    b = tmp_path / "y.txt"
    b.write_text(a.read_text())
    with open_store(db_url) as store:
        report = ingest([str(a), str(b)], store, settings, progress=False)
        assert (report.new, report.duplicate) == (1, 1)
        [stored] = list(store.iter_analyses())
    assert len(stored.article.sources) == 2


def test_a_crash_while_writing_leaves_no_half_article(
        db_url: str, tmp_path: Path, pipeline, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    write_articles(tmp_path / "in", 3)
    from sitrep.store.store import Store

    real = Store._insert_records

    def crash(self, conn, rows):  # type: ignore[no-untyped-def]
        real(self, conn, {"entities": rows["entities"], "mentions": rows["mentions"]})  # half written ...
        raise RuntimeError("disk on fire")  # ... then the crash

    with open_store(db_url) as store:
        monkeypatch.setattr(Store, "_insert_records", crash)
        with pytest.raises(RuntimeError):
            ingest([str(tmp_path / "in")], store, settings, progress=False)
        monkeypatch.setattr(Store, "_insert_records", real)
        for table in (t.articles, t.article_sources, t.entities, t.mentions):
            assert _count(store, table) == 0, table.name
        report = ingest([str(tmp_path / "in")], store, settings, progress=False)
        assert (report.new, report.duplicate) == (3, 0)


def test_an_article_the_database_refuses_is_reported_and_the_batch_goes_on(
        db_url: str, tmp_path: Path, pipeline, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_articles(tmp_path / "in", 3)
    from sitrep.store import codec

    real = codec.encode

    def duplicate_entity_ids(analysis):  # type: ignore[no-untyped-def]
        rows = real(analysis)
        if analysis.article.source == str(paths[1]) and rows["entities"]:
            rows["entities"].append(dict(rows["entities"][0]))  # a pipeline bug: two e1
        return rows

    monkeypatch.setattr(codec, "encode", duplicate_entity_ids)
    with open_store(db_url) as store:
        report = ingest([str(tmp_path / "in")], store, settings, progress=False)
        assert (report.new, report.failed) == (2, 1)
        assert report.failures[0].location == str(paths[1]) and "not stored" in report.failures[0].reason
        assert store.count() == 2


def test_a_stage_failure_is_reported_stored_and_retried_by_reanalyze(
        db_url: str, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.drive.reanalyze import reanalyze
    from sitrep.pipeline import get_pipeline

    pipeline = get_pipeline(settings)
    paths = write_articles(tmp_path / "in", 4)
    stage = pipeline.stages[0]

    class Broken(Component):
        name, assigns, requires = stage.name, stage.assigns, stage.requires

        def __call__(self, ctx):  # type: ignore[no-untyped-def]
            if ctx.article.source == str(paths[2]):
                raise ValueError("stage bug")
            return stage(ctx)

    broken = Broken(pipeline.nlp, settings)
    with open_store(db_url) as store:
        monkeypatch.setattr(pipeline, "stages", [broken, *pipeline.stages[1:]])
        report = ingest([str(tmp_path / "in")], store, settings, progress=False)
        assert (report.new, report.failed) == (3, 1)
        assert report.failures[0].location == str(paths[2]) and "stage bug" in report.failures[0].reason
        failed = [a for a in store.iter_analyses() if a.article.analysis]
        assert len(failed) == 1 and failed[0].article.analysis.startswith("failed:")
        monkeypatch.undo()  # the stage is fixed
        again = reanalyze(store, settings, progress=False)
        assert (again.done, again.failed) == (1, 0)
        assert all(a.article.analysis is None for a in store.iter_analyses())


def test_another_language_is_stored_unanalysed_and_counted_skipped(db_url: str, tmp_path: Path,
                                                                   settings: Settings) -> None:
    de = tmp_path / "bericht.txt"
    de.write_text(
        "Die Regierung in Minsk hat am Montag angekündigt, dass sie neue Waffen aus Russland kaufen will. "
        "Der Präsident sagte, das Land müsse sich gegen Bedrohungen aus dem Westen schützen. "
        "Die Opposition kritisierte die Pläne scharf und forderte eine Debatte im Parlament.\n"
    )
    with open_store(db_url) as store:
        report = ingest([str(de)], store, settings, progress=False)
        assert (report.read, report.new, report.skipped, report.failed) == (1, 0, 1, 0)
        [stored] = list(store.iter_analyses())
    assert stored.article.analysis == "skipped: language de"
    assert stored.article.language == "de" and stored.entities == [] and "Minsk" in stored.article.text


def test_normalize_url() -> None:
    from sitrep.store.engine import normalize_url

    assert normalize_url("data/x.db") == "sqlite:///data/x.db"
    assert normalize_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalize_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert normalize_url("postgresql+psycopg://h/db") == "postgresql+psycopg://h/db"


def test_progress_total_counts_what_is_read(tmp_path: Path) -> None:
    """The bar's total is the articles read plus the paths reported bad: notes such as
    README.md, hidden files and unknown endings in a folder are not counted."""
    from sitrep.drive.ingest import _total

    write_articles(tmp_path / "in", 2)
    (tmp_path / "in" / "README.md").write_text("# notes\n")
    (tmp_path / "in" / ".hidden.txt").write_text("x")
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "in" / "feed.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}\n')
    assert _total([str(tmp_path / "in"), str(tmp_path / "missing.md")]) == 2 + 3 + 1
    assert _total([str(tmp_path / "in" / "*.txt")]) == 2
    assert _total(["-"]) is None
