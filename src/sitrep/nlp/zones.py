"""What a process that runs spaCy over a stream needs: chunks and memory zones.

Articles go through spaCy in chunks (:func:`chunked`, capped by count and characters),
each inside ``nlp.memory_zone()``; after a chunk the C heap's free pages go back to the
system (:func:`release_free_memory`), so memory follows the work in flight.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from sitrep.model import Article

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


def _libc_malloc_trim() -> object | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)  # glibc only


_MALLOC_TRIM = _libc_malloc_trim()


def release_free_memory() -> bool:
    """Hand the C heap's free pages back to the system (glibc ``malloc_trim(0)``).

    A worker that has just parsed a chunk of long pages keeps the freed arrays in its
    heap, so its RSS shows the largest chunk it ever saw rather than what it holds;
    trimming after each chunk keeps a long run's RSS at its working set. A no-op
    (False) where the C library has no ``malloc_trim`` (musl, macOS).
    """
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)  # type: ignore[operator]
    return True
