"""A per-article time limit for the extract stages: SIGALRM in the process's main thread.

The worker processes of :mod:`sitrep.batch.workers` (and the CLI's own process) run
each article's stages in their main thread, where ``signal.setitimer`` can interrupt
pure-Python code: the stages raise :class:`ArticleTimeout` and the article is stored
unanalysed with the reason. The limit covers the stages, not spaCy's parse: compiled
code is not interrupted by a signal until it returns, and the parse of one article is
bounded instead by its length (``Settings.max_article_chars``, parsed in segments of
``Settings.segment_chars``, long runs blanked by ``sitrep.ingest.sanitize.analysis_text``).
The limit is ``Settings.article_seconds`` for each ``segment_chars`` of the text
(:func:`sitrep.pipeline.stage_seconds`): the stages' time grows with the length. Where
no timer can be set (a thread other than the main one, e.g. the web server's; a platform
without SIGALRM) there is no limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class ArticleTimeout(BaseException):
    """Not an Exception: a stage's own ``except Exception`` must not swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the analysis took over {seconds:g} s (Settings.article_seconds)")


def can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block once ``seconds`` passed (0: no limit)."""
    if seconds <= 0 or not can_limit():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
