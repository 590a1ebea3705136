"""sitrep ingest over hostile inputs (issue #18.1, #18.8): every bad file named on one
line, the good files after it stored, long runs of errors counted, a summary."""

from __future__ import annotations

import gzip
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.cli.errorlines import ErrorLines
from sitrep.store import open_store
from tests.store.test_ingest import write_articles


def _ingest(db: str, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--db", db, "ingest", "--no-progress", "-j", "1", *args],
                              catch_exceptions=False)


def test_bad_files_are_named_and_the_good_ones_after_them_stored(tmp_path: Path, pipeline) -> None:
    folder = tmp_path / "in"
    goods = write_articles(folder, 3)
    (folder / "a0.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 500)[:60])
    (folder / "a1.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (folder / "a2.jsonl").write_bytes(b'{"text": "The mayor said \\ud800 so."}\n')
    (folder / "a3\nnew.txt").write_text("\u200b\u200b")
    (folder / "a4.jsonl").write_bytes(b"{not json\n" * 40)
    db = str(tmp_path / "s.db")
    result = _ingest(db, str(folder))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for name in ("a0.jsonl.gz", "a1.json", "a2.jsonl:1", "a3\\nnew.txt"):
        assert sum(f"{folder}/{name}: " in line for line in lines) == 1, (name, lines)
    assert sum("a4.jsonl:" in line for line in lines) == 10
    assert f"error: ... and 30 more errors in {folder}/a4.jsonl (40 in all)" in lines
    assert "3 read: 3 new, 0 already stored, 0 stored without analysis, 44 failed" in result.stdout
    with open_store(db) as store:
        stored = [s.location for a in store.iter_analyses() for s in a.article.sources]
    assert sorted(stored) == sorted(map(str, goods))


def test_error_lines_are_bounded_per_input() -> None:
    out: list[str] = []
    lines = ErrorLines(out.append, per_input=2)
    for n in range(1, 6):
        lines(f"f.jsonl:{n}", "bad", "f.jsonl")
    lines("g.txt", "empty")
    lines.flush()
    assert out == ["error: f.jsonl:1: bad", "error: f.jsonl:2: bad", "error: g.txt: empty",
                   "error: ... and 3 more errors in f.jsonl (5 in all)"]


def test_extract_refuses_an_article_over_the_character_limit(tmp_path: Path, pipeline) -> None:
    from sitrep.config import Settings

    path = tmp_path / "long.txt"
    limit = Settings().max_article_chars
    path.write_text("The mayor spoke on Monday. " * (limit // 20))
    result = CliRunner().invoke(main, ["extract", str(path)], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {path}: the article text is ")
    assert f"over the {limit:,}-character limit" in result.stderr
