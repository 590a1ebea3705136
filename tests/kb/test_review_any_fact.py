"""Review any fact (#16.1): every field of an event, a quote's speaker, an entity; the
latest verdict wins; a correction must name a fact; every read path shows the result."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from sitrep import kb
from sitrep.kb.corrections import Correction, CorrectionError
from sitrep.kb.queries import corrected_event_hits, corrected_quote_hits
from sitrep.store import Store, open_store
from tests.kb.conftest import deal_report


def _fix(store: Store, kind: str, span: tuple[int, int], verdict: str, value: dict | None = None) -> None:
    a = deal_report()
    kb.add_correction(store, Correction(article_id=a.article.id, kind=kind, start=span[0], end=span[1],
                                        verdict=verdict, who="ana", value=value))


def _event_span() -> tuple[int, int]:
    ev = deal_report().events[0].evidence[0]
    return ev.start, ev.end


def _quote_span() -> tuple[int, int]:
    q = deal_report().quotes[0]
    return q.start, q.end


def test_an_events_supplier_and_a_quotes_speaker_are_corrected_everywhere(store: Store) -> None:
    a = deal_report()
    store.add(a)
    _fix(store, "event", _event_span(), "corrected", {"args": {"supplier": "e3", "value": None}})
    _fix(store, "quote", _quote_span(), "corrected", {"speaker": "e2"})
    fixed = kb.corrected(store, a.article.id)
    assert fixed is not None
    assert fixed.events[0].args["supplier"] == "e3" and "value" not in fixed.events[0].args
    assert fixed.events[0].args["recipient"] == "e1"  # untouched roles stay
    assert fixed.quotes[0].speaker == "e2"
    (hit,) = corrected_quote_hits(store, store.quotes())
    assert hit.speaker is not None and hit.speaker.name == "Boeing"
    (ev,) = corrected_event_hits(store, store.events())
    assert ev.event.args["supplier"] == "e3"


def test_the_cli_and_the_export_show_the_corrections(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.cli import main

    db = str(tmp_path / "r.db")
    a = deal_report()
    with open_store(db) as store:
        store.add(a)
        _fix(store, "quote", _quote_span(), "corrected", {"speaker": "e2"})
        _fix(store, "event", _event_span(), "corrected", {"args": {"supplier": "e3"}})
    run = CliRunner()
    quotes = run.invoke(main, ["--db", db, "quotes"])
    assert quotes.exit_code == 0 and "Boeing [indirect" in quotes.output
    show = run.invoke(main, ["--db", db, "show", a.article.id[:12]])
    assert "supplier     Moscow" in show.output
    events = run.invoke(main, ["--db", db, "events"])
    assert "supplier=Moscow" in events.output
    out = run.invoke(main, ["--db", db, "export", "--format", "sipri-all"])
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert rows[0]["Supplier"] == "Moscow"


def test_the_latest_verdict_wins(store: Store) -> None:
    a = deal_report()
    store.add(a)
    _fix(store, "event", _event_span(), "wrong")
    assert kb.corrected(store, a.article.id).events == []  # type: ignore[union-attr]
    _fix(store, "event", _event_span(), "right")
    assert len(kb.corrected(store, a.article.id).events) == 1  # type: ignore[union-attr]
    _fix(store, "event", _event_span(), "corrected", {"status": "planned"})
    _fix(store, "event", _event_span(), "corrected", {"type": "agreement"})
    ev = kb.corrected(store, a.article.id).events[0]  # type: ignore[union-attr]
    assert (ev.type, ev.status) == ("agreement", "planned")  # corrections accumulate
    _fix(store, "event", _event_span(), "wrong")
    assert kb.corrected(store, a.article.id).events == []  # type: ignore[union-attr]


def test_entities_can_be_renamed_retyped_and_relinked(store: Store) -> None:
    a = deal_report()
    store.add(a)
    m = a.entities[0].mentions[0]
    _fix(store, "entity", (m.start, m.end), "corrected",
         {"name": "PJSC Aeroflot", "type": "ORG", "kb_id": "Q204256"})
    e = kb.corrected(store, a.article.id).entities[0]  # type: ignore[union-attr]
    assert (e.name, e.kb_id) == ("PJSC Aeroflot", "Q204256")


@pytest.mark.parametrize(("kind", "span", "value", "message"), [
    ("event", (0, 3), {"status": "planned"}, "must name a fact that exists"),
    ("quote", (0, 8), {"speaker": "e2"}, "must name a fact that exists"),
    ("entity", None, {"type": "NONSENSE"}, "use one of"),
    ("event", None, {"args": {"not a role": "e1"}}, "role names"),
    ("event", None, {"status": ""}, "use one of"),
    ("quote", None, {"span": "x"}, "cannot be corrected"),
])
def test_bad_corrections_are_refused(store: Store, kind: str, span, value, message: str) -> None:  # type: ignore[no-untyped-def]
    store.add(deal_report())
    where = span or (_event_span() if kind == "event" else _quote_span() if kind == "quote" else
                     (deal_report().entities[0].mentions[0].start, deal_report().entities[0].mentions[0].end))
    with pytest.raises(CorrectionError, match=message):
        _fix(store, kind, where, "corrected", value)
    assert kb.list_corrections(store) == []
