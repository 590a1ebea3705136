"""Archive-sized batches: worker processes on one machine, Spark beyond it.

- :func:`analyze_parallel`: analyses in input order from a pool of worker processes,
  each loading the spaCy model once (``Pipeline.analyze_many`` dispatches here
  when ``Settings.n_process != 1``).
- :func:`chunked`, :func:`skip_known`, :func:`write_batched`: streaming helpers for
  ingest (fixed-size chunks, resume by article id, one transaction per batch).
- :class:`Progress`: counts, rate and ETA for a progress line.
- :func:`rss_bytes`: resident memory of a process and its children.
- ``sitrep.batch.spark``: the Spark job (needs the ``spark`` extra).
"""

from sitrep.batch.chunks import chunked, skip_known, write_batched
from sitrep.batch.memory import rss_bytes
from sitrep.batch.progress import Progress, count_inputs
from sitrep.batch.workers import analyze_parallel, worker_count

__all__ = [
    "Progress",
    "analyze_parallel",
    "chunked",
    "count_inputs",
    "rss_bytes",
    "skip_known",
    "worker_count",
    "write_batched",
]
