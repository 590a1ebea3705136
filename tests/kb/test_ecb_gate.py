"""Accuracy gate for cross-document event coreference on ECB+ (gold event mentions,
test topics 36-45, singletons kept, predicted document clusters).

Measured 2026-11-25 with ``python -m sitrep.kb.ecb eval`` (docs/accuracy.md):
MUC F1 0.803, B3 F1 0.794, CEAF-e F1 0.738, CoNLL F1 0.778. Floors sit a little under.
Runtime: about 2.5 CPU minutes (MiniLM over the 1,780 test mentions).
"""

from __future__ import annotations

import pytest

from tests.conftest import EVAL, require

ECB = EVAL / "ecbplus"
FLOORS = {"MUC": 0.79, "B3": 0.78, "CEAF-e": 0.72, "CoNLL": 0.77}


@pytest.fixture(scope="module")
def result():
    require((ECB / "ECB+.tar.gz").is_file(), f"ECB+ at {ECB}")
    from sitrep.kb.ecb.run import run_eval

    return run_eval(ECB)


def test_test_split_is_the_standard_one(result) -> None:
    assert result.mentions == 1780  # the gold event mentions of topics 36-45 (Barhom et al. 2019)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_ecb_floor(result, metric: str) -> None:
    score = result.scores[metric]
    value = score if isinstance(score, float) else score.f1
    assert value >= FLOORS[metric], f"{metric} F1 {value:.3f} fell under {FLOORS[metric]}"


def test_reader_keeps_only_selected_sentences_and_links_clusters() -> None:
    require((ECB / "ECB+.tar.gz").is_file(), f"ECB+ at {ECB}")
    from sitrep.kb.ecb.reader import iter_corpus

    docs = list(iter_corpus(ECB, (1,)))
    mentions = [m for _, ms in docs for m in ms]
    assert len(docs) == len({d.name for d, _ in docs}) > 10
    cross = {m.gold for m in mentions if m.gold.startswith("X:")}
    docs_per_cluster = {g: {m.doc for m in mentions if m.gold == g} for g in cross}
    assert any(len(v) > 1 for v in docs_per_cluster.values())  # clusters span documents
