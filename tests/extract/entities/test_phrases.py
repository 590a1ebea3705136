"""Noun phrases around a name are mentions of it (synthetic texts)."""

from __future__ import annotations

from tests.extract.entities.conftest import entity_with


def test_category_noun_before_an_organization(entities_of):
    ents = entities_of("Kanin said, according to geopolitical risk consultancy Varnex Partners. "
                       "Varnex Partners declined to comment.")
    e = entity_with(ents, "Varnex Partners")
    assert e is not None and entity_with(ents, "geopolitical risk consultancy Varnex Partners") is e


def test_category_noun_before_a_country(entities_of):
    ents = entities_of("Ministers met in host country Canada on Monday.")
    e = entity_with(ents, "Canada")
    assert e is not None and entity_with(ents, "host country Canada") is e


def test_modifiers_before_a_place_and_a_facility(entities_of):
    ents = entities_of("Ships crossed the contested South China Sea. "
                       "Jets took off from the vast Zorvak air base.")
    sea, base = entity_with(ents, "South China Sea"), entity_with(ents, "Zorvak air base")
    assert sea is not None and entity_with(ents, "contested South China Sea") is sea
    assert base is not None and entity_with(ents, "vast Zorvak air base") is base


def test_a_category_noun_of_another_type_is_no_mention(entities_of):
    # "official" is no organization's category noun; a direction word makes another place
    ents = entities_of("A Pakistani official Ali Khan spoke. Rebels hold northeast Syria.")
    official = entity_with(ents, "Pakistani official Ali Khan")
    northeast = entity_with(ents, "northeast Syria")
    assert official is None or official.type == "PERSON"
    assert northeast is None or northeast.type != "COUNTRY"
