"""A NUL character is refused by every store alike (issue #18.8): PostgreSQL cannot
store one, so SQLite must not either, or a store could not always be moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.drive.ingest import IngestReport, _write
from sitrep.errors import StoreError
from sitrep.store import open_store
from tests.store.samples import other_analysis, rich_analysis


def test_a_nul_anywhere_in_an_analysis_is_refused_and_nothing_lands(tmp_path: Path) -> None:
    bad = rich_analysis()
    bad.entities[0].attributes = {"nested": {"x": "a\x00b"}}
    with open_store(str(tmp_path / "s.db")) as store:
        with pytest.raises(StoreError, match="NUL"):
            store.add(bad)
        titled = other_analysis(1)
        titled.article.title = "A\x00B"
        with pytest.raises(StoreError, match=r"articles\.title holds a NUL"):
            store.add(titled)
        assert store.count() == 0


def test_an_ingest_batch_with_a_nul_stores_the_others(tmp_path: Path) -> None:
    bad = other_analysis(2)
    bad.article.title = "x\x00"
    good = [other_analysis(3), other_analysis(4)]
    failures: list[str] = []
    report = IngestReport()
    with open_store(str(tmp_path / "s.db")) as store:
        _write(store, [good[0], bad, good[1]], report, lambda loc, reason, *_: failures.append(reason))
        assert store.count() == 2
    assert report.new == 2 and len(failures) == 1 and "NUL" in failures[0]
