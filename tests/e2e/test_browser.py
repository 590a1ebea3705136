"""End to end in a real browser: the reference article, Lukashenko's page, event filters,
a correction that shows in the export, and hostile text that runs nothing."""

from __future__ import annotations

import json
import urllib.request

import pytest
import yaml

pytestmark = pytest.mark.browser


def _article_id(base: str, title_part: str) -> str:
    arts = json.load(urllib.request.urlopen(base + "/api/articles"))
    return next(a["id"] for a in arts if title_part in (a["title"] or ""))


def test_quote_of_lukashenko_is_highlighted_and_links_to_his_page(server: str, page) -> None:
    aid = _article_id(server, "Belarus Leader")
    page.goto(f"{server}/articles/{aid}")
    quote = page.locator(".hl-quote", has_text="We cannot relax")
    assert quote.first.is_visible()
    item = page.locator("li.quote-item", has_text="We cannot relax").first
    item.locator("a.speaker").click()
    page.wait_for_load_state()
    assert "Lukashenko" in page.locator("h1.entity-name").inner_text()
    assert page.locator("ul.quotes-by li").count() >= 5


def test_events_filter_by_type(server: str, page) -> None:
    page.goto(f"{server}/events")
    page.select_option("#event-filters select[name=type]", "military_exercise")
    page.click("#event-filters button")
    page.wait_for_url("**type=military_exercise**")
    rows = page.locator("tr.event-row")
    assert rows.count() >= 1
    types = [t.strip() for t in rows.locator("td:nth-child(2)").all_inner_texts()]
    assert set(types) == {"military_exercise"}


def test_correcting_an_event_changes_the_export(server: str, page) -> None:
    aid = _article_id(server, "Belarus Leader")
    page.goto(f"{server}/articles/{aid}")
    item = page.locator("li.event-item", has=page.locator("b.etype", has_text="arms_transfer")).first
    event_id = item.get_attribute("data-event")
    item.locator("input[name=who]").fill("e2e reviewer")
    item.locator("select[name=status]").select_option("hypothetical")
    item.locator("button[value=corrected]").click()
    page.wait_for_load_state()
    fixed = page.locator(f"li.event-item[data-event='{event_id}'] .status").inner_text()
    assert fixed == "hypothetical"
    gold = yaml.safe_load(page.request.get(f"{server}/api/articles/{aid}/gold.yaml").text())
    assert {e["id"]: e["status"] for e in gold["events"]}[event_id] == "hypothetical"
    assert "e2e reviewer" in page.request.get(f"{server}/api/articles/{aid}/gold.yaml").text()


def test_hostile_article_runs_nothing(server: str, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    aid = _article_id(server, "script")
    page.goto(f"{server}/articles/{aid}")
    assert "<script>window.pwned" in page.locator("#body").inner_text()
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.hover("text=Jong")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []


def test_timeline_and_map_draw_offline(server: str, page) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/timeline")
    assert page.locator("svg.timeline circle").count() >= 1
    page.goto(f"{server}/map")
    assert page.locator("svg.map path.land").count() == 1
    assert page.locator("svg.map circle").count() >= 1
    assert all(u.startswith(server) for u in requests)


ATTACK = """<!doctype html><html><body>
<form id="f" method="post" action="{server}/review">
  <input name="article_id" value="{aid}"><input name="kind" value="event">
  <input name="start" value="{start}"><input name="end" value="{end}">
  <input name="verdict" value="wrong"><input name="who" value="attacker"><input name="back" value="/">
</form>
<script>
  fetch("{server}/api/corrections", {{method: "POST", mode: "no-cors",
    headers: {{"Content-Type": "text/plain"}},
    body: JSON.stringify({{article_id: "{aid}", kind: "event", start: {start}, end: {end},
                          verdict: "wrong", who: "attacker"}})}})
    .finally(() => document.getElementById("f").submit());
</script></body></html>"""


def test_a_page_from_another_origin_cannot_write(server: str, page) -> None:
    import http.server
    import threading

    from tests.e2e.serving import free_port

    aid = _article_id(server, "Belarus Leader")
    ev = json.load(urllib.request.urlopen(f"{server}/api/articles/{aid}"))["events"][0]["evidence"][0]
    html = ATTACK.format(server=server, aid=aid, start=ev["start"], end=ev["end"]).encode()

    class Attack(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    before = json.load(urllib.request.urlopen(f"{server}/api/corrections"))
    evil = http.server.HTTPServer(("127.0.0.1", free_port()), Attack)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{evil.server_port}/")
        page.wait_for_url(f"{server}/review", timeout=30_000)  # the form posted: answered 403
        page.wait_for_load_state()
        body = page.locator("body").inner_text()
    finally:
        evil.shutdown()
    assert "cannot write" in body
    after = json.load(urllib.request.urlopen(f"{server}/api/corrections"))
    assert after == before and not any(c["who"] == "attacker" for c in after)


def test_the_map_pans_and_zooms(server: str, page) -> None:
    page.goto(f"{server}/map")
    svg = page.locator("svg.map")
    full = svg.get_attribute("viewBox")
    page.click("button[data-map-zoom='1.5']")
    zoomed = [float(v) for v in (svg.get_attribute("viewBox") or "").split()]
    assert zoomed[2] < float((full or "").split()[2])  # narrower: zoomed in
    box = svg.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 120, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    panned = [float(v) for v in (svg.get_attribute("viewBox") or "").split()]
    assert panned[0] > zoomed[0]  # dragged left: the view moved east
    page.mouse.wheel(0, -300)
    assert float(svg.get_attribute("data-zoom") or 0) > 1.5
    page.click("button[data-map-zoom='reset']")
    assert [float(v) for v in (svg.get_attribute("viewBox") or "").split()] == [
        float(v) for v in (full or "").split()]


PAGES = ["/", "/events", "/entities", "/timeline", "/map", "/search?q=Belarus"]


def test_pages_fit_a_phone_and_log_no_console_errors(server: str, browser) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        aid = _article_id(server, "Belarus Leader")
        for path in [*PAGES, f"/articles/{aid}"]:
            pg.goto(server + path)
            pg.wait_for_load_state()
            overflow = pg.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{path} is {overflow}px wider than a 390px screen"
    finally:
        ctx.close()
    assert errors == []
