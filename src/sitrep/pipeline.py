"""analyze(article) -> Analysis: the one orchestration function.

The spaCy model is loaded once per process; batches go through ``nlp.pipe``.
Extract stages are looked up by name in :data:`sitrep.registry.stages` and run in
the order ``Settings.stages`` gives; each returns a list of records that the
pipeline stores on the :class:`StageContext` for the stages after it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sitrep.extract  # noqa: F401  (registers the stages)
from sitrep.config import Settings
from sitrep.ingest.sanitize import analysis_text
from sitrep.model import Analysis, Article, Entity, Event, Quote, Timex
from sitrep.nlp.loader import load_nlp
from sitrep.registry import stages

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class StageContext:
    """What a stage sees: the article, its parsed Doc and the earlier stages' records."""

    article: Article
    doc: Doc
    settings: Settings
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # derived structures a stage shares with later ones (e.g. a mention index)
    shared: dict[str, Any] = field(default_factory=dict)


def skip_reason(article: Article, settings: Settings) -> str | None:
    """Why an article is stored without analysis, or None when it is analysed."""
    if not article.text.strip():
        return "skipped: empty body"
    if len(article.text) > settings.max_article_chars:  # the readers refuse these; stored ones
        return f"skipped: text over {settings.max_article_chars:,} characters"
    if article.language and article.language not in settings.languages:
        return f"skipped: language {article.language}"
    return None


log = logging.getLogger(__name__)

# nlp.pipe batches per memory zone in the single-process path
ZONE_BATCHES = 4


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = load_nlp(self.settings.model)
        self.stages = [stages.get(name) for name in self.settings.stages]
        self._warm = False

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_serial([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order; streams (no list of the whole input is built).

        ``settings.n_process != 1`` hands the work to worker processes
        (:func:`sitrep.batch.analyze_parallel`; 0 = one per core). In this process the
        articles go through spaCy in chunks, each inside ``nlp.memory_zone()``, so the
        strings a chunk adds to the vocabulary are freed after it, and the C heap's
        freed pages go back to the system (``release_free_memory``): memory stays flat
        over any number of articles.
        """
        if self.settings.n_process != 1:
            from sitrep.batch import analyze_parallel

            yield from analyze_parallel(articles, self.settings)
        else:
            yield from self.analyze_serial(articles)

    def analyze_serial(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """analyze_many in this process, whatever ``settings.n_process`` says."""
        from sitrep.batch.chunks import chunked, text_chars
        from sitrep.batch.memory import release_free_memory
        from sitrep.batch.warmup import warm_up

        if not self._warm:  # stages build their lazy spaCy objects outside the zones
            self._warm = True
            try:
                warm_up(self)
            except Exception:
                log.warning("warm-up failed: a stage raised on the warm-up text", exc_info=True)

        size = max(1, self.settings.batch_size) * ZONE_BATCHES
        budget = self.settings.chunk_chars * ZONE_BATCHES
        for chunk in chunked(articles, size, budget=budget, cost=text_chars):
            with self.nlp.memory_zone():
                yield from self._analyze_chunk(chunk)
            release_free_memory()

    def _analyze_chunk(self, articles: list[Article]) -> Iterator[Analysis]:
        def texts() -> Iterator[tuple[str, Article]]:
            for art in articles:
                reason = skip_reason(art, self.settings)
                art.analysis = reason
                yield ("" if reason else analysis_text(art.text)), art

        for doc, art in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.settings.batch_size):
            if art.analysis:
                yield Analysis(article=art)
            else:
                yield self._stages_or_failure(art, doc)

    def _stages_or_failure(self, article: Article, doc: Doc) -> Analysis:
        """run_stages; a stage that raises marks this article failed and the batch goes on.

        The article is yielded with ``analysis = "failed: <error>"`` (stored, and
        analysed again by ``sitrep reanalyze`` once the stage is fixed); the traceback
        goes to the ``sitrep.pipeline`` log.
        """
        from sitrep.batch.timelimit import ArticleTimeout, time_limit

        try:
            with time_limit(self.settings.article_seconds):
                return self.run_stages(article, doc)
        except ArticleTimeout as exc:
            log.info("analysis of %s stopped: %s", article.source or article.id, exc)
            article.analysis = f"failed: time limit: {exc}"
        except Exception as exc:
            log.warning("analysis of %s failed", article.source or article.id, exc_info=True)
            article.analysis = f"failed: {type(exc).__name__}: {exc}"
        return Analysis(article=article)

    def run_stages(self, article: Article, doc: Doc) -> Analysis:
        ctx = StageContext(article=article, doc=doc, settings=self.settings)
        for st in self.stages:
            setattr(ctx, st.assigns, st.func(ctx))
        return Analysis(
            article=article, entities=ctx.entities, timexes=ctx.timexes,
            quotes=ctx.quotes, events=ctx.events,
        )


_default: dict[Settings, Pipeline] = {}


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or Settings()
    if settings not in _default:
        _default[settings] = Pipeline(settings)
    return _default[settings]


def analyze(article: Article, settings: Settings | None = None) -> Analysis:
    """Run every registered stage over one article."""
    return get_pipeline(settings).analyze(article)


def analyze_many(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Analysis]:
    """Analyses in input order, streamed; ``settings.n_process != 1`` uses worker processes
    (the model is then loaded in the workers only, not in this process)."""
    settings = settings or Settings()
    if settings.n_process != 1:
        from sitrep.batch import analyze_parallel

        return analyze_parallel(articles, settings)
    return get_pipeline(settings).analyze_many(articles)
