"""sitrep serve: the REST API and web UI (FastAPI + uvicorn), offline."""

from __future__ import annotations

import os

import click

from sitrep.cli.app import main
from sitrep.config import Settings
from sitrep.errors import MissingExtraError


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True)
@click.option("--token", envvar="SITREP_TOKEN",
              help="Review token (env SITREP_TOKEN); required for writes when --host is not localhost. "
                   "One is generated and printed when missing.")
@click.option("--server-name", "server_names", multiple=True, metavar="NAME",
              help="Another host name the server is reached by (repeatable); requests naming any "
                   "other host are refused (DNS rebinding).")
@click.pass_obj
def serve_cmd(settings: Settings, host: str, port: int, token: str | None,
              server_names: tuple[str, ...]) -> None:
    """Serve the web UI and REST API (OpenAPI at /openapi.json) over the store."""
    try:
        import uvicorn

        from sitrep.web.app import create_app
    except ImportError as exc:
        raise MissingExtraError("the web UI (fastapi, uvicorn, jinja2)", "web") from exc
    from sitrep.web.security import needs_token, new_token

    if needs_token(host):
        if not token:
            token = new_token()
            click.echo(f"review token (give it to reviewers): {token}", err=True)
    else:
        token = None
    app = create_app(settings.db, token=token, host=host, server_names=server_names)
    click.echo(f"Sitrep on http://{host}:{port}/ (store {settings.db})", err=True)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("SITREP_LOG", "warning"))
