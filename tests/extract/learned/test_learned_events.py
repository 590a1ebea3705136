"""The learned check on the rule events: the training script runs on a tiny fixture and
reproduces its weights, the shipped model loads from the package, the switch works."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sitrep.config import Settings
from sitrep.errors import PipelineError
from sitrep.extract.learned import stage
from sitrep.extract.learned.features import event_features
from sitrep.extract.learned.model import WEIGHTS, EventCheck, load
from sitrep.model import Article
from sitrep.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = Path(__file__).resolve().parent / "fixture"
TEXT = ("Government forces bombed a fuel depot near Homs on Monday, killing four guards. "
        "The foreign ministers of France and Germany met in Berlin on Friday.")


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_event_types", ROOT / "scripts/train_event_types.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_event_types"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_training_script_runs_on_a_fixture_and_reproduces_its_weights(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    train = script()
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    for out in outs:
        assert train.main(["--corpus", f"{FIXTURE}:all", "--folds", "2", "--out", str(out)]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    check = EventCheck.from_json(outs[0].read_text(encoding="utf-8"))
    assert check.threshold == 0.5 and "bias" in check.weights
    assert check.meta["documents"] == 4
    assert "rules + learned" in capsys.readouterr().out


def test_the_script_refuses_a_test_split() -> None:
    with pytest.raises(SystemExit):
        script().stems_of(ROOT / "tests/dev/arms-transfers", "test")


def test_shipped_model_loads_from_the_package() -> None:
    assert WEIGHTS.is_file() and WEIGHTS.stat().st_size < 1_000_000
    check = load()
    assert len(check.weights) > 50 and 0.0 < check.threshold < 1.0
    assert check.meta["script"] == "scripts/train_event_types.py"
    assert 0.0 < check.probability(["bias", "type=attack"]) < 1.0


def test_the_setting_is_off_by_default() -> None:
    assert Settings().learned_events == "off"


def test_a_mistyped_setting_is_refused() -> None:
    with pytest.raises(PipelineError, match="learned_events"):
        Pipeline(Settings().with_(learned_events="yes"))


@pytest.fixture(scope="module")
def rules_events() -> list[str]:
    a = Pipeline(Settings().with_(learned_events="off")).analyze(Article(id="t", text=TEXT))
    assert a.events, "the rules find events in the test text"
    return [f"{e.id}:{e.type}" for e in a.events]


def run_with(monkeypatch: pytest.MonkeyPatch, check: EventCheck) -> list[str]:
    monkeypatch.setattr(stage, "load", lambda: check)
    a = Pipeline(Settings().with_(learned_events="on")).analyze(Article(id="t", text=TEXT))
    return [f"{e.id}:{e.type}" for e in a.events]


def test_switch_on_drops_what_the_model_rejects(monkeypatch: pytest.MonkeyPatch,
                                               rules_events: list[str]) -> None:
    assert run_with(monkeypatch, EventCheck(weights={"bias": -10.0})) == []
    assert run_with(monkeypatch, EventCheck(weights={"bias": 10.0})) == rules_events


def test_switch_on_keeps_ids_in_sequence(monkeypatch: pytest.MonkeyPatch, rules_events: list[str]) -> None:
    # a model that rejects attacks only: the rest keep their order, numbered v1, v2, ...
    kept = run_with(monkeypatch, EventCheck(weights={"bias": 10.0, "type=attack": -20.0}))
    want = [t.split(":")[1] for t in rules_events if not t.endswith(":attack")]
    assert [k.split(":")[1] for k in kept] == want
    assert [k.split(":")[0] for k in kept] == [f"v{i}" for i in range(1, len(kept) + 1)]


def test_features_describe_the_trigger_and_its_sentence() -> None:
    p = Pipeline(Settings().with_(learned_events="off"))
    doc = p.nlp(TEXT)
    a = p.run_stages(Article(id="t", text=TEXT), doc)
    attack = next(e for e in a.events if e.type == "attack")
    feats = event_features(doc, attack, {e.id: e for e in a.entities}, a.quotes)
    assert "type=attack" in feats and "attack|lemma=bomb" in feats and "w=depot" in feats
