"""Speakers that name nobody and point back to a body, a document's issuer or a person
introduced earlier (issue #14; :mod:`sitrep.extract.quotes.antecedents`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.extract.quotes.conftest import make_entities

from sitrep.extract.quotes import extract_quotes

Speakers = Callable[..., list[tuple[str, str | None]]]


@pytest.fixture(scope="module")
def said(nlp: Any) -> Speakers:
    """(quote text, speaker name) of ``text``, with entities given as name -> (type,
    surface forms[, attributes])."""
    def run(text: str, ents: dict[str, tuple[Any, ...]]) -> list[tuple[str, str | None]]:
        entities = make_entities(text, {}, {n: (v[0], v[1]) for n, v in ents.items()})
        for e in entities:
            if len(ents[e.name]) > 2:
                e.attributes = dict(ents[e.name][2])
        names = {e.id: e.name for e in entities}
        return [(q.text, names.get(q.speaker) if q.speaker else None)
                for q in extract_quotes(nlp(text), entities)]
    return run


def test_the_army_is_the_armed_force_named_before(said: Speakers) -> None:
    text = ('The Vardanian Armed Forces began an offensive on the river on Friday.\n\n'
            '"Our units are moving forward on every front," the army said.')
    ents = {"Vardanian Armed Forces": ("MILITARY_UNIT", ["Vardanian Armed Forces"],
                                       {"category": "armed forces"})}
    assert said(text, ents)[-1][1] == "Vardanian Armed Forces"


def test_an_official_of_a_kind_speaks_for_the_body_of_that_kind(said: Speakers) -> None:
    text = ("The Ostrian Navy sent two patrol boats to the reef. "
            "A navy spokesman said the boats would stay there for a week.")
    ents = {"Ostrian Navy": ("MILITARY_UNIT", ["Ostrian Navy"])}
    assert said(text, ents) == [("the boats would stay there for a week", "Ostrian Navy")]


def test_the_company_is_the_company_named_before(said: Speakers) -> None:
    text = ("Shares of Halvorsen Marine fell 9% on Tuesday. "
            "The company said it would close two shipyards next year.")
    ents = {"Halvorsen Marine": ("ORG", ["Halvorsen Marine"])}
    assert said(text, ents) == [("it would close two shipyards next year", "Halvorsen Marine")]


def test_a_kind_noun_agrees_with_its_modifiers(said: Speakers) -> None:
    text = ("The Ministry of the Interior and the Ministry of Foreign Affairs met on Monday. "
            "The interior ministry said the curfew would be lifted.")
    ents = {"Ministry of the Interior": ("ORG", ["Ministry of the Interior"], {"category": "ministry"}),
            "Ministry of Foreign Affairs": ("ORG", ["Ministry of Foreign Affairs"], {"category": "ministry"})}
    assert said(text, ents) == [("the curfew would be lifted", "Ministry of the Interior")]


def test_the_statement_speaks_for_whoever_issued_it(said: Speakers) -> None:
    text = ("The Ministry of Defence issued a statement late on Friday. "
            "The statement said four drones had been shot down over the port.")
    ents = {"Ministry of Defence": ("ORG", ["Ministry of Defence"])}
    assert said(text, ents) == [("four drones had been shot down over the port", "Ministry of Defence")]


def test_the_statement_speaks_for_the_subject_of_the_sentence_before(said: Speakers) -> None:
    text = ("The Borduvian foreign ministry condemned the raid on Sunday. "
            "The statement said the assault broke international law.")
    ents = {"Borduvian foreign ministry": ("ORG", ["Borduvian foreign ministry"])}
    assert said(text, ents) == [("the assault broke international law", "Borduvian foreign ministry")]


def test_a_named_report_is_not_its_neighbours_speech(said: Speakers) -> None:
    text = ("According to the Global Calm Index, Norland is the calmest country. "
            "According to the report, violence fell in 2024 in most regions.")
    ents = {"Norland": ("COUNTRY", ["Norland"])}
    assert said(text, ents)[-1] == ("violence fell in 2024 in most regions", None)


def test_a_role_noun_is_the_person_introduced_with_it(said: Speakers) -> None:
    text = ("The interior ministry's top official, Karim Haddouri, visited the camp on Monday. "
            '"The situation is dire," the official said.')
    ents = {"Karim Haddouri": ("PERSON", ["Karim Haddouri"])}
    assert said(text, ents) == [("The situation is dire,", "Karim Haddouri")]


def test_a_role_noun_after_another_speaker_is_not_the_older_introduction(said: Speakers) -> None:
    text = ("Pia Lund, a spokeswoman for the port, opened the briefing. "
            '"Trade is down," said harbour master Ivo Brandt. "We need dredging," the official said.')
    ents = {"Pia Lund": ("PERSON", ["Pia Lund"]), "Ivo Brandt": ("PERSON", ["Ivo Brandt"])}
    assert said(text, ents)[-1][1] == "Ivo Brandt"


def test_a_quotation_opening_the_paragraph_after_a_reported_clause(said: Speakers) -> None:
    text = ("Aid worker Sara Okonjo said the camp was overcrowded.\n\n"
            '"Children are sleeping outside. There are no blankets."')
    ents = {"Sara Okonjo": ("PERSON", ["Sara Okonjo"])}
    assert said(text, ents)[-1] == ("Children are sleeping outside. There are no blankets.", "Sara Okonjo")


def test_they_is_the_body_that_was_the_subject_before(said: Speakers) -> None:
    text = ("The Valdar Front claimed the attack on the depot. "
            "They said the depot had stored weapons for the army.")
    ents = {"Valdar Front": ("ORG", ["Valdar Front"])}
    assert said(text, ents) == [("the depot had stored weapons for the army", "Valdar Front")]


def test_they_after_unnamed_people_has_no_speaker(said: Speakers) -> None:
    text = ('"We are safe," said the Valdar Front on Monday. Villagers fled the valley overnight. '
            "They said the fighters had burned the granary.")
    ents = {"Valdar Front": ("ORG", ["Valdar Front"])}
    assert said(text, ents)[-1] == ("the fighters had burned the granary", None)


def test_an_unnamed_role_placed_in_a_body_speaks_for_it(said: Speakers) -> None:
    text = ('"The talks will go on," said Lena Marsh on Monday. The Vardanian Armed Forces '
            "shelled the ridge. The Vardanian army chief said his troops had taken the pass.")
    ents = {"Lena Marsh": ("PERSON", ["Lena Marsh"]),
            "Vardanian Armed Forces": ("MILITARY_UNIT", ["Vardanian Armed Forces"],
                                       {"category": "armed forces"})}
    assert said(text, ents)[-1] == ("his troops had taken the pass", "Vardanian Armed Forces")


def test_a_plural_role_noun_is_not_the_last_person_quoted(said: Speakers) -> None:
    text = ('"We will sign next week," said Lena Marsh. The negotiators met again on Monday. '
            "The officials said the text was almost ready.")
    ents = {"Lena Marsh": ("PERSON", ["Lena Marsh"])}
    assert said(text, ents)[-1] == ("the text was almost ready", None)


def test_judges_speak_for_their_court(said: Speakers) -> None:
    text = ('"The ruling is final," said Lena Marsh. The Northern Court of Appeal heard the case '
            "in June. The judges said the contract had been void from the start.")
    ents = {"Lena Marsh": ("PERSON", ["Lena Marsh"]),
            "Northern Court of Appeal": ("ORG", ["Northern Court of Appeal"])}
    assert said(text, ents)[-1] == ("the contract had been void from the start", "Northern Court of Appeal")


def test_a_places_government_is_that_place(said: Speakers) -> None:
    text = "Norland's interim government said the border would reopen on Monday."
    ents = {"Norland": ("REGION", ["Norland"])}
    assert said(text, ents) == [("the border would reopen on Monday", "Norland")]


def test_a_quotation_after_a_sentence_about_a_person_is_theirs(said: Speakers) -> None:
    text = ("Rescue worker Ali Demirel was exhausted after the night shift.\n\n"
            '"We pulled out six people. Two were children."')
    ents = {"Ali Demirel": ("PERSON", ["Ali Demirel"])}
    assert said(text, ents) == [("We pulled out six people. Two were children.", "Ali Demirel")]


def test_a_quotation_after_a_sentence_about_a_thing_is_not_its_objects(said: Speakers) -> None:
    text = ('The court convicted Ali Demirel on Monday. "This is a dark day for the press."')
    ents = {"Ali Demirel": ("PERSON", ["Ali Demirel"])}
    assert said(text, ents)[-1][1] is None


def test_the_company_is_not_a_party_named_after_it(said: Speakers) -> None:
    text = ("Halvorsen Marine was criticized by the Green Renewal Party on Tuesday. "
            "The company said it had followed every rule.")
    ents = {"Halvorsen Marine": ("ORG", ["Halvorsen Marine"]),
            "Green Renewal Party": ("ORG", ["Green Renewal Party"])}
    assert said(text, ents) == [("it had followed every rule", "Halvorsen Marine")]
