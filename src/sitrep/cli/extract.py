"""sitrep extract: analyse articles and print the extract format (no store)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from sitrep.cli.app import main
from sitrep.cli.errorlines import ErrorLines
from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.model import Article


def _articles(paths: tuple[str, ...], settings: Settings, failures: list[InputError]) -> Iterator[Article]:
    from sitrep.ingest import read_inputs

    errors = ErrorLines(lambda line: click.echo(line, err=True))
    for item in read_inputs(paths, settings):
        if isinstance(item, InputError):
            failures.append(item)
            errors(item.location, item.reason, item.input)
        else:
            yield item
    errors.flush()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "yaml", "text"]), default="json",
              show_default=True)
@click.pass_obj
def extract(settings: Settings, paths: tuple[str, ...], fmt: str) -> None:
    """Analyse PATHS and print what was found, in input order (nothing is stored)."""
    from sitrep.batch import analyze_many
    from sitrep.export.render import render_analyses

    failures: list[InputError] = []
    records = (a.to_dict() for a in analyze_many(_articles(paths, settings, failures), settings))
    render_analyses(records, fmt, sys.stdout)
    if failures:
        sys.exit(1)


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)
