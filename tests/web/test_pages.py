from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sitrep import kb
from sitrep.store import Store
from tests.kb.conftest import deal_report
from tests.web.conftest import hostile_report


@pytest.mark.parametrize("path", ["/", "/entities", "/events", "/timeline", "/map", "/search?q=Boeing",
                                  "/events?type=arms_transfer&status=agreed"])
def test_pages_render(client: TestClient, web_store: Store, path: str) -> None:
    kb.merge(web_store)
    r = client.get(path)
    assert r.status_code == 200
    assert "<title>" in r.text


def test_article_page_highlights_and_links_every_fact(client: TestClient) -> None:
    a = deal_report()
    html = client.get(f"/articles/{a.article.id}").text
    assert 'class="hl-event' in html or "hl-event" in html
    assert 'id="evt-v1-0"' in html and 'href="#evt-v1-0"' in html
    q = a.quotes[0].start
    assert f'id="quo-{q}"' in html and f'href="#quo-{q}"' in html


def test_untrusted_text_is_escaped_everywhere(client: TestClient, web_store: Store) -> None:
    kb.merge(web_store)
    aid = hostile_report().article.id
    pages = [f"/articles/{aid}", "/", "/entities", "/events", "/search?q=script"]
    for page in pages:
        html = client.get(page).text
        assert "<script>" not in html, page
        assert "<b onmouseover" not in html and "<img src=x" not in html, page
        assert not re.search(r'href="javascript:', html), page
    article = client.get(f"/articles/{aid}").text
    assert "&lt;script&gt;window.pwned" in article
    assert "Content-Security-Policy" in article


def _csrf(client: TestClient, article_id: str) -> str:
    """The CSRF token the article page's review forms carry."""
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(f"/articles/{article_id}").text)
    assert found, "the review form carries no csrf field"
    return found.group(1)


def test_review_form_stores_a_correction_and_redirects_only_locally(client: TestClient) -> None:
    a = deal_report()
    ev = a.events[0].evidence[0]
    form = {"article_id": a.article.id, "kind": "event", "start": ev.start, "end": ev.end,
            "verdict": "corrected", "who": "ana", "type": "agreement", "status": "agreed",
            "back": "//evil.example/", "csrf": _csrf(client, a.article.id)}
    r = client.post("/review", data=form, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert "agreement" in client.get(f"/api/articles/{a.article.id}/gold.yaml").text


def test_timeline_places_iso_weeks_by_their_monday() -> None:
    from sitrep.web.charts import _day

    assert str(_day("2021-W37")) == "2021-09-13"
    assert str(_day("2021-10")) == "2021-10-01"
    assert _day("PAST_REF") is None


def test_world_outline_has_no_line_across_the_antimeridian() -> None:
    from sitrep.web.geo import place_point, world_path

    path = world_path()
    assert path.count("M") > 100
    assert place_point("Russia", "COUNTRY") is not None


def test_the_map_shades_countries_and_puts_towns_at_their_coordinates() -> None:
    from sitrep.kb.queries import KbEvent
    from sitrep.model import Entity, Event
    from sitrep.store.queries import EventHit
    from sitrep.web.charts import map_marks
    from sitrep.web.geo import place_point, project

    def ev(kid: str, place: object, ent: Entity) -> KbEvent:
        hit = EventHit("a" + kid, None, None, None, Event(id="v1", type="attack", status="asserted",
                                                          args={"place": place}), {ent.id: ent})
        g = KbEvent(kid, "attack", "asserted", None, None)
        g.members.append(hit)
        return g

    poland = Entity(id="e1", name="Poland", type="COUNTRY")
    minsk = Entity(id="e2", name="Minsk", type="CITY", attributes={"country": "Belarus"})
    dots, areas = map_marks([ev("k1", "e1", poland), ev("k2", "e1", poland),
                             ev("k3", {"entity": "e2", "span": [0, 5]}, minsk)])
    assert [(a.label, a.count) for a in areas] == [("2 event(s) in Poland", 2)] and areas[0].path
    (dot,) = dots
    lon_lat = place_point("Minsk", "CITY", "Belarus")
    assert lon_lat is not None and (dot.x, dot.y) == project(*lon_lat)
    assert abs(lon_lat[1] - 53.9) < 0.1  # Minsk itself, not a capital or a centroid


def test_the_review_forms_correct_a_speaker_and_a_supplier(client: TestClient) -> None:
    a = deal_report()
    aid = a.article.id
    ev, q = a.events[0].evidence[0], a.quotes[0]
    page = client.get(f"/articles/{aid}").text
    assert 'aria-label="corrected speaker"' in page and 'aria-label="argument to correct"' in page
    token = _csrf(client, aid)
    base = {"article_id": aid, "who": "ana", "verdict": "corrected", "csrf": token, "back": "/"}
    r = client.post("/review", data={**base, "kind": "quote", "start": q.start, "end": q.end,
                                     "field": "speaker", "value": "e2"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    r = client.post("/review", data={**base, "kind": "event", "start": ev.start, "end": ev.end,
                                     "type": "arms_transfer", "status": "agreed", "arg_role": "supplier",
                                     "arg_value": "e3"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    fixed = client.get(f"/api/articles/{aid}").json()
    assert fixed["quotes"][0]["speaker"] == "e2" and fixed["events"][0]["args"]["supplier"] == "e3"
    undo = client.post("/review", data={**base, "kind": "event", "start": ev.start, "end": ev.end,
                                        "verdict": "wrong"}, follow_redirects=False)
    assert undo.status_code == 303 and client.get(f"/api/articles/{aid}").json()["events"] == []
    client.post("/review", data={**base, "kind": "event", "start": ev.start, "end": ev.end,
                                 "verdict": "right"})
    assert client.get(f"/api/articles/{aid}").json()["events"][0]["args"]["supplier"] == "e3"


def test_event_filters_take_any_case_and_offer_the_names(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/events?type=Arms%20Transfer&status=AGREED")
    assert page.status_code == 200
    assert "<option selected>arms_transfer</option>" in page.text
    assert "<option selected>agreed</option>" in page.text
    assert '<datalist id="actor-names">' in page.text and '<datalist id="place-names">' in page.text


def test_the_article_page_shows_each_events_arguments(client, web_store) -> None:  # type: ignore[no-untyped-def]
    aid = next(a["id"] for a in client.get("/api/articles").json())
    page = client.get(f"/articles/{aid}")
    analysis = web_store.get(aid)
    with_args = [ev for ev in analysis.events if ev.args]
    if with_args:
        assert '<dl class="args">' in page.text
        role = next(iter(with_args[0].args))
        assert f"<dt>{role}</dt>" in page.text
