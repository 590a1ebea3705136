"""Calendar arithmetic on TIMEX3 values: days, ISO weeks, months, quarters, seasons.

Pure functions over :class:`datetime.date`; the property tests in
``tests/extract/timex/test_calendar.py`` check them on year ends, leap years and
ISO weeks (week 53, week 1 starting in December).
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def add_days(d: date, n: int) -> date:
    return d + timedelta(days=n)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by ``n`` months."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift_date_months(d: date, n: int) -> date:
    """The same day ``n`` months later, clamped to the month's last day (Jan 31 + 1 = Feb 28/29)."""
    y, m = add_months(d.year, d.month, n)
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def iso_week(d: date) -> str:
    """The TIMEX3 week value of a day, e.g. ``2021-W37`` (ISO 8601 week-numbering year)."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def week_day(value: str) -> date | None:
    """The day that stands for a TIMEX3 week value when a month or year is wanted: the
    Thursday of ``2010-W04`` (the ISO rule: the week lies mostly in that day's month),
    the Saturday of ``2010-W04-WE``; None for other values."""
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if m is None:
        return None
    try:
        return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 4)
    except ValueError:
        return None


def add_weeks_value(d: date, n: int) -> str:
    return iso_week(d + timedelta(weeks=n))


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def add_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + n
    return index // 4, index % 4 + 1


def weekday_near(dct: date, weekday: int, direction: int) -> date:
    """The day with ``weekday`` (0 = Monday) nearest ``dct`` in a direction.

    direction -1: the latest such day on or before the DCT (past tense);
    +1: the earliest on or after it (future tense); 0: the nearest either way,
    ties going to the past (news mostly reports what happened).
    """
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if direction < 0:
        return dct - timedelta(days=back)
    if direction > 0:
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back) if back <= ahead else dct + timedelta(days=ahead)


def weekday_strict(dct: date, weekday: int, direction: int) -> date:
    """"last Friday" / "next Friday": the nearest such day strictly before / after the DCT."""
    if direction < 0:
        back = (dct.weekday() - weekday) % 7 or 7
        return dct - timedelta(days=back)
    ahead = (weekday - dct.weekday()) % 7 or 7
    return dct + timedelta(days=ahead)


def month_near(dct: date, month: int, direction: int, nearest: bool = True) -> int:
    """The year of the named month nearest the DCT in a tense direction.

    Past: the latest such month on or before the DCT month; future: the earliest on
    or after it; unknown (0): the occurrence nearest the DCT month ("worth $130 million in
    October" in January is last October), the DCT year when both are six months off, or
    when ``nearest`` is false (a present tense: "the law takes effect in August").
    """
    if direction < 0 and month > dct.month:
        return dct.year - 1
    if direction > 0 and month < dct.month:
        return dct.year + 1
    if direction == 0 and nearest and abs(month - dct.month) > 6:
        return dct.year - 1 if month > dct.month else dct.year + 1
    return dct.year


FAR_DAYS = 300  # a tense reading this far off the DCT ...
NEAR_DAYS = 45  # ... yields to the same day this close on the other side


def day_year_near(dct: date, month: int, day: int, direction: int) -> int:
    """The year of "Dec. 7" (no year given): by tense (:func:`month_near`); with no tense
    ("payable Dec. 9", "effective Jan. 2") the occurrence nearest the DCT. A tense reading
    over ``FAR_DAYS`` away gives way to one within ``NEAR_DAYS`` ("the offer was extended
    to Nov. 16" in late October: this November; a writer would give the year of a day
    eleven months back)."""
    year = month_near(dct, month, direction)
    if not valid_day(year, month, day):
        return year
    options = [y for y in (year - 1, year, year + 1) if valid_day(y, month, day)]
    nearest = min(options, key=lambda y: (abs((date(y, month, day) - dct).days), y))
    if direction == 0:
        return nearest
    far = abs((date(year, month, day) - dct).days) > FAR_DAYS
    return nearest if far and abs((date(nearest, month, day) - dct).days) <= NEAR_DAYS else year


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]
