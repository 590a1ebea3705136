from itertools import count, islice

import pytest

from sitrep.batch import chunked, skip_known, write_batched
from sitrep.model import Analysis, Article


def test_chunked_splits_and_keeps_the_tail():
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_chunked_is_lazy_over_an_endless_input():
    assert next(chunked(count(), 2)) == [0, 1]


def test_chunked_with_a_budget_ends_a_chunk_before_it_would_pass_it():
    words = ["a" * 5, "b" * 5, "c" * 20, "d", "e", "f", "g"]
    assert list(chunked(words, 3, budget=10, cost=len)) == [
        ["aaaaa", "bbbbb"], ["c" * 20], ["d", "e", "f"], ["g"]]  # one item over budget still goes


def test_chunked_with_a_budget_stays_lazy():
    assert next(chunked(count(), 4, budget=10**9, cost=lambda _: 1)) == [0, 1, 2, 3]


def test_chunked_refuses_a_size_below_one():
    with pytest.raises(ValueError, match="at least 1"):
        list(chunked([1], 0))


def _arts(n: int) -> list[Article]:
    return [Article(text=f"Report number {i}.", source=f"s{i}") for i in range(n)]


def test_skip_known_drops_stored_ids_with_one_query_per_chunk():
    arts = _arts(7)
    stored = {arts[1].id, arts[5].id}
    queries: list[int] = []
    dropped: list[str] = []

    def known(ids):
        queries.append(len(ids))
        return [i for i in ids if i in stored]

    kept = list(skip_known(arts, known, chunk=3, skipped=lambda a: dropped.append(a.source)))
    assert [a.source for a in kept] == ["s0", "s2", "s3", "s4", "s6"]
    assert dropped == ["s1", "s5"]
    assert queries == [3, 3, 1]


def test_skip_known_streams():
    endless = (Article(text=f"Text {i}.", source="x") for i in count())
    assert len(list(islice(skip_known(endless, lambda ids: [], chunk=4), 5))) == 5


def test_write_batched_writes_before_yielding():
    written: list[int] = []
    seen: list[int] = []
    analyses = [Analysis(article=a) for a in _arts(5)]
    for _a in write_batched(analyses, lambda b: written.append(len(b)), size=2):
        seen.append(sum(written))
        assert sum(written) >= len(seen)  # an article is yielded only once stored
    assert written == [2, 2, 1]
    assert len(seen) == 5
