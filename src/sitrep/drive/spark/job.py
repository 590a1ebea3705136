"""The Spark job: analyse partitions with the model loaded once per worker, write Parquet.

``run_job`` reads the inputs (:mod:`sitrep.drive.spark.inputs`), maps each partition
through :func:`analyze_items` and writes one Parquet row per article:

=================  =========================================================
``id``             article id (sha256 of the normalized body); null for an error
``source``         where it came from: ``path``, ``path:LINE`` or ``path:ROW``
``error``          why the input could not be read, else null
``extract``        the extract-format JSON object (``sitrep extract --format jsonl``)
``pipeline_version``
``worker``         ``host:pid`` of the Python worker that analysed it
``model_loads``    spaCy models that worker had loaded (1 when all is well)
=================  =========================================================

With ``store=True`` each partition also writes its analyses into ``settings.db``
(PostgreSQL for a cluster), one transaction per ``settings.write_batch`` articles.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sitrep.config import Settings
from sitrep.drive.spark.inputs import Item, detect_format, read_items
from sitrep.errors import InputError, MissingExtraError, SitrepError
from sitrep.model import Analysis, Article

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

OUTPUT_SCHEMA = (
    "id string, source string, error string, extract string, pipeline_version string, "
    "worker string, model_loads int"
)


def spark_session(master: str | None = None, app: str = "sitrep") -> SparkSession:
    """The running session (spark-submit) or a new one; ``master`` e.g. ``local[2]``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise MissingExtraError("sitrep spark", "spark") from exc
    builder = SparkSession.builder.appName(app).config("spark.ui.enabled", "false")
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        # local mode: the workers run this interpreter, with this environment's packages
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.pyspark.python", sys.executable)
        builder = builder.config("spark.pyspark.driver.python", sys.executable)
        builder = builder.config("spark.sql.shuffle.partitions", str(os.cpu_count() or 2))
    return builder.getOrCreate()


def _articles(items: Iterable[Item], settings: Settings, errors: list[InputError]) -> Iterator[Article]:
    """Articles from items, as the single-machine readers make them; errors go to ``errors``."""
    for location, kind, payload in items:
        if kind == "line" and not payload.strip():
            continue  # blank lines are not records (as in the JSON Lines reader)
        for got in _read_item(location, kind, payload, settings):
            if isinstance(got, InputError):
                errors.append(got)
            else:
                yield got


def _read_item(location: str, kind: str, payload: Any, settings: Settings) -> Iterator[Article | InputError]:
    """The single-machine readers over what a worker was handed: a whole file's bytes,
    one JSON Lines line, or a record (a Parquet row)."""
    from sitrep.ingest import read_input
    from sitrep.ingest.jsonl import line_article, record_article
    from sitrep.ingest.sources import input_from_bytes

    if kind == "file":
        yield from read_input(input_from_bytes(location, payload), settings)
        return
    try:
        yield line_article(payload, location, settings) if kind == "line" else \
            record_article(payload, location, settings)
    except InputError as exc:
        yield exc


def analyze_items(items: Iterable[Item], settings: Settings, store: bool = False) -> Iterator[tuple]:
    """One partition: items -> output rows (see the module doc), analysed in this worker."""
    from sitrep.batch.workers import without_torch
    from sitrep.nlp import loader
    from sitrep.pipeline import get_pipeline

    worker = f"{socket.gethostname()}:{os.getpid()}"
    errors: list[InputError] = []
    without_torch()
    pipeline = get_pipeline(settings.with_(n_process=1))  # cached: once per worker process
    analyses: Iterable[Analysis] = pipeline.analyze_many(_articles(items, settings, errors))
    db = _open_store(settings) if store else None
    if db is not None:  # the ingest driver's write step: batched, each article whole
        from sitrep.drive import write_analyses

        analyses = write_analyses(analyses, db, settings)
    try:
        for a in analyses:
            yield from _error_rows(errors, worker)
            d = a.to_dict()
            yield (a.article.id, a.article.source, None, json.dumps(d, ensure_ascii=False),
                   a.pipeline_version, worker, loader.LOAD_COUNT)
        yield from _error_rows(errors, worker)
    finally:
        if db is not None:
            db.close()


def _error_rows(errors: list[InputError], worker: str) -> Iterator[tuple]:
    from sitrep.nlp import loader

    while errors:
        e = errors.pop(0)
        yield (None, e.location, e.reason, None, None, worker, loader.LOAD_COUNT)


def _open_store(settings: Settings) -> Any:
    from sitrep.store import open_store

    return open_store(settings.db, lock_wait=settings.lock_wait_seconds)


def analyze_frame(spark: SparkSession, paths: list[str], settings: Settings, *, fmt: str = "auto",
                  partitions: int | None = None, store: bool = False) -> DataFrame:
    """The output rows of the job as a DataFrame (computed lazily)."""
    fmt = detect_format(paths) if fmt == "auto" else fmt
    items = read_items(spark, paths, fmt)
    if partitions:
        items = items.repartition(partitions)
    if store:
        _open_store(settings).close()  # create or upgrade the schema once, in the driver
    rows = items.mapPartitions(lambda part: analyze_items(part, settings, store))
    return spark.createDataFrame(rows, OUTPUT_SCHEMA)


def run_job(spark: SparkSession, paths: list[str], out: str, settings: Settings | None = None, *,
            fmt: str = "auto", partitions: int | None = None, store: bool = False,
            mode: str = "errorifexists") -> dict[str, Any]:
    """Analyse ``paths`` and write the Parquet output to ``out``; returns counts per worker."""
    settings = settings or Settings()
    if not paths:
        raise SitrepError("sitrep spark: give at least one input path")
    frame = analyze_frame(spark, paths, settings, fmt=fmt, partitions=partitions, store=store)
    frame.write.mode(mode).parquet(out)
    return summarize(spark.read.parquet(out))


def summarize(frame: DataFrame) -> dict[str, Any]:
    """Articles, errors and {worker: models loaded} of a written output."""
    from pyspark.sql import functions as F

    rows = frame.groupBy("worker").agg(
        F.count("id").alias("articles"), F.count("error").alias("errors"),
        F.max("model_loads").alias("loads")).collect()
    return {
        "articles": sum(r["articles"] for r in rows),
        "errors": sum(r["errors"] for r in rows),
        "workers": {r["worker"]: r["loads"] for r in rows},
    }
