from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import sitrep.kb  # noqa: F401
from sitrep.model import Analysis, Article, Entity, Event, Evidence, Mention, Quote
from sitrep.store import Store, open_store
from tests.kb.conftest import deal_report

HOSTILE = ('Officials said <script>window.pwned = 1; alert("x")</script> nothing. '
           'See <a href="javascript:alert(1)">this link</a> and <img src=x onerror=alert(2)>. '
           'Kim <b onmouseover="alert(3)">Jong</b> said "we will strike" in Pyongyang.')


def hostile_report() -> Analysis:
    text = HOSTILE
    s = text.index("<script>")
    q = text.index('"we will strike"')
    k = text.index("Kim")
    ent = Entity(id="e1", name='Kim <b onmouseover="alert(3)">Jong</b>', type="PERSON",
                 mentions=[Mention(k, k + 3, "Kim")])
    ev = Event(id="v1", type="statement", status="asserted", args={"actor": "e1"},
               evidence=[Evidence(s, s + 60, text[s:s + 60])])
    art = Article(text=text, title="<script>alert('title')</script>", published="2024-01-02",
                  source="hostile.md")
    return Analysis(article=art, entities=[ent], events=[ev],
                    quotes=[Quote(start=q, end=q + 16, text=text[q:q + 16], kind="direct", speaker="e1")])


BASE = "http://127.0.0.1"


@pytest.fixture
def web_store(tmp_path: Path) -> Store:
    store = open_store(str(tmp_path / "web.db"))
    store.add(deal_report())
    store.add(hostile_report())
    yield store
    store.close()


@pytest.fixture
def client(web_store: Store) -> TestClient:
    from sitrep.web.app import create_app

    return local_client(create_app("unused", store=web_store))


def local_client(app: object) -> TestClient:
    """A client that reaches the app as http://127.0.0.1, as a page of the app would."""
    return TestClient(app, base_url=BASE, headers={"Origin": BASE})  # type: ignore[arg-type]
