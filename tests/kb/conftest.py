"""Fixtures: a fresh store (SQLite and PostgreSQL) and hand-built analyses (no pipeline run)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import sitrep.kb  # noqa: F401  (registers the KB tables before the store is opened)
from sitrep.model import Analysis, Article, Entity, Event, Evidence, Mention, Quote, Span
from sitrep.store import Store, open_store
from tests.store.conftest import BACKENDS, pg_schema_url


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on SQLite, and on PostgreSQL in a schema of its own (FTS, locking)."""
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "kb.db"))
        yield s
        s.close()
        return
    for url in pg_schema_url(request.getfixturevalue("pg_url")):
        s = open_store(url)
        yield s
        s.close()


def entity(eid: str, name: str, type_: str, text: str, kb_id: str | None = None, **attrs: str) -> Entity:
    start = text.index(name)
    return Entity(id=eid, name=name, type=type_, kb_id=kb_id, attributes=dict(attrs),
                  mentions=[Mention(start, start + len(name), name)])


def event(eid: str, type_: str, status: str, text: str, evidence: str, trigger: str,
          **args: object) -> Event:
    s = text.index(evidence)
    t = text.index(trigger, s)
    return Event(id=eid, type=type_, status=status, args=dict(args),
                 evidence=[Evidence(s, s + len(evidence), evidence, status)],
                 trigger=Span(t, t + len(trigger), trigger))


def strike_report(outlet: str, sentence: str, published: str, killed: int) -> Analysis:
    """A report of an air strike on Mosul by the coalition; numbers differ per outlet."""
    text = (f"{sentence} Officials said {killed} people were killed in the strike on Mosul. "
            "The coalition has been fighting Islamic State in northern Iraq for months.")
    art = Article(text=text, title=f"Air strike hits Mosul market ({outlet})", outlet=outlet,
                  published=published, source=f"{outlet}.md")
    ents = [entity("e1", "Mosul", "CITY", text), entity("e2", "Islamic State", "ORG", text, "Q2429253"),
            entity("e3", "Iraq", "COUNTRY", text, "Q796")]
    ev = event("v1", "attack", "asserted", text, sentence, "strike", place="e1", target="e2",
               date=published, killed=killed)
    return Analysis(article=art, entities=ents, events=[ev])


def deal_report() -> Analysis:
    text = ("Aeroflot agreed to buy 22 Boeing 787 jets for $4 billion, the airline said on Monday. "
            "Deliveries to Moscow start in 2014.")
    art = Article(text=text, title="Aeroflot buys Boeing jets", outlet="Wire", published="2007-03-05",
                  source="wire.md")
    ents = [entity("e1", "Aeroflot", "ORG", text), entity("e2", "Boeing", "ORG", text, "Q66"),
            entity("e3", "Moscow", "CITY", text)]
    ev = event("v1", "arms_transfer", "agreed", text,
               "Aeroflot agreed to buy 22 Boeing 787 jets for $4 billion", "buy",
               supplier="e2", recipient="e1", value={"amount": 4e9, "currency": "USD"})
    q0 = text.index("Deliveries")
    quote = Quote(start=q0, end=len(text), text=text[q0:], kind="indirect", speaker="e1")
    return Analysis(article=art, entities=ents, events=[ev], quotes=[quote])
