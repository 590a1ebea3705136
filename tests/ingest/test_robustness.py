"""Whatever bytes a file holds, reading it yields Articles or InputErrors, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError
from sitrep.ingest import read_inputs
from sitrep.model import Article

EXTENSIONS = [".md", ".txt", ".html", ".jsonl", ".json", "", ".dat"]
TEXTISH = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


def _read(data: bytes, ext: str) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        return list(read_inputs([str(path)]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), ext=st.sampled_from(EXTENSIONS))
def test_any_bytes(data, ext):
    items = _read(data, ext)
    assert items and all(isinstance(i, Article | InputError) for i in items)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTISH, ext=st.sampled_from(EXTENSIONS))
def test_any_text(text, ext):
    items = _read(text.encode("utf-8"), ext)
    assert items and all(isinstance(i, Article | InputError) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert item.text.strip() and item.id
