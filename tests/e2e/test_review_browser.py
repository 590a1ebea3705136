"""Review in a real browser (#16.1): correct an event's supplier and a quote's speaker on
the article page, undo each from the review log, add an entity by selecting its words;
each state shows in the CLI (`show`, `events`, `quotes`) and in the exports (jsonl, sipri).

A store of its own (the reference article, real pipeline run), so the corrections of
the other browser tests do not meet these."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REFERENCE, require
from tests.e2e.serving import SITREP, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def review_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(REFERENCE.is_file(), f"reference article {REFERENCE}")
    db = tmp_path_factory.mktemp("e2e-review") / "review.db"
    subprocess.run([SITREP, "ingest", "-j", "1", "--no-progress", str(REFERENCE)], check=True,
                   env={**os.environ, "SITREP_DB": str(db)})
    return db


@pytest.fixture(scope="module")
def review_server(review_db: Path) -> Iterator[str]:
    try:
        with serve(review_db) as base:
            yield base
    except RuntimeError as exc:
        pytest.fail(str(exc))


def _sitrep(db: Path, *args: str) -> str:
    done = subprocess.run([SITREP, *args], check=True, capture_output=True, text=True,
                          env={**os.environ, "SITREP_DB": str(db)})
    return done.stdout


def _get(url: str) -> Any:
    return json.load(urllib.request.urlopen(url))


def _article(base: str) -> dict[str, Any]:
    aid = _get(base + "/api/articles")[0]["id"]
    return _get(f"{base}/api/articles/{aid}")


def _names(a: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in a["entities"]}


def _deal(a: dict[str, Any]) -> dict[str, Any]:
    return next(v for v in a["events"] if v["type"] == "arms_transfer")


def _sipri_suppliers(db: Path) -> set[str]:
    return {r["Supplier"] for r in csv.DictReader(io.StringIO(_sitrep(db, "export", "--format", "sipri")))}


def _jsonl(db: Path) -> dict[str, Any]:
    return json.loads(_sitrep(db, "export", "--format", "jsonl").splitlines()[0])


def _latest_correction(base: str) -> int:
    return max(c["id"] for c in _get(base + "/api/corrections"))


def _undo(page: Any, base: str, correction_id: int) -> None:
    page.goto(f"{base}/articles/{_article(base)['article']['id']}")
    item = page.locator(f"li.correction[data-correction='{correction_id}']")
    item.locator("input[name=who]").fill("e2e reviewer")
    item.locator("form.undo button").click()
    page.wait_for_load_state()
    assert page.locator(f"li.correction.revoked[data-correction='{correction_id}']").count() == 1


def test_an_events_supplier_is_corrected_then_undone(review_server: str, review_db: Path, page: Any) -> None:
    a = _article(review_server)
    names = _names(a)
    deal = _deal(a)
    was = names[deal["args"]["supplier"]]
    keep = (was, names.get(deal["args"]["recipient"]))
    new_id, new = next((e["id"], e["name"]) for e in a["entities"]
                       if e["type"] == "COUNTRY" and e["name"] not in keep)
    page.goto(f"{review_server}/articles/{a['article']['id']}")
    item = page.locator(f"li.event-item[data-event='{deal['id']}']")
    item.locator("input[name=who]").fill("e2e reviewer")
    item.locator("select[name=arg_role]").select_option("supplier")
    item.locator("select[name=arg_value]").select_option(new_id)
    item.locator("button[value=corrected]").click()
    page.wait_for_load_state()
    shown = page.locator(f"li.event-item[data-event='{deal['id']}'] dl.args").inner_text()
    assert f"supplier\n{new}" in shown
    aid = a["article"]["id"][:12]
    assert f"supplier     {new}" in _sitrep(review_db, "show", aid)
    assert f"supplier={new}" in _sitrep(review_db, "events", "--type", "arms_transfer")
    assert _sipri_suppliers(review_db) == {new}
    assert _deal(_jsonl(review_db))["args"]["supplier"] == new_id

    _undo(page, review_server, _latest_correction(review_server))
    shown = page.locator(f"li.event-item[data-event='{deal['id']}'] dl.args").inner_text()
    assert f"supplier\n{was}" in shown
    assert f"supplier     {was}" in _sitrep(review_db, "show", aid)
    assert f"supplier={was}" in _sitrep(review_db, "events", "--type", "arms_transfer")
    assert _sipri_suppliers(review_db) == {was}
    assert _deal(_jsonl(review_db))["args"]["supplier"] == deal["args"]["supplier"]


def test_a_quotes_speaker_is_corrected_then_undone(review_server: str, review_db: Path, page: Any) -> None:
    a = _article(review_server)
    names = _names(a)
    quote = next(q for q in a["quotes"] if q["text"].startswith("We cannot relax"))
    was = names[quote["speaker"]]
    new_id, new = next((e["id"], e["name"]) for e in a["entities"]
                       if e["type"] == "PERSON" and e["name"] != was)
    page.goto(f"{review_server}/articles/{a['article']['id']}")
    item = page.locator("li.quote-item", has_text="We cannot relax").first
    item.locator("input[name=who]").fill("e2e reviewer")
    item.locator("select[name=value]").select_option(new_id)
    item.locator("button[value=corrected]").click()
    page.wait_for_load_state()
    assert new in page.locator("li.quote-item", has_text="We cannot relax").first.inner_text()
    assert f"{new} [direct" in _line(_sitrep(review_db, "quotes"), "We cannot relax")
    assert new in _line(_sitrep(review_db, "show", a["article"]["id"][:12]), "We cannot relax")
    assert _quote(_jsonl(review_db))["speaker"] == new_id

    _undo(page, review_server, _latest_correction(review_server))
    assert was in page.locator("li.quote-item", has_text="We cannot relax").first.inner_text()
    assert f"{was} [direct" in _line(_sitrep(review_db, "quotes"), "We cannot relax")
    assert was in _line(_sitrep(review_db, "show", a["article"]["id"][:12]), "We cannot relax")
    assert _quote(_jsonl(review_db))["speaker"] == quote["speaker"]


def _line(out: str, part: str) -> str:
    return next(line for line in out.splitlines() if part in line)


def _quote(record: dict[str, Any]) -> dict[str, Any]:
    return next(q for q in record["quotes"] if q["text"].startswith("We cannot relax"))


SELECT = """([word, nth]) => {
  const body = document.getElementById("body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let at = n.data.indexOf(word);
    while (at >= 0) {
      if (seen++ === nth) {
        const r = document.createRange();
        r.setStart(n, at); r.setEnd(n, at + word.length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
        body.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        return true;
      }
      at = n.data.indexOf(word, at + 1);
    }
  }
  return false;
}"""


def test_an_entity_is_added_by_selecting_its_words(review_server: str, review_db: Path, page: Any) -> None:
    a = _article(review_server)
    text = a["article"]["text"]
    word = "Kremlin" if "Kremlin" in text else "drills"
    start = text.index(word)
    page.goto(f"{review_server}/articles/{a['article']['id']}")
    assert page.evaluate(SELECT, [word, 0])
    form = page.locator("#add-fact")
    assert form.locator("input[name=start]").input_value() == str(start)
    assert form.locator("input[name=end]").input_value() == str(start + len(word))
    assert form.locator("fieldset[data-kind=quote]").is_hidden()  # only the chosen kind's fields
    form.locator("select[name=kind]").select_option("entity")
    form.locator("input[name=name]").fill("The Kremlin test")
    form.locator("select[name=entity_type]").select_option("FACILITY")
    form.locator("input[name=who]").fill("e2e reviewer")
    form.locator("button").click()
    page.wait_for_load_state()
    cid = _latest_correction(review_server)
    added = page.locator(f"li.entity-item[data-entity='er{cid}']")
    assert "The Kremlin test" in added.inner_text() and "FACILITY" in added.inner_text()
    assert f"er{cid} FACILITY      The Kremlin test" in _sitrep(review_db, "show", a["article"]["id"][:12])
    assert any(e["name"] == "The Kremlin test" for e in _jsonl(review_db)["entities"])
    _undo(page, review_server, cid)
    assert page.locator(f"li.entity-item[data-entity='er{cid}']").count() == 0
