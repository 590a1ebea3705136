"""Review through the web (#16.1): add a fact by its span, merge and split entities,
undo a correction; the JSON API (422 with the reason on bad input) and the page forms
(CSRF token required)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.kb.conftest import deal_report

A = deal_report()
AID = A.article.id
TEXT = A.article.text


def _span(part: str) -> tuple[int, int]:
    s = TEXT.index(part)
    return s, s + len(part)


def _post(client: TestClient, kind: str, part: str, verdict: str, value: dict[str, Any] | None = None,
          **extra: Any) -> Any:
    s, e = _span(part)
    body = {"article_id": AID, "kind": kind, "start": s, "end": e, "verdict": verdict, "who": "ana",
            "value": value, **extra}
    return client.post("/api/corrections", json=body)


def _article(client: TestClient) -> dict[str, Any]:
    return client.get(f"/api/articles/{AID}").json()


def test_the_api_adds_merges_splits_and_undoes(client: TestClient) -> None:
    r = _post(client, "entity", "the airline", "added", {"name": "Aeroflot", "type": "ORG"})
    assert r.status_code == 201, r.text
    added = r.json()
    assert added["verdict"] == "added" and added["span_text"] == "the airline"
    ent = f"er{added['id']}"
    assert any(e["id"] == ent for e in _article(client)["entities"])
    r = _post(client, "quote", "Aeroflot agreed to buy 22 Boeing 787 jets", "added",
              {"kind": "indirect", "speaker": ent})
    assert r.status_code == 201, r.text
    r = _post(client, "entity", "Aeroflot", "merged", {"with": list(_span("the airline"))})
    assert r.status_code == 201, r.text
    merge_id = r.json()["id"]
    a = _article(client)
    assert not any(e["id"] == ent for e in a["entities"])
    assert [q["speaker"] for q in a["quotes"]] == ["e1", "e1"]  # the added quote's speaker followed
    r = _post(client, "entity", "the airline", "split",
              {"mentions": [list(_span("the airline"))], "name": "the airline", "type": "ORG"})
    assert r.status_code == 201, r.text
    r = client.post(f"/api/corrections/{merge_id}/undo", json={"who": "bo"})
    assert r.status_code == 201, r.text
    assert r.json()["verdict"] == "undone" and r.json()["value"] == {"correction": merge_id}
    log = client.get("/api/corrections", params={"article_id": AID}).json()
    assert [c["revoked"] for c in log] == [False, False, True, False, False]
    assert client.post(f"/api/corrections/{merge_id}/undo", json={"who": "bo"}).status_code == 422
    assert client.post("/api/corrections/9999/undo", json={"who": "bo"}).status_code == 404
    assert any(e["id"] == ent for e in _article(client)["entities"])  # the merge undone


@pytest.mark.parametrize(("kind", "part", "verdict", "value", "reason"), [
    ("entity", "787", "added", {"name": "787", "type": "JET"}, "use one of"),
    ("entity", "Aeroflot", "added", {"name": "Aeroflot", "type": "ORG"}, "already has"),
    ("event", "Deliveries", "added", {"type": "arms_transfer"}, "needs status"),
    ("quote", "Deliveries to Moscow", "added", {"kind": "direct", "speaker": "e42"}, "no entity"),
    ("timex", "2014", "added", {"value": "2014", "type": "YEAR"}, "use one of"),
    ("entity", "Aeroflot", "merged", {"with": [0, 0]}, "span"),
    ("entity", "Aeroflot", "split", {"mentions": [], "name": "x", "type": "ORG"}, "list of 1"),
    ("event", "Deliveries", "undone", {"correction": 1}, "no correction 1"),
])
def test_bad_review_input_is_a_422_naming_the_problem(client: TestClient, kind: str, part: str, verdict: str,
                                                      value: dict[str, Any], reason: str) -> None:
    r = _post(client, kind, part, verdict, value)
    assert r.status_code == 422 and reason in r.json()["detail"], r.text
    assert client.get("/api/corrections").json() == []


def test_a_span_outside_the_article_and_a_bad_undo_body_are_422(client: TestClient) -> None:
    r = client.post("/api/corrections", json={"article_id": AID, "kind": "timex", "start": 0, "end": 99_999,
                                              "verdict": "added", "who": "ana",
                                              "value": {"value": "2014", "type": "DATE"}})
    assert r.status_code == 422 and "outside" in r.json()["detail"]
    assert client.post("/api/corrections/1/undo", json={"who": ""}).status_code == 422


def test_undo_needs_the_csrf_token_or_the_same_origin(web_store: Any) -> None:
    from sitrep import kb
    from sitrep.web.app import create_app

    s, e = _span("Aeroflot")
    c = kb.add_correction(web_store, kb.Correction(AID, "entity", s, e, "corrected", who="ana",
                                                   value={"name": "PJSC Aeroflot"}))
    bare = TestClient(create_app("unused", store=web_store), base_url="http://127.0.0.1")
    assert bare.post(f"/api/corrections/{c.id}/undo", json={"who": "x"}).status_code == 403
    evil = bare.post(f"/api/corrections/{c.id}/undo", json={"who": "x"}, headers={"Origin": "http://evil.example"})
    assert evil.status_code == 403
    token = bare.get("/api/csrf").json()["csrf"]
    ok = bare.post(f"/api/corrections/{c.id}/undo", json={"who": "x"}, headers={"X-Sitrep-CSRF": token})
    assert ok.status_code == 201


def _csrf(client: TestClient) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(f"/articles/{AID}").text)
    assert found
    return found.group(1)


def test_the_page_forms_add_merge_split_and_undo(client: TestClient) -> None:
    page = client.get(f"/articles/{AID}").text
    assert 'id="add-fact"' in page and 'action="/review/merge"' in page and "/static/review.js" in page
    token = _csrf(client)
    base = {"article_id": AID, "who": "ana", "csrf": token, "back": f"/articles/{AID}"}

    def form(path: str, **fields: Any) -> Any:
        return client.post(path, data={**base, **fields}, follow_redirects=False)

    s, e = _span("the airline")
    r = form("/review/add", kind="entity", start=s, end=e, name="the airline", entity_type="ORG")
    assert r.status_code == 303, r.text
    assert r.headers["location"] == f"/articles/{AID}"
    s2, e2 = _span("Deliveries to Moscow start in 2014")
    r = form("/review/add", kind="event", start=s2, end=e2, type="deployment", status="planned",
             arg_role="place", arg_value="e3")
    assert r.status_code == 303, r.text
    s3, e3 = _span("on Monday")
    r = form("/review/add", kind="timex", start=s3, end=e3, timex_value="2007-03-05", timex_type="DATE")
    assert r.status_code == 303, r.text
    a = _article(client)
    assert [v["type"] for v in a["events"]] == ["arms_transfer", "deployment"]
    assert a["timexes"][0]["value"] == "2007-03-05"
    m = _span("Aeroflot")
    r = form("/review/merge", start=m[0], end=m[1], other=f"{s}-{e}")
    assert r.status_code == 303, r.text
    mentions = next(x for x in _article(client)["entities"] if x["id"] == "e1")["mentions"]
    assert [x["text"] for x in mentions] == ["Aeroflot", "the airline"]
    page = client.get(f"/articles/{AID}").text
    assert f'name="mention" value="{s}-{e}"' in page  # the merged entity offers a split
    r = form("/review/split", start=m[0], end=m[1], mention=[f"{s}-{e}"], name="the airline",
             entity_type="ORG")
    assert r.status_code == 303, r.text
    assert len(_article(client)["entities"]) == 4
    log = client.get("/api/corrections").json()
    r = form("/review/undo", correction_id=log[1]["id"])
    assert r.status_code == 303
    assert [v["type"] for v in _article(client)["events"]] == ["arms_transfer"]
    page = client.get(f"/articles/{AID}").text
    assert page.count('class="correction revoked"') == 1 and ">undone</span>" in page
    bad = form("/review/undo", correction_id=log[1]["id"])
    assert bad.status_code == 422
    bad = form("/review/merge", start=m[0], end=m[1], other="nonsense")
    assert bad.status_code == 422
    forged = form("/review/undo", csrf="forged", correction_id=log[0]["id"])
    assert forged.status_code == 403
    refused = form("/review", kind="entity", start=m[0], end=m[1], verdict="added")
    assert refused.status_code == 422
