"""The `sitrep kb` commands, through click's CliRunner, over a store of hand-built reports."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.store import open_store
from tests.kb.conftest import deal_report, strike_report


def _db(tmp_path: Path) -> str:
    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        store.add(deal_report())
        store.add(strike_report("AFP", "A coalition air strike hit a market in Mosul on Friday.",
                                "2016-10-21", 9))
    return db


def test_kb_commands_merge_query_review_and_export(tmp_path: Path) -> None:
    db = _db(tmp_path)
    run = CliRunner().invoke
    merged = run(main, ["--db", db, "kb", "merge"])
    assert merged.exit_code == 0 and "merged 2 articles" in merged.output
    events = run(main, ["--db", db, "kb", "events", "--type", "attack"])
    assert events.exit_code == 0 and "place=Mosul" in events.output
    ent = run(main, ["--db", db, "kb", "entity", "Aeroflot"])
    assert ent.exit_code == 0 and "arms_transfer" in ent.output
    assert "Aeroflot buys" in run(main, ["--db", db, "kb", "search", "Boeing jets"]).output
    a = deal_report()
    ev = a.events[0].evidence[0]
    review = run(main, ["--db", db, "kb", "review", a.article.id, "--kind", "event", "--start", str(ev.start),
                        "--end", str(ev.end), "--verdict", "corrected", "--set", "status=expected",
                        "--who", "ana"])
    assert review.exit_code == 0, review.output
    gold = yaml.safe_load(run(main, ["--db", db, "kb", "gold", a.article.id]).output)
    assert gold["events"][0]["status"] == "expected"


def test_kb_errors_are_clear(tmp_path: Path) -> None:
    db = _db(tmp_path)
    r = CliRunner().invoke(main, ["--db", db, "kb", "entity", "Nobody At All"])
    assert r.exit_code == 1 and "no KB entity" in r.output
    r = CliRunner().invoke(main, ["--db", db, "kb", "review", deal_report().article.id, "--kind", "event",
                                  "--start", "0", "--end", "3", "--verdict", "corrected", "--who", "x"])
    assert r.exit_code == 1 and "corrected fields" in r.output


def test_the_cli_checks_filters_with_the_same_query_objects(tmp_path: Path) -> None:
    db = _db(tmp_path)
    run = CliRunner().invoke
    assert run(main, ["--db", db, "kb", "merge"]).exit_code == 0
    bad = run(main, ["--db", db, "kb", "entities", "--type", "planet"])
    assert bad.exit_code == 2 and "invalid type 'planet'" in bad.output
    assert "Aeroflot" in run(main, ["--db", db, "kb", "entities", "--type", "org"]).output  # any case
    long = run(main, ["--db", db, "kb", "events", "--actor", "x" * 300])
    assert long.exit_code == 2 and "invalid actor" in long.output
    assert run(main, ["--db", db, "quotes", "--speaker", "a\tb"]).exit_code == 2
    assert run(main, ["--db", db, "events", "--actor", "Boeing"]).exit_code == 0
