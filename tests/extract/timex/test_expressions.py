"""Expression by expression: span, TIMEX3 type, value and mod against a DCT."""

from __future__ import annotations

import pytest

from sitrep.extract.timex import extract_timexes
from sitrep.nlp import load_nlp
from tests.extract.timex.cases import CASES, NEGATIVES


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(("sentence", "dct", "span", "type_", "value", "mod"), CASES,
                         ids=[f"{c[2]}@{c[1]}" for c in CASES])
def test_expression(nlp, sentence: str, dct: str | None, span: str, type_: str, value: str,
                    mod: str | None) -> None:
    found = extract_timexes(nlp(sentence), dct)
    start = sentence.rindex(span) if span in ("Sunday", "Monday") else sentence.index(span)
    hits = [t for t in found if t.start < start + len(span) and start < t.end]
    assert hits, f"{span!r} not found in {sentence!r}: {found}"
    t = hits[0]
    assert (t.text, t.type, t.value, t.mod) == (span, type_, value, mod)


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_a_time_expression(nlp, sentence: str) -> None:
    assert extract_timexes(nlp(sentence), "2021-09-13") == []
