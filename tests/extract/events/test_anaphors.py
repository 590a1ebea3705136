"""Bare definite anaphors fill roles through the entity stage's records (anaphors.py), and
a weekday the parser hangs on the object still dates the clause."""

from __future__ import annotations

from sitrep.extract.events.anaphors import is_bare
from sitrep.extract.events.resolve import Resolver
from sitrep.pipeline import get_pipeline

from .test_party_sides import _run


def _of(events, etype):
    found = [v for v in events if v.type == etype]
    assert found, events
    return found[0]


def test_the_government_is_the_reports_country():
    text = ("Norland has fought rebels for years. Norland's army is stretched. Officials in Norland said "
            "on Monday that the government sent soldiers into Kestovia last year.")
    events, names = _run(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    assert names[_of(events, "deployment").args["actor"]] == "Norland"


def test_the_group_is_the_armed_group_named_last():
    text = "The Northern Front claimed the bombing. The group attacked a police station in Velm on Monday."
    events, names = _run(text, [("Northern Front", "ORG", []), ("Velm", "CITY", [])],
                         {"Northern Front": {"category": "armed group"}})
    assert names[_of(events, "attack").args["actor"]] == "Northern Front"


def test_no_armed_group_no_antecedent():
    text = "The Velm Chamber of Commerce met. The group attacked a police station in Velm."
    events, _ = _run(text, [("Velm Chamber of Commerce", "ORG", []), ("Velm", "CITY", [])])
    assert "actor" not in _of(events, "attack").args


def test_a_named_or_owned_noun_is_no_bare_anaphor():
    doc = get_pipeline().nlp("The group of Kestovia met. Its group met. The group met.")
    res = Resolver(doc, [])
    assert not is_bare(doc[1], res)  # "the group of X"
    assert not is_bare(doc[7], res)  # "its group"
    assert is_bare(doc[11], res)


def test_weekday_after_the_object_dates_the_verb(run_events):
    text = "Militants attacked a passenger train Tuesday in the north of Norland."
    events, _ = run_events(text, [("Norland", "COUNTRY", [])], [("Tuesday", "2024-03-05", "DATE")],
                           published="2024-03-06")
    assert _of(events, "attack").args.get("date") == "2024-03-05"


def test_a_claim_names_who_attacked(run_events):
    for text in ("The Northern Front quickly claimed responsibility for the attack on the station.",
                 "The Northern Front took credit for attacking a police vehicle.",
                 "The Northern Front claimed the bombing of the station."):
        events, names = run_events(text, [("Northern Front", "ORG", [])])
        assert names[_of(events, "attack").args["actor"]] == "Northern Front", text


def test_blamed_for_is_the_object(run_events):
    text = "Norland blamed the Northern Front for attacking the station."
    events, names = run_events(text, [("Norland", "COUNTRY", []), ("Northern Front", "ORG", [])])
    assert names[_of(events, "attack").args.get("actor", "e1")] != "Norland"


def test_bare_plural_attackers_are_the_group_named_next():
    text = ("Militants attacked a passenger train in Velm on Monday. The train was carrying 400 people. "
            "The Northern Front claimed responsibility for the attack.")
    events, names = _run(text, [("Northern Front", "ORG", []), ("Velm", "CITY", [])],
                         {"Northern Front": {"category": "armed group"}})
    assert names[_of(events, "attack").args["actor"]] == "Northern Front"


def test_a_bare_plural_needs_an_armed_group():
    text = "Militants attacked a passenger train in Velm on Monday. Norland condemned the attack."
    events, _ = _run(text, [("Norland", "COUNTRY", []), ("Velm", "CITY", [])])
    assert "actor" not in _of(events, "attack").args


def test_an_undated_asserted_event_is_the_reports_day(run_events):
    text = "The president of Norland told a meeting of the council that the war must end."
    events, _ = run_events(text, [("Norland", "COUNTRY", [])], published="2024-03-05")
    assert _of(events, "meeting").args.get("date") == "2024-03-05"


def test_background_and_plans_stay_undated(run_events):
    text = "Norland plans to hold talks with Kestovia."
    events, _ = run_events(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])],
                           published="2024-03-05")
    assert "date" not in _of(events, "meeting").args
