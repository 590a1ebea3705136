"""Property tests for the date arithmetic: year ends, leap years, ISO weeks."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.timex import calendar as cal
from sitrep.extract.timex.relative import unit_value

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
weekdays = st.integers(min_value=0, max_value=6)


@given(days, st.integers(min_value=-600, max_value=600))
def test_add_months_round_trips(d: date, n: int) -> None:
    y, m = cal.add_months(d.year, d.month, n)
    assert 1 <= m <= 12
    assert (y * 12 + m) - (d.year * 12 + d.month) == n
    assert cal.add_months(y, m, -n) == (d.year, d.month)


@given(days, st.integers(min_value=-48, max_value=48))
def test_shifted_day_is_clamped_to_month_end(d: date, n: int) -> None:
    out = cal.shift_date_months(d, n)
    assert out.day == min(d.day, calendar.monthrange(out.year, out.month)[1])


@given(days)
def test_iso_week_value_matches_isocalendar(d: date) -> None:
    y, w, _ = d.isocalendar()
    assert cal.iso_week(d) == f"{y:04d}-W{w:02d}"
    # the Monday of that week parses back to the same week
    assert date.fromisocalendar(y, w, 1) <= d <= date.fromisocalendar(y, w, 7)


@given(days)
def test_week_53_only_in_long_years(d: date) -> None:
    y, w, _ = d.isocalendar()
    if w == 53:
        assert date(y, 12, 28).isocalendar()[1] == 53


@given(days, weekdays)
def test_weekday_past_is_within_the_last_week(d: date, wd: int) -> None:
    out = cal.weekday_near(d, wd, -1)
    assert out.weekday() == wd and 0 <= (d - out).days <= 6


@given(days, weekdays)
def test_weekday_future_is_within_the_next_week(d: date, wd: int) -> None:
    out = cal.weekday_near(d, wd, 1)
    assert out.weekday() == wd and 0 <= (out - d).days <= 6


@given(days, weekdays)
def test_weekday_unknown_tense_is_nearest(d: date, wd: int) -> None:
    out = cal.weekday_near(d, wd, 0)
    assert out.weekday() == wd and abs((out - d).days) <= 3


@given(days, weekdays, st.sampled_from([-1, 1]))
def test_last_and_next_weekday_are_strict(d: date, wd: int, direction: int) -> None:
    out = cal.weekday_strict(d, wd, direction)
    assert out.weekday() == wd and 1 <= (out - d).days * direction <= 7


@given(days)
def test_yesterday_crosses_month_and_leap_days(d: date) -> None:
    value = unit_value(d, "day", -1)
    assert value == (d - timedelta(days=1)).isoformat()


@given(days, st.integers(min_value=-3, max_value=3))
def test_week_steps_move_seven_days(d: date, n: int) -> None:
    assert unit_value(d, "week", n) == cal.iso_week(d + timedelta(weeks=n))


@given(days, st.integers(min_value=-8, max_value=8))
def test_quarters_wrap_years(d: date, n: int) -> None:
    y, q = cal.add_quarters(d.year, cal.quarter_of(d.month), n)
    assert 1 <= q <= 4
    assert (y * 4 + q) - (d.year * 4 + cal.quarter_of(d.month)) == n


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=12),
       st.integers(min_value=1, max_value=31))
def test_valid_day_agrees_with_the_calendar(y: int, m: int, d: int) -> None:
    try:
        date(y, m, d)
        ok = True
    except ValueError:
        ok = False
    assert cal.valid_day(y, m, d) == ok


@given(days, st.integers(min_value=1, max_value=12), st.sampled_from([-1, 0, 1]))
def test_month_year_follows_tense(d: date, month: int, direction: int) -> None:
    year = cal.month_near(d, month, direction)
    if direction < 0:
        assert (year, month) <= (d.year, d.month) and d.year - year <= 1
    elif direction > 0:
        assert (year, month) >= (d.year, d.month) and year - d.year <= 1
    else:  # no tense: the occurrence within six months of the DCT month
        assert abs((year * 12 + month) - (d.year * 12 + d.month)) <= 6
        assert year == d.year or abs(month - d.month) > 6


words = st.sampled_from([
    "on", "Friday", "last", "next", "week", "year", "March", "3", "2021", "ago", "days", "the",
    "following", "day", "more", "than", "three", "hours", "by", "mid-October", "early", "late",
    "2 p.m.", "every", "Monday", "said", ",", ".", "\n\n", "years", "later", "a", "decade", "fall",
])


@given(st.lists(words, max_size=40), st.one_of(st.none(), days))
def test_finder_never_fails_and_spans_are_sane(tokens: list[str], dct: date | None) -> None:
    from sitrep.extract.timex import finder

    text = " ".join(tokens)
    found = finder.find(text, dct)
    ends = [0]
    for t in found:
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text
        assert t.start >= ends[-1]  # sorted, no overlaps
        ends.append(t.end)
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
        if dct is None and t.type in ("DATE", "TIME"):
            assert not t.value.startswith(str(date.today().year)) or t.value in text


def test_week_day_stands_for_the_week() -> None:
    from sitrep.extract.timex.calendar import week_day

    assert week_day("2009-W14") == date(2009, 4, 2)  # Thursday: the week lies mostly in April
    assert week_day("2009-W14-WE") == date(2009, 4, 4)
    assert week_day("2020-W53") == date(2020, 12, 31)
    assert week_day("2021-W53") is None  # 2021 has 52 ISO weeks
    assert week_day("2021-09") is None


@given(days, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28),
       st.sampled_from([-1, 0, 1]))
def test_day_year_near(dct: date, month: int, day: int, direction: int) -> None:
    year = cal.day_year_near(dct, month, day, direction)
    gap = (date(year, month, day) - dct).days
    assert abs(year - dct.year) <= 1
    if direction == 0:
        assert abs(gap) <= 184  # the nearest occurrence
    elif direction < 0:
        # on or before the DCT's month, or within NEAR_DAYS ahead when that reading is far back
        assert gap <= 31 or gap <= cal.NEAR_DAYS
    else:
        assert gap >= -31 or gap >= -cal.NEAR_DAYS
    if abs(gap) > 31:
        other = min(abs((date(y, month, day) - dct).days) for y in (year - 1, year + 1))
        assert abs(gap) <= cal.FAR_DAYS or other > cal.NEAR_DAYS
