"""sitrep reanalyze: re-run the pipeline over stored articles after it improved."""

from __future__ import annotations

import sys

import click

from sitrep.cli.app import main
from sitrep.cli.query import opened_store
from sitrep.config import Settings


@main.command()
@click.option("--all", "everything", is_flag=True,
              help="Every stored article, not only those made by another pipeline version.")
@click.option("-j", "--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes for the analysis (0: one per core).")
@click.option("--progress/--no-progress", default=True, show_default=True)
@click.pass_obj
def reanalyze(settings: Settings, everything: bool, workers: int, progress: bool) -> None:
    """Re-analyse stored articles; their records are replaced, their sources kept."""
    from sitrep.drive.reanalyze import reanalyze as run
    from sitrep.model import PIPELINE_VERSION

    settings = settings.with_(n_process=workers)
    with opened_store(settings) as store:
        report = run(store, settings, everything=everything, progress=progress)
    for f in report.failures:
        click.echo(f"error: {f}", err=True)
    click.echo(f"{report.done} articles re-analysed by pipeline {PIPELINE_VERSION}, {report.failed} failed")
    if report.failed:
        sys.exit(1)
