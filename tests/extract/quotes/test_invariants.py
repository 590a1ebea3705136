"""Record invariants of the quotes stage on every dev-set article."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.quotes import extract_quotes
from sitrep.model import QUOTE_KINDS

DEV = Path(__file__).resolve().parents[2] / "dev" / "quotes"


@pytest.mark.parametrize("path", sorted(DEV.glob("meantime-*.md")), ids=lambda p: p.stem)
def test_quote_records_are_consistent(nlp, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    quotes = extract_quotes(nlp(text), [])
    assert quotes, "every dev article has quotes"
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert q.kind in QUOTE_KINDS
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.text == q.text.strip() and q.text[0] not in '"“”'
        assert q.speaker is None  # no entities given: never a guessed id
        if q.cue_span is not None:
            assert text[q.cue_span.start : q.cue_span.end] == q.cue_span.text == q.cue
        if q.speaker_mention is not None:
            sm = q.speaker_mention
            assert text[sm.start : sm.end] == sm.text and "\n" not in sm.text
