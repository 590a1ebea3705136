"""sitrep eval: score the pipeline against gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.cli.app import main
from sitrep.config import Settings
from sitrep.errors import SitrepError


@main.command("eval")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--mode", default="gold", show_default=True,
              help="What PATH holds: gold (articles beside *.gold.yaml), tempeval (TimeML .tml), "
                   "re3d, meantime-entities, meantime-timex, meantime-quotes, kb-merge, ecbplus.")
@click.option("--tempeval", "tempeval", is_flag=True, help="Same as --mode tempeval.")
@click.option("--split", default=None, metavar="PART",
              help="Only the documents of this part (dev, test) of the corpus's recorded split "
                   "(sitrep/eval/splits/CORPUS.yaml); gold mode only.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--reliability", is_flag=True,
              help="Also print the events' reliability table (of the events given each confidence, "
                   "the share that match gold); gold mode only.")
@click.pass_obj
def eval_(settings: Settings, path: Path, mode: str, tempeval: bool, as_json: bool,
          split: str | None, reliability: bool) -> None:
    """Score the pipeline on PATH and print P/R/F1 per section.

    With gold files (the default), every article beside a NAME.gold.yaml is analysed
    and scored as ../shared/spec/gold-format.md describes.
    """
    from sitrep.eval import evaluators

    try:
        name = "tempeval" if tempeval else mode
        if split is not None or reliability:
            if name != "gold":
                raise click.UsageError("--split and --reliability work with --mode gold only")
            from sitrep.eval.golddir import evaluate_gold

            report = evaluate_gold(path, settings, split=split)
        else:
            report = evaluators.get(name)(path, settings)
    except (KeyError, SitrepError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report.to_dict(), indent=1) if as_json else report.format())
    if reliability:
        from sitrep.eval.calibration import brier, format_table
        from sitrep.eval.calibration import reliability as table

        click.echo("\nevent confidence:\n" + format_table(table(report.outcomes))
                   + f"\nBrier score {brier(report.outcomes):.3f}")
