from __future__ import annotations

import csv
import io

import yaml
from fastapi.testclient import TestClient

from sitrep import kb
from sitrep.store import Store
from tests.kb.conftest import deal_report
from tests.web.conftest import local_client


def _deal_id() -> str:
    return deal_report().article.id


def test_openapi_schema_is_published(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/entities/{kb_id}", "/api/search", "/api/corrections"} <= set(schema["paths"])


def test_events_api_filters_and_pages(client: TestClient, web_store: Store) -> None:
    kb.merge(web_store)
    body = client.get("/api/events", params={"type": "arms_transfer", "actor": "Boeing"}).json()
    assert body["total"] == 1
    assert body["items"][0]["args"]["supplier"][0]["value"] == "Boeing"
    assert client.get("/api/events", params={"type": "attack"}).json()["total"] == 0
    assert client.get("/api/events", params={"size": 10_000}).status_code == 422


def test_events_csv_download(client: TestClient, web_store: Store) -> None:
    kb.merge(web_store)
    r = client.get("/api/events.csv", params={"type": "arms_transfer"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["type"] for row in rows] == ["arms_transfer"]
    assert "Boeing" in rows[0]["args"]


def test_correction_via_api_changes_the_gold_export(client: TestClient) -> None:
    aid = _deal_id()
    ev = client.get(f"/api/articles/{aid}").json()["events"][0]["evidence"][0]
    r = client.post("/api/corrections", json={"article_id": aid, "kind": "event", "start": ev["start"],
                                              "end": ev["end"], "verdict": "corrected", "who": "ana",
                                              "value": {"status": "planned"}})
    assert r.status_code == 201, r.text
    gold = yaml.safe_load(client.get(f"/api/articles/{aid}/gold.yaml").text)
    assert gold["events"][0]["status"] == "planned"
    assert client.get("/api/corrections", params={"article_id": aid}).json()[0]["who"] == "ana"


def test_bad_correction_is_a_422_with_the_reason(client: TestClient) -> None:
    r = client.post("/api/corrections", json={"article_id": _deal_id(), "kind": "event", "start": 0,
                                              "end": 5, "verdict": "maybe", "who": "ana"})
    assert r.status_code == 422 and "verdict" in r.text


def test_writes_need_the_token_off_localhost(web_store: Store) -> None:
    from sitrep.web.app import create_app

    c = local_client(create_app("unused", token="s3cret", store=web_store))
    ev = deal_report().events[0].evidence[0]
    body = {"article_id": _deal_id(), "kind": "event", "start": ev.start, "end": ev.end, "verdict": "wrong",
            "who": "x"}
    assert c.post("/api/corrections", json=body).status_code == 403
    assert c.post("/api/corrections", json=body, headers={"X-Sitrep-Token": "nope"}).status_code == 403
    assert c.post("/api/corrections", json=body, headers={"X-Sitrep-Token": "s3cret"}).status_code == 201
    assert c.get("/api/events").status_code == 200  # reads stay open


def test_unknown_things_are_404(client: TestClient) -> None:
    assert client.get("/api/articles/ffff").status_code == 404
    assert client.get("/api/entities/kb:nothing").status_code == 404
    page = client.get("/articles/ffff")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text and "article ffff not found" in page.text
    assert client.get("/no/such/page").headers["content-type"].startswith("text/html")
    assert client.get("/api/articles/ffff").json()["detail"] == "article ffff not found"


def test_event_ids_with_a_slash_are_served_by_the_api_and_the_page(client: TestClient) -> None:
    # before a merge an event's id is "<article id prefix>/<event id>": routes must take the "/"
    items = client.get("/api/events").json()["items"]
    ids = [g["kb_event_id"] for g in items]
    assert ids and all("/" in i for i in ids)
    for kb_event_id in ids:
        body = client.get(f"/api/events/{kb_event_id}")
        assert body.status_code == 200, kb_event_id
        assert body.json()["kb_event_id"] == kb_event_id
        page = client.get(f"/events/{kb_event_id}")
        assert page.status_code == 200 and f"KB id {kb_event_id}" in page.text
    assert f'href="/events/{ids[0]}"' in client.get("/events").text  # the list links to it
    aid = _deal_id()
    for missing in (f"{aid[:12]}/v999", f"{aid[:12]}/v1/extra", "nothere/v1"):
        assert client.get(f"/api/events/{missing}").status_code == 404
        assert client.get(f"/events/{missing}").status_code == 404


def test_every_kind_is_filtered_by_its_query_object_on_the_api(client: TestClient) -> None:
    kb.merge(client.app.state.store)  # type: ignore[attr-defined]
    said = client.get("/api/quotes", params={"kind": "direct"})
    assert said.status_code == 200 and said.json() and all(q["kind"] == "direct" for q in said.json())
    assert client.get("/api/quotes", params={"kind": "rumour"}).json()["parameter"] == "kind"
    assert client.get("/api/quotes", params={"speaker": "x" * 300}).status_code == 422
    found = client.get("/api/articles", params={"q": "Boeing"}).json()
    assert [a["article_id"] for a in found] == [_deal_id()]
    assert len(client.get("/api/articles").json()) == 2
    assert client.get("/api/entities", params={"type": "planet"}).json()["parameter"] == "type"
    assert client.get("/api/entities", params={"type": "org"}).json()["total"] >= 1


def test_kept_answers_change_with_the_store(client: TestClient) -> None:
    aid = _deal_id()
    first = client.get(f"/api/articles/{aid}").json()
    assert client.get(f"/api/articles/{aid}").json() == first  # kept
    page = client.get(f"/articles/{aid}").text
    span = first["events"][0]["evidence"][0]
    r = client.post("/api/corrections", json={"article_id": aid, "kind": "event", "start": span["start"],
                                              "end": span["end"], "verdict": "corrected", "who": "ana",
                                              "value": {"status": "planned"}})
    assert r.status_code == 201
    assert client.get(f"/api/articles/{aid}").json()["events"][0]["status"] == "planned"
    assert client.get(f"/articles/{aid}").text != page  # the page shows the correction
    listed = client.get("/api/events").json()["items"]
    assert any(g["status"] == "planned" for g in listed)
