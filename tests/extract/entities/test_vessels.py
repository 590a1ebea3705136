"""Named warships, civilian vessels and trains (synthetic texts)."""

from __future__ import annotations

from tests.extract.entities.conftest import entity_with


def test_navy_prefix_names_a_warship(entities_of):
    ents = entities_of("The destroyer INS Varunastra docked in Port Louis on Monday.")
    e = entity_with(ents, "INS Varunastra")
    assert e is not None and e.type == "WEAPON_SYSTEM" and e.attributes["origin"] == "India"
    assert all(e2.name != "Varunastra" for e2 in ents)


def test_name_after_a_vessel_noun_is_a_civilian_vessel(entities_of):
    ents = entities_of("Satellite images showed the cargo ship Morvanna leaving port. Morvanna later docked.")
    e = entity_with(ents, "Morvanna")
    assert e is not None and e.type == "OTHER" and e.attributes["category"] == "cargo ship"


def test_train_named_in_an_appositive(entities_of):
    ents = entities_of("The Karsovar Express, a cross-country train, was stopped near the border.")
    e = entity_with(ents, "Karsovar Express")
    assert e is not None and e.type == "OTHER"
    assert entity_with(ents, "a cross-country train") is e
