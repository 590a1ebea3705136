"""Aliases inside one article and short table forms inside longer names (synthetic texts)."""

from __future__ import annotations

from tests.extract.entities.conftest import entity_with

from sitrep.extract.entities.aliases import initials


def test_initials_may_count_small_words():
    assert {"VA", "VOA"} <= initials("Voice of America")
    assert "TTP" in initials("Tehreek-e-Taliban Pakistan")


def test_acronym_defined_in_parentheses_joins_an_unrecognized_name(entities_of):
    text = ("Members of the Free Our Farmers (FOF) campaign marched in Lagos on Monday. "
            "Later, FOF said the march would continue.")
    ents = entities_of(text)
    e = entity_with(ents, "Free Our Farmers")
    assert e is not None and e.type == "ORG"
    assert [m.text for m in e.mentions].count("FOF") == 2


def test_acronym_after_or_joins_the_name(entities_of):
    text = ("The Northern Coastal Defence Agency, or NCDA, said it seized a boat. "
            "NCDA officials gave no details.")
    ents = entities_of(text)
    full = entity_with(ents, "Northern Coastal Defence Agency")
    assert full is not None
    assert entity_with(ents, "NCDA") is full


def test_acronym_with_small_word_initial_joins_full_name(entities_of):
    ents = entities_of("The Voice of Ruritania reported the strike. Later VOR said three people died.")
    full = entity_with(ents, "Voice of Ruritania")
    assert full is not None and entity_with(ents, "VOR") is full


def test_table_short_form_inside_a_longer_name_is_not_its_own_entity(entities_of):
    ents = entities_of("Analysts at the European Council on Foreign Relations said the sanctions would bite.")
    assert entity_with(ents, "European Council") is None
    assert entity_with(ents, "European Council on Foreign Relations") is not None


def test_country_inside_a_sea_name_is_not_the_country(entities_of):
    ents = entities_of("Pirates attacked a tanker in the Gulf of Guinea on Sunday.")
    assert all(e.name != "Guinea" for e in ents)


def test_law_named_like_an_organization_is_other(entities_of):
    ents = entities_of("Parliament passed the Coastal Fisheries Protection Act on Friday.")
    e = entity_with(ents, "Coastal Fisheries Protection Act")
    assert e is None or e.type == "OTHER"


def test_outlet_acronym_in_the_body_is_the_outlet(entities_of):
    ents = entities_of("The minister told RFR on Tuesday that talks would resume.",
                       outlet="Radio Free Ruritania")
    e = entity_with(ents, "RFR")
    assert e is not None and e.name == "Radio Free Ruritania"
    assert sum(1 for x in ents if x.type == "ORG") == 1


def test_name_without_its_country_joins_the_full_name(entities_of):
    ents = entities_of("U.S. Southern Command said the drill ended. Southern Command gave no details.")
    full = entity_with(ents, "U.S. Southern Command")
    assert full is not None and entity_with(ents, "Southern Command") is full


def test_date_spacy_calls_an_event_is_no_entity(entities_of):
    ents = entities_of("The vote was postponed to September 17, officials said.")
    assert entity_with(ents, "September 17") is None


def test_phrase_around_an_organization_name_is_a_mention(entities_of):
    text = ("Residents said the banned Free Coast Army attacked the port. "
            "The Coastal Herald newspaper said the Free Coast Army denied it.")
    ents = entities_of(text)
    army = entity_with(ents, "Free Coast Army")
    assert army is not None and entity_with(ents, "banned Free Coast Army") is army
    paper = entity_with(ents, "Coastal Herald")
    assert paper is not None and entity_with(ents, "Coastal Herald newspaper") is paper


def test_name_with_of_and_two_coordinated_parts_is_one(entities_of):
    from sitrep.config import Settings
    from sitrep.extract.entities.recognize import Cand, _join_coordinated_names
    from sitrep.nlp.loader import load_nlp

    doc = load_nlp(Settings().model)("He heads the Office of Arctic and Antarctic Affairs.")
    first = Cand(3, 6, "ORG", "spacy", name="Office of Arctic")  # spaCy's split
    second = Cand(7, 9, "ORG", "spacy", name="Antarctic Affairs")
    joined = _join_coordinated_names(doc, [first, second])
    assert len(joined) == 1 and joined[0].name == "Office of Arctic and Antarctic Affairs"


def test_group_named_without_its_country_joins_the_one_country_form(entities_of):
    ents = entities_of("The Afghan Taliban denied the charge. A Taliban spokesman spoke on Sunday.")
    e = entity_with(ents, "Afghan Taliban")
    assert e is not None and entity_with(ents, "Taliban") is e
