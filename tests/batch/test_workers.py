"""The worker pool gives the single-process output, in order, loading the model once per worker."""

from itertools import count, islice

import pytest

from sitrep.batch import analyze_many, analyze_parallel, worker_count
from sitrep.config import Settings
from sitrep.extract.component import Component
from sitrep.model import Article
from sitrep.pipeline import get_pipeline

TEXTS = [
    "Russia and Belarus launched military drills near Grodno on Friday, officials said.",
    "The ministry said on Monday that 40 tanks would be delivered by 2025.",
    "",
    "Protesters gathered in Minsk as police detained 12 people, Reuters reported.",
]


def _corpus(n: int) -> list[Article]:
    arts = []
    for i in range(n):
        text = TEXTS[i % len(TEXTS)]
        text = f"{text} Item {i}." if text else ""
        lang = "ru" if i % 11 == 5 else None
        arts.append(Article(text=text, source=f"doc{i}", language=lang))
    return arts


@pytest.fixture(scope="module")
def serial() -> list[dict]:
    return [a.to_dict() for a in get_pipeline().analyze_many(_corpus(60))]


def test_parallel_output_equals_single_process_in_input_order(serial):
    loads: dict[int, int] = {}
    out = [a.to_dict() for a in analyze_parallel(iter(_corpus(60)), Settings(n_process=2, batch_size=4),
                                                 loads=loads)]
    assert [o["article"]["source"] for o in out] == [f"doc{i}" for i in range(60)]
    assert out == serial
    assert {o["article"]["analysis"] for o in out} >= {None, "skipped: empty body", "skipped: language ru"}
    # 15 chunks over 2 workers: each worker loaded the model exactly once
    assert len(loads) == 2
    assert set(loads.values()) == {1}


def test_analyze_many_dispatches_to_workers_when_n_process_is_not_1(serial):
    out = [a.to_dict() for a in analyze_many(_corpus(60), Settings(n_process=2))]
    assert out == serial


def test_parallel_path_streams_an_endless_input():
    endless = (Article(text=f"Talks resumed in Vienna on day {i}.", source=str(i)) for i in count())
    first = list(islice(analyze_parallel(endless, Settings(n_process=2, batch_size=2)), 5))
    assert [a.article.source for a in first] == ["0", "1", "2", "3", "4"]


def test_worker_count_zero_means_one_per_core():
    assert worker_count(3) == 3
    assert worker_count(0) >= 1


def test_string_store_does_not_grow_in_the_single_process_path():
    pipe = get_pipeline()
    list(pipe.analyze_many([Article(text="Warm-up text about Kyiv.", source="w")]))
    before = len(pipe.nlp.vocab.strings)
    arts = [Article(text=f"Zqx{i}vor met Plk{i}tan in Vbr{i}ville on {i} May.", source=str(i))
            for i in range(300)]
    assert len(list(pipe.analyze_many(arts))) == 300
    assert len(pipe.nlp.vocab.strings) == before


class _PlaceMatcher(Component):
    """A toy stage that builds a PhraseMatcher over the model's vocabulary, as gazetteer
    stages do: at construction, outside any memory zone."""

    name = "place_test"
    assigns = "places"

    def __init__(self, nlp, settings):  # type: ignore[no-untyped-def]
        super().__init__(nlp, settings)
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("TOY_TEST_PLACE", list(nlp.tokenizer.pipe(["Qarnavia", "Vienna"])))

    def __call__(self, ctx):  # type: ignore[no-untyped-def]
        return [ctx.doc.vocab.strings[mid] for mid, _s, _e in self.matcher(ctx.doc)]


def test_a_matcher_built_with_the_stage_survives_memory_zones():
    from sitrep.pipeline import Pipeline

    pipe = Pipeline(Settings(stages=("place_test",), batch_size=4), stages=[_PlaceMatcher])
    arts = [Article(text=f"Talks in Vienna, round {i}.", source=str(i)) for i in range(40)]
    out = list(pipe.analyze_many(arts))  # 40 articles = 3 memory zones of 16
    assert all(a.extra == {"places": ["TOY_TEST_PLACE"]} for a in out)


class _Failing(Component):
    name = "failing_test"
    assigns = "events"

    def __call__(self, ctx):  # type: ignore[no-untyped-def]
        if "explode" in ctx.article.text:
            raise ValueError("stage bug")
        return []


def test_a_failing_article_is_marked_and_the_batch_goes_on():
    from sitrep.pipeline import Pipeline

    pipe = Pipeline(Settings(batch_size=2), stages=[_Failing])
    arts = [Article(text=f"Report {i} {'explode' if i == 3 else 'calm'}.", source=str(i)) for i in range(6)]
    out = list(pipe.analyze_many(arts))
    assert [a.article.source for a in out] == [str(i) for i in range(6)]
    assert out[3].article.analysis == "failed: ValueError: stage bug"
    assert all(a.article.analysis is None for i, a in enumerate(out) if i != 3)


def test_workers_run_without_torch():
    """thinc would import PyTorch (200 MB a process) if it could; workers never need it."""
    from sitrep.batch.workers import _start_pool
    from sitrep.config import Settings

    pool = _start_pool(Settings(), 1)
    try:
        probe = "__import__('sys').modules.get('torch', 'absent') in (None, 'absent')"
        assert pool.submit(eval, probe).result(timeout=300)
    finally:
        pool.shutdown()
