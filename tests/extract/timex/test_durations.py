"""Property tests for duration values: a fractional clock duration in whole sub-units."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.timex.patterns import duration_value

_SECONDS = {"H": 3600, "M": 60, "S": 1}


def _seconds(value: str) -> float:
    body = value.removeprefix("PT")
    parts = re.findall(r"([\d.]+)([HMS])", body)
    assert "".join(n + u for n, u in parts) == body, value
    return sum(float(n) * _SECONDS[u] for n, u in parts)


@given(st.integers(min_value=0, max_value=200), st.sampled_from([0, 15, 30, 45]),
       st.sampled_from(["hours", "minutes"]))
def test_clock_duration_keeps_its_length(whole: int, sixtieths: int, unit: str) -> None:
    amount = whole + sixtieths / 60
    if amount == 0:
        return
    value = duration_value(amount, unit)
    assert value.startswith("PT") and "." not in value  # quarters of an hour divide exactly
    assert _seconds(value) == amount * (3600 if unit == "hours" else 60)


def test_other_units_keep_decimals() -> None:
    assert duration_value(2.5, "years") == "P2.5Y"
    assert duration_value(1.5, "days") == "P1.5D"
    assert duration_value(None, "hours") == "PTXH"
