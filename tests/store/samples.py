"""Sample analyses for the store and CLI tests (shared with tests/cli)."""

from __future__ import annotations

from sitrep.model import Analysis, Article, Entity, Event, Evidence, Mention, Quote, Span, Timex

BODY = (
    "Country A agreed to sell ten jets to Country B for more than $1 billion, its leader said. "
    '"We will deliver them by 2025," Jan Kowal told reporters in Capital City on Sunday.'
)


def rich_analysis(body: str = BODY, source: str = "reports/a.md") -> Analysis:
    """An analysis that uses every field and argument shape of the extract format."""
    art = Article(
        text=body, source=source, title="A deal", authors=["R. Porter"], agency="AFP", outlet="Daily",
        published="2021-09-13", url="https://example.org/a", language="en", warnings=["w1"],
    )
    ents = [
        Entity("e1", "Country A", "COUNTRY", "Q1", {"role": None, "nested": {"x": [1, 2]}},
               [Mention(0, 9, "Country A"), Mention(None, None, "Country A", field="url")]),
        Entity("e2", "Country B", "COUNTRY", None, {}, [Mention(37, 46, "Country B")]),
        Entity("e3", "Jan Kowal", "PERSON", None, {"role": "President of Country A"},
               [Mention(122, 131, "Jan Kowal"), Mention(None, None, "Kowal", field="byline")]),
        Entity("e4", "Capital City", "CITY", "Q4", {}, [Mention(150, 162, "Capital City")]),
    ]
    timexes = [
        Timex(163, 172, "on Sunday", "DATE", "2021-09-12", None, anchor="2021-09-13"),
        Timex(115, 119, "2025", "DATE", "2025", "BEFORE"),
    ]
    quotes = [
        Quote(91, 120, "We will deliver them by 2025,", "direct", "e3", "told",
              Span(132, 136, "told"), Span(122, 131, "Jan Kowal")),
        Quote(0, 88, BODY[:88], "indirect", None, "said"),
    ]
    events = [
        Event("v1", "arms_transfer", "agreed", confidence=0.8, trigger=Span(20, 24, "sell"), args={
            "supplier": {"entity": "e1", "span": {"start": 0, "end": 9}},
            "recipient": "e2",
            "value": {"amount": 1000000000, "currency": "USD", "mod": "MORE_THAN"},
            "items": [{"name": "jet", "entity": None, "category": "aircraft", "quantity": 10,
                       "quantity_text": "ten", "approximate": False}],
            "delivery_by": "2025",
            "note": None,
            "ratio": 0.5,
        }, evidence=[Evidence(0, 88, BODY[:88], "agreed"), Evidence(91, 120, "x", None)]),
        Event("v2", "meeting", "asserted", args={"participants": ["e3", "e1"], "place": "e4",
                                                 "date": "2021-09-12", "topic": []}),
        Event("v3", "other", "planned", label="parade", args={"actor": "e3", "start": "2021-10",
                                                               "end": "2021-12"}),
    ]
    return Analysis(article=art, entities=ents, timexes=timexes, quotes=quotes, events=events)


def other_analysis(n: int) -> Analysis:
    body = f"Report number {n}: troops of Country A moved to the border on day {n}."
    at = body.index("Country")
    return Analysis(
        article=Article(text=body, source=f"in/{n}.txt", published="2022-01-01"),
        entities=[Entity("e1", "Country A", "COUNTRY", mentions=[Mention(at, at + 9, "Country A")])],
        events=[Event("v1", "deployment", "asserted", args={"actor": "e1"})],
    )

