"""The web application: REST API under /api and HTML pages, over the same library
functions the CLI calls. Read-only unless a reviewer posts a correction; writes need
the token when the server listens on anything but localhost.

    from sitrep.web.app import create_app
    app = create_app("sitrep.db")                   # serve with uvicorn
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

import sitrep.kb.schema as kb_schema
from sitrep.filters import FilterError
from sitrep.store import Store, open_store
from sitrep.store.deadline import QueryTimeout
from sitrep.web.limits import REQUEST_SECONDS, TimeLimit, timed_out


@dataclass(slots=True)
class WebConfig:
    db: str
    token: str | None = None  # None: writes allowed without a token (localhost)
    page_size: int = 50
    # the CSRF token the review forms carry and the JSON API asks for (X-Sitrep-CSRF)
    csrf: str = ""


def templates() -> Environment:
    folder = Path(str(resources.files("sitrep.web").joinpath("templates")))
    # autoescape everything: article text and names are untrusted
    return Environment(loader=FileSystemLoader(folder), autoescape=True, auto_reload=False)


def _error_page(request: Request, status: int, title: str, detail: str) -> HTMLResponse:
    page = request.app.state.templates.get_template("error.html")
    return HTMLResponse(page.render(request=request, title=title, detail=detail), status_code=status)


async def _bad_filter(request: Request, exc: Exception) -> Response:
    """A filter value that cannot be used: 422 naming it (JSON under /api, else a page)."""
    assert isinstance(exc, FilterError)
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": str(exc), "parameter": exc.name}, status_code=422)
    return _error_page(request, 422, "Bad request", str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    """Errors of the pages are pages (a missing article is an HTML 404); the API's stay JSON."""
    assert isinstance(exc, StarletteHTTPException)
    if request.url.path.startswith("/api") or exc.status_code < 400:
        return await http_exception_handler(request, exc)
    title = "Not found" if exc.status_code == 404 else f"Error {exc.status_code}"
    return _error_page(request, exc.status_code, title, str(exc.detail))


def warm(store: Store) -> None:
    """Do once, before the first request asks, the work every server repeats: load the
    gazetteers the map and the places use, index a SQLite store's entity names, and
    decode the store's events and quotes into the KB's cache (the event lists, timelines, maps and
    entity pages all read them)."""
    from sitrep.filters import EventFilter, QuoteQuery
    from sitrep.kb.queries import kb_events, quotes
    from sitrep.store.names import index_of
    from sitrep.web.charts import map_marks
    from sitrep.web.geo import world_path

    world_path()
    if store.engine.dialect.name == "sqlite":
        index_of(store)  # the names the entity pages and actor filters match
    _, items = kb_events(store, EventFilter(), limit=2000)
    quotes(store, QuoteQuery())  # every quote decoded once (the entity pages read them)
    map_marks(items)  # the place lookups (GeoNames, pycountry) load on first use


def _warm_in_background(store: Store) -> None:
    import logging
    import threading

    def run() -> None:
        try:
            warm(store)
        except Exception:  # a warm-up that fails costs nothing but the speed it would bring
            logging.getLogger(__name__).warning("warm-up failed", exc_info=True)

    threading.Thread(target=run, name="sitrep-warm", daemon=True).start()


def create_app(db: str, *, token: str | None = None, store: Store | None = None,
               host: str = "127.0.0.1", server_names: tuple[str, ...] = (),
               request_seconds: float = REQUEST_SECONDS, warm_up: bool = False) -> FastAPI:
    """The app over ``db``; ``host``: the interface served on, ``server_names``: other
    host names it is reached by (the Host header must be one of them);
    ``request_seconds``: the time limit of every request; ``warm_up``: start
    :func:`warm` in a background thread (``sitrep serve`` does)."""
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from sitrep.web import api, pages
    from sitrep.web.security import CrossSiteGuard, allowed_hosts, new_token

    # no Swagger/ReDoc pages: FastAPI loads them from a CDN; the schema is at /openapi.json
    app = FastAPI(title="Sitrep", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Structured, verifiable knowledge from news reports: read-only queries, "
                              "and review corrections (token-protected off localhost).")
    app.state.store = store or open_store(db)
    kb_schema.ensure_tables(app.state.store)
    app.state.config = WebConfig(db=db, token=token, csrf=new_token())
    app.state.templates = templates()
    static = Path(str(resources.files("sitrep.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(FilterError, _bad_filter)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(QueryTimeout, timed_out)
    app.add_middleware(TimeLimit, seconds=request_seconds)
    app.add_middleware(CrossSiteGuard)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host, server_names))
    if warm_up:
        _warm_in_background(app.state.store)
    return app
