"""Quotes by speaker and events by type, actor, place, status and time, on both backends."""

from __future__ import annotations

import pytest

from sitrep.store import open_store
from tests.store.samples import other_analysis, rich_analysis


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    with open_store(db_url) as s:
        s.add(rich_analysis())
        for n in range(3):
            s.add(other_analysis(n))
        yield s


@pytest.mark.parametrize("name", ["Jan Kowal", "kowal", "JAN", "  jan   kowal "])
def test_quotes_by_any_part_of_the_name_or_mention(store, name: str) -> None:  # type: ignore[no-untyped-def]
    hits = store.quotes(speaker=name)
    assert [h.quote.text for h in hits] == ["We will deliver them by 2025,"]
    assert hits[0].speaker.name == "Jan Kowal" and hits[0].title == "A deal"


def test_a_longer_name_finds_an_entity_named_by_its_end(store) -> None:  # type: ignore[no-untyped-def]
    assert [h.quote.kind for h in store.quotes(speaker="President Jan Kowal")] == ["direct"]
    assert [h.event.id for h in store.events(place="the old Capital City")] == ["v2"]


@pytest.mark.parametrize("name", ["Kow", "an Kowal", "Kowal%", "_an Kowal", "Capital City", "Kowal Jan",
                                  "XJan Kowal"])
def test_quotes_no_partial_words_or_wildcards(store, name: str) -> None:  # type: ignore[no-untyped-def]
    assert store.quotes(speaker=name) == []


def test_all_quotes_and_kind_filter(store) -> None:  # type: ignore[no-untyped-def]
    assert len(store.quotes()) == 2
    assert [h.quote.kind for h in store.quotes(kind="indirect")] == ["indirect"]
    assert store.quotes()[1].speaker is None


def test_events_by_type_and_actor(store) -> None:  # type: ignore[no-untyped-def]
    assert [h.event.id for h in store.events(type="arms_transfer")] == ["v1"]
    # the actor matches any entity-valued argument: supplier (entity+span), participants, actor
    assert [h.event.type for h in store.events(actor="Country A")] == [
        "arms_transfer", "meeting", "deployment", "deployment", "deployment"]
    hit = store.events(type="arms_transfer", actor="q1")[0]  # kb_id
    assert hit.event.args["value"]["amount"] == 1000000000
    assert {e.name for e in hit.entities.values()} == {"Country A", "Country B"}
    assert store.events(type="arms_transfer", actor="Jan Kowal") == []


def test_events_by_place_and_status(store) -> None:  # type: ignore[no-untyped-def]
    assert [h.event.id for h in store.events(place="capital city")] == ["v2"]
    assert store.events(place="Country A") == []
    assert [h.event.id for h in store.events(status="planned")] == ["v3"]


@pytest.mark.parametrize(("since", "until", "expected"), [
    ("2021-09-12", "2021-09-12", ["v2"]),
    ("2021-09-13", "2021-09-13", ["v1"]),            # v1 has no date: the article's
    ("2021-11", None, ["v3", "v1", "v1", "v1"]),      # v3 runs 2021-10..2021-12; others published 2022
    (None, "2021-09", ["v1", "v2"]),
    ("2021", "2021", ["v1", "v2", "v3"]),
    ("2023", None, []),
])
def test_events_by_time(store, since, until, expected) -> None:  # type: ignore[no-untyped-def]
    got = [h.event.id for h in store.events(since=since, until=until)]
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("query", ["Łukasz Świątek", "łukasz świątek", "Świątek", "ŚWIĄTEK"])
def test_names_with_capitals_outside_ascii_are_found(db_url: str, query: str) -> None:
    """SQLite's own lower() leaves "Ł" and "Ś" as they are; the store folds every script."""
    a = rich_analysis()
    person = next(e for e in a.entities if e.name == "Jan Kowal")
    person.name = "Łukasz Świątek"
    person.mentions[0].text = "Łukasz Świątek"
    with open_store(db_url) as s:
        s.add(a)
        hits = s.quotes(speaker=query)
    assert [h.speaker.name for h in hits] == ["Łukasz Świątek"]


@pytest.mark.parametrize("query", ["Recep Tayyip Erdogan", "erdogan", "Erdoğan"])
def test_sqlite_searches_ignore_accents(tmp_path, query: str) -> None:  # type: ignore[no-untyped-def]
    """Analysts type "Erdogan"; the article wrote "Erdoğan" (SQLite stores; PostgreSQL folds case only)."""
    a = rich_analysis()
    person = next(e for e in a.entities if e.name == "Jan Kowal")
    person.name = "Recep Tayyip Erdoğan"
    person.mentions[0].text = "Recep Tayyip Erdoğan"
    with open_store(str(tmp_path / "accents.db")) as s:
        s.add(a)
        assert [h.speaker.name for h in s.quotes(speaker=query)] == ["Recep Tayyip Erdoğan"]
        assert s.quotes(speaker="Erdo") == []


def test_weeks_months_and_quarters_filter_and_sort_by_their_days(db_url: str) -> None:
    from sitrep.model import Analysis, Article, Event

    dated = {"v1": "2021-W37", "v2": "2021-10", "v3": "2021-Q3", "v4": "2016-W42", "v5": "2016-12"}
    events = [Event(id=k, type="meeting", status="asserted", args={"date": v}) for k, v in dated.items()]
    with open_store(db_url) as s:
        s.add(Analysis(article=Article(text="Weeks and months.", published="2022-01-05"), events=events))
        got = lambda **kw: sorted(h.event.id for h in s.events(**kw))  # noqa: E731
        assert got(since="2021-09-14", until="2021-09-20") == ["v1", "v3"]  # not October
        assert got(since="2021-10") == ["v2"]  # W37 ends in September, Q3 on 30 September
        assert got(until="2016-11") == ["v4"]  # week 42 of 2016 is in October
        assert got(since="2016-12", until="2016-12") == ["v5"]
