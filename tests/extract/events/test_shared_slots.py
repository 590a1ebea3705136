"""Slots the parse hangs elsewhere (slots.py): an object shared with a coordinated verb,
an "against" phrase on the object or on an infinitive complement, and one on a later
conjunct of a trigger noun."""

from __future__ import annotations


def _of(events, etype):
    found = [v for v in events if v.type == etype]
    assert found, events
    return found[0]


def test_coordinated_verbs_share_the_object(run_events):
    text = "The Northern Front has been attacking and fighting Kestovian troops since 2011."
    events, names = run_events(text, [("Northern Front", "ORG", []),
                                      ("Kestovian Army", "MILITARY_UNIT", ["Kestovian troops"])])
    assert names[_of(events, "attack").args["target"]] == "Kestovian Army"


def test_a_verb_with_its_own_subject_shares_nothing(run_events):
    text = "The Northern Front attacked, and Norland fought Kestovian troops."
    events, _ = run_events(text, [("Northern Front", "ORG", []), ("Norland", "COUNTRY", []),
                                      ("Kestovian Army", "MILITARY_UNIT", ["Kestovian troops"])])
    first = min((v for v in events if v.type == "attack"), key=lambda v: v.trigger.start)
    assert first.args.get("target") is None


def test_against_on_the_object_is_the_target(run_events):
    text = "Norland is threatening retaliation against Kestovia."
    events, names = run_events(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    assert names[_of(events, "statement").args["target"]] == "Kestovia"


def test_against_in_the_complement_is_the_target(run_events):
    text = "The president of Norland threatened to use force against Kestovia if necessary."
    events, names = run_events(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    assert names[_of(events, "statement").args["target"]] == "Kestovia"


def test_against_on_a_later_conjunct_of_the_noun(run_events):
    text = "The parliament of Norland wants to impose sanctions and other measures against Kestovia."
    events, names = run_events(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    assert names[_of(events, "sanction").args["target"]] == "Kestovia"


def test_sanctions_of_another_date_are_another_event(run_events):
    text = ("The council imposed sanctions on Norland in 2016. "
            "The United States imposed sanctions on Norland on Monday.")
    events, _ = run_events(text, [("Norland", "COUNTRY", []), ("United States", "COUNTRY", [])],
                           [("2016", "2016", "DATE"), ("Monday", "2024-03-04", "DATE")])
    dates = sorted(v.args.get("date", "") for v in events if v.type == "sanction")
    assert dates == ["2016", "2024-03-04"], events


def test_an_unplaced_attack_takes_its_sentences_locative(run_events):
    text = "Troops killed all six attackers who laid siege to a hotel in the central town of Velm."
    events, names = run_events(text, [("Velm", "CITY", [])])
    first = min((v for v in events if v.type == "attack"), key=lambda v: v.trigger.start)
    assert names[first.args["place"]] == "Velm"


def test_a_place_filling_another_role_is_not_the_place(run_events):
    text = "Norland attacked Kestovia in March."
    events, _ = run_events(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    assert "place" not in _of(events, "attack").args


def test_a_purpose_infinitive_is_planned(run_events):
    text = "The Northern Front was making bombs to carry out attacks in Velm."
    events, _ = run_events(text, [("Northern Front", "ORG", []), ("Velm", "CITY", [])])
    assert _of(events, "attack").status == "planned"


def test_a_needed_event_is_desired(run_events):
    text = "The foreign minister of Norland said the two countries need real talks with Kestovia."
    events, _ = run_events(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    assert _of(events, "meeting").status == "desired"
