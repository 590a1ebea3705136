"""Cross-validation over ECB+ topics 1-35 (the test topics 36-45 are never read): the
development figure for the event pair model.

Topics go to ``k`` folds by ``topic % k``; each fold's probabilities come from weights
fitted on the other folds; one linkage threshold is then chosen over all held-out
folds together, as the published figures choose theirs on a dev split.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.kb.ecb.prepare import Prepared
from sitrep.kb.ecb.reader import TEST_TOPICS
from sitrep.kb.ecb.run import _probabilities, best_threshold, fit_weights

if TYPE_CHECKING:
    import numpy as np

    from sitrep.kb.ecb.reader import EcbMention
    from sitrep.kb.eventpairs import MentionRep


def subset(prep: Prepared, topics: set[int]) -> Prepared:
    keep = [i for i, m in enumerate(prep.mentions) if m.topic in topics]
    docs = {prep.mentions[i].doc for i in keep}
    return Prepared([prep.mentions[i] for i in keep], [prep.reps[i] for i in keep],
                    {d: c for d, c in prep.doc_cluster.items() if d in docs})


def cross_validate(prep: Prepared, k: int = 5) -> tuple[float, float]:
    """(pooled CoNLL F1, threshold) over ``k`` topic folds of ``prep``."""
    topics = sorted({m.topic for m in prep.mentions})
    if set(topics) & set(TEST_TOPICS):
        raise ValueError("cross-validation must not see the test topics 36-45")
    mentions: list[EcbMention] = []
    reps: list[MentionRep] = []
    doc_cluster: dict[str, int] = {}
    groups: list[tuple[list[int], np.ndarray]] = []
    for fold in range(k):
        held = {t for t in topics if t % k == fold}
        test = subset(prep, held)
        model = fit_weights(subset(prep, set(topics) - held))
        offset = len(mentions)
        groups.extend(([i + offset for i in idx], prob) for idx, prob in _probabilities(test, model))
        mentions += test.mentions
        reps += test.reps
        doc_cluster.update(test.doc_cluster)
    return best_threshold(Prepared(mentions, reps, doc_cluster), groups)
