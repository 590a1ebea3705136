"""Appointments, demands, protests, deals and `other` events with a label, on short
reports written for these tests (invented names, not from any corpus)."""

from __future__ import annotations

from sitrep.model import Event


def of_type(events: list[Event], etype: str, label: str | None = None) -> Event:
    found = [e for e in events if e.type == etype and (label is None or e.label == label)]
    assert len(found) == 1, [(e.type, e.label, e.args) for e in events]
    return found[0]


def test_named_as_chief_executive_is_an_appointment(run_events) -> None:
    text = "The board of Acme Corp named Jane Doe as its new chief executive on Monday."
    events, names = run_events(text, [("Acme Corp", "ORG", []), ("Jane Doe", "PERSON", [])],
                               [("Monday", "2024-03-04", "DATE")])
    v = of_type(events, "appointment")
    assert names[v.args["target"]] == "Jane Doe" and names[v.args["actor"]] == "Acme Corp"
    assert "chief executive" in v.args["topic"] and v.args["date"] == "2024-03-04"


def test_appointed_person_inside_the_object(run_events) -> None:
    text = "Acme Corp appointed John Smith chief financial officer."
    events, names = run_events(text, [("Acme Corp", "ORG", []), ("John Smith", "PERSON", [])])
    assert names[of_type(events, "appointment").args["target"]] == "John Smith"


def test_the_post_filled_by_someone(run_events) -> None:
    text = "Her post will be filled by Ann Lee, the company's head of sales."
    events, names = run_events(text, [("Ann Lee", "PERSON", [])])
    v = of_type(events, "appointment")
    assert names[v.args["target"]] == "Ann Lee" and v.status == "planned"


def test_succeed_as_chief_names_the_successor(run_events) -> None:
    text = "Ms Doe will succeed Mr Smith as chief executive in January."
    events, names = run_events(text, [("Ms Doe", "PERSON", []), ("Mr Smith", "PERSON", [])])
    assert names[of_type(events, "appointment").args["target"]] == "Ms Doe"


def test_replace_without_a_post_is_no_appointment(run_events) -> None:
    events, _ = run_events("The firm will replace the old boilers next year.")
    assert not [e for e in events if e.type == "appointment"]


def test_stepping_down_is_a_resignation_of_the_person(run_events) -> None:
    text = "The chief executive of Initech, Bill Lumbergh, stepped down on Friday."
    events, names = run_events(text, [("Initech", "ORG", []), ("Bill Lumbergh", "PERSON", [])])
    v = of_type(events, "other", "resignation")
    assert names[v.args["target"]] == "Bill Lumbergh"


def test_job_cuts_and_plant_closures(run_events) -> None:
    text = "Globex will close its plant in Ohio and cut 500 jobs."
    events, names = run_events(text, [("Globex", "ORG", []), ("Ohio", "REGION", [])])
    closure = of_type(events, "other", "plant closure")
    assert closure.status == "planned" and names[closure.args["place"]] == "Ohio"
    assert of_type(events, "other", "job cuts").status == "planned"


def test_closing_talks_or_cutting_prices_is_no_event(run_events) -> None:
    events, _ = run_events("The chairman closed the meeting and the shop cut its prices.")
    assert not [e for e in events if e.type == "other"]


def test_buying_a_company_is_an_acquisition_but_buying_cars_is_not(run_events) -> None:
    text = "Acme Corp agreed to buy Beta Industries. Families bought more cars in May."
    events, names = run_events(text, [("Acme Corp", "ORG", []), ("Beta Industries", "ORG", [])])
    v = of_type(events, "other", "acquisition")
    assert names[v.args["actor"]] == "Acme Corp" and names[v.args["target"]] == "Beta Industries"
    assert v.status == "agreed"


def test_pay_for_a_stake_is_an_acquisition(run_events) -> None:
    events, _ = run_events("Zenith will pay $40 million for a 60 percent stake in the brewer.")
    assert of_type(events, "other", "acquisition").status == "planned"


def test_signed_contract_is_an_agreement(run_events) -> None:
    text = "The contract may be signed on May 12 in Berlin."
    events, _ = run_events(text, [("Berlin", "CITY", [])], [("May 12", "2024-05-12", "DATE")])
    v = of_type(events, "agreement")
    assert v.args["date"] == "2024-05-12" and v.args.get("topic") != "May 12"


def test_insisted_that_is_a_demand_but_insisted_on_nothing_is_not(run_events) -> None:
    events, _ = run_events("The union insisted that the factory remain open.")
    assert of_type(events, "demand")
    events, _ = run_events("He insisted, smiling.")
    assert not [e for e in events if e.type == "demand"]


def test_called_for_is_a_demand(run_events) -> None:
    text = "France called for an immediate ceasefire."
    events, names = run_events(text, [("France", "COUNTRY", [])])
    v = of_type(events, "demand")
    assert names[v.args["actor"]] == "France" and "ceasefire" in v.args["topic"]


def test_workers_on_strike_protest_but_an_air_strike_is_an_attack(run_events) -> None:
    events, names = run_events("Thousands of workers went on strike in France over pay.",
                               [("France", "COUNTRY", [])])
    assert names[of_type(events, "protest").args["place"]] == "France"
    events, _ = run_events("An air strike hit the depot.")
    assert of_type(events, "attack") and not [e for e in events if e.type == "protest"]


def test_walkout_at_sites(run_events) -> None:
    events, names = run_events("Workers staged a walkout at three sites in Ohio.", [("Ohio", "REGION", [])])
    assert names[of_type(events, "protest").args["place"]] == "Ohio"


def test_accused_of_doing(run_events) -> None:
    events, _ = run_events("The company accused its rival of stealing trade secrets.")
    assert of_type(events, "accusation")


def test_two_sets_of_talks_stay_apart(run_events) -> None:
    text = "Acme Corp is in talks with several carmakers. Beta Industries is in talks to buy a stake."
    events, _ = run_events(text, [("Acme Corp", "ORG", []), ("Beta Industries", "ORG", [])])
    assert len([e for e in events if e.type == "meeting"]) == 2


def test_took_over_as_chairman_and_hired_as_officer(run_events) -> None:
    events, names = run_events("John Smith took over as chairman of Globex.",
                               [("John Smith", "PERSON", []), ("Globex", "ORG", [])])
    v = of_type(events, "appointment")
    assert names[v.args["target"]] == "John Smith" and "actor" not in v.args
    events, names = run_events("Acme Corp hired Ann Lee as its chief operating officer.",
                               [("Acme Corp", "ORG", []), ("Ann Lee", "PERSON", [])])
    assert names[of_type(events, "appointment").args["target"]] == "Ann Lee"


def test_taking_over_a_company_is_no_appointment(run_events) -> None:
    events, _ = run_events("Globex took over the rival chain last year.", [("Globex", "ORG", [])])
    assert not [e for e in events if e.type == "appointment"]


def test_a_person_leaving_a_firm_resigns_but_a_train_leaving_does_not(run_events) -> None:
    events, names = run_events("Bill Jones left Acme Corp in March.",
                               [("Bill Jones", "PERSON", []), ("Acme Corp", "ORG", [])])
    assert names[of_type(events, "other", "resignation").args["target"]] == "Bill Jones"
    events, _ = run_events("The train left Paris at noon.", [("Paris", "CITY", [])])
    assert not events


def test_one_resignation_told_twice_and_a_past_purchase_kept_apart(run_events) -> None:
    text = ("Bill Jones is stepping down from his post. Acme Corp confirmed that Jones had left the company. "
            "Acme Corp intends to buy a stake in Globex. In 2019, Acme Corp bought a stake in Initech.")
    events, _ = run_events(text, [("Bill Jones", "PERSON", ["Jones"]), ("Acme Corp", "ORG", []),
                                  ("Globex", "ORG", []), ("Initech", "ORG", [])], [("2019", "2019", "DATE")])
    assert len([e for e in events if e.label == "resignation"]) == 1
    buys = sorted(e.status for e in events if e.label == "acquisition")
    assert buys == ["historical", "planned"]


def test_merger_bankruptcy_and_charges(run_events) -> None:
    events, _ = run_events("Acme Corp and Globex will merge next year.",
                           [("Acme Corp", "ORG", []), ("Globex", "ORG", [])])
    assert of_type(events, "other", "merger").status == "planned"
    events, _ = run_events("Acme Corp filed for bankruptcy protection.", [("Acme Corp", "ORG", [])])
    assert of_type(events, "other", "bankruptcy")
    events, _ = run_events("Prosecutors charged the former minister with corruption.")
    assert of_type(events, "arrest")
    events, _ = run_events("The bank charged a fee of ten dollars.")
    assert not events


def test_crowds_rally_outside_parliament(run_events) -> None:
    events, names = run_events("Thousands of teachers rallied outside parliament in Warsaw.",
                               [("Warsaw", "CITY", [])])
    assert names[of_type(events, "protest").args["place"]] == "Warsaw"
    events, _ = run_events("The chairman rallied investors behind the plan.")
    assert not [e for e in events if e.type == "protest"]


def test_a_market_rally_is_no_protest(run_events) -> None:
    events, _ = run_events("Shares rallied late in the session as the index gained two percent.")
    assert not [e for e in events if e.type == "protest"]
    events, _ = run_events("Stocks staged a late rally on Friday.")
    assert not [e for e in events if e.type == "protest"]


def test_filer_of_bankruptcy_is_the_actor_and_a_passive_call_is_no_demand(run_events) -> None:
    events, names = run_events("Acme Corp filed for bankruptcy protection.", [("Acme Corp", "ORG", [])])
    assert names[of_type(events, "other", "bankruptcy").args["actor"]] == "Acme Corp"
    events, _ = run_events("The tanker was bought as called for in the law.")
    assert not [e for e in events if e.type == "demand"]


def test_an_event_asked_for_is_desired(run_events) -> None:
    events, _ = run_events("Opposition leaders demanded the resignation of the prime minister.")
    assert of_type(events, "other", "resignation").status == "desired"
    events, _ = run_events("The union called for the closure of the plant to be halted.")
    assert all(e.status == "desired" for e in events if e.label == "plant closure")
