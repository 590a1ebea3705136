"""The bundled examples read cleanly and each one is listed with its license."""

from __future__ import annotations

from sitrep.model import Article
from tests.conftest import EXAMPLES

from .conftest import read_all


def test_every_bundled_example_reads_with_full_metadata():
    items = read_all(EXAMPLES)
    assert len(items) >= 4
    for art in items:
        assert isinstance(art, Article), art
        assert art.title and art.published and art.url and art.outlet, art.source
        assert art.language == "en" and not art.warnings, art.source
        assert "Original url" not in art.text


def test_every_example_has_source_and_license():
    sources = (EXAMPLES / "SOURCES.md").read_text(encoding="utf-8")
    for md in EXAMPLES.glob("*.md"):
        if md.name != "SOURCES.md":
            assert f"`{md.name}`" in sources, md.name
    assert "CC BY 2.5" in sources
    assert "bbc" not in " ".join(p.name.lower() for p in EXAMPLES.iterdir())
