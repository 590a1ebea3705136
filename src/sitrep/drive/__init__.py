"""Drivers: the layer above ``store/`` and ``pipeline`` that moves articles through them.

- :func:`ingest`: read -> skip what is stored -> analyse -> write (one transaction per
  batch, each article all-or-nothing), resumable; what ``sitrep ingest``, the benchmark
  and the Spark job's ``--store`` run (:func:`write_analyses` is its write step).
- :func:`reanalyze`: the stored articles of another pipeline version, or whose analysis
  failed, analysed again.
"""

from sitrep.drive.ingest import Failure, IngestReport, ingest, write_analyses
from sitrep.drive.reanalyze import ReanalyzeReport, reanalyze

__all__ = ["Failure", "IngestReport", "ReanalyzeReport", "ingest", "reanalyze", "write_analyses"]
