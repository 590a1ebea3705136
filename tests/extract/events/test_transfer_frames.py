"""More forms of arms transfer (#15.1), as syntactic frames over the parse: approvals and
notifications, awards with their value and goods, arrivals, partitives and nouns of
making, licensed production, plots, values in other currencies; and a wrong-typed
argument left empty. Names are invented."""

from __future__ import annotations

from sitrep.extract.events.literals import find_money

KESTOVIA = ("Kestovia", "COUNTRY", ["Kestovian"])
ARDANIA = ("Ardania", "COUNTRY", [])
YARDS = ("Brennar Yards", "ORG", [])


def _transfers(run_events, text, ents):
    events, names = run_events(text, ents)
    found = [v for v in events if v.type == "arms_transfer"]
    assert found, events
    return found, names


def _args(v, names):
    return {k: names.get(val, val) if isinstance(val, str) else val for k, val in v.args.items()}


def _items(args):
    return [(i["name"], i["quantity"]) for i in args.get("items", [])]


def test_an_approved_possible_sale_is_agreed(run_events):
    found, names = _transfers(run_events, "Ardania approved the possible sale of 30 howitzers to Kestovia.",
                              [ARDANIA, KESTOVIA])
    args = _args(found[0], names)
    assert found[0].status == "agreed"
    assert args.get("supplier") == "Ardania" and args.get("recipient") == "Kestovia"


def test_whoever_is_notified_is_no_party(run_events):
    text = "The Ardanian parliament was notified of a possible sale of 12 howitzers to Kestovia."
    found, names = _transfers(run_events, text, [("Ardanian parliament", "ORG", []), KESTOVIA])
    args = _args(found[0], names)
    assert found[0].status == "planned"
    assert args.get("recipient") == "Kestovia"
    assert "Ardanian parliament" not in args.values()


def test_an_order_won_worth_a_value_for_goods(run_events):
    text = "Brennar Yards won an order from Kestovia worth $2 billion for 60 fighter jets."
    found, names = _transfers(run_events, text, [YARDS, KESTOVIA])
    args = _args(found[0], names)
    assert args.get("contractor") == "Brennar Yards"
    assert args.get("recipient") == "Kestovia"  # "from" the buyer of an order won
    assert ("fighter jets", 60) in _items(args)
    assert args["value"]["amount"] == 2_000_000_000


def test_a_contract_received_is_one_event_not_a_purchase_by_the_builder(run_events):
    text = "Brennar Yards received a $300 million contract to build four corvettes for Kestovia."
    found, names = _transfers(run_events, text, [YARDS, KESTOVIA])
    assert len(found) == 1
    args = _args(found[0], names)
    assert args.get("recipient") == "Kestovia" and args.get("contractor") == "Brennar Yards"


def test_goods_that_arrive(run_events):
    text = "The first of six Ardanian tanks arrived in Kestovia from Ardania on Monday."
    found, names = _transfers(run_events, text, [("Ardania", "COUNTRY", ["Ardanian"]), KESTOVIA])
    args = _args(found[0], names)
    assert args.get("recipient") == "Kestovia" and args.get("supplier") == "Ardania"
    assert ("tanks", 6) in _items(args)  # the origin is no part of the item's name


def test_troops_that_arrive_are_no_transfer(run_events):
    events, _ = run_events("Two hundred soldiers arrived in Kestovia from Ardania.", [ARDANIA, KESTOVIA])
    assert not [v for v in events if v.type == "arms_transfer"]


def test_a_contract_for_the_production_of_goods(run_events):
    text = "Brennar Yards was awarded a contract for the production of 32 fighter jets for Kestovia."
    found, names = _transfers(run_events, text, [YARDS, KESTOVIA])
    args = _args(found[0], names)
    assert args.get("recipient") == "Kestovia"
    assert ("fighter jets", 32) in _items(args)


def test_licensed_production(run_events):
    text = "Brennar Yards will build 40 helicopters under licence from Ardania for the Kestovian army."
    found, names = _transfers(run_events, text, [YARDS, ARDANIA, KESTOVIA])
    args = _args(found[0], names)
    assert args.get("contractor") == "Brennar Yards" and args.get("supplier") == "Ardania"
    assert ("helicopters", 40) in _items(args)


def test_making_without_a_licence_is_no_transfer(run_events):
    events, _ = run_events("Brennar Yards builds tanks and trucks at its plant.", [YARDS])
    assert not [v for v in events if v.type == "arms_transfer"]


def test_a_plot_to_smuggle_is_desired(run_events):
    text = "Two men were charged with plotting to smuggle assault rifles to Kestovia."
    found, names = _transfers(run_events, text, [KESTOVIA])
    assert found[0].status == "desired"
    assert _args(found[0], names).get("recipient") == "Kestovia"


def test_values_in_other_currencies():
    assert [(a.amount, a.currency) for a in find_money("worth ₹7,000 crore")] == [(7e10, "INR")]
    assert [(a.amount, a.currency) for a in find_money("for A$1.5 billion")] == [(1.5e9, "AUD")]
    assert [(a.amount, a.currency) for a in find_money("worth SEK 2 billion")] == [(2e9, "SEK")]


def test_a_town_where_goods_arrive_is_not_the_recipient(run_events):
    text = "The first tanks arrived in Norwick from Ardania."
    found, names = _transfers(run_events, text, [("Norwick", "CITY", []), ARDANIA])
    args = _args(found[0], names)
    assert "recipient" not in args  # a recipient is a state, a force, a company or a body
    assert args.get("supplier") == "Ardania"


def test_an_item_is_named_with_its_kind_and_counted_past_a_determiner(run_events):
    text = "Ardania handed over these two Island-class patrol boats to Kestovia."
    found, names = _transfers(run_events, text, [ARDANIA, KESTOVIA])
    assert ("Island-class patrol boats", 2) in _items(_args(found[0], names))


def test_a_state_body_stands_for_the_state_it_names(run_events):
    text = "Ardania donated four patrol boats to the Kestovian Coastguard."
    found, names = _transfers(run_events, text, [ARDANIA, ("Kestovian Coastguard", "ORG", []), KESTOVIA])
    assert _args(found[0], names).get("recipient") == "Kestovia"


def test_the_government_of_a_state(run_events):
    text = "Ardania delivered 20 howitzers to the government of Kestovia."
    found, names = _transfers(run_events, text, [ARDANIA, KESTOVIA])
    assert _args(found[0], names).get("recipient") == "Kestovia"


def test_goods_a_relative_clause_transfers(run_events):
    text = "He thanked the crews for the howitzers that Ardania is supplying to Kestovia."
    found, names = _transfers(run_events, text, [ARDANIA, KESTOVIA])
    args = _args(found[0], names)
    assert args.get("supplier") == "Ardania" and ("howitzers", None) in _items(args)


def test_the_owner_of_a_decision_supplies(run_events):
    text = "He praised the Ardanian government's decision to supply 30 tanks to Kestovia."
    found, names = _transfers(run_events, text, [("Ardania", "COUNTRY", ["Ardanian"]), KESTOVIA])
    assert _args(found[0], names).get("supplier") == "Ardania"


def test_a_vessel_smuggling_rifles_is_not_stopped_by_its_smuggler(run_events):
    text = "The Ardanian navy seized a boat smuggling 2,000 rifles to Kestovia."
    found, names = _transfers(run_events, text, [("Ardania", "COUNTRY", ["Ardanian"]), KESTOVIA])
    args = _args(found[0], names)
    assert args.get("supplier") != "Ardania" and args.get("recipient") == "Kestovia"


def test_a_capitalised_sale_of_goods_is_a_sale(run_events):
    text = "Ardania completed the Foreign Military Sale of three howitzers to Kestovia."
    found, names = _transfers(run_events, text, [ARDANIA, KESTOVIA])
    assert ("howitzers", 3) in _items(_args(found[0], names))


def test_aid_in_money_delivered_to_a_force(run_events):
    text = "The ambassador attended the delivery of $25 million in assistance to the Kestovian Army."
    found, names = _transfers(run_events, text, [("Kestovian Army", "MILITARY_UNIT", []), KESTOVIA])
    args = _args(found[0], names)
    assert args["value"]["amount"] == 25_000_000
    assert args.get("recipient") in ("Kestovian Army", "Kestovia")


def test_aid_in_money_to_a_town_is_no_transfer(run_events):
    text = "The ambassador attended the delivery of $25 million in assistance to Norwick."
    events, _ = run_events(text, [("Norwick", "CITY", [])])
    assert not [v for v in events if v.type == "arms_transfer"]


def test_the_maker_named_beside_the_goods_is_the_contractor(run_events):
    text = "Ardania presented two patrol boats, built by Brennar Yards, to Kestovia."
    found, names = _transfers(run_events, text, [ARDANIA, YARDS, KESTOVIA])
    args = _args(found[0], names)
    assert args.get("contractor") == "Brennar Yards" and args.get("supplier") == "Ardania"


def test_word_of_a_sale_received_is_no_purchase(run_events):
    text = "The law requires that the parliament receive notification of proposed arms sales to Kestovia."
    events, names = run_events(text, [("parliament", "ORG", []), KESTOVIA])
    found = [v for v in events if v.type == "arms_transfer"]
    assert all(v.trigger.text != "receive" for v in found)
    assert all(names.get(v.args.get("recipient")) != "parliament" for v in found)


def test_what_the_deal_includes_joins_it(run_events):
    text = ("Ardania delivered a $40 million aid shipment to the Kestovian Army on Monday. "
            "It includes 70 howitzers and 20 armoured vehicles.")
    found, names = _transfers(run_events, text, [ARDANIA, ("Kestovian Army", "MILITARY_UNIT", [])])
    assert len(found) == 1
    assert ("howitzers", 70) in _items(_args(found[0], names))
    assert found[0].status == "asserted"


def test_what_a_package_holds_by_an_existential_clause(run_events):
    text = "Ardania announced new aid for Kestovia. In that package there will be 18 howitzers."
    found, names = _transfers(run_events, text, [ARDANIA, KESTOVIA])
    assert any(("howitzers", 18) in _items(_args(v, names)) for v in found)
