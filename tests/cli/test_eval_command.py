"""sitrep eval on a small gold file written for this test: the figures, the events by
type and the reliability table."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main

ARTICLE = """Valdoria Buys Patrol Boats

March 3, 2024

Valdoria agreed on Monday to buy four patrol boats from Ostmark, the defence ministry said.
"""
GOLD = """events:
  - id: boats
    type: arms_transfer
    status: agreed
    evidence: ["Valdoria agreed on Monday to buy four patrol boats from Ostmark"]
"""


def test_eval_prints_types_and_reliability(tmp_path: Path) -> None:
    (tmp_path / "boats.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "boats.gold.yaml").write_text(GOLD, encoding="utf-8")
    (tmp_path / "copy.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy.gold.yaml").write_text(GOLD, encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(tmp_path), "--reliability"])
    assert res.exit_code == 0, res.output
    assert "TOTAL over 2 articles" in res.output
    assert "arms_transfer" in res.output.split("TOTAL")[1]  # the events by type
    assert "| confidence | events | right |" in res.output and "Brier score" in res.output


def test_reliability_needs_gold_mode(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["eval", str(tmp_path), "--mode", "re3d", "--reliability"])
    assert res.exit_code != 0 and "--mode gold only" in res.output
