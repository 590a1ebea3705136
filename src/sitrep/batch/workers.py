"""Analyse articles in worker processes, the spaCy model loaded once per worker.

The parent reads the input lazily, sends chunks of articles to a process pool and
yields the analyses in input order. Each worker builds one :class:`Pipeline` when it
starts (``load_nlp`` runs once per process: ``LOAD_COUNT`` stays 1) and runs
``nlp.pipe`` and every stage over its chunk, so the extract stages run in parallel
too, not only the parse. At most ``2 * workers`` chunks are in flight, so memory
does not depend on the size of the input.

Workers are started with ``spawn``: a fresh interpreter that imports Sitrep, which
is safe whatever the parent has loaded (threads, torch) and gives every worker its
own string store. Workers build the stages of ``sitrep.extract.stages.STAGES`` that the
settings name (a stage made up at run time in the parent is not seen), and a script
that calls this must guard its entry point with ``if __name__ == "__main__":`` (as for any
``spawn`` pool: each worker imports the main module).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from sitrep.batch.chunks import chunked, text_chars
from sitrep.config import Settings
from sitrep.errors import SitrepError
from sitrep.model import Analysis, Article

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline

_PIPELINE: Pipeline | None = None  # this worker's Pipeline, built once by _init_worker


def worker_count(n_process: int) -> int:
    """How many worker processes ``n_process`` asks for (0 or less: one per usable core)."""
    if n_process > 0:
        return n_process
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def without_torch() -> None:
    """Keep PyTorch out of this process (call before spaCy is imported). The pipeline
    needs none, but thinc imports it whenever it is installed (the `kb` extra), about
    200 MB per worker process."""
    if "spacy" not in sys.modules:
        sys.modules.setdefault("torch", None)  # type: ignore[arg-type]


def _init_worker(settings: Settings) -> None:
    global _PIPELINE
    without_torch()  # before sitrep.pipeline imports spaCy
    from sitrep.pipeline import Pipeline

    _PIPELINE = Pipeline(settings.with_(n_process=1))


def _analyze_chunk(articles: list[Article]) -> tuple[int, int, list[Analysis]]:
    """(worker pid, models loaded in that worker, the chunk's analyses)."""
    from sitrep.nlp import loader

    if _PIPELINE is None:  # pragma: no cover - the initializer always ran
        raise SitrepError("batch worker used before it was initialised")
    analyses = list(_PIPELINE.analyze_many(articles))
    return os.getpid(), loader.LOAD_COUNT, analyses


def analyze_many(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Analysis]:
    """Analyses in input order, streamed: in this process when ``settings.n_process`` is
    1, else from worker processes (the model is then loaded in the workers only)."""
    from sitrep.pipeline import get_pipeline

    settings = settings or Settings()
    if settings.n_process != 1:
        return analyze_parallel(articles, settings)
    return get_pipeline(settings).analyze_many(articles)


def _start_pool(settings: Settings, workers: int) -> ProcessPoolExecutor:
    ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(settings,))


def analyze_parallel(
    articles: Iterable[Article],
    settings: Settings,
    *,
    chunk_size: int | None = None,
    loads: dict[int, int] | None = None,
) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, computed by ``settings.n_process`` workers.

    Streams: reads at most ``2 * workers`` chunks ahead of what it has yielded.
    ``loads``, when given, is filled with {worker pid: spaCy models loaded in it}.
    A worker that dies (killed, out of memory) raises :class:`SitrepError`.
    """
    workers = worker_count(settings.n_process)
    size = chunk_size or max(1, settings.batch_size)
    pool = _start_pool(settings, workers)
    pending: deque[Future[tuple[int, int, list[Analysis]]]] = deque()
    stats = loads if loads is not None else {}
    try:
        for chunk in chunked(articles, size, budget=settings.chunk_chars, cost=text_chars):
            pending.append(pool.submit(_analyze_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from _result(pending.popleft(), stats)
        while pending:
            yield from _result(pending.popleft(), stats)
    finally:
        for fut in pending:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _result(fut: Future[tuple[int, int, list[Analysis]]], loads: dict[int, int]) -> list[Analysis]:
    try:
        pid, count, analyses = fut.result()
    except BrokenProcessPool as exc:
        raise SitrepError(
            "a batch worker process died (killed or out of memory): lower n_process "
            "or batch_size, or run with n_process=1 to see the failing article"
        ) from exc
    loads[pid] = count
    return analyses
