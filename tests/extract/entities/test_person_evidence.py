"""A name spaCy calls a place is a person's where the text says so (synthetic texts)."""

from __future__ import annotations

import pytest
from tests.extract.entities.conftest import entity_with

from sitrep.extract.entities import gazetteer, person_evidence


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp import load_nlp

    return load_nlp()


def _span(doc, text):
    for i in range(len(doc)):
        for j in range(i + 1, min(i + 4, len(doc)) + 1):
            if doc[i:j].text == text:
                return doc[i:j]
    raise AssertionError(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Another passenger, Karim Dottu, told reporters that he ran.", "Dottu"),  # appositive role noun
        ("Dottu is the executive director of the group.", "Dottu"),  # copular role noun
        ('"We ran," Dottu said.', "Dottu"),  # subject of a speech verb
        ("General Dottu inspected the troops.", "Dottu"),  # a title
    ],
)
def test_person_evidence(nlp, text, name):
    assert person_evidence.has_evidence(_span(nlp(text), name))


@pytest.mark.parametrize(
    ("text", "name"),
    [("Fighting continued in Dottu on Monday.", "Dottu"), ("The convoy left Dottu before dawn.", "Dottu")],
)
def test_no_person_evidence(nlp, text, name):
    assert not person_evidence.has_evidence(_span(nlp(text), name))


def test_given_names_join_the_surname(nlp):
    doc = nlp("Another passenger, Allah Ditta, told reporters that he ran.")
    assert person_evidence.with_given_names(_span(doc, "Ditta")).text == "Allah Ditta"


def test_known_places_keep_their_reading():
    gz = gazetteer.load()
    assert person_evidence.known_place("Kandahar", gz) and person_evidence.known_place("Moscow", gz)
    assert not person_evidence.known_place("Wasuge", gz)
    assert person_evidence.surnames_of(["Allah Ditta", "Ditta", "Kabul"]) == {"Ditta"}


def test_a_named_passenger_is_a_person_not_a_town(entities_of):
    ents = entities_of('Another passenger, Allah Ditta, told VOA that he ran. "We ran," Ditta said.')
    e = entity_with(ents, "Allah Ditta")
    assert e is not None and e.type == "PERSON" and entity_with(ents, "Ditta") is e
    assert all(x.type not in ("CITY", "REGION") for x in ents)


def test_a_director_quoted_by_surname_is_a_person(entities_of):
    ents = entities_of('Mahad Wasuge is the executive director of a research group. "We agree," Wasuge said.')
    e = entity_with(ents, "Mahad Wasuge")
    assert e is not None and e.type == "PERSON" and entity_with(ents, "Wasuge") is e


def test_places_that_speak_stay_places(entities_of):
    ents = entities_of("Fighting continued in Tessalit on Monday. Moscow said it would respond.")
    tessalit, moscow = entity_with(ents, "Tessalit"), entity_with(ents, "Moscow")
    assert tessalit is not None and tessalit.type == "CITY"
    assert moscow is not None and moscow.type == "COUNTRY"
