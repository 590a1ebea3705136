"""Sitrep on Apache Spark: the same pipeline over JSON Lines, Parquet or text files.

    from sitrep.drive.spark import run_job
    run_job(spark, ["s3://bucket/news/*.jsonl"], "s3://bucket/out", settings)

Each executor's Python worker loads the spaCy model once (the pipeline is cached
per process by :func:`sitrep.pipeline.get_pipeline`) and analyses whole partitions
with ``nlp.pipe``; each output row holds one article's extract-format JSON. Rows
also name the worker (``host:pid``) and how many models it had loaded, so a run
shows that the model was loaded once per worker, not once per article.

Command line: ``sitrep spark`` (sitrep/cli/spark.py); under ``spark-submit``, run
``sitrep/cli/__main__.py`` (see docs/benchmarks.md). Needs ``pip install 'sitrep[spark]'``
and Java.
"""

from sitrep.drive.spark.inputs import detect_format, read_items
from sitrep.drive.spark.job import OUTPUT_SCHEMA, analyze_items, run_job, spark_session

__all__ = ["OUTPUT_SCHEMA", "analyze_items", "detect_format", "read_items", "run_job", "spark_session"]
