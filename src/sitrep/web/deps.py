"""Request helpers shared by the API and the pages."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from jinja2 import Environment

from sitrep.filters import ArticleQuery, EntityQuery, EventFilter, QuoteQuery, check_page
from sitrep.store import Store
from sitrep.web.security import CSRF_HEADER, csrf_ok, same_origin, token_ok


def store_of(request: Request) -> Store:
    return request.app.state.store


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
