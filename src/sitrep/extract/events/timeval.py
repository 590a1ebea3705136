"""TIMEX3 values as date intervals: overlap tests and before/after comparisons."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

Interval = tuple[date, date]


def interval(value: str) -> Interval | None:
    """The first and last day a TIMEX3 date value covers (None for PAST_REF etc.)."""
    v = value.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", v):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
        start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return start, start + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    if m := re.fullmatch(r"(\d{4})", v):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    return None


def overlaps(a: str, b: str) -> bool:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def compare(value: str, dct: str) -> str | None:
    """"after" when ``value`` lies wholly after the report date, "before_year" when
    it lies in an earlier calendar year, else None."""
    iv, idct = interval(value), interval(dct[:10])
    if iv is None or idct is None:
        return None
    if iv[0] > idct[1]:
        return "after"
    if iv[1].year < idct[0].year:
        return "before_year"
    return None
