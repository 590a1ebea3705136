from sitrep.kb.coref_metrics import b_cubed, ceaf_e, clusters_of, conll_scores, muc

GOLD = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "c"}


def test_perfect_response_scores_one() -> None:
    scores = conll_scores(GOLD, GOLD)
    assert scores["CoNLL"] == 1.0


def test_all_singletons_have_zero_muc_and_full_b3_precision() -> None:
    pred = {m: m for m in GOLD}
    key, resp = clusters_of(GOLD), clusters_of(pred)
    assert muc(key, resp).f1 == 0.0
    assert b_cubed(key, resp).p == 1.0
    assert abs(b_cubed(key, resp).r - (3 * (1 / 3) + 2 * (1 / 2) + 1) / 6) < 1e-9


def test_one_big_cluster_has_full_recall() -> None:
    pred = {m: 0 for m in GOLD}
    key, resp = clusters_of(GOLD), clusters_of(pred)
    assert muc(key, resp).r == 1.0
    assert muc(key, resp).p == 3 / 5
    assert b_cubed(key, resp).r == 1.0


def test_ceaf_e_aligns_clusters_one_to_one() -> None:
    # key {1,2,3} {4,5} {6}; response {1,2} {3,4,5} {6}
    pred = {1: "x", 2: "x", 3: "y", 4: "y", 5: "y", 6: "z"}
    s = ceaf_e(clusters_of(GOLD), clusters_of(pred))
    # phi4: {1,2,3}-{1,2}=0.8, {4,5}-{3,4,5}=0.8, {6}-{6}=1.0 -> 2.6 / 3
    assert abs(s.p - 2.6 / 3) < 1e-9
    assert abs(s.r - 2.6 / 3) < 1e-9
