"""Compositional actors: a state plus an agent noun (synthetic texts)."""

from __future__ import annotations

from tests.extract.entities.conftest import entity_with


def test_nationality_and_agent_noun_is_one_armed_forces_actor(entities_of):
    text = ("Malian troops attacked a camp on Tuesday. The Malian military said the raid was a success, "
            "and Malian security forces later withdrew.")
    ents = entities_of(text)
    e = entity_with(ents, "Malian troops")
    assert e is not None and e.type == "MILITARY_UNIT"
    assert e.attributes["country"] == "Mali" and e.attributes["sector"] == "MIL"
    assert entity_with(ents, "Malian military") is e
    assert entity_with(ents, "Malian security forces") is e
    assert entity_with(ents, "Malian") is not None and entity_with(ents, "Malian").name == "Mali"


def test_a_branch_is_its_own_unit(entities_of):
    ents = entities_of("Chilean soldiers guarded the port while the Chilean navy patrolled the coast.")
    army = entity_with(ents, "Chilean soldiers")
    navy = entity_with(ents, "Chilean navy")
    assert army is not None and navy is not None and army is not navy
    assert navy.type == "MILITARY_UNIT" and navy.attributes["country"] == "Chile"


def test_police_is_an_organization_with_sector_cop(entities_of):
    e = entity_with(entities_of("Kenyan police arrested three suspects in Mombasa."), "Kenyan police")
    assert e is not None and e.type == "ORG" and e.attributes["sector"] == "COP"


def test_agent_noun_modifying_another_noun_is_no_actor(entities_of):
    ents = entities_of("Analysts tracked Peruvian military activity near the border.")
    assert entity_with(ents, "Peruvian military") is None


def test_bare_military_takes_the_only_country_named_for_its_forces(entities_of):
    text = ("Sri Lankan troops clashed with rebels near Jaffna. The military said four rebels died. "
            "Sri Lanka has fought insurgents for years.")
    ents = entities_of(text)
    assert entity_with(ents, "military") is entity_with(ents, "Sri Lankan troops")


def test_nationality_authorities_and_leader_administration_are_the_state(entities_of):
    ents = entities_of("Ecuadorian authorities closed the border. The Biden administration objected.",
                       published="2022-05-03T10:00:00Z")
    assert entity_with(ents, "Ecuadorian authorities").name == "Ecuador"
    assert entity_with(ents, "Biden administration").name == "United States"
    assert all(e.type != "PERSON" for e in ents)


def test_government_of_a_country_is_the_state(entities_of):
    ents = entities_of("Talks with the government of Bolivia resumed on Monday.")
    assert entity_with(ents, "government of Bolivia").name == "Bolivia"


def test_two_nations_troops_name_no_single_actor(entities_of):
    ents = entities_of("The exercise brought together Uruguayan and Paraguayan troops.")
    assert all(e.type != "MILITARY_UNIT" for e in ents)


def test_actor_inside_a_persons_description(entities_of):
    text = ("Rafael Quiroga, director of the Chilean military's press office, said the drill ended. "
            "Chilean troops returned to base.")
    ents = entities_of(text)
    e = entity_with(ents, "Chilean military")
    assert e is not None and e.type == "MILITARY_UNIT" and entity_with(ents, "Chilean troops") is e
