"""Arguments by role and entity type (#15.2): a role takes only an entity of a type it
accepts (roles.yaml, ``accepts``) and stays empty otherwise; casualty counts come from the
predicate that governs the counted phrase."""

from __future__ import annotations

import pytest

from sitrep.extract.events.arguments import admits, enforce_types
from sitrep.extract.events.lexicon import lexicon
from sitrep.model import Entity


def _attack(events):
    found = [v for v in events if v.type == "attack"]
    assert found, events
    return found[0]


def test_the_table_is_data():
    lex = lexicon()
    assert "CITY" not in lex.accepts("attack", "actor")
    assert "COUNTRY" in lex.accepts("arms_transfer", "supplier")
    assert "PERSON" not in lex.accepts("arms_transfer", "recipient")
    assert lex.accepts("attack", "date") is None


def test_a_town_is_never_who_attacked():
    town = Entity(id="e1", name="Norwick", type="CITY")
    assert not admits("attack", "actor", town)
    assert admits("attack", "place", town)
    args = {"actor": town, "place": town, "participants": [town]}
    enforce_types("attack", args)
    assert "actor" not in args and args["place"] is town


def test_place_subject_is_refused_as_actor(run_events):
    text = "Zarvolia attacked the convoy, the ministry said."
    events, _ = run_events(text, [("Zarvolia", "CITY", [])])
    assert "actor" not in _attack(events).args


def test_a_person_may_supply_but_not_receive():
    """A private dealer is the register's supplier (test_party_sides.py: an official stands
    for their state); a person is never the recipient."""
    person = Entity(id="e1", name="Ana Petrova", type="PERSON")
    assert admits("arms_transfer", "supplier", person)
    assert not admits("arms_transfer", "recipient", person)
    assert admits("arms_transfer", "supplier", Entity(id="e2", name="Velmar Works", type="ORG"))


def test_killed_counts_whatever_noun(run_events):
    text = "Rebels ambushed a convoy near the border on Monday and killed 11 coal miners."
    events, _ = run_events(text, [("Rebels", "ORG", [])])
    assert _attack(events).args.get("killed", {}).get("amount") == 11


def test_injured_in_a_coordinated_clause(run_events):
    text = "A car bomb exploded at a checkpoint, killing at least 12 guards and injuring 30."
    events, _ = run_events(text)
    args = _attack(events).args
    assert args.get("killed", {}).get("amount") == 12
    assert args.get("injured", {}).get("amount") == 30


def test_toll_in_a_result_clause(run_events):
    text = "Gunmen attacked a market in the north, leaving nine villagers dead."
    events, _ = run_events(text)
    assert _attack(events).args.get("killed", {}).get("amount") == 9


def test_troops_killed_are_not_personnel(run_events):
    text = "Insurgents attacked the base overnight. Four soldiers were killed in the attack."
    events, _ = run_events(text)
    args = _attack(events).args
    assert args.get("killed", {}).get("amount") == 4
    assert "personnel" not in args


def _of_type(events, etype):
    found = [v for v in events if v.type == etype]
    assert found, events
    return found[0]


def test_place_behind_a_date_phrase(run_events):
    text = "Ortega is due to meet Lindqvist in Valmora in March."
    events, names = run_events(text, [("Ortega", "PERSON", []), ("Lindqvist", "PERSON", []),
                                      ("Valmora", "COUNTRY", [])])
    args = _of_type(events, "meeting").args
    assert names.get(args.get("place")) == "Valmora"
    assert "Ortega" in [names.get(p) for p in args.get("participants", [])]


def test_place_inside_a_complement(run_events):
    text = "The ministers held talks with trade officials in Port Elling on Friday."
    events, names = run_events(text, [("Port Elling", "CITY", [])])
    assert names.get(_of_type(events, "meeting").args.get("place")) == "Port Elling"


def test_participle_takes_its_clause_place(run_events):
    text = "A bomber detonated explosives near a checkpoint in Darrowby, killing four guards."
    events, names = run_events(text, [("Darrowby", "CITY", [])])
    attack = next(v for v in events if v.type == "attack" and v.trigger.text == "killing")
    assert names.get(attack.args.get("place")) == "Darrowby"


def test_rejecting_an_allegation_is_a_statement_answering_its_owner(run_events):
    text = "Ardania rejected Kestovia's allegation on Friday."
    events, names = run_events(text, [("Ardania", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    v = _of_type(events, "statement")
    assert names.get(v.args.get("actor")) == "Ardania"
    assert names.get(v.args.get("target")) == "Kestovia"


def test_rejecting_a_plan_of_action_is_not_always_a_statement(run_events):
    events, _ = run_events("The committee rejected the bridge on Friday.")
    assert not [v for v in events if v.type == "statement"]


def test_the_other_party_of_a_signed_agreement(run_events):
    text = "Ardania signed a free trade agreement with Kestovia in 2019."
    events, names = run_events(text, [("Ardania", "COUNTRY", []), ("Kestovia", "COUNTRY", [])],
                               [("2019", "2019", "DATE")])
    v = _of_type(events, "agreement")
    assert {names.get(p) for p in v.args.get("participants", [])} == {"Ardania", "Kestovia"}


def test_fronted_talks_take_the_clause_subject(run_events):
    text = ("Ivo Marek arrived in the capital on Monday. Following talks with Ana Petrova, "
            "both leaders reaffirmed their commitment to trade.")
    events, names = run_events(text, [("Ivo Marek", "PERSON", []), ("Ana Petrova", "PERSON", [])])
    v = _of_type(events, "meeting")
    assert {names.get(p) for p in v.args.get("participants", [])} == {"Ivo Marek", "Ana Petrova"}


def test_the_sanctioned_is_not_who_sanctions(run_events):
    text = "New sanctions against Ardania are awaiting a vote."
    events, _ = run_events(text, [("Ardania", "COUNTRY", [])])
    v = _of_type(events, "sanction")
    assert "actor" not in v.args or v.args.get("actor") != v.args.get("target")


def test_a_witness_retelling_is_the_same_attack(run_events):
    text = ("Gunmen attacked a bus station in Norwick on Monday. "
            "\u201cThey shot them in front of us,\u201d a witness said.")
    events, _ = run_events(text, [("Norwick", "CITY", [])], [("Monday", "2024-03-04", "DATE")])
    assert len([v for v in events if v.type == "attack"]) == 1


@pytest.mark.parametrize(("text", "attack"), [
    ("Gunmen stormed a police station in Norwick on Monday.", True),
    ("The minister stormed out of the meeting on Monday.", False),
    ("Militants abducted 40 students from a school in Norwick.", True),
    ("Rebels hijacked a passenger train near Norwick.", True),
])
def test_storming_abduction_and_hijacking_are_attacks(run_events, text, attack):
    events, _ = run_events(text, [("Norwick", "CITY", [])])
    assert bool([v for v in events if v.type == "attack"]) is attack


@pytest.mark.parametrize(("text", "etype", "found"), [
    ("The army launched a military operation against the rebels near Norwick.", "attack", True),
    ("The company expanded its operations in Norwick.", "attack", False),
    ("Ana Petrova asked Ivo Marek for a ceasefire.", "demand", True),
    ("Ana Petrova asked Ivo Marek about the weather.", "demand", False),
    ("Ana Petrova hosted Ivo Marek in Norwick on Monday.", "meeting", True),
])
def test_operations_requests_and_hosting(run_events, text, etype, found):
    ents = [("Norwick", "CITY", []), ("Ana Petrova", "PERSON", []), ("Ivo Marek", "PERSON", [])]
    events, _ = run_events(text, ents)
    assert bool([v for v in events if v.type == etype]) is found


def test_an_unplaced_election_is_in_the_reports_country(run_events):
    text = ("Ardania's parliament passed the budget. Ardania's president praised Ardania's army. "
            "A Kestovia envoy attended. Elections will be held next year.")
    events, names = run_events(text, [("Ardania", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    assert names.get(_of_type(events, "election").args.get("place")) == "Ardania"


def test_we_in_a_quote_is_its_speaker():
    from sitrep.extract.events import find_events
    from sitrep.model import Article, Quote
    from sitrep.pipeline import StageContext, get_pipeline

    from .conftest import build

    text = "\u201cWe urge Kestovia to return to the talks,\u201d said Ana Petrova."
    ents, tx = build(text, [("Ana Petrova", "PERSON", []), ("Kestovia", "COUNTRY", [])], [])
    quote = Quote(start=1, end=text.index("\u201d"), text=text[1:text.index("\u201d")], kind="direct",
                  speaker="e1")
    pipe = get_pipeline()
    ctx = StageContext(article=Article(text=text, published="2024-03-05"), doc=pipe.nlp(text),
                       settings=pipe.settings, entities=ents, timexes=tx, quotes=[quote])
    demand = next(v for v in find_events(ctx) if v.type == "demand")
    assert demand.args.get("actor") == "e1" and demand.args.get("target") == "e2"


def test_demanding_someones_ouster_targets_them(run_events):
    text = "Protesters demanded reforms and Ivo Marek's resignation on Friday."
    events, names = run_events(text, [("Ivo Marek", "PERSON", [])])
    assert names.get(_of_type(events, "demand").args.get("target")) == "Ivo Marek"


def test_ramping_up_sanctions_gives_who_and_when(run_events):
    text = "The Council ramped up sanctions on Ardania in 2016."
    events, names = run_events(text, [("Council", "ORG", []), ("Ardania", "COUNTRY", [])],
                               [("2016", "2016", "DATE")])
    v = _of_type(events, "sanction")
    assert names.get(v.args.get("actor")) == "Council" and names.get(v.args.get("target")) == "Ardania"
    assert v.args.get("date") == "2016"


def test_a_convened_meeting_takes_the_convener(run_events):
    text = "Ardania will convene a meeting in Velm with Kestovia on Friday."
    events, names = run_events(text, [("Ardania", "COUNTRY", []), ("Kestovia", "COUNTRY", []),
                                      ("Velm", "CITY", [])], [("Friday", "2024-03-08", "DATE")])
    v = _of_type(events, "meeting")
    assert {names.get(p) for p in v.args.get("participants", [])} == {"Ardania", "Kestovia"}
    assert v.args.get("date") == "2024-03-08" and v.status == "planned"


def test_whom_a_warning_is_addressed_to_is_its_target(run_events):
    text = "Ardania warned Kestovia of severe consequences on Monday."
    events, names = run_events(text, [("Ardania", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    v = _of_type(events, "statement")
    assert names.get(v.args.get("target")) == "Kestovia"
    assert v.args.get("topic") == "severe consequences"
