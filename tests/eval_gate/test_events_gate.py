"""Events: what the floors cannot say. The reference article's $1bn deal stays one deal.

The figures (reference article whole pipeline and oracle, tests/dev/events oracle and
whole pipeline) are floors in baseline.yaml, read by test_gate.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import REFERENCE, ROOT, require

DEV = ROOT / "tests" / "dev" / "events"


def _reference_e2e() -> dict[str, Any]:
    from sitrep.ingest import read_inputs
    from sitrep.pipeline import analyze

    article = next(a for a in read_inputs([str(REFERENCE)]) if not isinstance(a, Exception))
    return analyze(article).to_dict()


def test_the_billion_dollar_deal_is_one_arms_transfer() -> None:
    require(REFERENCE.is_file(), f"reference article {REFERENCE}")
    out = _reference_e2e()
    deals = [v for v in out["events"] if v["type"] == "arms_transfer"
             and (v["args"].get("value") or {}).get("amount") == 1_000_000_000]
    assert len(deals) == 1, [v["args"] for v in out["events"] if v["type"] == "arms_transfer"]
    deal = deals[0]
    assert deal["status"] == "agreed" and len(deal["evidence"]) >= 3
    assert deal["args"]["value"]["currency"] == "USD"
    assert deal["args"]["delivery_by"] == "2025"
    cats = {i["category"] for i in deal["args"]["items"]}
    assert {"fixed-wing aircraft", "helicopter", "surface-to-air missile system"} <= cats


def test_dev_set_is_there() -> None:
    docs = sorted(Path(DEV).glob("*.gold.yaml"))
    assert len(docs) >= 12
    for g in docs:
        assert g.with_name(g.name.replace(".gold.yaml", ".md")).is_file(), g
