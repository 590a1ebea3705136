"""sitrep serve: the REST API and web UI (FastAPI + uvicorn), offline."""

from __future__ import annotations

import os
from types import FrameType
from typing import Any

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
@click.option("--request-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a request may run; its database work is ended after that (503).")
@click.pass_obj
def serve_cmd(settings: Settings, host: str, port: int, token: str | None,
              server_names: tuple[str, ...], request_timeout: float) -> None:
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
    app = create_app(settings.db, token=token, host=host, server_names=server_names,
                     request_seconds=request_timeout, warm_up=True)
    click.echo(f"Sitrep on http://{host}:{port}/ (store {settings.db})", err=True)
    config = uvicorn.Config(app, host=host, port=port, log_level=os.environ.get("SITREP_LOG", "warning"),
                            timeout_graceful_shutdown=GRACE_S)
    _server(uvicorn, config).run()


# seconds a stopping server waits for the requests in flight (their queries are ended at once)
GRACE_S = 3


def _server(uvicorn: Any, config: Any) -> Any:
    """A uvicorn server that, on SIGTERM or SIGINT, also ends every running query, so
    it stops promptly with a long search in flight (#18): the requests in flight end
    with a 503 and uvicorn stops, waiting for them GRACE_S seconds at most."""
    from sitrep.store.deadline import stop_all

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            stop_all()
            super().handle_exit(sig, frame)

    return Server(config)

