"""Plural descriptions of an armed group's members name the group (synthetic texts)."""

from __future__ import annotations

from tests.extract.entities.conftest import entity_with


def test_modified_plural_names_the_armed_group(entities_of):
    ents = entities_of("Hezbollah fired rockets at the border town on Monday. "
                       "The Shiite militants said they were answering an air strike.")
    group = entity_with(ents, "Hezbollah")
    assert group is not None
    assert "The Shiite militants" in [m.text for m in group.mentions]


def test_no_armed_group_no_mention(entities_of):
    ents = entities_of("The ministry said the talks would resume. The Shiite militants were not invited.")
    assert entity_with(ents, "The Shiite militants") is None


def test_a_described_province_is_the_region_named_before(entities_of):
    ents = entities_of("Gunmen attacked a bus in Khyber Pakhtunkhwa on Friday. Attacks are frequent "
                       "in the mountainous province.")
    region = entity_with(ents, "Khyber Pakhtunkhwa")
    assert region is not None and "the mountainous province" in [m.text for m in region.mentions]


def test_a_named_province_is_not_the_last_region(entities_of):
    ents = entities_of("Gunmen attacked a bus in Khyber Pakhtunkhwa on Friday. Troops were sent to "
                       "the Helmand province.")
    region = entity_with(ents, "Khyber Pakhtunkhwa")
    assert region is not None and not any("Helmand" in m.text for m in region.mentions)
