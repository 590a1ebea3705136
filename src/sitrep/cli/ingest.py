"""sitrep ingest: read, analyse and store articles (resumable, duplicates recognised)."""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import TYPE_CHECKING

import click
from tqdm import tqdm

from sitrep.cli.app import main
from sitrep.cli.errorlines import ErrorLines
from sitrep.cli.query import opened_store
from sitrep.config import Settings

if TYPE_CHECKING:
    from sitrep.drive.ingest import Failure


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes for the analysis (0: one per core).")
@click.option("--write-batch", type=click.IntRange(min=1), default=None,
              help="Articles per store transaction (default 50; a batch is also cut after 1 s).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar with rate and ETA on stderr.")
@click.pass_obj
def ingest(settings: Settings, paths: tuple[str, ...], workers: int, write_batch: int | None,
           progress: bool) -> None:
    """Read PATHS (files, directories, globs, - for stdin), analyse what is new, store it.

    Re-running skips what is stored; the same text from another file adds a source.
    Exit status 1 when any input failed.
    """
    from sitrep.drive.ingest import ingest as run_ingest

    errors = ErrorLines(lambda line: tqdm.write(line, file=sys.stderr))

    def report_failure(f: Failure) -> None:
        errors(f.location, f.reason, f.file)

    settings = settings.with_(n_process=workers, write_batch=write_batch or settings.write_batch)
    with opened_store(settings) as store:
        try:
            report = run_ingest(paths, store, settings, progress=progress, on_failure=report_failure)
        except KeyboardInterrupt:
            errors.flush()
            click.echo("\ninterrupted: every article written so far is complete; run the same command "
                       "again to go on from there", err=True)
            sys.exit(130)
    errors.flush()
    _print_warnings(report.warnings)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


def _print_warnings(warnings: list[Failure], each: int = 5) -> None:
    """A line per warning, but a count for a warning that many articles share."""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for w in warnings:
        by_reason[w.reason].append(w.location)
    for reason, where in by_reason.items():
        if len(where) <= each:
            for loc in where:
                click.echo(f"warning: {loc}: {reason}", err=True)
        else:
            click.echo(f"warning: {len(where)} articles ({where[0]}, ...): {reason}", err=True)
