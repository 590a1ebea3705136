"""The event types' rules are one checked table (data/event_types.yaml, #17.4): it loads
into frozen records the stage asks, and a malformed table is refused naming the file
and the key."""

from __future__ import annotations

import dataclasses

import pytest

from sitrep.extract.events.lexicon import lexicon
from sitrep.extract.events.typetable import EventTypeSpec, TableError, load_table, spec_of, table
from sitrep.model import EVENT_TYPES

GROUPS = {"agents": ["PERSON", "COUNTRY"]}
LEXICONS = set(EVENT_TYPES)


def _table(extra: str) -> str:
    """A minimal table: every type with its roles, then ``extra`` (YAML) for `attack`."""
    rows = [f"{t}:\n  roles: [actor]" for t in EVENT_TYPES if t != "attack"]
    return "\n".join([*rows, "attack:\n  roles: [actor, target]", extra])


def test_the_shipped_table_loads_one_frozen_record_per_type():
    loaded = table()
    assert set(loaded) == set(EVENT_TYPES)
    spec = spec_of("arms_transfer")
    assert isinstance(spec, EventTypeSpec)
    assert spec.sides and spec.takes_value and spec.deadline_role == "delivery_by"
    assert spec_of("attack").takes_casualties and not spec_of("meeting").takes_casualties
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.sides = False  # type: ignore[misc]


def test_the_stage_reads_slots_and_accepted_types_from_the_table():
    lex = lexicon()
    assert lex.role_map("appointment", "succeed")["agent"] == "target"
    assert lex.role_map("visit")["patient"] == "place"
    assert "CITY" not in lex.accepts("visit", "actor")
    assert lex.accepts("appointment", "target") == frozenset({"PERSON"})


def test_a_minimal_table_loads():
    loaded = load_table(_table("  accepts: {actor: agents}\n  takes_casualties: true"), "t.yaml",
                        GROUPS, LEXICONS)
    assert loaded["attack"].accepts["actor"] == frozenset({"PERSON", "COUNTRY"})
    assert loaded["attack"].takes_casualties


@pytest.mark.parametrize(("extra", "key", "why"), [
    ("  slots: {agent: perpetrator}", "attack.slots.agent", "unknown role 'perpetrator'"),
    ("  accepts: {actor: [TOWN]}", "attack.accepts.actor", "unknown entity type 'TOWN'"),
    ("  accepts: {actor: fighters}", "attack.accepts.actor", "unknown entity-type group 'fighters'"),
    ("  takes_counts: true", "attack.takes_counts", "unknown key"),
    ("  takes_value: yes please", "attack.takes_value", "expected true or false"),
    ("  verb_check: by_hunch", "attack.verb_check", "unknown value 'by_hunch'"),
    ("  triggers: nothing", "attack.triggers", "no lexicon 'nothing'"),
    ("skirmish:\n  roles: [actor]", "skirmish", "unknown event type"),
])
def test_a_bad_table_is_refused_naming_the_file_and_key(extra, key, why):
    with pytest.raises(TableError) as err:
        load_table(_table(extra), "bad-types.yaml", GROUPS, LEXICONS)
    msg = str(err.value)
    assert "bad-types.yaml" in msg and f"{key}:" in msg and why in msg


def test_a_type_without_a_record_is_refused():
    text = "\n".join(f"{t}:\n  roles: [actor]" for t in EVENT_TYPES if t != "protest")
    with pytest.raises(TableError, match=r"short\.yaml: protest: event type has no record"):
        load_table(text, "short.yaml", GROUPS, LEXICONS)
