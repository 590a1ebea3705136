"""The store commands through click's CliRunner: list, show, quotes, events, export, ingest, reanalyze."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.model import Analysis
from sitrep.store import open_store
from tests.store.samples import other_analysis, rich_analysis
from tests.store.test_ingest import write_articles


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with open_store(path) as store:
        store.add(rich_analysis())
        for n in range(2):
            store.add(other_analysis(n))
    return path


def run(db: str, *args: str, ok: bool = True):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output + result.stderr
    return result


def test_list_shows_every_article_with_counts(db: str) -> None:
    header, *out = run(db, "list").stdout.splitlines()
    assert header.startswith("id") and "published" in header and "title" in header
    assert len(out) == 3 and "A deal" in out[0] and "  4e   2q   3v" in out[0]
    rows = json.loads(run(db, "list", "--format", "json", "--limit", "1", "--offset", "1").stdout)
    assert [r["n_events"] for r in rows] == [1]


def test_list_counts_time_expressions(db: str) -> None:
    n = len(rich_analysis().timexes)
    assert n and f"  3v {n:>3}t  A deal" in run(db, "list").stdout.splitlines()[1]
    rows = json.loads(run(db, "list", "--format", "json").stdout)
    assert rows[0]["n_timexes"] == n


def test_show_by_prefix_prints_all_sections(db: str) -> None:
    aid = rich_analysis().article.id
    out = run(db, "show", aid[:10]).stdout
    for expected in ("# A deal", "published  2021-09-13", "Jan Kowal", "byline", "2021-09-12",
                     "[told]", "arms_transfer", "supplier", "Country A", "MORE_THAN 1,000,000,000 USD",
                     "10 jet (aircraft)", "evidence 0-88 [agreed]"):
        assert expected in out, expected
    record = json.loads(run(db, "show", aid, "--format", "json").stdout)
    assert _unstamped(record) == rich_analysis().to_dict()


def _unstamped(record: dict) -> dict:
    """The record without the first_seen times the store stamped on its sources."""
    for s in record["article"]["sources"]:
        assert s.pop("first_seen")
        s["first_seen"] = None
    return record


def test_show_unknown_id_fails_clearly(db: str) -> None:
    result = run(db, "show", "ffffffffffff", ok=False)
    assert result.exit_code == 1 and "no stored article" in result.stderr


def test_quotes_by_speaker(db: str) -> None:
    out = run(db, "quotes", "--speaker", "kowal").stdout
    assert "Jan Kowal [direct, told]: We will deliver them by 2025," in out
    rows = [json.loads(line) for line in run(db, "quotes", "--format", "jsonl").stdout.splitlines()]
    assert [r["speaker_name"] for r in rows] == ["Jan Kowal", None]


def test_events_filters(db: str) -> None:
    out = run(db, "events", "--type", "arms_transfer", "--actor", "Country A").stdout
    assert "arms_transfer (agreed)" in out and "supplier=Country A" in out and "recipient=Country B" in out
    rows = json.loads(run(db, "events", "--actor", "country a", "--format", "json").stdout)
    assert [r["type"] for r in rows] == ["arms_transfer", "meeting", "deployment", "deployment"]
    assert run(db, "events", "--place", "Capital City", "--since", "2021-09").stdout.count("meeting") == 1
    bad = run(db, "events", "--type", "picnic", ok=False)
    assert bad.exit_code == 2


def test_export_jsonl_gives_back_the_records(db: str) -> None:
    lines = run(db, "export", "--format", "jsonl").stdout_bytes.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3
    assert _unstamped(Analysis.from_dict(records[0]).to_dict()) == rich_analysis().to_dict()


def test_export_csv_has_a_row_per_fact(db: str, tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    run(db, "export", "--format", "csv", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    kinds = [r["record"] for r in rows if r["title"] == "A deal"]
    assert kinds == ["entity"] * 4 + ["timex"] * 2 + ["quote"] * 2 + ["event"] * 3
    deal = next(r for r in rows if r["type"] == "arms_transfer")
    assert deal["args"].startswith(
        "supplier=Country A; recipient=Country B; value=MORE_THAN 1,000,000,000 USD; items=10 jet (aircraft)")
    assert (deal["start"], deal["end"], deal["status"]) == ("0", "88", "agreed")
    assert json.loads(deal["details"])["args"]["items"][0]["quantity"] == 10


def test_export_parquet(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "facts.parquet"
    run(db, "export", "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == 11 + 2 * 2
    assert str(table.schema.field("start").type) == "int64"


def test_export_unknown_format_lists_the_known_ones(db: str) -> None:
    result = run(db, "export", "--format", "xml", ok=False)
    assert result.exit_code == 2 and "jsonl" in result.stderr and "parquet" in result.stderr


def test_bad_store_url_is_a_clear_error(tmp_path: Path) -> None:
    result = run("mysql://nowhere/x", "list", ok=False)
    assert result.exit_code == 1 and "unsupported database" in result.stderr
    folder = tmp_path / "adir"
    folder.mkdir()
    result = run(str(folder), "list", ok=False)
    assert result.exit_code == 1 and "cannot open the store" in result.stderr


def test_ingest_command_reports_failures_and_exits_1(tmp_path: Path, pipeline) -> None:
    db = str(tmp_path / "i.db")
    write_articles(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_text("")
    result = run(db, "ingest", "--no-progress", "-j", "1", str(tmp_path / "in"), ok=False)
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'in' / 'empty.txt'}: " in result.stderr
    assert "2 read: 2 new, 0 already stored, 0 stored without analysis, 1 failed" in result.stdout
    again = run(db, "ingest", "--no-progress", "-j", "1", str(tmp_path / "in" / "a0000.txt"))
    assert "1 read: 0 new, 1 already stored" in again.stdout


def test_reanalyze_replaces_outdated_records(tmp_path: Path, pipeline) -> None:
    db = str(tmp_path / "r.db")
    old = other_analysis(5)
    old.pipeline_version = "0.0.0-old"
    old.events[0].type = "protest"
    with open_store(db) as store:
        store.add(old)
        store.add(other_analysis(6))
    out = run(db, "reanalyze", "--no-progress", "-j", "1").stdout
    assert out.startswith("1 articles re-analysed")
    with open_store(db) as store:
        again = store.get(old.article.id)
        assert again.pipeline_version != "0.0.0-old"
        assert all(v.type != "protest" for v in again.events)
        assert [s.location for s in again.article.sources] == ["in/5.txt"]
    assert run(db, "reanalyze", "--no-progress", "-j", "1").stdout.startswith("0 articles")


def test_ingest_from_stdin_with_a_progress_bar(tmp_path: Path, pipeline) -> None:
    db = str(tmp_path / "s.db")
    [path] = write_articles(tmp_path / "in", 1)
    result = CliRunner().invoke(main, ["--db", db, "ingest", "-j", "1", "-"], input=path.read_text())
    assert result.exit_code == 0, result.output
    assert "1 read: 1 new" in result.stdout
    assert "article/s" in result.stderr or "s/article" in result.stderr  # tqdm's rate


def test_export_applies_review_corrections_unless_machine_only(db: str) -> None:
    corrections = pytest.importorskip("sitrep.kb.corrections")
    a = rich_analysis()
    v1 = a.events[0]
    with open_store(db) as store:
        corrections.add_correction(store, corrections.Correction(
            article_id=a.article.id, kind="event", start=v1.evidence[0].start, end=v1.evidence[0].end,
            verdict="corrected", who="reviewer", value={"status": "planned"}))
    reviewed = json.loads(run(db, "export", "--format", "jsonl").stdout.splitlines()[0])
    machine = json.loads(run(db, "export", "--format", "jsonl", "--machine-only").stdout.splitlines()[0])
    assert reviewed["events"][0]["status"] == "planned"
    assert machine["events"][0]["status"] == "agreed"


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes, not a database\n" * 100)
    result = run(str(notes), "list", ok=False)
    assert result.exit_code == 1 and "cannot open the store" in result.stderr and "notes.txt" in result.stderr


def test_export_dispatches_to_any_declared_exporter(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.cli.export
    from sitrep.export import EXPORTERS
    from sitrep.registry import Registry

    def titles(analyses, out) -> None:  # type: ignore[no-untyped-def]
        for a in analyses:
            out.write(f"{a.article.title}\n".encode())

    declared = Registry("exporter", [*EXPORTERS.items(), ("titles-test", titles)])
    monkeypatch.setattr(sitrep.cli.export, "exporters", declared)
    assert run(db, "export", "--format", "titles-test").stdout.splitlines() == ["A deal", "None", "None"]


def test_export_of_an_unknown_format_names_the_known_ones(db: str) -> None:
    result = run(db, "export", "--format", "xml", ok=False)
    assert result.exit_code == 2
    assert "'xml': known formats are csv, gdelt, gdelt-sitrep, jsonl" in result.stderr


def test_store_public_api() -> None:
    import sitrep.store

    assert set(sitrep.store.__all__) == {"ArticleSummary", "Store", "metadata", "open_store"}
    for name in ("add", "add_many", "add_sources", "has", "get", "iter_analyses", "list_articles", "quotes",
                 "events", "replace", "close", "count"):
        assert callable(getattr(sitrep.store.Store, name)), name
