"""Speech acts that are the news (annotation-conventions.md, Events): threats, public
announcements, criticism as an accusation, "called on X to ..." as a demand, and each act
of saying kept apart from the same speaker's other acts."""

from __future__ import annotations

from typing import Any

from sitrep.extract.events.typetable import spec_of


def _of(events: list[Any], etype: str) -> list[Any]:
    return [v for v in events if v.type == etype]


def test_threatening_to_act_is_a_statement(run_events):
    text = "President Halvard Ostrin threatened to close the border with Zarvolia if the raids continued."
    events, names = run_events(text, [("Halvard Ostrin", "PERSON", ["Ostrin"]), ("Zarvolia", "COUNTRY", [])])
    found = _of(events, "statement")
    assert found, events
    assert names.get(found[0].args.get("actor")) == "Halvard Ostrin"


def test_a_thing_that_threatens_stability_is_no_statement(run_events):
    text = "Analysts said the new levies could threaten the stability of the regional market."
    events, _ = run_events(text, [])
    assert not _of(events, "statement"), events


def test_threatened_sanctions_are_not_a_second_statement(run_events):
    text = "Velmora threatened sanctions against the shipping firm on Monday."
    events, _ = run_events(text, [("Velmora", "COUNTRY", [])])
    assert not _of(events, "statement"), events


def test_a_leader_announcing_that_is_a_statement(run_events):
    text = ("Prime Minister Ilse Varnak spoke on television, announcing on Friday that all "
            "foreign troops would leave the country by June.")
    events, names = run_events(text, [("Ilse Varnak", "PERSON", ["Varnak"])])
    found = _of(events, "statement")
    assert found, events
    assert names.get(found[0].args.get("actor")) == "Ilse Varnak"


def test_a_firm_announcing_its_plans_is_no_statement(run_events):
    text = "Korvane Motors announced on Friday that it would open a second plant near the coast."
    events, _ = run_events(text, [("Korvane Motors", "ORG", [])])
    assert not _of(events, "statement"), events


def test_a_state_announcing_sanctions_is_the_sanction_only(run_events):
    text = "Velmora announced the sanctions on Tuesday."
    events, _ = run_events(text, [("Velmora", "COUNTRY", [])])
    assert not _of(events, "statement"), events


def test_criticising_someone_is_an_accusation(run_events):
    text = "The foreign ministry of Velmora sharply criticized Zarvolia over the border closures."
    events, _ = run_events(text, [("Velmora", "COUNTRY", []), ("Zarvolia", "COUNTRY", [])])
    assert _of(events, "accusation"), events


def test_placing_the_blame_is_an_accusation(run_events):
    text = "The government placed the blame on the rebel commanders for the collapse of the truce."
    events, _ = run_events(text, [])
    assert _of(events, "accusation"), events


def test_called_on_parties_to_act_is_a_demand_of_the_conjoined_subject(run_events):
    text = ("Velmoran officials blamed the militia for the violence and called on all sides "
            "to resume the talks.")
    events, _ = run_events(text, [("Velmora", "COUNTRY", ["Velmoran"])])
    assert _of(events, "demand"), events


def test_a_call_to_a_ministry_is_no_demand(run_events):
    text = "The reporter called the ministry on Monday."
    events, _ = run_events(text, [])
    assert not _of(events, "demand"), events


def test_one_speaker_two_acts_in_two_sentences_stay_two_events(run_events):
    text = ("The Velmoran rebels denounced the delay of the handover. "
            "Later the rebels denied any involvement in the bombing of the depot.")
    events, _ = run_events(text, [("Velmoran rebels", "ORG", ["rebels"])])
    assert len(_of(events, "statement")) == 2, events


def test_speech_acts_are_flagged_in_the_table():
    assert spec_of("statement").speech_act and spec_of("accusation").speech_act
    assert not spec_of("meeting").speech_act


def test_asking_someone_for_something_is_a_demand(run_events):
    text = "There, Premier Ilse Varnak asked Zarvolian President Halvard Ostrin for sanctions relief."
    events, _ = run_events(text, [("Ilse Varnak", "PERSON", ["Varnak"]),
                                  ("Halvard Ostrin", "PERSON", ["Ostrin"])])
    assert _of(events, "demand"), events


def test_asking_a_question_is_no_demand(run_events):
    text = "Premier Ilse Varnak asked a question about the budget."
    events, _ = run_events(text, [("Ilse Varnak", "PERSON", ["Varnak"])])
    assert not _of(events, "demand"), events
