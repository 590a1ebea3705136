"""The reliability table of event confidences and the fitted confidence model (#15.3)."""

from __future__ import annotations

from sitrep.eval.calibration import Outcome, brier, expected_calibration_error, outcomes, reliability
from sitrep.extract.events.calibrated import confidence_of, features, model

TEXT = "Ardania attacked Kestovia on Monday. The two leaders met in Velm."


def _record(events):
    return {"article": {"text": TEXT}, "entities": [], "events": events}


def _event(etype, start, end, conf):
    return {"type": etype, "evidence": [{"start": start, "end": end, "text": TEXT[start:end]}],
            "confidence": conf, "args": {}}


def test_a_predicted_event_is_right_when_it_matches_gold():
    gold = {"events": [{"id": "g1", "type": "attack", "status": "asserted",
                        "evidence": ["Ardania attacked Kestovia"]}]}
    rows = outcomes(gold, _record([_event("attack", 0, 24, 0.9), _event("meeting", 36, 64, 0.4),
                                   _event("protest", 0, 24, 0.6)]))
    assert [r.right for r in rows] == [True, False, False]


def test_reliability_bins_count_the_fraction_right():
    rows = [Outcome(0.85, True, {}), Outcome(0.82, False, {}), Outcome(0.15, False, {})]
    bins = {(round(b.lo, 1)): b for b in reliability(rows) if b.n}
    assert bins[0.8].n == 2 and bins[0.8].accuracy == 0.5
    assert bins[0.1].n == 1 and bins[0.1].accuracy == 0.0
    assert 0 < expected_calibration_error(reliability(rows)) < 1
    assert brier([Outcome(1.0, True, {}), Outcome(0.0, False, {})]) == 0.0


def test_the_shipped_model_was_fitted_on_dev_and_ranks_richer_events_higher():
    params = model()
    assert "dev" in params["fitted_on"] and params["weights"]
    bare = confidence_of("attack", {}, 1)
    rich = confidence_of("attack", {"actor": "e1", "target": "e2", "date": "2024-03-04", "place": "e3"}, 2)
    lo, hi = params["range"]
    assert lo <= bare < rich <= hi


def test_features_are_bounded():
    f = features("meeting", {f"r{i}": "x" for i in range(9)}, 7)
    assert f["n_args"] == 5 and f["mentions"] == 2 and f["type=meeting"] == 1.0


def test_the_isotonic_map_interpolates_and_clamps():
    from sitrep.extract.events.calibrated import remap

    pts = [[0.2, 0.1], [0.6, 0.5], [0.9, 0.9]]
    assert remap(0.1, pts) == 0.1 and remap(0.95, pts) == 0.9
    assert abs(remap(0.4, pts) - 0.3) < 1e-9
    assert remap(0.4, []) == 0.4
