"""Talks by phone or video: "spoke/talked with X" is a meeting when X is a named person,
state or bloc, never when the other side is the press."""

from __future__ import annotations


def test_a_call_with_a_named_counterpart_is_a_meeting(run_events):
    text = "President Ilse Varnak spoke by phone on Monday with her Zarvolian counterpart Halvard Ostrin."
    events, names = run_events(text, [("Ilse Varnak", "PERSON", []), ("Halvard Ostrin", "PERSON", [])])
    meetings = [v for v in events if v.type == "meeting"]
    assert meetings, events
    assert {names.get(p) for p in meetings[0].args.get("participants", [])} >= {"Halvard Ostrin"}


def test_speaking_with_reporters_is_no_meeting(run_events):
    text = "President Ilse Varnak spoke with reporters outside the parliament on Monday."
    events, _ = run_events(text, [("Ilse Varnak", "PERSON", [])])
    assert not [v for v in events if v.type == "meeting"], events
