"""Equipment named compositionally, outside the weapons table (invented designations)."""

from __future__ import annotations


def _by_name(ents):
    return {e.name: e for e in ents}


def test_designation_with_a_class_noun_and_its_manufacturer(entities_of):
    ents = _by_name(entities_of("Valdoria will buy an Aerovex KX-450 transport for its air force. "
                                "The KX-450 replaces older aircraft."))
    plane = ents["KX-450"]
    assert plane.type == "WEAPON_SYSTEM" and plane.attributes["category"] == "transport aircraft"
    assert [m.text for m in plane.mentions].count("KX-450") == 2  # the later bare use joins it
    assert ents["Aerovex"].type == "ORG"


def test_type_number_and_class_names(entities_of):
    ents = _by_name(entities_of("Ostmark is building Type 071B submarines and two Lindqvist-class "
                                "frigates for the Valdorian navy."))
    assert ents["Type 071B submarine"].attributes["category"] == "submarine"
    assert ents["Lindqvist-class frigate"].type == "WEAPON_SYSTEM"


def test_a_designation_shape_without_a_class_noun_is_no_weapon(entities_of):
    ents = entities_of("COVID-19 cases rose in March. Flight QX-204 landed late.")
    assert not [e for e in ents if e.type == "WEAPON_SYSTEM"]


def test_airliners_are_no_weapons(entities_of):
    ents = entities_of("Skyline Airways ordered 40 A350 jets. Ostmark Air bought six Zephyr-200 "
                       "passenger jets.")
    assert not [e for e in ents if e.type == "WEAPON_SYSTEM"]
