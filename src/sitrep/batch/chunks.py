"""Streaming helpers: fixed-size chunks, resume by article id, batched writes.

Nothing here builds a list of the whole input: each helper holds one chunk at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from sitrep.model import Analysis, Article

T = TypeVar("T")


def chunked(
    items: Iterable[T], size: int, *, budget: int | None = None, cost: Callable[[T], int] | None = None,
) -> Iterator[list[T]]:
    """Consecutive lists of up to ``size`` items (the last may be shorter), read lazily.

    With ``budget`` and ``cost``, a chunk also ends before its summed cost would pass
    the budget (a chunk always holds at least one item): chunks of articles capped by
    their characters keep a worker's memory the same whether the input is short wire
    reports or long pages.
    """
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    chunk: list[T] = []
    total = 0
    for item in items:
        c = cost(item) if cost is not None else 0
        if chunk and budget is not None and total + c > budget:
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += c
        if len(chunk) >= size:  # full: hand it on before reading further
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def text_chars(article: Article) -> int:
    """An article's cost for :func:`chunked`: its characters."""
    return len(article.text)


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
