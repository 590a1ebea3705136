"""The event stage is not keyed to the example articles, and it never breaks on odd input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitrep.extract.events as events_pkg

PKG = Path(events_pkg.__file__).resolve().parent
EXPORTS = PKG.parents[1] / "export"
# names, numbers and phrases of the reference article and the dev set
EXAMPLE_WORDS = [
    "belarus", "lukashenko", "minsk", "baranovichi", "putin", "moscow", "poland", "morawiecki",
    "s-400", "tor", "1941", "2025", "kremlin", "hurriya", "tikrit", "anbar", "eager lion", "incirlik",
    "palmyra", "raqqah", "tabqa", "consignment included", "several dozen helicopters",
    "papermaster", "mansfield", "penske", "saturn", "craiova", "wixom", "vladescu",
    "stepping down from his post",
]


def _sources() -> list[Path]:
    files = [p for p in PKG.rglob("*") if p.suffix in (".py", ".yaml")]
    return [*files, EXPORTS / "gdelt.py", EXPORTS / "sipri.py"]


@pytest.mark.parametrize("word", EXAMPLE_WORDS)
def test_no_example_names_in_the_stage(word: str) -> None:
    pat = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.I)
    hits = [str(p) for p in _sources() if pat.search(p.read_text(encoding="utf-8"))]
    assert hits == [], hits


@pytest.mark.parametrize("text", [
    "",
    "...",
    "Attack! Attack! Attack!",
    "The the the deal deal with with $ $ $ billion.",
    "Drills " * 200,
    "He said they would buy it. " * 30,
    "“We will strike,” the general warned, adding that 10,000 troops were deployed.\n\n\n",
])
def test_odd_text_gives_valid_records(run_events, text: str) -> None:
    events, _ = run_events(text)
    for v in events:
        assert v.evidence, v
        for ev in v.evidence:
            assert 0 <= ev.start < ev.end <= len(text) and ev.end - ev.start < 400
            assert text[ev.start:ev.end] == ev.text
        assert 0 <= v.confidence <= 1
        assert v.status in ("asserted", "planned", "agreed", "desired", "expected", "negated",
                            "hypothetical", "historical")
