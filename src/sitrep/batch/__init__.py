"""Archive-sized batches: worker processes on one machine, Spark beyond it.

- :func:`analyze_many`: analyses in input order, in this process
  (``Settings.n_process == 1``) or from a pool of worker processes
  (:func:`analyze_parallel`), each loading the spaCy model once.
- :func:`chunked`, :func:`skip_known`, :func:`write_batched`: streaming helpers for
  ingest (fixed-size chunks, resume by article id, one transaction per batch).
- :class:`Progress`: counts, rate and ETA for a progress line.
- :func:`rss_bytes`: resident memory of a process and its children.
- ``sitrep.drive.spark``: the Spark job (needs the ``spark`` extra).
"""

from sitrep.batch.chunks import chunked, skip_known, write_batched
from sitrep.batch.memory import rss_bytes
from sitrep.batch.progress import Progress, count_inputs
from sitrep.batch.workers import analyze_many, analyze_parallel, worker_count

__all__ = [
    "Progress",
    "analyze_many",
    "analyze_parallel",
    "chunked",
    "count_inputs",
    "rss_bytes",
    "skip_known",
    "worker_count",
    "write_batched",
]
