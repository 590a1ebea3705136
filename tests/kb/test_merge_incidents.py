"""One KB event for one incident across reports, apart when places conflict: place
compatibility, the assignment of an article's events, and two merges end to end (the
embedding model runs)."""

from __future__ import annotations

from sitrep import kb
from sitrep.kb.eventcounts import counts_agree, exact_count
from sitrep.kb.eventplace import Place, places_agree
from sitrep.kb.events import assign, dates_agree, items_agree
from sitrep.model import Analysis, Article
from sitrep.store import Store
from tests.kb.conftest import entity, event

SIBI = Place("k1", "CITY", "pakistan")
KALAT = Place("k2", "CITY", "pakistan")
BALOCHISTAN = Place("k3", "REGION", "pakistan")
PAKISTAN = Place("k4", "COUNTRY", "pakistan")
BELEDWEYNE = Place("k5", "CITY", "somalia")
EUROPE = Place("k6", "REGION", None)


def test_places_that_can_be_one() -> None:
    assert places_agree(frozenset({SIBI}), frozenset({BALOCHISTAN}))  # a town in its province
    assert places_agree(frozenset({SIBI}), frozenset({PAKISTAN}))
    assert places_agree(frozenset({SIBI}), frozenset())  # one report names no place
    assert places_agree(frozenset({EUROPE}), frozenset({BELEDWEYNE}))  # nothing to check
    assert not places_agree(frozenset({SIBI}), frozenset({KALAT}))  # two towns
    assert not places_agree(frozenset({BELEDWEYNE}), frozenset({BALOCHISTAN}))  # two countries
    assert not places_agree(frozenset({PAKISTAN}), frozenset({Place("k7", "COUNTRY", "somalia")}))


def test_assignment_takes_the_most_probable_pair_first() -> None:
    # event 0 prefers X a little, event 1 needs X: in text order event 1 would lose it
    choices = [[(0.90, "X"), (0.88, "Y")], [(0.97, "X")]]
    assert assign(choices, ["n0", "n1"]) == ["Y", "X"]
    # two events of one article share a KB event only when alike, an old one or one they start
    assert assign([[(0.9, "X")], [(0.9, "X")]], ["n0", "n1"]) == ["X", "n1"]
    assert assign([[(0.9, "X")], [(0.9, "X")]], ["n0", "n1"], alike=lambda i, j: True) == ["X", "X"]
    assert assign([[], [], []], ["n0", "n1", "n2"], alike=lambda i, j: {i, j} == {0, 2}) == ["n0", "n1", "n0"]


def _bombing(outlet: str, town: str, country: str, day: str) -> Analysis:
    sentence = f"A car bomb claimed by the Red Hand Front exploded at a market in {town} on {day}"
    text = f"{sentence}, killing nine people. Police in {country} said the toll could rise."
    art = Article(text=text, title=f"Car bomb hits {town} market", outlet=outlet, published="2031-04-08",
                  source=f"{outlet}-{town}.md")
    ents = [entity("e1", town, "CITY", text, country=country), entity("e2", "Red Hand Front", "ORG", text),
            entity("e3", country, "COUNTRY", text)]
    ev = event("v1", "attack", "asserted", text, sentence, "exploded", place="e1", actor="e2",
               date="2031-04-07", killed=9)
    return Analysis(article=art, entities=ents, events=[ev])


def test_same_day_same_group_two_towns_stay_two(store: Store) -> None:
    assert store.add(_bombing("Wire", "Velgrad", "Velmar", "Tuesday"))
    assert store.add(_bombing("Post", "Ostrava", "Ostmark", "Tuesday"))
    kb.merge(store)
    total, _ = kb.kb_events(store, type="attack")
    assert total == 2


def _deal(outlet: str, text: str, sentence: str, trigger: str, **roles: str) -> Analysis:
    art = Article(text=text, title="Velmar buys Kestrel jets", outlet=outlet, published="2031-04-08",
                  source=f"{outlet}.md")
    ents = [entity("e1", "Velmar", "COUNTRY", text), entity("e2", "Nordavia", "ORG", text)]
    ev = event("v1", "arms_transfer", "agreed", text, sentence, trigger, date="2031-04-07",
               **{role: eid for role, eid in roles.items()})
    return Analysis(article=art, entities=ents, events=[ev])


def test_one_deal_reported_twice_with_its_sides_named_apart(store: Store) -> None:
    a = ("Velmar agreed on Monday to buy twelve Kestrel jets from Nordavia for $2 billion, "
         "the defence ministry said.")
    b = ("Velmar will buy twelve Kestrel jets from Nordavia for $2 billion under a deal agreed on Monday, "
         "officials said.")
    # the first report's extractor found only the recipient, the second's only the supplier
    assert store.add(_deal("Wire", a, a.split(",")[0], "buy", recipient="e1"))
    assert store.add(_deal("Post", b, b.split(",")[0], "buy", supplier="e2"))
    kb.merge(store)
    total, events = kb.kb_events(store, type="arms_transfer")
    assert total == 1 and events[0].n_articles == 2


def test_exact_tolls_far_apart_are_two_incidents() -> None:
    assert counts_agree(30, 33) and counts_agree(5, 6) and counts_agree(None, 40)
    assert not counts_agree(11, 33)
    assert exact_count({"amount": 5, "mod": "EQUAL_OR_MORE"}) is None  # "at least five" may grow
    assert exact_count({"amount": 11, "mod": None}) == 11 and exact_count(7) == 7


def test_transfers_of_other_items_are_other_deals() -> None:
    text = "Velmar bought Kestrel jets and wanted Halcyon missiles."
    jets = event("v1", "arms_transfer", "asserted", text, "Velmar bought Kestrel jets", "bought",
                 items=[{"name": "Kestrel", "entity": "e2"}])
    missiles = event("v2", "arms_transfer", "asserted", text, "wanted Halcyon missiles", "wanted",
                     items=[{"name": "Halcyon", "entity": "e3"}])
    bare = event("v3", "arms_transfer", "asserted", text, "Velmar bought", "bought")
    assert not items_agree(jets, missiles)
    assert items_agree(jets, bare)


def test_a_days_window_between_reports() -> None:
    assert dates_agree("2031-04-07", "2031-04-08")  # an operation past midnight, "Tuesday" misread
    assert dates_agree("2031-04", "2031-04-08") and dates_agree(None, "2031-04-08")
    assert not dates_agree("2031-04-07", "2031-04-09")
    assert not dates_agree("2031-03", "2031-04-01")
    assert not dates_agree("2031-04-07", "2031-04-08", window=0)  # one article's two days
