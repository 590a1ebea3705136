"""Pairing quotation marks: straight and curly, paragraphs, stray marks (no parse needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.quotes.marks import mark_role, paragraphs, quoted_spans


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are ready," the minister said.', ["We are ready,"]),
        ("“We are ready,” the minister said.", ["We are ready,"]),
        ('She said: "Talks failed." Then "more".', ["Talks failed.", "more"]),
        ('"It is over," he said, "and we won."', ["It is over,", "and we won."]),
        ("«Nous sommes prêts», a-t-il dit.", ["Nous sommes prêts"]),
        # a nested quote in single marks stays inside the outer one
        ("\"He told me 'never again' twice,\" she said.", ["He told me 'never again' twice,"]),
    ],
)
def test_pairs_marks(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_stray_mark_does_not_swallow_the_article() -> None:
    text = 'The 12" gun and a stray " mark here.\n\nNext paragraph "quoted" text.\n\nLast one.'
    assert contents(text)[-1] == "quoted"
    assert all("\n" not in c for c in contents(text))


def test_paragraph_opening_convention_continues_a_quote() -> None:
    text = '"First part of the statement.\n\n"Second part," the spokesman said.\n\nAfter.'
    spans = quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["First part of the statement.", "Second part,"]
    assert spans[0].group == spans[1].group
    assert spans[0].close_mark is None and spans[1].continues


def test_unclosed_quote_without_continuation_is_dropped() -> None:
    text = 'He said "this never closes.\n\nThe next paragraph has no mark.'
    assert contents(text) == []


def test_mark_roles_from_context() -> None:
    text = 'a "b" c'
    assert mark_role(text, 2) == "open"
    assert mark_role(text, 4) == "close"


def test_paragraphs_by_blank_lines_else_lines() -> None:
    assert paragraphs("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraphs("a\nb") == [(0, 1), (2, 3)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab ."“”\n,')), max_size=80))
def test_spans_stay_inside_text_and_paragraphs(text: str) -> None:
    paras = paragraphs(text)
    for q in quoted_spans(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert any(s <= q.start and q.end <= e for s, e in paras)


def test_british_single_quotes_outside_double_ones() -> None:
    text = "‘We will not give up,’ the minister said of Russia’s demands.\n\n\"He said ‘never’,\" she said."
    assert contents(text) == ["We will not give up,", "He said ‘never’,"]


def test_possessive_apostrophe_does_not_close_a_single_quote() -> None:
    text = "Officials called it ‘Moscow’s plan for the region’ on Monday."
    assert contents(text) == ["Moscow’s plan for the region"]
