"""parquet exporter: the csv exporter's fact table as Apache Parquet (typed columns)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import BinaryIO

from sitrep.export.csvfile import COLUMNS, fact_rows
from sitrep.model import Analysis

ROW_GROUP = 10_000
_TYPES = {"start": "int64", "end": "int64", "confidence": "float64"}


def export_parquet(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.type_for_alias(_TYPES.get(c, "string"))) for c in COLUMNS])
    rows = fact_rows(analyses)
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        while batch := list(islice(rows, ROW_GROUP)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        # an empty store still gives a valid file with the schema
