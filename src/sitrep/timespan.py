"""TIMEX3 calendar values as day intervals ``[start, end)``: to sort, filter and draw.

Text order is wrong for TIMEX3 values ("2021-10" sorts before "2021-W37", "2016-W42"
after "2016-12"); every layer that orders or filters by date uses :func:`interval`.
A value covers the days from ``start`` up to, not including, ``end``: a day one day,
a week seven, a month, quarter (``2021-Q3``), half (``2021-H1``), season
(``2021-SU``, northern meteorological seasons), year, decade (``202X``... written
``202``) or century (``20``) the days it spans. Clock times (``2021-09-13T10:00``)
cover their day. Anything else (``PAST_REF``, durations) has no interval.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# (first month, months) of each TIMEX3 part-of-year code
_PARTS = {
    "Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3), "H1": (1, 6), "H2": (7, 6),
    "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3),
}
_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?"
    r"|(?P<p>Q[1-4]|H[12]|SP|SU|FA|WI)))?(?:T.*)?"
)
_DECADE = re.compile(r"(?P<c>\d{2})(?P<d>\d)?")


def _add_months(year: int, month: int, n: int) -> date:
    k = year * 12 + (month - 1) + n
    return date(k // 12, k % 12 + 1, 1)


def interval(value: str | None) -> tuple[date, date] | None:
    """``[start, end)`` of a TIMEX3 calendar value, or None."""
    if not value:
        return None
    v = value.strip()
    try:
        if m := _VALUE.fullmatch(v):
            y = int(m["y"])
            if m["d"]:
                start = date(y, int(m["m"]), int(m["d"]))
                return start, start + timedelta(days=1)
            if m["m"]:
                return date(y, int(m["m"]), 1), _add_months(y, int(m["m"]), 1)
            if m["w"]:
                start = date.fromisocalendar(y, int(m["w"]), 6 if m["we"] else 1)
                return start, start + timedelta(days=2 if m["we"] else 7)
            if m["p"]:
                first, months = _PARTS[m["p"]]
                return date(y, first, 1), _add_months(y, first, months)
            return date(y, 1, 1), date(y + 1, 1, 1)
        if m := _DECADE.fullmatch(v):
            if m["d"] is not None:
                y = int(m["c"] + m["d"]) * 10
                return date(max(y, 1), 1, 1), date(y + 10, 1, 1)
            y = int(m["c"]) * 100
            return date(max(y, 1), 1, 1), date(y + 100, 1, 1)
    except ValueError:  # "2021-02-30", week 54
        return None
    return None


def sort_key(value: str | None) -> tuple[str, str]:
    """Orders values by their start day, then their end; values with no interval last."""
    iv = interval(value)
    return (iv[0].isoformat(), iv[1].isoformat()) if iv else ("9999-99-99", value or "")


def days(value: str | None) -> tuple[str | None, str | None]:
    """(first day, day after the last) as ISO dates, for a store column; (None, None)."""
    iv = interval(value)
    return (iv[0].isoformat(), iv[1].isoformat()) if iv else (None, None)
