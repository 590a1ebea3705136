"""sitrep spark: run the pipeline over JSON Lines, Parquet or text files on Apache Spark."""

from __future__ import annotations

import json

import click

from sitrep.cli.app import main
from sitrep.config import Settings
from sitrep.errors import SitrepError


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.argument("out")
@click.option("--format", "fmt", type=click.Choice(["auto", "jsonl", "parquet", "text"]), default="auto",
              show_default=True, help="Input format; auto goes by the file names.")
@click.option("--master", default=None,
              help="Spark master: local[2], spark://host:7077 (default: spark-submit's, else local[*]).")
@click.option("--partitions", type=int, default=None, help="Repartition the input into N tasks.")
@click.option("--store/--no-store", default=False, show_default=True,
              help="Also write every analysis into the store given by --db (PostgreSQL on a cluster).")
@click.option("--overwrite", is_flag=True, help="Replace an existing output folder.")
@click.pass_obj
def spark(settings: Settings, paths: tuple[str, ...], out: str, fmt: str, master: str | None,
          partitions: int | None, store: bool, overwrite: bool) -> None:
    """Analyse PATHS on Spark, the model loaded once per executor worker; write extract-format
    Parquet into the folder OUT (local, hdfs://, s3a://...).

    Each output row is one article: id, source, error, extract (the extract-format
    JSON), pipeline_version, worker and model_loads. Prints a JSON summary:
    articles, errors and the models loaded per worker.
    """
    from sitrep.drive.spark import run_job, spark_session

    try:
        session = spark_session(master)
        summary = run_job(session, list(paths), out, settings, fmt=fmt, partitions=partitions,
                          store=store, mode="overwrite" if overwrite else "errorifexists")
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    except Exception as exc:  # Spark's own errors (AnalysisException: path exists / not found)
        if type(exc).__module__.startswith(("pyspark", "py4j")):
            raise click.ClickException(f"Spark: {str(exc).splitlines()[0]}") from exc
        raise
    click.echo(json.dumps(summary, indent=2))
