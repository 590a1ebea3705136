"""Review beyond verdicts (#16.1): add a fact the machine missed by its span, merge and
split entities, undo any correction; every read path shows the result."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from sitrep import kb
from sitrep.kb.corrections import Correction, CorrectionError
from sitrep.kb.queries import reviewed_event_hits, reviewed_quote_hits
from sitrep.model import Analysis
from sitrep.store import Store, open_store
from tests.kb.conftest import deal_report

TEXT = deal_report().article.text


def _span(part: str) -> tuple[int, int]:
    s = TEXT.index(part)
    return s, s + len(part)


def _do(store: Store, kind: str, part: str | tuple[int, int], verdict: str,
        value: dict[str, Any] | None = None) -> Correction:
    s, e = _span(part) if isinstance(part, str) else part
    return kb.add_correction(store, Correction(article_id=deal_report().article.id, kind=kind, start=s, end=e,
                                               verdict=verdict, who="ana", value=value))


def _now(store: Store) -> Analysis:
    a = kb.corrected(store, deal_report().article.id)
    assert a is not None
    return a


def test_a_fact_of_each_kind_is_added_by_its_span(store: Store) -> None:
    store.add(deal_report())
    ent = _do(store, "entity", "787", "added", {"name": "Boeing 787", "type": "WEAPON_SYSTEM"})
    _do(store, "timex", "on Monday", "added", {"value": "2007-03-05", "type": "DATE"})
    _do(store, "quote", "Aeroflot agreed to buy 22 Boeing 787 jets", "added",
        {"kind": "indirect", "speaker": "e1"})
    args = {"actor": "e2", "place": "e3", "items": [{"name": "787", "entity": f"er{ent.id}"}]}
    ev = _do(store, "event", "Deliveries to Moscow start in 2014", "added",
             {"type": "deployment", "status": "planned", "args": args})
    a = _now(store)
    added = a.entity(f"er{ent.id}")
    assert added is not None and (added.name, added.type) == ("Boeing 787", "WEAPON_SYSTEM")
    assert [(m.start, m.end) for m in added.mentions] == [_span("787")]
    assert [(t.text, t.value) for t in a.timexes] == [("on Monday", "2007-03-05")]
    assert [q.speaker for q in a.quotes] == ["e1", "e1"]
    (new,) = [v for v in a.events if v.id == f"vr{ev.id}"]
    assert (new.type, new.status, new.args["place"]) == ("deployment", "planned", "e3")
    assert new.evidence[0].text == "Deliveries to Moscow start in 2014"
    assert store.get(a.article.id).timexes == []  # type: ignore[union-attr]  # machine output untouched
    # the store's query paths list the added event and quote, filtered like the machine's
    hits = reviewed_event_hits(store, store.events(type="deployment"), type="deployment", place="Moscow")
    assert [h.event.id for h in hits] == [f"vr{ev.id}"] and hits[0].entities["e3"].name == "Moscow"
    assert reviewed_event_hits(store, store.events(type="attack"), type="attack") == []
    assert reviewed_event_hits(store, [], since="2030") == []
    quotes = reviewed_quote_hits(store, store.quotes(speaker="Aeroflot"), speaker="Aeroflot")
    assert len(quotes) == 2


def test_an_addition_can_be_marked_wrong_corrected_and_undone(store: Store) -> None:
    store.add(deal_report())
    add = _do(store, "entity", "the airline", "added", {"name": "Aeroflot", "type": "ORG"})
    _do(store, "entity", "the airline", "corrected", {"type": "OTHER"})
    assert _now(store).entity(f"er{add.id}").type == "OTHER"  # type: ignore[union-attr]
    wrong = _do(store, "entity", "the airline", "wrong")
    assert _now(store).entity(f"er{add.id}") is None
    kb.undo_correction(store, wrong.id or 0, "bo")
    assert _now(store).entity(f"er{add.id}").type == "OTHER"  # type: ignore[union-attr]
    kb.undo_correction(store, add.id or 0, "bo")
    assert _now(store).entity(f"er{add.id}") is None
    log = kb.list_corrections(store)
    assert [c.verdict for c in log] == ["added", "corrected", "wrong", "undone", "undone"]
    assert [c.revoked for c in log] == [True, False, True, False, False]  # the history is kept


def test_undo_restores_the_verdict_before_and_an_undone_undo_restores_the_correction(store: Store) -> None:
    store.add(deal_report())
    ev = "Aeroflot agreed to buy 22 Boeing 787 jets for $4 billion"
    fix = _do(store, "event", ev, "corrected", {"args": {"supplier": "e3"}, "status": "planned"})
    assert _now(store).events[0].args["supplier"] == "e3"
    undo = kb.undo_correction(store, fix.id or 0, "ana")
    assert undo.span_text == ev and undo.kind == "event"
    assert (_now(store).events[0].args["supplier"], _now(store).events[0].status) == ("e2", "agreed")
    with pytest.raises(CorrectionError, match="already undone"):
        kb.undo_correction(store, fix.id or 0, "ana")
    kb.undo_correction(store, undo.id or 0, "ana")  # redo
    assert _now(store).events[0].args["supplier"] == "e3"
    with pytest.raises(CorrectionError, match="no correction 9999"):
        kb.undo_correction(store, 9999, "ana")


def test_merge_unites_mentions_and_speakers_and_arguments_follow(store: Store) -> None:
    store.add(deal_report())
    airline = _do(store, "entity", "the airline", "added", {"name": "the airline", "type": "ORG"})
    other = f"er{airline.id}"
    _do(store, "quote", "Deliveries to Moscow start in 2014.", "corrected", {"speaker": other})
    _do(store, "event", "Aeroflot agreed to buy 22 Boeing 787 jets for $4 billion", "corrected",
        {"args": {"recipient": [{"entity": other, "span": None}]}})
    merge = _do(store, "entity", "Aeroflot", "merged", {"with": list(_span("the airline")), "type": "ORG"})
    a = _now(store)
    assert a.entity(other) is None
    first = a.entity("e1")
    assert first is not None and first.name == "Aeroflot"
    assert [m.text for m in first.mentions] == ["Aeroflot", "the airline"]
    assert a.quotes[0].speaker == "e1"
    assert a.events[0].args["recipient"] == [{"entity": "e1", "span": None}]
    # a correction on the absorbed entity's mention now names the merged one
    _do(store, "entity", "the airline", "corrected", {"name": "Aeroflot PJSC"})
    assert _now(store).entity("e1").name == "Aeroflot PJSC"  # type: ignore[union-attr]
    kb.undo_correction(store, merge.id or 0, "ana")
    a = _now(store)
    assert a.entity(other) is not None and a.quotes[0].speaker == other


def test_split_moves_mentions_to_a_new_entity(store: Store) -> None:
    store.add(deal_report())
    _do(store, "entity", "Aeroflot", "merged", {"with": list(_span("Boeing"))})
    assert [m.text for m in _now(store).entity("e1").mentions] == ["Aeroflot", "Boeing"]  # type: ignore[union-attr]
    assert _now(store).events[0].args["supplier"] == "e1"  # Boeing's argument followed
    split = _do(store, "entity", "Boeing", "split",
                {"mentions": [list(_span("Boeing"))], "name": "Boeing", "type": "ORG", "kb_id": "Q66"})
    a = _now(store)
    new = a.entity(f"er{split.id}")
    assert new is not None and (new.name, new.kb_id) == ("Boeing", "Q66")
    assert [m.text for m in new.mentions] == ["Boeing"]
    assert [m.text for m in a.entity("e1").mentions] == ["Aeroflot"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("kind", "part", "verdict", "value", "message"), [
    ("entity", "Aeroflot", "added", {"name": "Aeroflot", "type": "ORG"}, "already has"),
    ("entity", "787", "added", {"name": "787"}, "needs type"),
    ("entity", "787", "added", {"name": "787", "type": "PLANE"}, "use one of"),
    ("event", "Deliveries", "added", {"type": "arms_transfer", "status": "maybe"}, "use one of"),
    ("event", "Deliveries", "added", {"type": "arms_transfer", "status": "planned", "when": "x"},
     "cannot be added"),
    ("quote", "Deliveries to Moscow", "added", {"kind": "direct", "speaker": "e99"}, "no entity"),
    ("timex", "2014", "added", {"value": "", "type": "DATE"}, "non-empty"),
    ("timex", (0, 10_000), "added", {"value": "2014", "type": "DATE"}, "outside"),
    ("entity", "Aeroflot", "merged", {"with": list(_span("Aeroflot"))}, "no other entity"),
    ("entity", "Aeroflot", "merged", {"with": [5]}, "span"),
    ("event", "Deliveries", "merged", {"with": [0, 3]}, "only entities"),
    ("entity", "Aeroflot", "split", {"mentions": [list(_span("Aeroflot"))], "name": "A", "type": "ORG"},
     "at least one mention"),
    ("entity", "Aeroflot", "split", {"mentions": [list(_span("Boeing"))], "name": "A", "type": "ORG"},
     "no mention of"),
    ("entity", "Aeroflot", "split", {"mentions": [list(_span("Aeroflot"))], "type": "ORG"}, "needs the new"),
    ("event", "Deliveries", "undone", {"correction": "x"}, "id of the correction"),
])
def test_bad_additions_merges_splits_and_undos_are_refused(store: Store, kind: str, part: Any, verdict: str,
                                                          value: dict[str, Any], message: str) -> None:
    store.add(deal_report())
    with pytest.raises(CorrectionError, match=message):
        _do(store, kind, part, verdict, value)
    assert kb.list_corrections(store) == []


def test_the_cli_adds_merges_splits_undoes_and_every_read_path_shows_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.cli import main

    db = str(tmp_path / "r.db")
    a = deal_report()
    aid = a.article.id[:12]
    with open_store(db) as store:
        store.add(a)
    run = CliRunner()

    def cli(*args: str) -> str:
        r = run.invoke(main, ["--db", db, *args])
        assert r.exit_code == 0, r.output
        return r.output

    ev = _span("Deliveries to Moscow start in 2014")
    out = cli("kb", "review", aid, "--kind", "event", "--start", str(ev[0]), "--end", str(ev[1]), "--verdict",
              "added", "--set", "type=deployment", "--set", "status=planned", "--set", "args.place=e3",
              "--set", "args.actor=e2", "--who", "ana")
    added_id = int(out.split()[1].rstrip(":"))
    assert "deployment (planned)  place=Moscow, actor=Boeing" in cli("events")
    assert "deployment" in cli("events", "--actor", "Boeing", "--type", "deployment")
    assert "deployment" not in cli("events", "--type", "attack")
    assert f"vr{added_id} deployment" in cli("show", aid)
    assert "deployment" in cli("kb", "events")
    rows = [json.loads(x) for x in cli("export", "--format", "jsonl").splitlines()]
    assert any(e["type"] == "deployment" for e in rows[0]["events"])
    gold = yaml.safe_load(cli("kb", "gold", aid))
    assert any(e["type"] == "deployment" for e in gold["events"])

    q = _span("Aeroflot agreed to buy 22 Boeing 787 jets")
    cli("kb", "review", aid, "--kind", "quote", "--start", str(q[0]), "--end", str(q[1]),
        "--verdict", "added", "--set", "kind=indirect", "--set", "speaker=e2", "--who", "ana")
    assert "Boeing [indirect, -]: Aeroflot agreed" in cli("quotes", "--speaker", "Boeing")

    b, m = _span("Boeing"), _span("Moscow")
    cli("kb", "merge-entities", aid, "--mention", f"{b[0]}-{b[1]}", "--with", f"{m[0]}-{m[1]}",
        "--who", "ana")
    assert "place=Boeing" in cli("events", "--type", "deployment")  # the place followed the merge
    out = cli("kb", "split-entity", aid, "--move", f"{m[0]}-{m[1]}", "--name", "Moscow", "--type", "CITY",
              "--who", "ana")
    split_id = int(out.split()[1].rstrip(":"))
    assert f"er{split_id} CITY          Moscow" in cli("show", aid)
    cli("kb", "undo", str(added_id), "--who", "ana")
    assert "deployment" not in cli("events")
    log = cli("kb", "corrections", aid)
    assert "(undone)" in log and "undone" in log.splitlines()[-1]
    csv_rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "sipri-all"))))
    assert csv_rows and csv_rows[0]["Supplier"] == "Boeing"
    bad = run.invoke(main, ["--db", db, "kb", "undo", str(added_id), "--who", "ana"])
    assert bad.exit_code == 1 and "already undone" in bad.output
    bad = run.invoke(main, ["--db", db, "kb", "merge-entities", aid, "--mention", "5-2", "--with", "1-2",
                            "--who", "ana"])
    assert bad.exit_code == 2 and "START-END" in bad.output


def test_a_type_or_status_filter_sees_the_corrected_value(store: Store) -> None:
    store.add(deal_report())
    _do(store, "event", "Aeroflot agreed to buy 22 Boeing 787 jets for $4 billion", "corrected",
        {"type": "agreement", "status": "planned"})
    assert reviewed_event_hits(store, store.events(type="arms_transfer"), type="arms_transfer") == []
    (hit,) = reviewed_event_hits(store, store.events(type="agreement"), type="agreement")
    assert (hit.event.type, hit.event.status) == ("agreement", "planned")
    assert len(reviewed_event_hits(store, store.events(status="planned"), status="planned")) == 1
    assert reviewed_event_hits(store, store.events(status="agreed"), status="agreed") == []
    assert kb.kb_events(store, type="agreement")[0] == 1
