"""Full-text search time against the number of words in the query (#18.4).

    .venv/bin/python bench/search_scaling.py STORE [--words 10,100,400,1000] [--limit 60]

For each size N, two queries of N words: ``passage``, the first N words of the
store's longest article (pasted prose: every word occurs in it, many repeated), and
``common``, the store's 64 most frequent words in turn (what matches most). Each is
timed in two parts: building the engine's query (``parse`` + ``fts5_query``)
and running ``sitrep.kb.search.search``. ``--limit``: give up on a size after that
many seconds (the run is killed by a SIGALRM; the figure is printed as ``> limit``).
"""

from __future__ import annotations

import argparse
import re
import signal
import time
from collections import Counter
from typing import Any


def queries(store: Any) -> dict[str, list[str]]:
    longest: list[str] = []
    counts: Counter[str] = Counter()
    for analysis in store.iter_analyses():
        words = re.findall(r"\w+", analysis.article.text)
        counts.update(w.lower() for w in words)
        longest = max(longest, words, key=len)
    return {"passage": longest, "common": [w for w, _ in counts.most_common(64)]}


class _Late(Exception):
    pass


def _alarm(_sig: int, _frame: Any) -> None:
    raise _Late


def main() -> None:
    from sitrep.store import open_store

    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--words", default="10,100,400,1000")
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    store = open_store(args.store)
    sizes = [int(x) for x in args.words.split(",")]
    signal.signal(signal.SIGALRM, _alarm)
    print(f"store {args.store}: {store.count()} articles")
    for kind, words in queries(store).items():
        for n in sizes:
            _measure(store, kind, " ".join(words[i % len(words)] for i in range(n)), n, args.limit)


def _measure(store: Any, kind: str, q: str, n: int, limit: int) -> None:
    from sitrep.kb import search as s

    t0 = time.perf_counter()
    parsed = s.parse(q)
    s.fts5_query(parsed)
    build = time.perf_counter() - t0
    signal.alarm(limit)
    t1 = time.perf_counter()
    try:
        hits: Any = len(s.search(store, q))
        took = f"{time.perf_counter() - t1:.3f} s"
    except _Late:
        hits, took = "-", f"> {limit} s"
    except Exception as exc:
        hits, took = type(exc).__name__, f"{time.perf_counter() - t1:.3f} s ({exc})"
    finally:
        signal.alarm(0)
    print(f"{kind:8s} {n:5d} words: {sum(map(len, parsed.any_of))} terms, build {build * 1000:.1f} ms, "
          f"search {took}, hits {hits}")


if __name__ == "__main__":
    main()
