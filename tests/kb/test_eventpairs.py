import numpy as np

from sitrep.kb.eventpairs import FEATURES, MentionRep, cluster_probabilities, load_pair_model, pair_features


def _rep(doc: str, lemma: str, vec: list[float]) -> MentionRep:
    v = np.asarray(vec, dtype=np.float32)
    v = v / np.linalg.norm(v)
    return MentionRep(doc=doc, sentence=0, lemma=lemma, trigger_vec=v, sentence_vec=v, doc_vec=v,
                      context_vec=v)


def test_shipped_weights_match_the_features() -> None:
    model = load_pair_model()
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_similar_mentions_score_higher_than_unrelated_ones() -> None:
    reps = [_rep("a", "strike", [1, 0, 0]), _rep("b", "strike", [0.95, 0.05, 0]),
            _rep("c", "vote", [0, 0, 1])]
    prob = load_pair_model().probabilities(reps)
    assert prob[0, 1] > load_pair_model().threshold > prob[0, 2]
    assert pair_features(reps).shape == (3, 3, len(FEATURES))


def test_average_linkage_respects_the_threshold() -> None:
    prob = np.array([[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]], dtype=np.float32)
    labels = cluster_probabilities(prob, 0.5)
    assert labels[0] == labels[1] != labels[2]
    assert len(set(cluster_probabilities(prob, 0.95))) == 3


def test_cross_validation_refuses_the_test_topics() -> None:
    import pytest

    from sitrep.kb.ecb.cv import cross_validate
    from sitrep.kb.ecb.prepare import Prepared
    from sitrep.kb.ecb.reader import EcbMention

    mention = EcbMention(doc="36_1ecb", topic=36, sentence=0, token_ids=[0], text="x", gold="g")
    with pytest.raises(ValueError, match="test topics"):
        cross_validate(Prepared([mention], [_rep("36_1ecb", "x", [1, 0, 0])], {"36_1ecb": 1}))
