"""Cost of cross-article merging, apart from ingest (clarifications.md: "report merging's
cost as its own figure"), and the merged entities it produces.

    .venv/bin/python bench/kb_merge.py [FILES...]   # default: examples/ + ../shared/eval/news-articles

Ingests the files into a temporary store (not timed), then times ``sitrep.kb.merging``:
the first merge (model loads included), a second run with nothing pending, and a
re-merge of every article with the models warm. Prints per-article milliseconds and the
KB entities named in more than one article.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_files() -> list[str]:
    ref = ROOT.parent / "shared" / "examples" / "belarus-arms-deal-2021.md"
    news = ROOT.parent / "shared" / "eval" / "news-articles"
    files = [ref, *sorted((ROOT / "examples").glob("wikinews-*.md"))]
    files += [p for p in sorted(news.glob("*.md")) if p.name != "SOURCE.md"]
    return [str(p) for p in files if p.is_file()]


def main(argv: list[str]) -> None:
    from sqlalchemy import delete

    import sitrep.kb.schema as k
    from sitrep import kb
    from sitrep.batch import analyze_many
    from sitrep.ingest import read_inputs
    from sitrep.store import open_store

    files = argv or default_files()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        articles = (a for a in read_inputs(files) if not isinstance(a, Exception))
        for analysis in analyze_many(articles):
            store.add(analysis)
        t0 = time.perf_counter()
        first = kb.merge(store)
        cold = time.perf_counter() - t0
        idle = kb.merge(store)
        with store.engine.begin() as conn:
            conn.execute(delete(k.kb_merged))
        t1 = time.perf_counter()
        warm = kb.merge(store)
        warm_s = time.perf_counter() - t1
        n = max(first.articles, 1)
        print(f"articles {first.articles}, entities {first.entities}, events {first.events}")
        print(f"first merge (models load): {cold:.1f} s ({1000 * cold / n:.0f} ms/article)")
        print(f"nothing pending: {idle.seconds * 1000:.0f} ms")
        per = 1000 * warm_s / max(warm.articles, 1)
        print(f"re-merge, models warm: {warm_s:.1f} s ({per:.0f} ms/article)")
        print(f"KB: {warm.kb_entities} entities, {warm.kb_events} events")
        _, ents = kb.kb_entities(store, limit=1000)
        print("entities named in more than one article:")
        for e in ents:
            if e.n_articles > 1:
                print(f"  {e.name} ({e.type}, {e.kb_id}): {e.n_articles} articles")
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
