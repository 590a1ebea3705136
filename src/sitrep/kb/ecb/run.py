"""Train and evaluate the event pair model on ECB+ (gold event mentions)."""

from __future__ import annotations

import hashlib
import json
import pickle
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


def load(ecb_dir: Path, topics: Iterable[int], cache: Path | None = None) -> Prepared:
    """Prepared mentions of the topics; with ``cache``, kept there between runs (a pickle
    per topic set, keyed by the source of the preparing code so an edit invalidates it)."""
    topics = tuple(topics)
    if cache is None:
        return prepare(iter_corpus(ecb_dir, topics))
    path = cache / f"ecb-{_cache_key(ecb_dir, topics)}.pkl"
    if path.is_file():
        with path.open("rb") as fh:
            return pickle.load(fh)  # our own cache file
    prep = prepare(iter_corpus(ecb_dir, topics))
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(prep, fh)
    return prep


def _cache_key(ecb_dir: Path, topics: tuple[int, ...]) -> str:
    from sitrep.kb import embed
    from sitrep.kb.ecb import prepare as prep_mod
    from sitrep.kb.ecb import reader

    digest = hashlib.sha1(repr((str(ecb_dir.resolve()), topics)).encode())
    for mod in (prep_mod, reader, embed):
        digest.update(Path(mod.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


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


def fit_weights(train: Prepared) -> PairModel:
    """Logistic weights over the pairs of the training topics (threshold left at 0.5)."""
    from sklearn.linear_model import LogisticRegression

    x, y = pair_dataset(train)
    clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(x, y)
    return PairModel(tuple(float(w) for w in clf.coef_[0]), float(clf.intercept_[0]), 0.5)


def best_threshold(prep: Prepared, groups: list[tuple[list[int], np.ndarray]]) -> tuple[float, float]:
    """(CoNLL F1, threshold) of the best linkage threshold over these probabilities."""
    best = (-1.0, 0.5)
    for threshold in np.arange(0.30, 0.96, 0.025):
        best = max(best, (_score(prep, _labels(groups, float(threshold))).conll, float(threshold)))
    return best


def fit(train: Prepared, dev: Prepared) -> tuple[PairModel, float]:
    """Logistic weights on the training topics, the linkage threshold on the dev topics."""
    model = fit_weights(train)
    conll, threshold = best_threshold(dev, _probabilities(dev, model))
    return PairModel(model.weights, model.bias, threshold), conll


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
