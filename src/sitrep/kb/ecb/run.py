"""Train and evaluate the event pair model on ECB+ (gold event mentions)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sitrep.kb.coref_metrics import PRF, conll_scores
from sitrep.kb.ecb.prepare import Prepared, prepare
from sitrep.kb.ecb.reader import DEV_TOPICS, TEST_TOPICS, TRAIN_TOPICS, iter_corpus
from sitrep.kb.eventpairs import FEATURES, WEIGHTS_FILE, PairModel, cluster_probabilities, pair_features

DEFAULT_ECB_DIR = Path(__file__).resolve().parents[4].parent / "shared" / "eval" / "ecbplus"


@dataclass(slots=True)
class EcbResult:
    scores: dict[str, PRF | float]
    mentions: int
    documents: int

    @property
    def conll(self) -> float:
        score = self.scores["CoNLL"]
        return score if isinstance(score, float) else score.f1

    def lines(self) -> list[str]:
        out = [f"ECB+ test topics 36-45, gold event mentions, singletons kept: "
               f"{self.mentions} mentions in {self.documents} documents"]
        for name, s in self.scores.items():
            if isinstance(s, PRF):
                out.append(f"{name:7s} P {s.p:.3f}  R {s.r:.3f}  F1 {s.f1:.3f}")
        out.append(f"CoNLL F1 {self.conll:.3f}")
        return out


def load(ecb_dir: Path, topics: Iterable[int]) -> Prepared:
    return prepare(iter_corpus(ecb_dir, tuple(topics)))


def _groups(prep: Prepared) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for i, m in enumerate(prep.mentions):
        groups.setdefault(prep.doc_cluster[m.doc], []).append(i)
    return groups


def _probabilities(prep: Prepared, model: PairModel) -> list[tuple[list[int], np.ndarray]]:
    return [(idx, model.probabilities([prep.reps[i] for i in idx])) for idx in _groups(prep).values()]


def _labels(groups: list[tuple[list[int], np.ndarray]], threshold: float) -> dict[int, str]:
    labels: dict[int, str] = {}
    for g, (idx, prob) in enumerate(groups):
        for i, c in zip(idx, cluster_probabilities(prob, threshold), strict=True):
            labels[i] = f"{g}:{c}"
    return labels


def predict(prep: Prepared, model: PairModel) -> dict[int, str]:
    """A predicted cluster label per mention index."""
    return _labels(_probabilities(prep, model), model.threshold)


def _score(prep: Prepared, pred: dict[int, str]) -> EcbResult:
    gold = {i: m.gold for i, m in enumerate(prep.mentions)}
    return EcbResult(conll_scores(gold, pred), len(gold), len(prep.doc_cluster))


def evaluate(prep: Prepared, model: PairModel) -> EcbResult:
    return _score(prep, predict(prep, model))


def pair_dataset(prep: Prepared) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for idx in _groups(prep).values():
        if len(idx) < 2:
            continue
        feats = pair_features([prep.reps[i] for i in idx])
        gold = np.array([prep.mentions[i].gold for i in idx])
        iu = np.triu_indices(len(idx), k=1)
        xs.append(feats[iu])
        ys.append((gold[:, None] == gold[None, :])[iu])
    return np.concatenate(xs), np.concatenate(ys).astype(int)


def fit(train: Prepared, dev: Prepared) -> tuple[PairModel, float]:
    """Logistic weights on the training topics, the linkage threshold on the dev topics."""
    from sklearn.linear_model import LogisticRegression

    x, y = pair_dataset(train)
    clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(x, y)
    weights, bias = tuple(float(w) for w in clf.coef_[0]), float(clf.intercept_[0])
    groups = _probabilities(dev, PairModel(weights, bias, 0.5))
    best = (-1.0, 0.5)
    for threshold in np.arange(0.30, 0.96, 0.025):
        best = max(best, (_score(dev, _labels(groups, float(threshold))).conll, float(threshold)))
    return PairModel(weights, bias, best[1]), best[0]


def save(model: PairModel, path: Path, dev_conll: float) -> None:
    path.write_text(json.dumps({
        "about": "ECB+ event pair model: logistic weights fitted on topics 1-35 minus the dev "
                 "topics, linkage threshold chosen on the dev topics; made by "
                 "`python -m sitrep.kb.ecb train`",
        "features": list(FEATURES), "weights": list(model.weights), "bias": model.bias,
        "threshold": model.threshold, "dev_conll": round(dev_conll, 4),
        "train_topics": list(TRAIN_TOPICS), "dev_topics": list(DEV_TOPICS),
    }, indent=2) + "\n", encoding="utf-8")


def weights_path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / WEIGHTS_FILE


def run_eval(ecb_dir: Path = DEFAULT_ECB_DIR, model: PairModel | None = None) -> EcbResult:
    """The figure for docs/accuracy.md: CoNLL F1 on test topics 36-45 (the lead's `sitrep eval` hook)."""
    from sitrep.kb.eventpairs import load_pair_model

    return evaluate(load(ecb_dir, TEST_TOPICS), model or load_pair_model())
