"""Spark local mode gives the single-machine output, article by article, one model load per worker."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import require

pytestmark = pytest.mark.spark

REPORTS = [
    "Russia and Belarus launched joint military drills near Grodno on Friday, the defence ministry said.",
    "Police detained 40 protesters in Minsk on Sunday, a rights group said.",
    "The government said it would buy four S-400 systems from Moscow by 2025.",
    "Foreign ministers met in Vienna on 3 March to discuss the nuclear deal.",
    "An air strike hit a market in Idlib on Tuesday, killing at least 12 people.",
]


def _java_ready() -> bool:
    home = os.environ.get("JAVA_HOME", "")
    return bool(home and Path(home, "bin", "java").exists()) or shutil.which("java") is not None


@pytest.fixture(scope="module")
def spark():
    require(_java_ready(), "Java (JAVA_HOME) for Spark")
    pytest.importorskip("pyspark") if os.environ.get("CI") != "true" else __import__("pyspark")
    from sitrep.drive.spark import spark_session

    session = spark_session("local[2]", app="sitrep-test")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("spark-corpus")
    lines = []
    for i in range(24):
        lines.append(json.dumps({"title": f"Report {i}", "text": f"{REPORTS[i % 5]} Item {i}.",
                                 "published": f"2021-09-{i % 28 + 1:02d}", "outlet": "Test Wire"}))
        if i == 7:
            lines.append("")  # blank lines are skipped
        if i == 11:
            lines.append("{not json")  # a bad line is an error row, the rest goes on
    (root / "archive.jsonl").write_text("\n".join(lines) + "\n")
    texts = root / "texts"
    texts.mkdir()
    (texts / "one.md").write_text("# Drills near the border\n\n" + REPORTS[0] + "\n")
    (texts / "two.txt").write_text(REPORTS[3] + "\n\n" + REPORTS[4] + "\n")
    return root


def _single_machine(paths: list[str]) -> dict[str, dict]:
    from sitrep.batch import analyze_many
    from sitrep.errors import InputError
    from sitrep.ingest import read_inputs

    arts = [a for a in read_inputs(paths) if not isinstance(a, InputError)]
    return {a.article.source: a.to_dict() for a in analyze_many(arts)}


@pytest.mark.parametrize(("sub", "fmt"), [("archive.jsonl", "jsonl"), ("texts", "text")])
def test_local_mode_equals_single_machine_and_loads_once_per_worker(spark, corpus, tmp_path, sub, fmt):
    from sitrep.config import Settings
    from sitrep.drive.spark import run_job

    path = str(corpus / sub)
    out = str(tmp_path / "out")
    summary = run_job(spark, [path], out, Settings(), partitions=4)
    rows = [r.asDict() for r in spark.read.parquet(out).collect()]
    got = {r["source"]: json.loads(r["extract"]) for r in rows if r["error"] is None}
    expected = _single_machine([path])
    assert set(got) == set(expected)
    for source, record in expected.items():
        assert got[source] == record, source
    assert summary["articles"] == len(expected)
    # the model was loaded once in each Python worker, not once per article
    assert set(summary["workers"].values()) == {1}
    assert len(summary["workers"]) < len(expected)
    if fmt == "jsonl":
        assert summary["errors"] == 1
        bad = [r for r in rows if r["error"]]
        assert bad[0]["source"] == f"{path}:14" and "not valid JSON" in bad[0]["error"]


def test_parquet_input_cli_and_store(spark, corpus, tmp_path):
    from click.testing import CliRunner

    from sitrep.cli import main

    src = str(tmp_path / "in.parquet")
    spark.createDataFrame([(f"Report {i}", REPORTS[i]) for i in range(5)], "title string, text string") \
        .coalesce(1).write.parquet(src)
    out = str(tmp_path / "out")
    db = str(tmp_path / "spark.db")
    result = CliRunner().invoke(main, ["--db", db, "spark", src, out, "--store"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output[result.output.index("{"):])
    assert summary["articles"] == 5 and summary["errors"] == 0
    rows = sorted(spark.read.parquet(out).collect(), key=lambda r: r["source"])
    assert rows[0]["source"].endswith(".parquet:1") or ":1" in rows[0]["source"]
    assert json.loads(rows[0]["extract"])["article"]["title"] == "Report 0"
    again = CliRunner().invoke(main, ["spark", src, out])
    assert again.exit_code != 0 and "already exists" in again.output.lower()
    # --store wrote the same analyses into the store
    from sitrep.store import open_store

    with open_store(db) as store:
        assert store.count() == 5
        stored = store.get(rows[0]["id"])
        assert stored is not None
        assert stored.to_dict()["entities"] == json.loads(rows[0]["extract"])["entities"]
