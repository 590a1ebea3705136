"""Streaming helpers: fixed-size chunks, resume by article id, batched writes.

Nothing here builds a list of the whole input: each helper holds one chunk at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from sitrep.model import Analysis, Article
from sitrep.nlp.zones import chunked, text_chars

__all__ = ["chunked", "skip_known", "text_chars", "write_batched"]

T = TypeVar("T")


def skip_known(
    articles: Iterable[Article],
    known: Callable[[Sequence[str]], Iterable[str]],
    *,
    chunk: int = 500,
    skipped: Callable[[Article], None] | None = None,
) -> Iterator[Article]:
    """Resume an interrupted run: drop articles whose id ``known(ids)`` reports as done.

    ``known`` gets the ids of one chunk and returns those already stored (one
    query per chunk, e.g. ``SELECT id FROM articles WHERE id IN (...)``). Each
    dropped article is passed to ``skipped`` (to add its source, count it, ...).
    Ids repeated inside the input are kept: the store decides what a repeat means.
    """
    for part in chunked(articles, chunk):
        done = set(known([a.id for a in part]))
        for art in part:
            if art.id in done:
                if skipped is not None:
                    skipped(art)
            else:
                yield art


def write_batched(
    analyses: Iterable[Analysis],
    write: Callable[[list[Analysis]], None],
    *,
    size: int = 50,
) -> Iterator[Analysis]:
    """Pass analyses through, calling ``write(batch)`` once per ``size`` of them.

    ``write`` is one transaction (e.g. ``Store.add`` in a loop inside one commit).
    Each analysis is yielded after its batch is written, so a consumer counting
    them (progress, resume) never counts an article that is not stored yet.
    """
    for batch in chunked(analyses, size):
        write(batch)
        yield from batch
