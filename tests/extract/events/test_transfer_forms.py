"""Arms transfers in the forms the trade press writes them (#15.1): contract awards,
orders placed with a maker, cleared exports, deliveries taken, hand-overs, donations,
leases; a firm on the supplier side is the ``contractor``."""

from __future__ import annotations

import pytest


def _transfer(run_events, text, ents):
    events, names = run_events(text, ents)
    found = [v for v in events if v.type == "arms_transfer"]
    assert found, events
    v = found[0]
    out = {k: names.get(val, val) if isinstance(val, str) else val for k, val in v.args.items()}
    return v, out


def _items(args):
    return [(i["name"], i["quantity"]) for i in args.get("items", [])]


def test_contract_award_to_a_builder(run_events):
    text = "Brennar Yards was awarded a contract to build six frigates for Kestovia."
    _, args = _transfer(run_events, text, [("Brennar Yards", "ORG", []), ("Kestovia", "COUNTRY", [])])
    assert args.get("contractor") == "Brennar Yards"
    assert args.get("recipient") == "Kestovia"
    assert ("frigates", 6) in _items(args)


def test_order_placed_with_a_maker(run_events):
    _, args = _transfer(run_events, "Kestovia placed an order with Brennar Yards for 12 howitzers.",
                        [("Brennar Yards", "ORG", []), ("Kestovia", "COUNTRY", [])])
    assert args.get("recipient") == "Kestovia"
    assert args.get("contractor") == "Brennar Yards"
    assert ("howitzers", 12) in _items(args)


def test_delivery_taken_is_received(run_events):
    _, args = _transfer(run_events, "Kestovia took delivery of 20 tanks from Ardania on Monday.",
                        [("Kestovia", "COUNTRY", []), ("Ardania", "COUNTRY", [])])
    assert args.get("recipient") == "Kestovia"
    assert args.get("supplier") == "Ardania"


def test_cleared_export_keeps_both_sides(run_events):
    _, args = _transfer(run_events, "Ardania cleared the export of 40 tanks to Kestovia.",
                        [("Kestovia", "COUNTRY", []), ("Ardania", "COUNTRY", [])])
    assert args.get("supplier") == "Ardania" and args.get("recipient") == "Kestovia"


@pytest.mark.parametrize("verb", ["handed over", "donated"])
def test_hand_over_and_donation(run_events, verb):
    v, args = _transfer(run_events, f"Ardania {verb} four patrol boats to Kestovia.",
                        [("Kestovia", "COUNTRY", []), ("Ardania", "COUNTRY", [])])
    assert args.get("supplier") == "Ardania" and args.get("recipient") == "Kestovia"
    assert v.status == "asserted"


def test_lease_from_makes_the_subject_the_recipient(run_events):
    _, args = _transfer(run_events, "Kestovia will lease eight fighter jets from Ardania.",
                        [("Kestovia", "COUNTRY", []), ("Ardania", "COUNTRY", [])])
    assert args.get("recipient") == "Kestovia" and args.get("supplier") == "Ardania"


def test_to_parsed_as_dative(run_events):
    _, args = _transfer(run_events, "Brennar Yards won a contract to supply anti-tank missiles to Kestovia.",
                        [("Brennar Yards", "ORG", []), ("Kestovia", "COUNTRY", [])])
    assert args.get("recipient") == "Kestovia"
    assert args.get("contractor") == "Brennar Yards"


def test_a_navy_stands_for_its_state(run_events):
    text = "Brennar Yards signed a contract to build two submarines for the Kestovian navy."
    ents = [("Brennar Yards", "ORG", []), ("Kestovia", "COUNTRY", ["Kestovian"])]
    _, args = _transfer(run_events, text, ents)
    assert args.get("recipient") == "Kestovia"
    assert args.get("contractor") == "Brennar Yards"


def test_named_fighters_are_not_troops(run_events):
    _, args = _transfer(run_events, "Kestovia ordered 36 Vrell fighters from Ardania in 2014.",
                        [("Kestovia", "COUNTRY", []), ("Ardania", "COUNTRY", []),
                         ("Vrell", "WEAPON_SYSTEM", ["Vrell fighters"])])
    assert args.get("recipient") == "Kestovia" and args.get("supplier") == "Ardania"


def test_providing_fighters_as_people_is_no_transfer(run_events):
    events, _ = run_events("The group denied providing fighters to the rebels.")
    assert not [v for v in events if v.type == "arms_transfer"]
