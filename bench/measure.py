"""One benchmark measurement, run in a fresh process; prints one JSON object.

    python bench/measure.py bare    CORPUS --workers 2
    python bench/measure.py extract CORPUS --workers 2
    python bench/measure.py ingest  CORPUS --workers 2 [--marks 1000,10000]
    python bench/measure.py frame   CORPUS --workers 2

``bare`` is spaCy alone: ``spacy.load`` of the same model and ``nlp.pipe`` over the
same texts with the same batch size and process count (the floor). ``extract`` is
``sitrep.batch.analyze_many`` with every stage, each result turned into its
extract-format JSON (what ``sitrep extract --format jsonl`` prints). ``ingest``
reads the JSON Lines corpus with Sitrep's readers, skips stored ids, analyses and
writes every article into a new SQLite store (no cross-article merging). ``frame``
is ``extract`` with no stages: the cost of Sitrep's own batch machinery (warm-up,
memory zones, worker processes, result transfer) over bare spaCy.

Each run reports wall time, articles and words, the peak of the summed RSS of the
process and its workers, and the summed RSS at each ``--marks`` count (the median of
the samples over the last half-first-mark articles up to it; the samples are kept as
``curve``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import read_corpus
from sitrep.batch.memory import PeakSampler, rss_bytes
from sitrep.config import Settings

BATCH = 32


def _count(items: Iterable[object], words: Callable[[object], int], marks: set[int]) -> dict:
    """Count articles and words; with ``marks``, sample the summed RSS along the way.

    One instant's RSS depends on the batch in flight (a worker holding a chunk of long
    pages stands hundreds of MB above its steady level), so a mark is not read at one
    instant: the RSS is sampled every ``step`` articles and "RSS after N" is the
    median of the samples over the ``window`` articles up to N (half the first mark),
    e.g. articles 501-1,000 and 9,501-10,000. The whole curve is kept in ``curve``.
    """
    n = nwords = 0
    step = max(1, min(marks) // 20) if marks else 0
    curve: list[tuple[int, int]] = []
    for item in items:
        n += 1
        nwords += words(item)
        if step and n % step == 0:
            curve.append((n, rss_bytes()))
            if n in marks:
                print(f"{n:,} articles: RSS {curve[-1][1] / 2**20:,.0f} MB", file=sys.stderr, flush=True)
    window = min(marks) // 2 if marks else 0
    at = {str(m): int(statistics.median(r for k, r in curve if m - window < k <= m))
          for m in sorted(marks) if any(m - window < k <= m for k, _ in curve)}
    return {"articles": n, "words": nwords, "rss_at": at, "rss_window": window, "curve": curve}


def run_bare(corpus: Path, workers: int, marks: set[int]) -> dict:
    import spacy

    nlp = spacy.load(Settings().model)
    texts = ((row["text"], None) for row in read_corpus(corpus))
    docs = nlp.pipe(texts, batch_size=BATCH, n_process=workers, as_tuples=True)
    return _count(docs, lambda pair: len(pair[0].text.split()), marks)


def _articles(corpus: Path) -> Iterator:
    from sitrep.model import Article

    for row in read_corpus(corpus):
        yield Article(text=row["text"], title=row.get("title") or None, source=row["source"])


def run_extract(corpus: Path, workers: int, marks: set[int], stages: bool = True) -> dict:
    from sitrep.batch import analyze_many

    settings = Settings(n_process=workers, batch_size=BATCH)
    if not stages:
        settings = settings.with_(stages=())
    out = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

    def emit(analyses: Iterable) -> Iterator:
        for a in analyses:
            out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            yield a

    stream = emit(analyze_many(_articles(corpus), settings))
    result = _count(stream, lambda a: len(a.article.text.split()), marks)
    out.close()
    return result


def run_ingest(corpus: Path, workers: int, marks: set[int]) -> dict:
    """``sitrep ingest`` as the library runs it (sitrep.drive.ingest), into a new SQLite file.

    With ``marks`` (RSS samples while it runs) the bench's own equivalent loop is used
    (bench_ingest.py: the same readers, resume check, workers and batched writes).
    """
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        settings = Settings(db=db, n_process=workers, batch_size=BATCH)
        try:
            from sitrep.drive.ingest import ingest as store_ingest
        except ImportError:
            store_ingest = None
        if store_ingest is None or marks:
            from bench_ingest import ingest

            result = _count(ingest([str(corpus)], settings), lambda a: len(a.article.text.split()), marks)
        else:
            from sitrep.store import open_store

            with open_store(db) as store:
                report = store_ingest([str(corpus)], store, settings, progress=False)
            words = sum(len(row["text"].split()) for row in read_corpus(corpus))
            result = {"articles": report.read, "words": words, "rss_at": {},
                      "stored": report.new, "failed": report.failed}
        result["db_bytes"] = os.path.getsize(db)
    return result


def run_frame(corpus: Path, workers: int, marks: set[int]) -> dict:
    """extract with no stages: what Sitrep's own batching, zones and workers cost over spaCy."""
    return run_extract(corpus, workers, marks, stages=False)


PARTS = {"bare": run_bare, "extract": run_extract, "frame": run_frame, "ingest": run_ingest}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("part", choices=sorted(PARTS))
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--marks", default="", help="comma-separated article counts at which to sample RSS")
    args = ap.parse_args()
    marks = {int(m) for m in args.marks.split(",") if m}
    start = time.perf_counter()
    with PeakSampler() as sampler:
        result = PARTS[args.part](args.corpus, args.workers, marks)
    result.update(part=args.part, workers=args.workers, seconds=time.perf_counter() - start,
                  peak_rss=sampler.peak)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
