"""The sides of an arms transfer by who the party is (#15.3, annotation-conventions:
the register's supplier): an official stands for their state, a private person (a
dealer) is the supplier in their own name, an armed group is its own recipient; and the
goods phrase's "to X", its "including" parts and a hyphenated kind ("surface-to-air")."""

from __future__ import annotations

from sitrep.extract.events import find_events
from sitrep.model import Article, Event
from sitrep.pipeline import StageContext, get_pipeline

from .conftest import EntSpec, build


def _run(text: str, ents: list[EntSpec],
         attrs: dict[str, dict[str, str]] | None = None) -> tuple[list[Event], dict[str, str]]:
    pipe = get_pipeline()
    entities, tx = build(text, ents, [])
    for e in entities:
        e.attributes.update((attrs or {}).get(e.name, {}))
    ctx = StageContext(article=Article(text=text, published="2024-03-05"), doc=pipe.nlp(text),
                       settings=pipe.settings, entities=entities, timexes=tx)
    return find_events(ctx), {e.id: e.name for e in entities}


def _transfer(events: list[Event]) -> Event:
    found = [v for v in events if v.type == "arms_transfer"]
    assert found, events
    return found[0]


def test_a_dealer_is_the_supplier():
    text = "Dmitri Volkov agreed to sell 40 rifles to the Northern Front."
    events, names = _run(text, [("Dmitri Volkov", "PERSON", []), ("Northern Front", "ORG", [])],
                         {"Northern Front": {"category": "armed group"}})
    args = _transfer(events).args
    assert names[args["supplier"]] == "Dmitri Volkov"
    assert names[args["recipient"]] == "Northern Front"


def test_an_official_stands_for_the_state():
    text = "Defence Minister Ilse Varn agreed to sell 40 rifles to Kestovia."
    events, names = _run(text, [("Ilse Varn", "PERSON", ["Defence Minister Ilse Varn"]),
                                ("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])],
                         {"Ilse Varn": {"role": "Defence Minister", "country": "Norland"}})
    assert names[_transfer(events).args["supplier"]] == "Norland"


def test_an_official_without_a_state_is_no_supplier():
    text = "Ambassador Ilse Varn agreed to sell 40 rifles to Kestovia."
    events, _ = _run(text, [("Ilse Varn", "PERSON", ["Ambassador Ilse Varn"]), ("Kestovia", "COUNTRY", [])],
                     {"Ilse Varn": {"role": "Ambassador"}})
    assert "supplier" not in _transfer(events).args


def test_an_armed_group_is_not_its_country():
    text = ("Dmitri Volkov plotted to sell rifles to the Frente Armado de Kestovia (FAK), "
            "a designated terrorist organization.")
    events, names = _run(text, [("Dmitri Volkov", "PERSON", []), ("Kestovia", "COUNTRY", []),
                                ("Kestovian Armed Front", "ORG", ["FAK"])],
                         {"Kestovian Armed Front": {"category": "armed group", "country": "Kestovia"}})
    assert names[_transfer(events).args["recipient"]] == "Kestovian Armed Front"


def test_surname_in_capitals_is_the_person():
    text = ("Dmitri Volkov was arrested in March. VOLKOV was convicted of conspiring to sell "
            "rifles to the Northern Front.")
    events, names = _run(text, [("Dmitri Volkov", "PERSON", []), ("Northern Front", "ORG", [])])
    assert names[_transfer(events).args["supplier"]] == "Dmitri Volkov"


def test_sentenced_on_charges_for_selling_is_the_object():
    text = "A judge sentenced Dmitri Volkov on charges for attempting to sell missiles to the Northern Front."
    events, names = _run(text, [("Dmitri Volkov", "PERSON", []), ("Northern Front", "ORG", [])])
    assert names[_transfer(events).args["supplier"]] == "Dmitri Volkov"


def test_included_parts_and_hyphenated_kind():
    text = ("Volkov conspired to sell millions of dollars worth of weapons, including hundreds of "
            "surface-to-air missiles and over 2,000 rifles to the Northern Front.")
    events, _ = _run(text, [("Dmitri Volkov", "PERSON", ["Volkov"]), ("Northern Front", "ORG", [])])
    items = {i["name"]: i for i in _transfer(events).args.get("items", [])}
    assert "surface-to-air missiles" in items, items
    assert any(i["quantity"] == 2000 for i in items.values()), items


def test_recipient_deep_in_the_goods_phrase():
    text = "Norland sold weapons, including 40 howitzers and 2,000 rifles to Kestovia."
    events, names = _run(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", [])])
    args = _transfer(events).args
    assert names[args["recipient"]] == "Kestovia"
    assert names[args["supplier"]] == "Norland"


def test_a_letter_of_offer_and_acceptance_is_a_sale():
    text = ("We are forwarding herewith Transmittal No. 24-01 concerning the Army's proposed Letter(s) "
            "of Offer and Acceptance to the Government of Kestovia for defense articles and services "
            "estimated to cost $305 million.")
    events, names = _run(text, [("Army", "MILITARY_UNIT", []), ("Offer and Acceptance", "ORG", []),
                                ("Government of Kestovia", "ORG", []), ("Kestovia", "COUNTRY", [])])
    args = _transfer(events).args
    assert names[args["recipient"]] == "Kestovia"  # the phrase's own words are no party
    assert names[args["supplier"]] == "Army"
    assert args["value"]["amount"] == 305_000_000


def test_a_singular_item_counts_one():
    text = "Norland delivered this C-130 aircraft to Kestovia. Norland will sell the F-35 jet to Kestovia."
    events, _ = _run(text, [("Norland", "COUNTRY", []), ("Kestovia", "COUNTRY", []),
                            ("C-130", "WEAPON_SYSTEM", []), ("F-35", "WEAPON_SYSTEM", [])])
    items = [i for v in events if v.type == "arms_transfer" for i in v.args.get("items", [])]
    by_name = {i["name"]: i["quantity"] for i in items}
    assert by_name.get("C-130") == 1, items
    assert by_name.get("F-35") is None, items  # the type, not one jet
