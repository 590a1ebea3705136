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
