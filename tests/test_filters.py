"""Filter values: vocabularies in any case, bad values refused with the parameter named."""

from __future__ import annotations

import pytest

from sitrep.filters import EventFilter, FilterError, entity_type


def test_vocabularies_match_in_any_case() -> None:
    f = EventFilter(type="Arms Transfer", status="AGREED")
    assert (f.type, f.status) == ("arms_transfer", "agreed")
    assert entity_type("military_unit") == "MILITARY_UNIT"


def test_a_value_outside_the_vocabulary_is_refused() -> None:
    with pytest.raises(FilterError, match="invalid type 'nonsense'"):
        EventFilter(type="nonsense")


def test_each_kind_has_one_checked_query_object() -> None:
    from sitrep.filters import ArticleQuery, EntityQuery, Page, QuoteQuery

    assert EntityQuery(q="", type="person") == EntityQuery(type="PERSON")
    assert QuoteQuery(speaker="Putin", kind="Direct").kind == "direct"
    assert ArticleQuery("  ").q is None and ArticleQuery("strike").q == "strike"
    assert Page.number(3, 20) == Page(20, 40)
    for bad in (lambda: EntityQuery(type="planet"), lambda: QuoteQuery(kind="rumour"),
                lambda: QuoteQuery(speaker="x" * 201), lambda: ArticleQuery("a\x00b"),
                lambda: Page(0, 0), lambda: Page(10, -1), lambda: Page.number(0, 10)):
        with pytest.raises(FilterError):
            bad()
