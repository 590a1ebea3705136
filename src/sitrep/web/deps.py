"""Request helpers shared by the API and the pages."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.responses import Response
from jinja2 import Environment

from sitrep.filters import ArticleQuery, EntityQuery, EventFilter, QuoteQuery, check_page
from sitrep.store import Store
from sitrep.web.security import CSRF_HEADER, csrf_ok, same_origin, token_ok

T = TypeVar("T")


def store_of(request: Request) -> Store:
    return request.app.state.store


def read_generation(request: Request) -> None:
    """A dependency of every read route: the store's generation before the request
    reads anything (the answers kept for it are kept under it: :func:`cached`)."""
    request.state.generation = store_of(request).generation()


def cached(request: Request, kind: str, compute: Callable[[], T]) -> T:
    """``compute()`` for this URL, kept while the store does not change (answers are
    the same for the same URL and data: the pages' HTML, the API's encoded JSON)."""
    from sitrep.kb.cache import kept

    generation = getattr(request.state, "generation", None)
    return kept(store_of(request), (kind, str(request.url)), compute, generation=generation)


def json_response(content: Any) -> Response:
    """JSON as FastAPI would send it, without its encoder's walk over a large answer."""
    return Response(json_bytes(content), media_type="application/json")


def json_bytes(content: Any) -> bytes:
    from fastapi.encoders import jsonable_encoder

    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      default=jsonable_encoder).encode("utf-8")


def cached_json(request: Request, compute: Callable[[], Any]) -> Response:
    """The JSON answer of ``compute()`` for this URL, encoded once per store generation."""
    return Response(cached(request, "json", lambda: json_bytes(compute())), media_type="application/json")


def env_of(request: Request) -> Environment:
    return request.app.state.templates


def check_token(request: Request, given: str | None) -> None:
    expected = request.app.state.config.token
    header = request.headers.get("x-sitrep-token")
    if not token_ok(expected, given or header):
        raise HTTPException(status_code=403, detail="writes need the review token (X-Sitrep-Token header "
                                                    "or token field): the server is not on localhost")


def check_csrf(request: Request, given: str | None) -> None:
    """A write from a review form (``given``: its csrf field) or through the JSON API
    (the X-Sitrep-CSRF header, or an Origin that is this server's own)."""
    expected = request.app.state.config.csrf
    if csrf_ok(expected, given or request.headers.get(CSRF_HEADER)):
        return
    if given is None and same_origin(request.headers.get("origin", ""), request.headers.get("host", "")):
        return
    raise HTTPException(status_code=403, detail="writes need Sitrep's CSRF token (the review form's csrf "
                                                "field or the X-Sitrep-CSRF header; GET /api/csrf) "
                                                "or must come from Sitrep's own pages")


def page_args(page: int, size: int) -> dict[str, Any]:
    """limit/offset of a page; a page or size out of range is a FilterError (422)."""
    limit, offset = check_page(page, size)
    return {"limit": limit, "offset": offset}


# the query objects of a request, checked (FastAPI dependencies: sitrep.filters)

def event_filter(type: str | None = None, actor: str | None = None, place: str | None = None,
                 status: str | None = None, since: str | None = None,
                 until: str | None = None) -> EventFilter:
    return EventFilter(type=type, actor=actor, place=place, status=status, since=since, until=until)


def entity_query(q: str | None = None, type: str | None = None) -> EntityQuery:
    return EntityQuery(q=q, type=type)


def quote_query(speaker: str | None = None, kind: str | None = None) -> QuoteQuery:
    return QuoteQuery(speaker=speaker, kind=kind)


def article_query(q: str | None = None) -> ArticleQuery:
    return ArticleQuery(q=q)
