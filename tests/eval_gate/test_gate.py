"""The accuracy gate: every floor in ``baseline.yaml``, for the corpus version it was measured on.

One test per (corpus, figure). A corpus whose files changed since its floors were set
fails ``test_corpus_is_the_measured_version`` until it is measured again and the hash
updated (``python -m tests.eval_gate.measures NAME`` prints both). Raise floors as the
pipeline improves; never lower one to let a change pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import require
from tests.eval_gate.measures import CORPORA, Figures, available, corpus_hash

BASELINE = yaml.safe_load((Path(__file__).with_name("baseline.yaml")).read_text(encoding="utf-8"))
SLOW = {"meantime-quotes", "meantime-timex", "meantime-false-alarms", "ecbplus"}

_cache: dict[str, Figures] = {}


def _mark(name: str) -> Any:
    return [pytest.mark.slow] if name in SLOW else []


def _figures(name: str) -> Figures:
    corpus = CORPORA[name]
    require(available(corpus), f"corpus {name}")
    if name not in _cache:
        _cache[name] = corpus.measure()
    return _cache[name]


FLOORS = [pytest.param(name, fig, floor, marks=_mark(name), id=f"{name}:{fig}")
          for name, entry in BASELINE["corpora"].items() for fig, floor in entry.get("floors", {}).items()]
CEILINGS = [pytest.param(name, fig, top, marks=_mark(name), id=f"{name}:{fig}")
            for name, entry in BASELINE["corpora"].items() for fig, top in entry.get("ceilings", {}).items()]
EXACT = [pytest.param(name, fig, want, marks=_mark(name), id=f"{name}:{fig}")
         for name, entry in BASELINE["corpora"].items() for fig, want in entry.get("exact", {}).items()]


def test_every_corpus_is_known_and_has_a_hash() -> None:
    assert set(BASELINE["corpora"]) <= set(CORPORA)
    for name, entry in BASELINE["corpora"].items():
        assert len(entry.get("sha256", "")) == 64, name


@pytest.mark.parametrize("name", list(BASELINE["corpora"]))
def test_corpus_is_the_measured_version(name: str) -> None:
    corpus = CORPORA[name]
    require(available(corpus), f"corpus {name}")
    got = corpus_hash(corpus)
    assert got == BASELINE["corpora"][name]["sha256"], (
        f"{name}: its files changed since the floors were measured; measure again "
        f"(python -m tests.eval_gate.measures {name}) and set sha256: {got}")


@pytest.mark.parametrize(("name", "figure", "floor"), FLOORS)
def test_figure_stays_above_its_floor(name: str, figure: str, floor: float) -> None:
    figures = _figures(name)
    assert figure in figures, (name, sorted(figures))
    assert figures[figure] >= floor, f"{name} {figure} = {figures[figure]:.4f} fell under {floor}"


@pytest.mark.parametrize(("name", "figure", "top"), CEILINGS)
def test_figure_stays_under_its_ceiling(name: str, figure: str, top: float) -> None:
    figures = _figures(name)
    assert figures[figure] <= top, f"{name} {figure} = {figures[figure]:.4f} rose over {top}"


@pytest.mark.parametrize(("name", "figure", "want"), EXACT)
def test_corpus_size_is_the_measured_one(name: str, figure: str, want: float) -> None:
    assert _figures(name).get(figure) == want, (name, figure)
