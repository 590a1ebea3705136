"""sitrep ingest: read, analyse and store articles (resumable, duplicates recognised)."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from sitrep.cli.app import main
from sitrep.cli.query import opened_store
from sitrep.config import Settings


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes for the analysis (0: one per core).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress bar with rate and ETA on stderr.")
@click.pass_obj
def ingest(settings: Settings, paths: tuple[str, ...], workers: int, progress: bool) -> None:
    """Read PATHS (files, directories, globs, - for stdin), analyse what is new, store it.

    Re-running skips what is stored; the same text from another file adds a source.
    Exit status 1 when any input failed.
    """
    from sitrep.store.ingest import Failure
    from sitrep.store.ingest import ingest as run_ingest

    def report_failure(f: Failure) -> None:
        tqdm.write(f"error: {f}", file=sys.stderr)

    settings = settings.with_(n_process=workers)
    with opened_store(settings) as store:
        report = run_ingest(paths, store, settings, progress=progress, on_failure=report_failure)
    for w in report.warnings[:20]:
        click.echo(f"warning: {w}", err=True)
    if len(report.warnings) > 20:
        click.echo(f"warning: ... and {len(report.warnings) - 20} more warnings", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)
