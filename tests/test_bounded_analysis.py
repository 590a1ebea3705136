"""Analysis that cannot hang (issue #18.2, #18.3): long runs without spaces are blanked
before spaCy, over-long stored texts are skipped, the stages have a time limit."""

from __future__ import annotations

import contextlib
import time

import pytest

from sitrep.config import Settings
from sitrep.ingest.sanitize import MAX_RUN, analysis_text
from sitrep.model import AnalysisStatus, Article
from sitrep.nlp.timelimit import ArticleTimeout, can_limit, time_limit
from sitrep.pipeline import Pipeline, skip_reason

LEAD = "The mayor of Springfield said on Friday that the river rose by two metres."


def test_long_runs_without_spaces_are_blanked_in_place() -> None:
    url = "https://example.org/" + "a" * (MAX_RUN - 30)
    text = f"{LEAD} {'[' * 500} next {'#' * (MAX_RUN + 1)}\n{url} end"
    out = analysis_text(text)
    assert len(out) == len(text)
    assert out == f"{LEAD} {' ' * 500} next {' ' * (MAX_RUN + 1)}\n{url} end"
    assert analysis_text(LEAD) == LEAD


def test_a_long_run_of_brackets_is_analysed_quickly_with_true_offsets(pipeline) -> None:
    text = f"{LEAD}\n\n{'[' * 30_000}\n\nThe river fell on Sunday in Springfield."
    began = time.monotonic()
    result = pipeline.analyze(Article(text=text, source="t"))
    assert time.monotonic() - began < 10  # unblanked, 30,000 "[" take minutes in the tokenizer
    assert result.article.analysis is None and result.entities
    for ent in result.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text


def test_a_stored_text_over_the_limit_is_skipped() -> None:
    settings = Settings(max_article_chars=50)
    reason = skip_reason(Article(text=LEAD, source="t"), settings)
    assert reason == AnalysisStatus.skipped("text over 50 characters")
    assert reason is not None and reason.text() == "skipped: text over 50 characters"
    assert skip_reason(Article(text=LEAD[:40], source="t"), settings) is None


@pytest.mark.skipif(not can_limit(), reason="needs SIGALRM in the main thread")
def test_time_limit_stops_python_code_and_is_then_cleared() -> None:
    began = time.monotonic()
    with pytest.raises(ArticleTimeout), time_limit(0.2):
        while True:
            with contextlib.suppress(Exception):  # a stage's broad except does not swallow it
                sum(range(1000))
    assert time.monotonic() - began < 2
    with time_limit(0.2):
        pass
    time.sleep(0.3)  # no alarm left behind


@pytest.mark.skipif(not can_limit(), reason="needs SIGALRM in the main thread")
def test_a_slow_article_is_stored_unanalysed_and_the_next_one_goes_on(
    pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = Pipeline(Settings(article_seconds=0.3))
    real = slow.run_stages

    def stages(article, doc):  # type: ignore[no-untyped-def]
        while "slow" in article.text:
            pass
        return real(article, doc)

    monkeypatch.setattr(slow, "run_stages", stages)
    arts = [Article(text=f"{LEAD} slow", source="a"), Article(text=LEAD, source="b")]
    first, second = slow.analyze_many(arts)
    assert first.article.analysis is not None and first.article.analysis.startswith("failed: time limit")
    assert second.article.analysis is None and second.entities
