"""The VOA gold split is recorded once and reproduced by its script."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from sitrep.errors import SitrepError
from sitrep.eval.splits import members, split_file

VOA = Path(__file__).resolve().parents[2].parent / "shared/eval/voa-gold"


def test_split_is_30_dev_10_test_disjoint() -> None:
    data = yaml.safe_load(split_file("voa-gold").read_text(encoding="utf-8"))  # type: ignore[union-attr]
    dev, test = set(data["dev"]), set(data["test"])
    assert len(dev) == 30 and len(test) == 10 and not dev & test


@pytest.mark.skipif(not VOA.is_dir(), reason="../shared/eval/voa-gold not beside the checkout")
def test_split_script_reproduces_recorded_split() -> None:
    script = Path(__file__).parents[2] / "scripts/make_split.py"
    spec = importlib.util.spec_from_file_location("make_split", script)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    dev, test = mod.split(VOA)
    assert set(dev) == members(VOA, "dev") and set(test) == members(VOA, "test")
    stems = {p.name[: -len(".gold.yaml")] for p in VOA.glob("*.gold.yaml")}
    assert set(dev) | set(test) == stems


def test_unknown_corpus_or_part_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SitrepError, match="no split"):
        members(tmp_path / "other-corpus", "dev")
    with pytest.raises(SitrepError, match="no part named 'train'"):
        members(tmp_path / "voa-gold", "train")


def test_arms_transfer_split_is_recorded_and_reproduced() -> None:
    folder = Path(__file__).resolve().parents[1] / "dev/arms-transfers"
    script = Path(__file__).parents[2] / "scripts/make_arms_split.py"
    spec = importlib.util.spec_from_file_location("make_arms_split", script)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    dev, test = mod.split(folder)
    assert len(dev) + len(test) >= 30 and not set(dev) & set(test)
    assert set(dev) == members(folder, "dev") and set(test) == members(folder, "test")
