"""The event stage on short reports written for these tests (not from any corpus)."""

from __future__ import annotations

from sitrep.model import Event


def only(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.args) for e in events]
    return found[0]


def test_arms_purchase_with_supplier_value_and_items(run_events) -> None:
    text = "Egypt signed a contract to buy 24 Rafale fighter jets from France for 4 billion euros."
    events, names = run_events(text, [("Egypt", "COUNTRY", []), ("France", "COUNTRY", []),
                                      ("Rafale", "WEAPON_SYSTEM", [])])
    v = only(events, "arms_transfer")
    assert names[v.args["recipient"]] == "Egypt"
    assert names[v.args["supplier"]] == "France"
    assert v.args["value"] == {"amount": 4_000_000_000, "currency": "EUR", "mod": None}
    item = v.args["items"][0]
    assert item["name"] == "Rafale" and item["quantity"] == 24 and item["category"] == "combat aircraft"


def test_supply_verb_puts_the_subject_as_supplier(run_events) -> None:
    text = "Germany agreed to supply Ukraine with several dozen tanks by 2026."
    events, names = run_events(text, [("Germany", "COUNTRY", []), ("Ukraine", "COUNTRY", [])],
                               [("2026", "2026", "DATE")])
    v = only(events, "arms_transfer")
    assert names[v.args["supplier"]] == "Germany" and names[v.args["recipient"]] == "Ukraine"
    assert v.status == "agreed"
    assert v.args["delivery_by"] == "2026"
    assert v.args["items"][0]["quantity_text"] == "several dozen"


def test_nominal_passive_roles(run_events) -> None:
    text = "Officials recalled the invasion of Kuwait by Iraq in 1990."
    events, names = run_events(text, [("Kuwait", "COUNTRY", []), ("Iraq", "COUNTRY", [])],
                               [("1990", "1990", "DATE")])
    v = only(events, "attack")
    assert names[v.args["actor"]] == "Iraq" and names[v.args["target"]] == "Kuwait"
    assert v.status == "historical"


def test_casualties_and_place(run_events) -> None:
    text = "Air strikes killed at least 13 people in Idlib on Tuesday, the monitor said."
    events, names = run_events(text, [("Idlib", "CITY", [])], [("Tuesday", "2024-03-05", "DATE")])
    v = only(events, "attack")
    assert v.args["killed"] == {"amount": 13, "mod": "EQUAL_OR_MORE"}
    assert names[v.args["place"]] == "Idlib"
    assert v.args["date"] == "2024-03-05"


def test_drill_mentions_merge_into_one_exercise(run_events) -> None:
    text = ("Japan and the United States began joint naval drills on Monday. "
            "The exercises involve about 5,000 troops, the navy said. "
            "Australia will also take part in the drills.")
    events, names = run_events(
        text, [("Japan", "COUNTRY", []), ("United States", "COUNTRY", ["the United States"]),
               ("Australia", "COUNTRY", [])], [("Monday", "2024-03-04", "DATE")])
    v = only(events, "military_exercise")
    assert {names[p] for p in v.args["participants"]} == {"Japan", "United States", "Australia"}
    assert v.args["start"] == "2024-03-04"
    assert v.args["personnel"] == {"amount": 5000, "mod": "APPROX"}
    assert v.status == "asserted" and len(v.evidence) == 3


def test_status_from_modality(run_events) -> None:
    cases = {
        "Kenya wants to buy new military helicopters.": ("arms_transfer", "desired"),
        "Chile plans to buy six frigates.": ("arms_transfer", "planned"),
        "Peru is expected to sign the agreement.": ("agreement", "expected"),
        "The ministers would hold talks in Oslo.": ("meeting", "planned"),
        "Spain did not send troops.": ("deployment", "negated"),
        "Brazil might buy tanks.": ("arms_transfer", "hypothetical"),
    }
    for text, (etype, status) in cases.items():
        events, _ = run_events(text)
        assert only(events, etype).status == status, text


def test_deal_stated_twice_is_one_event(run_events) -> None:
    text = ("Poland will buy 250 Abrams tanks from the United States for $4.75 billion. "
            "Warsaw signed the $4.75 billion contract on Tuesday. "
            "The deal includes training and ammunition.")
    events, _ = run_events(text, [("Poland", "COUNTRY", ["Warsaw"]), ("United States", "COUNTRY", []),
                                  ("Abrams", "WEAPON_SYSTEM", [])])
    v = only(events, "arms_transfer")
    assert len(v.evidence) == 3
    assert v.status == "asserted"
    assert {e.status for e in v.evidence} >= {"planned"}


def test_different_weapons_stay_apart(run_events) -> None:
    text = ("Qatar bought 36 F-15 jets from the United States last year. "
            "Qatar also wants to buy Patriot missile systems.")
    events, _ = run_events(text, [("Qatar", "COUNTRY", []), ("United States", "COUNTRY", []),
                                  ("F-15", "WEAPON_SYSTEM", []), ("Patriot", "WEAPON_SYSTEM", [])])
    assert len([e for e in events if e.type == "arms_transfer"]) == 2


def test_words_that_are_not_events(run_events) -> None:
    text = ("The minister struck a conciliatory note at a press conference. "
            "She said the exercise of power must be fair and met the target.")
    events, _ = run_events(text)
    assert events == []


def test_target_of_a_crackdown_is_not_a_separate_protest(run_events) -> None:
    text = "Police cracked down on opposition protests in Minsk."
    events, _ = run_events(text, [("Minsk", "CITY", [])])
    assert [e.type for e in events] == ["repression"]


def test_state_of_emergency_defaults_to_the_declaring_country(run_events) -> None:
    text = ("Lithuania declared a state of emergency on its border. "
            "Vilnius later extended the state of emergency.")
    events, names = run_events(text, [("Lithuania", "COUNTRY", ["Vilnius"])])
    v = only(events, "emergency_declaration")
    assert names[v.args["actor"]] == "Lithuania" and names[v.args["place"]] == "Lithuania"
    assert len(v.evidence) == 2


def test_evidence_is_a_clause_under_400_chars(run_events) -> None:
    text = "Russia and Belarus launched military drills. " * 3
    events, _ = run_events(text, [("Russia", "COUNTRY", []), ("Belarus", "COUNTRY", [])])
    for v in events:
        for ev in v.evidence:
            assert ev.end - ev.start < 400
            assert text[ev.start:ev.end] == ev.text


def test_civil_aircraft_sales_are_not_arms_transfers(run_events) -> None:
    text = "Boeing delivered 40 planes to Ryanair last month, and the airline plans to buy more jets."
    events, _ = run_events(text, [("Boeing", "ORG", []), ("Ryanair", "ORG", [])])
    assert [e for e in events if e.type == "arms_transfer"] == []


def test_the_same_planes_with_a_military_cue_are(run_events) -> None:
    text = "Boeing delivered 40 planes to the Indian Air Force, the defence ministry said."
    events, _ = run_events(text, [("Boeing", "ORG", []), ("Indian Air Force", "MILITARY_UNIT", [])])
    assert [e.type for e in events] == ["arms_transfer"]


def test_subject_of_received_fire_is_the_target(run_events) -> None:
    text = "Kenyan troops received heavy mortar fire from al-Shabaab fighters near the border."
    events, names = run_events(text, [("Kenya", "COUNTRY", ["Kenyan"]), ("al-Shabaab", "ORG", [])])
    v = only(events, "attack")
    assert names[v.args["target"]] == "Kenya" and names[v.args["actor"]] == "al-Shabaab"


def test_the_opening_date_of_a_paragraph_carries_to_the_next_sentence(run_events) -> None:
    text = ("On Monday, rebels shelled the town of Hama. "
            "Government aircraft then bombed rebel positions in Idlib.")
    events, _ = run_events(text, [("Hama", "CITY", []), ("Idlib", "CITY", [])],
                               [("Monday", "2024-03-04", "DATE")])
    attacks = [e for e in events if e.type == "attack"]
    assert len(attacks) == 2
    assert all(a.args.get("date") == "2024-03-04" for a in attacks), [a.args for a in attacks]


def test_munitions_delivered_in_strikes_are_not_transfers(run_events) -> None:
    text = "Coalition aircraft delivered 24 munitions against enemy positions, delivering 101 bombs in all."
    events, _ = run_events(text)
    assert [e for e in events if e.type == "arms_transfer"] == []


def test_munitions_delivered_to_a_country_are(run_events) -> None:
    text = "The United States delivered 24,000 munitions to Ukraine last month."
    events, names = run_events(text, [("United States", "COUNTRY", ["The United States"]),
                                      ("Ukraine", "COUNTRY", [])])
    v = only(events, "arms_transfer")
    assert names[v.args["supplier"]] == "United States" and names[v.args["recipient"]] == "Ukraine"


def test_business_news_words_are_not_conflict_events(run_events) -> None:
    text = ("The first test flight is scheduled for early March. The index struck a ten-month high. "
            "Some workers have transferred to the tanker program.")
    events, _ = run_events(text)
    assert events == [], [(e.type, e.evidence[0].text) for e in events]


def test_a_name_like_delivery_center_is_not_an_event(run_events) -> None:
    events, _ = run_events("The plane left Airbus' Delivery Center in Toulouse.", [("Toulouse", "CITY", [])])
    assert events == []
