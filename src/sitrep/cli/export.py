"""sitrep export: stored analyses through any declared exporter (jsonl, csv, parquet, ...).

Review corrections (sitrep.kb.corrections) override the machine output unless
``--machine-only`` is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, cast

import click

from sitrep.cli.app import main
from sitrep.cli.query import opened_store
from sitrep.config import Settings
from sitrep.export import exporters
from sitrep.model import Analysis
from sitrep.store import Store


class _ExporterChoice(click.ParamType):
    """A declared exporter name (sitrep.export.formats), checked when the option is read."""

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
@click.option("--machine-only", is_flag=True,
              help="The pipeline's output as stored, without review corrections.")
@click.pass_obj
def export(settings: Settings, fmt: str, output: str, machine_only: bool) -> None:
    """Write every stored analysis in FORMAT (jsonl, csv, parquet, gdelt, sipri, ...)."""
    write = exporters.get(fmt)
    review = None if machine_only else _review()  # imported first: registers its tables
    with opened_store(settings) as store, click.open_file(output, "wb") as out:
        analyses: Iterable[Analysis] = store.iter_analyses()
        if review is not None:
            analyses = review(store, analyses)
        write(analyses, cast(BinaryIO, out))


Review = Callable[[Store, Iterable[Analysis]], Iterator[Analysis]]


def _review() -> Review | None:
    try:
        from sitrep.kb import corrections  # noqa: F401
    except ImportError:  # the knowledge base's optional packages are missing
        return None
    return _corrected


def _corrected(store: Store, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
    from sitrep.kb.corrections import apply_corrections, list_corrections

    by_article: dict[str, list[Any]] = {}
    for c in list_corrections(store):
        by_article.setdefault(c.article_id, []).append(c)
    for a in analyses:
        found = by_article.get(a.article.id)
        yield apply_corrections(a, found) if found else a
