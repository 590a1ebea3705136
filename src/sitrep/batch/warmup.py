"""Warm a pipeline up before its first ``nlp.memory_zone()``.

Inside a memory zone every string a stage adds to the vocabulary is freed when the
zone ends. A stage that builds a spaCy object lazily on its first call (a
``PhraseMatcher`` over a gazetteer, a ``Matcher`` of cue patterns) would build it
inside the first zone and find its strings gone in the next one (spaCy error E018).
Running every stage once, outside any zone, over a text that exercises them all
(``data/warmup.txt``) makes such objects permanent before the zones start.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from sitrep.model import Article

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline


@lru_cache(maxsize=1)
def warmup_text() -> str:
    return resources.files("sitrep.batch").joinpath("data/warmup.txt").read_text(encoding="utf-8")


def warm_up(pipeline: Pipeline) -> None:
    """Run the parse and every stage once over the warm-up text, outside any memory zone."""
    article = Article(text=warmup_text(), source="sitrep:warm-up", title="Warm-up", published="2021-04-12")
    doc = pipeline.nlp(article.text)
    pipeline.run_stages(article, doc)
