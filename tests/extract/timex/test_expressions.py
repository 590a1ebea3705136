"""Expression by expression: span, TIMEX3 type, value and mod against a DCT.

The table is data (``cases.tsv``): one expression per line, grouped by kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.timex import extract_timexes
from sitrep.nlp import load_nlp

HERE = Path(__file__).parent


def _lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _case(line: str) -> tuple[str, str | None, str, str, str, str | None]:
    sentence, dct, span, type_, value, mod = line.split("\t")
    return sentence, None if dct == "-" else dct, span, type_, value, None if mod == "-" else mod


CASES = [_case(line) for line in _lines("cases.tsv")]
NEGATIVES = _lines("negatives.txt")


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


def test_trigger_words_are_words_the_scan_can_see() -> None:
    from sitrep.extract.timex.rules import RULES
    from sitrep.extract.timex.triggers import DIGIT

    for r in RULES:
        for w in r.needs or ():
            assert w == DIGIT or (w.isalpha() and w == w.lower()), (r.name, w)


def test_trigger_words_only_skip_rules_that_would_find_nothing(nlp, monkeypatch) -> None:
    """The expression table gives the same timexes with the trigger-word filter off."""
    from sitrep.extract.timex.rules import Rule

    docs = [(nlp(c[0]), c[1]) for c in CASES]
    filtered = [extract_timexes(doc, dct) for doc, dct in docs]
    monkeypatch.setattr(Rule, "worth_running", lambda self, words: True)
    assert [extract_timexes(doc, dct) for doc, dct in docs] == filtered
