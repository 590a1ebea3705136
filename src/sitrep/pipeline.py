"""analyze(article) -> Analysis: the one orchestration function.

The spaCy model is loaded once per process; batches go through ``nlp.pipe`` (worker
processes and Spark are drivers above this module: :mod:`sitrep.batch`). The
extract stages are components (:mod:`sitrep.extract.component`): the pipeline builds
each stage of :data:`sitrep.extract.stages.STAGES` (those ``Settings.stages`` names, or all)
once with the model and the settings, checks that each one's requirements are
assigned by a stage before it, and calls them in order on a :class:`StageContext`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.extract.component import Component, StageContext, check_stages, select
from sitrep.extract.stages import STAGES
from sitrep.ingest.sanitize import analysis_text
from sitrep.model import Analysis, AnalysisStatus, Article
from sitrep.nlp.loader import load_nlp
from sitrep.nlp.segments import parse_segmented
from sitrep.nlp.timelimit import ArticleTimeout, time_limit
from sitrep.nlp.zones import chunked, release_free_memory, text_chars

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Pipeline", "StageContext", "analyze", "get_pipeline"]


def skip_reason(article: Article, settings: Settings) -> AnalysisStatus | None:
    """Why an article is stored without analysis, or None when it is analysed."""
    if not article.text.strip():
        return AnalysisStatus.skipped("empty body")
    if len(article.text) > settings.max_article_chars:  # the readers refuse these; stored ones
        return AnalysisStatus.skipped(f"text over {settings.max_article_chars:,} characters")
    if article.language and article.language not in settings.languages:
        return AnalysisStatus.skipped(f"language {article.language}")
    return None


def stage_seconds(article: Article, settings: Settings) -> float:
    """The time limit of an article's stages: ``Settings.article_seconds`` for each
    ``Settings.segment_chars`` of its text or part of them (0: no limit)."""
    return settings.article_seconds * max(1, -(-len(article.text) // settings.segment_chars))


log = logging.getLogger(__name__)

# nlp.pipe batches per memory zone in the single-process path
ZONE_BATCHES = 4


class Pipeline:
    def __init__(self, settings: Settings | None = None,
                 stages: Sequence[type[Component]] = STAGES) -> None:
        """Build every stage once; ``stages``: the classes to choose from, in order."""
        self.settings = settings or Settings()
        chosen = select(stages, self.settings.stages)
        check_stages(chosen)
        self.nlp = load_nlp(self.settings.model)
        self.stages: list[Component] = [cls(self.nlp, self.settings) for cls in chosen]

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order, in this process; streams (no list of the input is built).

        The articles go through spaCy in chunks, each inside ``nlp.memory_zone()``, so
        the strings a chunk adds to the vocabulary are freed after it, and the C heap's
        freed pages go back to the system (``release_free_memory``): memory stays flat
        over any number of articles. (Worker processes: :func:`sitrep.batch.analyze_many`.)
        """
        size = max(1, self.settings.batch_size) * ZONE_BATCHES
        budget = self.settings.chunk_chars * ZONE_BATCHES
        for chunk in chunked(articles, size, budget=budget, cost=text_chars):
            with self.nlp.memory_zone():
                yield from self._analyze_chunk(chunk)
            release_free_memory()

    def _analyze_chunk(self, articles: list[Article]) -> Iterator[Analysis]:
        limit = self.settings.segment_chars

        def texts() -> Iterator[tuple[str, Article]]:
            for art in articles:
                reason = skip_reason(art, self.settings)
                art.analysis = reason.text() if reason else None
                # a long text is parsed below, in segments, not in this batch
                yield ("" if reason or len(art.text) > limit else analysis_text(art.text)), art

        for doc, art in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.settings.batch_size):
            if art.analysis:
                yield Analysis(article=art)
                continue
            if len(art.text) > limit:
                doc = parse_segmented(self.nlp, analysis_text(art.text), limit)
            yield self._stages_or_failure(art, doc)

    def _stages_or_failure(self, article: Article, doc: Doc) -> Analysis:
        """run_stages; a stage that raises marks this article failed and the batch goes on.

        The article is yielded with ``analysis = "failed: <error>"`` (stored, and
        analysed again by ``sitrep reanalyze`` once the stage is fixed); the traceback
        goes to the ``sitrep.pipeline`` log.
        """
        try:
            with time_limit(stage_seconds(article, self.settings)):
                return self.run_stages(article, doc)
        except ArticleTimeout as exc:
            log.info("analysis of %s stopped: %s", article.source or article.id, exc)
            article.status = AnalysisStatus.failed(f"time limit: {exc}")
        except Exception as exc:
            log.warning("analysis of %s failed", article.source or article.id, exc_info=True)
            article.status = AnalysisStatus.failed(f"{type(exc).__name__}: {exc}")
        return Analysis(article=article)

    def run_stages(self, article: Article, doc: Doc) -> Analysis:
        ctx = StageContext(article=article, doc=doc, settings=self.settings)
        for st in self.stages:
            ctx.assign(st.assigns, st(ctx))
        return Analysis(
            article=article, entities=ctx.entities, timexes=ctx.timexes,
            quotes=ctx.quotes, events=ctx.events, extra=ctx.extra,
        )


_default: dict[Settings, Pipeline] = {}


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or Settings()
    if settings not in _default:
        _default[settings] = Pipeline(settings)
    return _default[settings]


def analyze(article: Article, settings: Settings | None = None) -> Analysis:
    """Run every stage over one article."""
    return get_pipeline(settings).analyze(article)
