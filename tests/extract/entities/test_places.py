"""Places with a generic head and facilities named after a place (synthetic texts)."""

from __future__ import annotations

from tests.extract.entities.conftest import entity_with


def test_place_and_generic_head_is_the_place(entities_of):
    ents = entities_of("Fighting spread across Kandahar province. Kandahar has seen little rain.")
    e = entity_with(ents, "Kandahar province")
    assert e is not None and e.type in ("REGION", "CITY") and entity_with(ents, "Kandahar") is e


def test_facility_named_after_a_place(entities_of):
    ents = entities_of("Jets took off from the Zorvak air base on Monday. Zorvak is near the border.")
    e = entity_with(ents, "Zorvak air base")
    assert e is not None and e.type == "FACILITY"
    assert entity_with(ents, "Zorvak") is e


def test_secretary_of_state_is_no_place(entities_of):
    ents = entities_of("Secretary of State Antony Blinken met the envoy.")
    e = entity_with(ents, "Antony Blinken")
    assert e is not None and e.type == "PERSON"


def test_a_base_of_two_countries_is_no_named_facility(entities_of):
    ents = entities_of("The island hosts a joint U.S.-U.K. military base.")
    assert all(e.type != "FACILITY" for e in ents)


def test_village_after_the_village_of_is_a_place(entities_of):
    ents = entities_of("Gunmen raided the village of Kurmavi on Friday, residents said.")
    e = entity_with(ents, "Kurmavi")
    assert e is not None and e.type in ("CITY", "REGION")
    assert entity_with(ents, "the village of Kurmavi") is e


def test_province_spacy_mistypes_is_a_region_of_its_country(entities_of):
    ents = entities_of("The attack took place in Khyber Pakhtunkhwa, a province bordering Afghanistan.")
    e = entity_with(ents, "Khyber Pakhtunkhwa")
    assert e is not None and e.type == "REGION" and e.attributes.get("country") == "Pakistan"


def test_a_people_adjective_is_no_place(entities_of):
    ents = entities_of("Members of the ethnic Zandari minority protested. Zandari separatists denied it.")
    assert entity_with(ents, "Zandari") is None


def test_island_group_named_three_ways_is_one_place(entities_of):
    text = ("The Varanu Islands lie far offshore. Fishing boats crossed the Varanu Archipelago. "
            "Varanu has no airport.")
    ents = entities_of(text)
    e = entity_with(ents, "Varanu Islands")
    assert e is not None and entity_with(ents, "Varanu Archipelago") is e


def test_ocean_named_by_an_adjective_is_not_the_country(entities_of):
    ents = entities_of("The navy patrols the Indian Ocean.")
    e = entity_with(ents, "Indian Ocean")
    assert e is not None and e.type == "REGION"


def test_towns_in_locative_context_are_places(entities_of):
    # "Chasiv Yar" and "Tessalit" are GeoNames towns (cities1000) that spaCy calls persons
    ents = {e.name: e for e in entities_of("Fighting continued around Bakhmut and Chasiv Yar. "
                                           "Clashes broke out in Kidal and Tessalit on Monday.")}
    assert ents["Chasiv Yar"].type == "CITY" and ents["Chasiv Yar"].attributes.get("country") == "Ukraine"
    assert ents["Tessalit"].type == "CITY" and ents["Tessalit"].attributes.get("country") == "Mali"
    assert ents["Bakhmut"].type == "CITY"


def test_a_name_an_appositive_calls_a_village_is_a_place(entities_of):
    ents = {e.name: e for e in entities_of("Gunmen killed 12 villagers in Kadawa, a village in "
                                           "Zamfara State, on Sunday.")}
    assert ents["Kadawa"].type == "CITY"


def test_a_province_spacy_calls_a_people_is_a_place(entities_of):
    # spaCy's small model reads "Punjab" as NORP; the subdivision table and "province" say place
    ents = entities_of("Most of the workers came from the eastern Punjab province.")
    e = entity_with(ents, "Punjab province")
    assert e is not None and e.type == "REGION"


def test_an_ethnic_adjective_before_region_stays_no_place(entities_of):
    ents = entities_of("Kurdish region leaders met on Monday.")
    assert all(e.type not in ("REGION", "CITY") for e in ents if e.name == "Kurdish")
