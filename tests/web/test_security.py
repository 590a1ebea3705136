"""Writes only from Sitrep's own pages; requests only for the host names it serves."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sitrep.store import Store
from sitrep.web.security import allowed_hosts, cross_site_reason, same_origin
from tests.kb.conftest import deal_report

BASE = "http://127.0.0.1"


def _app(store: Store, **kw: object):  # type: ignore[no-untyped-def]
    from sitrep.web.app import create_app

    return create_app("unused", store=store, **kw)  # type: ignore[arg-type]


def _body() -> dict[str, object]:
    a = deal_report()
    ev = a.events[0].evidence[0]
    return {"article_id": a.article.id, "kind": "event", "start": ev.start, "end": ev.end,
            "verdict": "wrong", "who": "ana"}


def _form(csrf: str = "") -> dict[str, object]:
    return {**_body(), "csrf": csrf, "back": "/"}


def _corrections(c: TestClient) -> list[object]:
    return c.get("/api/corrections").json()


def test_a_cross_site_form_post_writes_nothing_on_localhost(web_store: Store) -> None:
    c = TestClient(_app(web_store), base_url=BASE)
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                    {"Origin": "http://127.0.0.1:9999"}):
        r = c.post("/review", data=_form(), headers=headers, follow_redirects=False)
        assert r.status_code == 403, headers
        r = c.post("/api/corrections", json=_body(), headers=headers)
        assert r.status_code == 403, headers
    assert _corrections(c) == []


def test_a_form_post_needs_the_pages_csrf_token(web_store: Store) -> None:
    c = TestClient(_app(web_store), base_url=BASE)
    same = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
    assert c.post("/review", data=_form("forged"), headers=same, follow_redirects=False).status_code == 403
    assert c.post("/review", data=_form(), headers=same, follow_redirects=False).status_code == 403
    token = c.get("/api/csrf").json()["csrf"]
    assert f'name="csrf" value="{token}"' in c.get(f"/articles/{deal_report().article.id}").text
    r = c.post("/review", data=_form(token), headers=same, follow_redirects=False)
    assert r.status_code == 303
    assert len(_corrections(c)) == 1


def test_the_json_api_needs_the_token_or_the_same_origin(web_store: Store) -> None:
    c = TestClient(_app(web_store), base_url=BASE)
    assert c.post("/api/corrections", json=_body()).status_code == 403  # no Origin, no token
    token = c.get("/api/csrf").json()["csrf"]
    assert c.post("/api/corrections", json=_body(), headers={"X-Sitrep-CSRF": "x"}).status_code == 403
    assert c.post("/api/corrections", json=_body(), headers={"X-Sitrep-CSRF": token}).status_code == 201
    assert c.post("/api/corrections", json=_body(), headers={"Origin": BASE}).status_code == 201


def test_a_foreign_host_header_is_refused(web_store: Store) -> None:
    c = TestClient(_app(web_store), base_url="http://rebind.evil.example")
    assert c.get("/api/events").status_code == 400
    named = TestClient(_app(web_store, server_names=("sitrep.lan",)), base_url="http://sitrep.lan")
    assert named.get("/api/events").status_code == 200
    assert TestClient(_app(web_store), base_url="http://localhost:8765").get("/api/events").status_code == 200


def test_the_rules() -> None:
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:8001", "127.0.0.1:8000")
    assert not same_origin("null", "127.0.0.1:8000")
    assert cross_site_reason("GET", {"origin": "http://evil.example", "host": "x"}) is None
    assert cross_site_reason("POST", {"sec-fetch-site": "same-origin", "host": "x"}) is None
    assert allowed_hosts("0.0.0.0") == ["*"]
    assert "10.0.0.5" in allowed_hosts("10.0.0.5") and "*" not in allowed_hosts("10.0.0.5")


def test_review_fields_have_a_size_limit(web_store: Store) -> None:
    c = TestClient(_app(web_store), base_url=BASE, headers={"Origin": BASE})
    assert c.post("/api/corrections", json={**_body(), "note": "x" * 1_000_000}).status_code == 422
    assert c.post("/api/corrections", json={**_body(), "who": "w" * 10_000}).status_code == 422
    assert c.post("/review", data={**_form("t"), "who": "w" * 10_000}).status_code == 422
    assert _corrections(c) == []
