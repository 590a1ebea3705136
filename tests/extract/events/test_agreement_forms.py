"""Agreements recalled by their date ("the 2015 nuclear deal": background the conventions
require, status historical) and deals being finalized count without a signing verb."""

from __future__ import annotations

from typing import Any


def _agreements(events: list[Any]) -> list[Any]:
    return [v for v in events if v.type == "agreement"]


def test_a_dated_accord_recalled_is_an_agreement(run_events):
    text = "The 2018 border accord between Velmora and Zarvolia set up a joint commission."
    events, _ = run_events(text, [("Velmora", "COUNTRY", []), ("Zarvolia", "COUNTRY", [])],
                           [("2018", "2018", "DATE")])
    assert _agreements(events), events


def test_an_undated_accord_mentioned_is_not(run_events):
    text = "Any accord would need the approval of parliament."
    events, _ = run_events(text, [])
    assert not _agreements(events), events


def test_finalizing_a_deal_is_an_agreement(run_events):
    text = "Velmora is seeking to finalize a deal with Zarvolia on the future of the islands."
    events, _ = run_events(text, [("Velmora", "COUNTRY", []), ("Zarvolia", "COUNTRY", [])])
    assert _agreements(events), events
