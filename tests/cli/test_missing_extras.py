"""Each optional extra, missing, is named by the command that needs it (#17.3).

Every case runs in a fresh interpreter in which the extra's packages cannot be
imported (``sys.modules[name] = None``), as on a machine without that extra.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

RUN = """
import sys
for name in {blocked!r}:
    sys.modules[name] = None
from sitrep.cli import main
main({args!r}, prog_name="sitrep")
"""


def _run(blocked: list[str], args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    code = RUN.format(blocked=blocked, args=args)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize(("extra", "blocked", "args"), [
    ("web", ["fastapi", "uvicorn", "jinja2"], ["serve", "--port", "1"]),
    ("postgres", ["psycopg"], ["--db", "postgresql://nobody@127.0.0.1:1/none", "list"]),
    ("spark", ["pyspark"], ["spark", "in.jsonl", "out"]),
    ("kb", ["sentence_transformers", "torch"], ["kb", "merge"]),
])
def test_a_missing_extra_is_named(tmp_path: Path, extra: str, blocked: list[str], args: list[str]) -> None:
    (tmp_path / "in.jsonl").write_text('{"text": "Poland ordered tanks from Korea on Monday."}\n')
    if extra == "kb":  # something to merge
        _run([], ["--db", "kb.db", "ingest", "--no-progress", "-j", "1", "in.jsonl"], tmp_path)
        args = ["--db", "kb.db", *args]
    r = _run(blocked, args, tmp_path)
    assert r.returncode != 0
    assert f"sitrep[{extra}]" in r.stderr, r.stderr[-2000:]
    assert "Traceback" not in r.stderr, r.stderr[-2000:]


def test_kb_queries_need_no_extra(tmp_path: Path) -> None:
    """`sitrep kb events` reads the KB tables: neither [web] nor [kb] is needed."""
    r = _run(["fastapi", "uvicorn", "jinja2", "sentence_transformers", "torch"],
             ["--db", "q.db", "kb", "events"], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
