"""Helpers for the ingest tests: write inputs into tmp_path and read them back."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.ingest import read_inputs
from sitrep.model import Article

ARCHIVE_MD = """\
Navy Seizes Tanker Near Strait

By [Maria Ortiz for Reuters](#)

March 3, 2023



A seized tanker at anchor off the coast on Friday. Photo: Navy press office

The navy said on Friday it had seized an oil tanker carrying \\$2 million of fuel
near the strait, the second such seizure this year.

Related article: [Earlier seizure draws protest](#)

Officials said the crew of 24 was [detained](https://example.org/x) for questioning.

Original url:

<https://www.aljazeera.com/news/2023/3/3/navy-seizes-tanker>
"""


def read_all(*paths: str | Path, settings: Settings | None = None) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], settings))


def read_one(path: str | Path, settings: Settings | None = None) -> Article | InputError:
    items = read_all(path, settings=settings)
    assert len(items) == 1, items
    return items[0]


def article(path: str | Path, settings: Settings | None = None) -> Article:
    item = read_one(path, settings)
    assert isinstance(item, Article), item
    return item


@pytest.fixture()
def write(tmp_path: Path):
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write
