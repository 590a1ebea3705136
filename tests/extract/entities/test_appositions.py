"""Noun phrases in apposition to a name are mentions of it (synthetic texts)."""

from __future__ import annotations

from tests.extract.entities.conftest import entity_with


def _mentions(ents, name):
    e = entity_with(ents, name)
    assert e is not None, name
    return [m.text for m in e.mentions]


def test_description_after_a_person(entities_of):
    ents = entities_of('"It is a risk," said Mara Oduya, a regional expert at the Lindqvist '
                       "Institute of Policy Studies.")
    assert "a regional expert at the Lindqvist Institute of Policy Studies" in _mentions(ents, "Mara Oduya")
    # the institute stays its own entity
    inst = entity_with(ents, "Lindqvist Institute of Policy Studies")
    assert inst is not None and inst is not entity_with(ents, "Mara Oduya")


def test_description_before_a_person(entities_of):
    ents = entities_of("The leader of the Kessan rebel movement, Tomas Brevik, has not been seen since May.")
    assert "The leader of the Kessan rebel movement" in _mentions(ents, "Tomas Brevik")


def test_possessive_description_and_organization(entities_of):
    ents = entities_of("Orlan Vesk, Valdoria's former leader, was charged on Monday. "
                       "The attack was claimed by the Red Dawn Front, a designated terror group.")
    assert "Valdoria's former leader" in _mentions(ents, "Orlan Vesk")
    assert "a designated terror group" in _mentions(ents, "Red Dawn Front")


def test_relative_clause_and_proper_noun_are_not_taken(entities_of):
    ents = entities_of("Lena Ortiz, a farmer who lost her land, spoke in Gusau, Zamfara State.")
    ortiz = _mentions(ents, "Lena Ortiz")
    assert "a farmer" in ortiz and not any("who" in m for m in ortiz)
    gusau = entity_with(ents, "Gusau")
    assert gusau is None or "Zamfara State" not in [m.text for m in gusau.mentions]


def test_an_organization_noun_does_not_describe_a_person(entities_of):
    ents = entities_of("The talks were hosted by Ilse Varga of the Northern Policy Institute, "
                       "a think tank in Lune.")
    assert "a think tank in Lune" not in _mentions(ents, "Ilse Varga")
    assert "a think tank in Lune" in _mentions(ents, "Northern Policy Institute")


def test_the_noun_before_of_says_what_the_phrase_is(entities_of):
    ents = entities_of("But the leader of the Save Our Rivers (SOR) movement, Dana Whitlow, said "
                       "the fight is not over.")
    assert "the leader of the Save Our Rivers (SOR) movement" in _mentions(ents, "Dana Whitlow")


def test_no_apposition_without_a_comma_or_for_coordinated_names(entities_of):
    ents = entities_of("Carmakers Vexa and Ostrom seek more government aid")
    for name in ("Vexa", "Ostrom"):
        e = entity_with(ents, name)
        assert e is None or not any(m.text in ("Carmakers", "more government aid") for m in e.mentions)
