"""Full-text search time against the number of words in the query (#18.4).

    .venv/bin/python bench/search_scaling.py STORE [--words 10,100,400,1000] [--limit 60]

For each size N, a query of N words drawn (fixed seed) from the store's own article
texts, timed in two parts: building the engine's query (``parse`` + ``fts5_query``)
and running ``sitrep.kb.search.search``. ``--limit``: give up on a size after that
many seconds (the run is killed by a SIGALRM; the figure is printed as ``> limit``).
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import time
from typing import Any


def vocabulary(store: Any, n_articles: int = 50) -> list[str]:
    words: list[str] = []
    for analysis in store.iter_analyses():
        words += re.findall(r"[A-Za-z]{3,}", analysis.article.text)
        n_articles -= 1
        if n_articles == 0:
            break
    return sorted(set(words))


class _Late(Exception):
    pass


def _alarm(_sig: int, _frame: Any) -> None:
    raise _Late


def main() -> None:
    from sitrep.kb import search as s
    from sitrep.store import open_store

    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--words", default="10,100,400,1000")
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    store = open_store(args.store)
    vocab = vocabulary(store)
    rng = random.Random(18)
    signal.signal(signal.SIGALRM, _alarm)
    print(f"store {args.store}: {store.count()} articles; vocabulary {len(vocab)} words")
    for n in (int(x) for x in args.words.split(",")):
        q = " ".join(rng.choice(vocab) for _ in range(n))
        t0 = time.perf_counter()
        parsed = s.parse(q)
        s.fts5_query(parsed)
        build = time.perf_counter() - t0
        signal.alarm(args.limit)
        t1 = time.perf_counter()
        try:
            hits: Any = len(s.search(store, q))
            took = f"{time.perf_counter() - t1:.3f} s"
        except _Late:
            hits, took = "-", f"> {args.limit} s"
        except Exception as exc:
            hits, took = type(exc).__name__, f"{time.perf_counter() - t1:.3f} s ({exc})"
        finally:
            signal.alarm(0)
        print(f"{n:5d} words: {len(parsed.any_of)} terms, build {build * 1000:.1f} ms, "
              f"search {took}, hits {hits}")


if __name__ == "__main__":
    main()
