"""Accuracy gate for quotes: the figures in docs/accuracy.md ("Quotes") must not fall.

Measured 2026-11-25 (commands in docs/accuracy.md). Floors sit a little under the
measured figures so a model wobble passes and a real regression fails.
- reference article, whole pipeline: quote F1 1.00, speaker accuracy 1.00 (issue: >= 0.90)
- reference article, gold entities (quote rules alone): F1 1.00, speaker 1.00
- dev set (tests/dev/quotes, twelve Wikinews reports, gold entities): F1 0.974, speaker 0.951
- MEANTIME reporting events (dev docs): speaker accuracy 0.937, cue recall 0.490
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from tests.conftest import EVAL, REFERENCE, REFERENCE_GOLD, require
from tests.dev.quotes import harness

MEANTIME = EVAL / "meantime-en" / "meantime_newsreader_english_oct15.tar.gz"


def pipeline_quotes_row() -> dict[str, Any]:
    """The reference article through the whole pipeline, scored by the reference scorer."""
    from sitrep.ingest import read_inputs
    from sitrep.pipeline import analyze

    art = next(iter(read_inputs([str(REFERENCE)])))
    assert not isinstance(art, Exception), art
    out = analyze(art).to_dict()
    gold = yaml.safe_load(REFERENCE_GOLD.read_text(encoding="utf-8"))
    scorer = harness.scorer_class()(gold, out)
    scorer.entities()
    scorer.quotes()
    return scorer.rows["quotes"]


def test_reference_article_whole_pipeline() -> None:
    require(REFERENCE.is_file() and REFERENCE_GOLD.is_file(), "reference article and gold")
    row = pipeline_quotes_row()
    assert row["F1"] >= 0.90 and row["speaker_acc"] >= 0.90, row


def test_reference_article_quote_rules_alone() -> None:
    require(REFERENCE_GOLD.is_file(), "reference gold")
    row = harness.score(REFERENCE_GOLD)
    assert row["F1"] >= 0.95 and row["speaker_acc"] >= 0.95, row
    assert row["kind_acc"] >= 0.95, row


def test_dev_set() -> None:
    rows = [harness.score(p) for p in harness.dev_golds()]
    assert len(rows) >= 12
    total = harness.totals(rows)
    assert total["F1"] >= 0.95, total
    assert total["speaker_acc"] >= 0.93, total
    assert total["kind_acc"] >= 0.97, total


@pytest.mark.slow
def test_meantime_reporting_events() -> None:
    require(MEANTIME.is_file(), f"MEANTIME at {MEANTIME}")
    from sitrep.eval.meantime_quotes import evaluate

    res = evaluate(MEANTIME)
    assert res.docs == 118, res.format()  # 120 minus the two test documents
    assert res.speaker_accuracy >= 0.91, res.format()
    assert res.cue_recall >= 0.47, res.format()
