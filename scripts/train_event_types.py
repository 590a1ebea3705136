"""Train the learned check on the rule-based events (sitrep/models/event_types/weights.json)
and print the rules-vs-learned comparison, measured by cross-validation by document.

    PYTHONPATH=src python scripts/train_event_types.py                       # VOA dev + arms dev
    PYTHONPATH=src python scripts/train_event_types.py --corpus DIR:all ...  # any gold folder
    PYTHONPATH=src python scripts/train_event_types.py --no-write            # measure only

Data: the dev splits only (``--corpus DIR:PART``; PART is a part of the corpus's recorded
split in src/sitrep/eval/splits/, or ``all`` for a folder with no split, e.g. a test
fixture). By default the VOA gold's dev split (../shared/eval/voa-gold, public-domain VOA
stories annotated for Sitrep) and the arms-transfer set's dev split
(tests/dev/arms-transfers, public-domain U.S. government texts). Never a test split.
GENEVA (CC BY 3.0, FrameNet-derived event data, github.com/i-need-sleep/geneva) is not
used: the check learns which of the *rules'* events a gold annotation keeps, a label
only a corpus annotated in Sitrep's own event types gives.

Every dev document goes through the pipeline with the check off; each rule event is
labelled right when it matches a gold event (same type, overlapping evidence: the
scorer's rule) and described by :func:`sitrep.extract.learned.features.event_features`.
A logistic model with an L2 penalty (scipy L-BFGS, features seen in at least two
events) gives P(right); an event under 0.5 (more likely wrong than right) is dropped.
``--tune`` instead picks the threshold that maximises events F1 on the training
documents' own out-of-fold probabilities (nested inside each fold; on this little data
it measured worse than the fixed 0.5, docs/accuracy.md "Rules vs learned events").

The figures printed are honest: K-fold cross-validation by document (the folds fixed by
a seeded shuffle of the sorted stems), each held-out fold scored end to end by the
``sitrep eval`` scorer with the rules alone and with the rules plus a check trained
(threshold included) on the other folds only. The shipped weights are then fitted on
every document. Deterministic: same data, same weights.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from scipy import sparse
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (f"{ROOT.parent}/shared/eval/voa-gold:dev", f"{ROOT}/tests/dev/arms-transfers:dev")
L2 = 1.0
MIN_COUNT = 2
FOLDS = 5
SEED = 15
THRESHOLD = 0.5
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 13))  # 0.10 .. 0.60


@dataclass
class Doc:
    """One dev document: its gold, the rules' record and each rule event's features."""

    corpus: str
    stem: str
    gold: dict[str, Any]
    record: dict[str, Any]
    feats: list[list[str]] = field(default_factory=list)
    right: list[bool] = field(default_factory=list)


def stems_of(folder: Path, part: str) -> list[str]:
    if part == "all":
        return sorted(p.name[: -len(".gold.yaml")] for p in folder.glob("*.gold.yaml"))
    if part != "dev":
        sys.exit(f"{folder}: only dev splits (or 'all' of a folder with no split) train the check")
    from sitrep.eval.splits import members

    return sorted(members(folder, part))


def collect(corpora: Sequence[str]) -> list[Doc]:
    from sitrep.config import Settings
    from sitrep.eval.calibration import outcomes
    from sitrep.eval.golddir import article_for
    from sitrep.extract.learned.features import event_features
    from sitrep.ingest import read_inputs
    from sitrep.ingest.sanitize import analysis_text
    from sitrep.pipeline import Pipeline

    settings = Settings().with_(learned_events="off")
    pipe = Pipeline(settings)
    docs = []
    for spec in corpora:
        folder_s, _, part = spec.rpartition(":")
        folder = Path(folder_s)
        for stem in stems_of(folder, part):
            gold_path = folder / f"{stem}.gold.yaml"
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
            article = next(iter(read_inputs([str(article_for(gold_path))], settings)))
            sdoc = pipe.nlp(analysis_text(article.text))  # type: ignore[union-attr]
            analysis = pipe.run_stages(article, sdoc)  # type: ignore[arg-type]
            record = analysis.to_dict()
            ents = {e.id: e for e in analysis.entities}
            d = Doc(folder.name, stem, gold, record)
            d.feats = [event_features(sdoc, ev, ents, analysis.quotes) for ev in analysis.events]
            d.right = [o.right for o in outcomes(gold, record)]
            docs.append(d)
            print(f"  {folder.name}/{stem}: {len(d.right)} rule events, {sum(d.right)} right",
                  file=sys.stderr)
    return docs


# -- the model
def fit(feats: list[list[str]], right: list[bool]) -> dict[str, float]:
    """L2-penalised logistic regression; the weights by feature name ("bias" unpenalised)."""
    counts: dict[str, int] = {}
    for fs in feats:
        for f in set(fs):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT or f == "bias")
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for c in sorted({index[f] for f in fs if f in index}):
            rows.append(r)
            cols.append(c)
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(names)))
    y = np.array(right, dtype=float)
    penalty = np.full(len(names), L2)
    if "bias" in index:
        penalty[index["bias"]] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        nll = float(np.sum(np.logaddexp(0.0, z) - y * z))
        return nll + 0.5 * float(np.sum(penalty * w * w)), x.T @ (p - y) + penalty * w

    res = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500, "gtol": 1e-6})
    return {f: float(res.x[i]) for f, i in index.items()}


def probs(weights: dict[str, float], feats: list[list[str]]) -> list[float]:
    from sitrep.extract.learned.model import EventCheck

    check = EventCheck(weights=weights)
    return [check.probability(fs) for fs in feats]


def folds_of(docs: list[Doc], k: int, seed: int) -> list[int]:
    order = list(range(len(docs)))
    order.sort(key=lambda i: (docs[i].corpus, docs[i].stem))
    random.Random(seed).shuffle(order)
    fold = [0] * len(docs)
    for rank, i in enumerate(order):
        fold[i] = rank % k
    return fold


# -- end-to-end scoring
def scored(docs: list[Doc], keep: list[list[bool]] | None) -> dict[str, Any]:
    """The scorer's events section over ``docs`` (only the events ``keep`` marks, when
    given): the totals and the arms_transfer type's section."""
    from sitrep.eval.gold import Section, score_record

    total, arms = Section(), Section()
    for j, d in enumerate(docs):
        rec = d.record
        if keep is not None:
            rec = copy.copy(rec)
            rec["events"] = [ev for ev, k in zip(d.record.get("events") or [], keep[j], strict=True) if k]
        rep = score_record(d.gold, rec, name=d.stem)
        total.add(rep.sections["events"])
        if "arms_transfer" in rep.event_types:
            arms.add(rep.event_types["arms_transfer"])
    return {"total": total, "arms": arms}


def best_threshold(docs: list[Doc], p: list[list[float]]) -> float:
    """The threshold maximising events F1 over ``docs`` given per-event probabilities
    (ties: the lowest, which drops least)."""
    best, best_f1 = 0.0, scored(docs, None)["total"].f1
    for t in THRESHOLDS:
        f1 = scored(docs, [[q >= t for q in ps] for ps in p])["total"].f1
        if f1 > best_f1 + 1e-9:
            best, best_f1 = t, f1
    return best


def oof(docs: list[Doc], k: int, seed: int) -> list[list[float]]:
    """Out-of-fold probabilities of every event of ``docs``."""
    fold = folds_of(docs, k, seed)
    out: list[list[float]] = [[] for _ in docs]
    for f in range(k):
        train = [d for d, g in zip(docs, fold, strict=True) if g != f]
        w = fit([fs for d in train for fs in d.feats], [r for d in train for r in d.right])
        for j, d in enumerate(docs):
            if fold[j] == f:
                out[j] = probs(w, d.feats)
    return out


def train(docs: list[Doc], k: int, seed: int, tune: bool = False) -> tuple[dict[str, float], float]:
    """Weights on ``docs`` and the threshold (``tune``: chosen on their own out-of-fold
    scores; otherwise THRESHOLD)."""
    t = THRESHOLD
    if tune:
        inner = oof(docs, k, seed + 1) if len(docs) >= k else [[1.0] * len(d.right) for d in docs]
        t = best_threshold(docs, inner)
    return fit([fs for d in docs for fs in d.feats], [r for d in docs for r in d.right]), t


def cross_validate(docs: list[Doc], k: int, seed: int, tune: bool = False) -> list[list[bool]]:
    """Keep / drop for every event, each fold decided by a check trained on the others."""
    fold = folds_of(docs, k, seed)
    keep: list[list[bool]] = [[] for _ in docs]
    for f in range(k):
        train_docs = [d for d, g in zip(docs, fold, strict=True) if g != f]
        w, t = train(train_docs, min(k, 3), seed, tune)
        print(f"  fold {f}: threshold {t}", file=sys.stderr)
        for j, d in enumerate(docs):
            if fold[j] == f:
                keep[j] = [q >= t for q in probs(w, d.feats)]
    return keep


def bootstrap(docs: list[Doc], keep: list[list[bool]], n: int = 2000) -> tuple[float, float, float]:
    """The events-F1 gain of the check, resampling documents: its 95% interval and the
    fraction of resamples where it gains."""
    from sitrep.eval.gold import Section

    base = [scored([d], None)["total"] for d in docs]
    learned = [scored([d], [k])["total"] for d, k in zip(docs, keep, strict=True)]

    def f1(secs: list[Any]) -> float:
        tot = Section()
        for sec in secs:
            tot.add(sec)
        return tot.f1

    rng = random.Random(SEED)
    diffs = []
    for _ in range(n):
        pick = [rng.randrange(len(docs)) for _ in docs]
        diffs.append(f1([learned[j] for j in pick]) - f1([base[j] for j in pick]))
    diffs.sort()
    return diffs[int(0.025 * n)], diffs[int(0.975 * n)], sum(d > 0 for d in diffs) / n


def row(name: str, sec: Any) -> str:
    return (f"| {name} | {sec.p:.2f} | {sec.r:.2f} | {sec.f1:.2f} | {sec.acc('arg_acc'):.2f} | "
            f"{sec.system} | {sec.found}/{sec.gold} |")


def table(docs: list[Doc], keep: list[list[bool]]) -> str:
    lines = ["| data | events | P | R | F1 | arg acc | system | found/gold |",
             "|---|---|---|---|---|---|---|---|"]
    for corpus in sorted({d.corpus for d in docs}):
        idx = [j for j, d in enumerate(docs) if d.corpus == corpus]
        part = [docs[j] for j in idx]
        base, learned = scored(part, None), scored(part, [keep[j] for j in idx])
        for label, key in (("all", "total"), ("arms_transfer", "arms")):
            lines.append(row(f"{corpus} dev | {label}, rules", base[key]))
            lines.append(row(f"{corpus} dev | {label}, rules + learned", learned[key]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from sitrep.extract.learned.model import WEIGHTS, EventCheck

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", help="DIR:PART (repeatable; default VOA dev + arms dev)")
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--tune", action="store_true", help="tune the threshold on out-of-fold scores")
    ap.add_argument("--no-write", action="store_true", help="measure only; leave the weights alone")
    a = ap.parse_args(argv)
    docs = collect(a.corpus or DEFAULT_CORPORA)
    n = sum(len(d.right) for d in docs)
    print(f"{len(docs)} documents, {n} rule events, {sum(sum(d.right) for d in docs)} right")
    k = max(2, min(a.folds, len(docs)))
    keep = cross_validate(docs, k, SEED, a.tune)
    print(f"\n{k}-fold cross-validation by document (events F1 by the sitrep eval scorer):\n")
    print(table(docs, keep))
    both = [scored(docs, None)["total"], scored(docs, keep)["total"]]
    figs = [x for s in both for x in (s.f1, s.p, s.r, s.acc("arg_acc"))]
    print("\nboth dev sets: rules F1 {:.3f} (P {:.2f} R {:.2f} args {:.2f}), rules + learned F1 {:.3f} "
          "(P {:.2f} R {:.2f} args {:.2f})".format(*figs))
    for corpus in [*sorted({d.corpus for d in docs}), "both"]:
        idx = [j for j, d in enumerate(docs) if corpus in ("both", d.corpus)]
        lo, hi, frac = bootstrap([docs[j] for j in idx], [keep[j] for j in idx])
        print(f"F1 gain, {corpus}: 95% interval {lo:+.3f} .. {hi:+.3f} over document resamples, "
              f"a gain in {frac:.0%} of them")
    weights, threshold = train(docs, min(k, 3), SEED, a.tune)
    dropped = sum(1 for d in docs for q in probs(weights, d.feats) if q < threshold)
    print(f"\nshipped model: {len(weights)} features, threshold {threshold} "
          f"(drops {dropped} of the {n} training events)")
    if not a.no_write:
        meta = {"trained_on": sorted({d.corpus for d in docs}), "documents": len(docs), "events": n,
                "l2": L2, "folds": k, "seed": SEED, "min_count": MIN_COUNT,
                "script": "scripts/train_event_types.py"}
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(EventCheck(weights=weights, threshold=threshold, meta=meta).to_json(),
                         encoding="utf-8")
        print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
