"""The root command group and options every command shares."""

from __future__ import annotations

from typing import Any

import click

from sitrep import __version__
from sitrep.config import Settings
from sitrep.errors import SitrepError


class SitrepGroup(click.Group):
    """The root group: an error Sitrep raises on purpose (a missing extra, a store it
    cannot open) is one message and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SitrepError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=SitrepGroup)
@click.version_option(__version__, prog_name="sitrep")
@click.option(
    "--db", envvar="SITREP_DB", default="sitrep.db", show_default=True,
    help="Store: a SQLite file or a postgresql:// URL (env SITREP_DB).",
)
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    """Sitrep: turn news reports into structured, verifiable knowledge."""
    ctx.obj = Settings(db=db)


def checked_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --since/--until callback: an ISO date or prefix, else a usage error (exit 2)."""
    from sitrep.filters import FilterError, check_date

    try:
        return check_date(param.name or "date", value)
    except FilterError as exc:
        raise click.BadParameter(exc.reason) from None
