"""TIMEX3 values as day intervals: the order and overlaps every layer sorts and filters by."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.timespan import days, interval, sort_key


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2021-09-13", "2021-09-13", "2021-09-14"), ("2021-09-13T22:10", "2021-09-13", "2021-09-14"),
    ("2021-W37", "2021-09-13", "2021-09-20"), ("2021-W37-WE", "2021-09-18", "2021-09-20"),
    ("2021-09", "2021-09-01", "2021-10-01"), ("2021-12", "2021-12-01", "2022-01-01"),
    ("2021-Q4", "2021-10-01", "2022-01-01"), ("2021-H1", "2021-01-01", "2021-07-01"),
    ("2021-WI", "2021-12-01", "2022-03-01"), ("2021", "2021-01-01", "2022-01-01"),
    ("202", "2020-01-01", "2030-01-01"), ("19", "1900-01-01", "2000-01-01"),
])
def test_interval(value: str, start: str, end: str) -> None:
    assert interval(value) == (date.fromisoformat(start), date.fromisoformat(end))
    assert days(value) == (start, end)


@pytest.mark.parametrize("value", ["PAST_REF", "PT2H", "2021-02-30", "2021-W54", "", None, "soon"])
def test_no_interval(value: str | None) -> None:
    assert interval(value) is None and days(value) == (None, None)


def test_values_sort_by_their_days_not_their_text() -> None:
    assert sorted(["2021-10", "2021-W37", "2016-W42", "2016-12", "PAST_REF", "2021"], key=sort_key) == [
        "2016-W42", "2016-12", "2021", "2021-W37", "2021-10", "PAST_REF"]
