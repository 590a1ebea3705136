"""Fit the event confidence model (src/sitrep/extract/events/data/confidence.yaml) on the
VOA gold's dev split only, and print its reliability tables.

    PYTHONPATH=src python scripts/fit_confidence.py [../shared/eval/voa-gold]

Every predicted event of the dev documents is labelled right (it matches a gold event:
same type, overlapping evidence) or not; a logistic model with an L2 penalty is fitted
on the features of ``sitrep.extract.events.calibrated.features``, then an isotonic map
(pool-adjacent-violators) on its out-of-fold scores turns scores into fractions right. The tables printed are
the rule-based confidence before, the fit on the documents it was fitted on, and a
5-fold cross-validation by document (the honest one). Deterministic: no random state.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

from sitrep.eval.calibration import Outcome, brier, format_table, outcomes, reliability
from sitrep.extract.events.calibrated import features, probability, rule_confidence

OUT = Path(__file__).resolve().parent.parent / "src/sitrep/extract/events/data/confidence.yaml"
L2 = 4.0
FOLDS = 5


def collect(folder: Path) -> list[tuple[str, Outcome]]:
    from sitrep.config import Settings
    from sitrep.eval.golddir import article_for
    from sitrep.eval.splits import members
    from sitrep.ingest import read_inputs
    from sitrep.pipeline import analyze

    settings = Settings()
    rows = []
    for stem in sorted(members(folder, "dev")):
        gold_path = folder / f"{stem}.gold.yaml"
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        item = next(iter(read_inputs([str(article_for(gold_path))], settings)))
        rows += [(stem, o) for o in outcomes(gold, analyze(item, settings).to_dict())]  # type: ignore[arg-type]
    return rows


def feats(o: Outcome) -> dict[str, float]:
    ev = o.event
    return features(ev["type"], ev.get("args") or {}, len(ev.get("evidence") or []))


def fit(rows: list[Outcome]) -> dict[str, object]:
    names = sorted({k for o in rows for k in feats(o)})
    x = np.array([[feats(o).get(k, 0.0) for k in names] for o in rows])
    y = np.array([1.0 if o.right else 0.0 for o in rows])
    x = np.hstack([np.ones((len(rows), 1)), x])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0  # the intercept is not shrunk
    for _ in range(50):  # Newton's method on the penalised log-likelihood
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"intercept": round(float(w[0]), 4),
            "weights": {k: round(float(v), 4) for k, v in zip(names, w[1:], strict=True) if abs(v) >= 1e-4}}


def pav(scores: list[float], labels: list[float]) -> list[list[float]]:
    """Isotonic regression by pooling adjacent violators: [mean score, fraction right] of
    each block, increasing."""
    blocks: list[list[float]] = []  # [sum score, sum label, count]
    for sc, lab in sorted(zip(scores, labels, strict=True)):
        blocks.append([sc, lab, 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1] = [a + b for a, b in zip(blocks[-1], last, strict=True)]
    return [[round(b[0] / b[2], 4), round(b[1] / b[2], 4)] for b in blocks]


def fit_calibrated(data: list[tuple[str, Outcome]]) -> dict[str, object]:
    """The logistic model on all of ``data``, and an isotonic map fitted on its
    out-of-fold scores (each document scored by a model fitted without it)."""
    docs = sorted({d for d, _ in data})
    scores: list[float] = []
    labels: list[float] = []
    for k in range(FOLDS):
        held = set(docs[k::FOLDS])
        params = fit([o for d, o in data if d not in held])
        for d, o in data:
            if d in held:
                scores.append(probability(feats(o), params))
                labels.append(1.0 if o.right else 0.0)
    return {**fit([o for _, o in data]), "isotonic": pav(scores, labels)}


def scored(rows: list[Outcome], params: dict[str, object]) -> list[Outcome]:
    return [Outcome(round(min(max(probability(feats(o), params), 0.05), 0.95), 2), o.right, o.event)
            for o in rows]


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/voa-gold")
    data = collect(folder)
    rows = [o for _, o in data]
    before = [Outcome(rule_confidence(o.event.get("args") or {}, len(o.event.get("evidence") or [])),
                      o.right, o.event) for o in rows]
    print("## rule-based confidence (before)\n" + format_table(reliability(before)))
    print(f"Brier score {brier(before):.4f}")
    params = fit_calibrated(data)
    fitted = scored(rows, params)
    print("\n## fitted, on the documents it was fitted on\n" + format_table(reliability(fitted)))
    print(f"Brier score {brier(fitted):.4f}")
    docs = sorted({d for d, _ in data})
    cv: list[Outcome] = []
    for k in range(FOLDS):  # the whole procedure (logistic + isotonic) kept away from each fold
        held = set(docs[k::FOLDS])
        model = fit_calibrated([(d, o) for d, o in data if d not in held])
        cv += scored([o for d, o in data if d in held], model)
    print(f"\n## fitted, {FOLDS}-fold cross-validation by document\n" + format_table(reliability(cv)))
    print(f"Brier score {brier(cv):.4f}")
    out = {"fitted_on": "voa-gold dev split (sitrep/eval/splits/voa-gold.yaml), scripts/fit_confidence.py",
           "events": len(rows), "right": sum(o.right for o in rows), "l2": L2, "range": [0.05, 0.95],
           **params}
    head = ("# Event confidence model: logistic over sitrep.extract.events.calibrated.features.\n"
            "# Written by scripts/fit_confidence.py (fitted on the VOA gold's dev split only).\n")
    OUT.write_text(head + yaml.safe_dump(out, sort_keys=False), encoding="utf-8")
    print(f"\nwrote {OUT}")


if __name__ == "__main__":
    main()
