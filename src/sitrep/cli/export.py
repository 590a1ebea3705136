"""sitrep export: stored analyses through any registered exporter (jsonl, csv, parquet, ...)."""

from __future__ import annotations

from typing import BinaryIO, cast

import click

from sitrep.cli.app import main
from sitrep.cli.query import opened_store
from sitrep.config import Settings
from sitrep.export import exporters


class _ExporterChoice(click.ParamType):
    """A registered exporter name; looked up when used, so late registrations count."""

    name = "format"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if value not in exporters:
            self.fail(f"{value!r}: known formats are {', '.join(sorted(exporters))}", param, ctx)
        return value

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(sorted(exporters)) + "]"


@main.command()
@click.option("--format", "fmt", type=_ExporterChoice(), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              show_default=True, help="File to write (- for stdout).")
@click.pass_obj
def export(settings: Settings, fmt: str, output: str) -> None:
    """Write every stored analysis in FORMAT (jsonl, csv, parquet, gdelt, sipri, ...)."""
    write = exporters.get(fmt)
    with opened_store(settings) as store, click.open_file(output, "wb") as out:
        write(store.iter_analyses(), cast(BinaryIO, out))
