"""Spark inputs as ``(location, kind, payload)`` items, located as the single-machine readers do.

- ``jsonl``: one item per line, ``kind="line"``, location ``path:LINE`` (the line number
  in the file, as ``sitrep ingest`` gives it);
- ``parquet``: one item per row, ``kind="row"`` (the row as a dict with the JSON Lines
  fields: ``text`` or ``html``, ``title``, ``published``, ...), location ``path:ROW``;
- ``text``: one item per file (markdown, HTML or plain text, maybe gzipped),
  ``kind="file"``, payload the bytes, read on the executor by the same reader
  ``sitrep ingest`` picks for that file.

Line and row numbers are exact for files split over several tasks: a first, cheap
pass counts the rows of each file block (``_metadata.file_block_start``), and each
row's number is the rows of the blocks before it plus its place in its block.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

FORMATS = ("jsonl", "parquet", "text")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines", ".jsonl.gz", ".ndjson.gz", ".jsonlines.gz")
Item = tuple[str, str, Any]


def detect_format(paths: Iterable[str]) -> str:
    """``jsonl``, ``parquet`` or ``text`` from the paths' names (or a local folder's files)."""
    found = {_format_of(p) for p in paths}
    if len(found) != 1:
        raise SitrepError(
            f"the inputs mix formats ({', '.join(sorted(found))}): run one format per job "
            "or give --format"
        )
    return found.pop()


def _format_of(path: str) -> str:
    name = path.lower().rstrip("/")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    local = Path(path.removeprefix("file://"))
    if local.is_dir():
        names = [p.name.lower() for p in local.rglob("*") if p.is_file()]
        if names and all(n.endswith(".parquet") or n.startswith(("_", ".")) for n in names):
            return "parquet"
        if names and any(n.endswith(JSONL_SUFFIXES) for n in names):
            return "jsonl"
    return "text"


def read_items(spark: SparkSession, paths: list[str], fmt: str) -> RDD[Item]:
    """The inputs as an RDD of ``(location, kind, payload)``."""
    if fmt == "text":
        rdd = spark.sparkContext.binaryFiles(",".join(paths))
        return rdd.map(lambda pair: (_local(pair[0]), "file", pair[1]))
    if fmt == "jsonl":
        df = spark.read.text(paths)
        return _numbered(df, "line", lambda row: row["value"])
    if fmt == "parquet":
        df = spark.read.parquet(*paths)
        return _numbered(df, "row", lambda row: {k: v for k, v in row.asDict().items()
                                                  if not k.startswith("_sitrep")})
    raise SitrepError(f"unknown input format {fmt!r}: use one of {', '.join(FORMATS)}")


def _local(uri: str) -> str:
    """A ``file:`` URI as the plain path the single-machine readers show."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    return uri.removeprefix("file:")


def _numbered(df: DataFrame, kind: str, payload: Any) -> RDD[Item]:
    from pyspark.sql import functions as F

    df = df.select("*", F.col("_metadata.file_path").alias("_sitrep_file"),
                   F.col("_metadata.file_block_start").alias("_sitrep_block"))
    counts = (df.groupBy("_sitrep_file", "_sitrep_block").count().collect())
    before: dict[tuple[str, int], int] = {}
    for file in {r["_sitrep_file"] for r in counts}:
        total = 0
        for r in sorted((r for r in counts if r["_sitrep_file"] == file), key=lambda r: r["_sitrep_block"]):
            before[(file, r["_sitrep_block"])] = total
            total += r["count"]
    offsets = df.sparkSession.sparkContext.broadcast(before)

    def number(rows: Iterable[Any]) -> Iterator[Item]:
        seen: dict[tuple[str, int], int] = {}
        for row in rows:
            key = (row["_sitrep_file"], row["_sitrep_block"])
            seen[key] = seen.get(key, 0) + 1
            line = offsets.value[key] + seen[key]
            yield f"{_local(key[0])}:{line}", kind, payload(row)

    return df.rdd.mapPartitions(number)
