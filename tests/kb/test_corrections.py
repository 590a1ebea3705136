from __future__ import annotations

import pytest
import yaml

from sitrep import kb
from sitrep.kb.corrections import CorrectionError
from sitrep.store import Store
from tests.kb.conftest import deal_report


def _deal(store: Store):
    analysis = deal_report()
    store.add(analysis)
    return analysis, analysis.events[0].evidence[0]


def test_corrected_event_overrides_machine_output_and_exports_as_gold(store: Store) -> None:
    analysis, ev = _deal(store)
    c = kb.add_correction(store, kb.Correction(analysis.article.id, "event", ev.start, ev.end, "corrected",
                                               who="ana", value={"status": "planned"}))
    assert c.id and c.at and c.span_text == ev.text
    fixed = kb.corrected(store, analysis.article.id)
    assert fixed is not None and fixed.events[0].status == "planned"
    assert store.get(analysis.article.id).events[0].status == "agreed"  # machine output untouched
    from sitrep.kb.gold import gold_yaml

    gold = yaml.safe_load(gold_yaml(fixed, ["ana"]))
    assert gold["events"][0]["status"] == "planned"
    assert gold["events"][0]["supplier"] == "Boeing"
    assert gold["events"][0]["evidence"] == [ev.text]


def test_wrong_fact_disappears_from_queries(store: Store) -> None:
    analysis, ev = _deal(store)
    kb.merge(store)
    assert kb.kb_events(store)[0] == 1
    kb.add_correction(store, kb.Correction(analysis.article.id, "event", ev.start, ev.end, "wrong",
                                           who="ana"))
    assert kb.kb_events(store)[0] == 0


def test_corrections_are_reapplied_after_reanalysis(store: Store) -> None:
    analysis, ev = _deal(store)
    kb.add_correction(store, kb.Correction(analysis.article.id, "event", ev.start, ev.end, "corrected",
                                           who="ana", value={"type": "agreement"}))
    again = deal_report()
    again.events[0].id = "v7"  # a new analysis renumbers its records; the span anchors
    store.replace(again)
    fixed = kb.corrected(store, analysis.article.id)
    assert fixed is not None and fixed.events[0].type == "agreement"


@pytest.mark.parametrize("change", [
    {"kind": "rumour"}, {"verdict": "maybe"}, {"who": " "}, {"verdict": "corrected", "value": None},
    {"verdict": "corrected", "value": {"status": "certain"}}, {"start": 0, "end": 10_000},
])
def test_bad_corrections_are_refused_with_a_reason(store: Store, change: dict) -> None:
    analysis, ev = _deal(store)
    fields = {"article_id": analysis.article.id, "kind": "event", "start": ev.start, "end": ev.end,
              "verdict": "wrong", "who": "ana", **change}
    with pytest.raises(CorrectionError):
        kb.add_correction(store, kb.Correction(**fields))


def test_a_kept_result_is_not_served_after_the_store_changes(store: Store) -> None:
    before = store.generation()
    assert store.generation() == before
    store.add(deal_report())
    after_add = store.generation()
    assert after_add != before
    kb.merge(store)
    assert store.generation() != after_add
