"""REST routes (/api/...): JSON over the library's query functions, with paging and filters."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field

from sitrep import kb
from sitrep.filters import MAX_ROWS, ArticleQuery, EntityQuery, EventFilter, QuoteQuery
from sitrep.kb.corrections import Correction, CorrectionError
from sitrep.kb.gold import gold_yaml
from sitrep.kb.queries import KbEvent, event_json, kb_event, profile_json, quote_json
from sitrep.web.deps import (
    article_query,
    cached,
    cached_json,
    check_csrf,
    check_token,
    entity_query,
    event_filter,
    page_args,
    quote_query,
    read_generation,
    store_of,
)

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(read_generation)])

# the checked query objects of a request (sitrep.filters)
Events = Annotated[EventFilter, Depends(event_filter)]
Entities = Annotated[EntityQuery, Depends(entity_query)]
Quotes = Annotated[QuoteQuery, Depends(quote_query)]
Articles = Annotated[ArticleQuery, Depends(article_query)]


def _not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} not found")


@router.get("/articles")
def articles(request: Request, f: Articles, page: int = 1, size: int = 50) -> list[dict[str, Any]]:
    """Every article in ingest order, or (``q``) those a full-text search finds."""
    return kb.articles(store_of(request), f, **page_args(page, size))


@router.get("/articles/{article_id}", response_model=dict[str, Any])
def article(request: Request, article_id: str) -> Response:
    def answer() -> dict[str, Any]:
        analysis = kb.corrected(store_of(request), article_id)
        if analysis is None:
            raise _not_found(f"article {article_id}")
        return analysis.to_dict()

    return cached_json(request, answer)


@router.get("/articles/{article_id}/gold.yaml", response_class=PlainTextResponse)
def article_gold(request: Request, article_id: str) -> PlainTextResponse:
    store = store_of(request)
    analysis = kb.corrected(store, article_id)
    if analysis is None:
        raise _not_found(f"article {article_id}")
    who = [c.who for c in kb.list_corrections(store, analysis.article.id)]
    return PlainTextResponse(gold_yaml(analysis, who), media_type="application/yaml")


@router.get("/entities")
def entities(request: Request, f: Entities, page: int = 1, size: int = 50) -> dict[str, Any]:
    total, items = kb.kb_entities(store_of(request), f, **page_args(page, size))
    return {"total": total, "page": page, "items": [asdict(e) for e in items]}


@router.get("/entities/{kb_id}", response_model=dict[str, Any])
def entity(request: Request, kb_id: str) -> Response:
    def answer() -> dict[str, Any]:
        prof = kb.entity_profile(store_of(request), kb_id)
        if prof is None:
            raise _not_found(f"entity {kb_id}")
        return profile_json(prof)

    return cached_json(request, answer)


@router.get("/events", response_model=dict[str, Any])
def events(request: Request, f: Events, page: int = 1, size: int = 50) -> Response:
    paging = page_args(page, size)

    def answer() -> dict[str, Any]:
        total, items = kb.kb_events(store_of(request), f, **paging)
        return {"total": total, "page": page, "items": [event_json(g) for g in items]}

    return cached_json(request, answer)


CSV_COLUMNS = ("kb_event_id", "type", "status", "date_start", "date_end", "n_articles", "args",
               "article_ids", "evidence")


def events_csv_text(items: list[KbEvent]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for g in items:
        args = "; ".join(f"{role}={' | '.join(v['value'] for v in vals)}"
                         for role, vals in g.arg_values().items())
        evidence = " | ".join(e.text for h in g.members for e in h.event.evidence)
        w.writerow([g.kb_event_id, g.type, g.status, g.date_start or "", g.date_end or "", g.n_articles,
                    args, " ".join(sorted({h.article_id for h in g.members})), evidence])
    return buf.getvalue()


@router.get("/events.csv")
def events_csv(request: Request, f: Events) -> Response:
    def text() -> str:
        _, items = kb.kb_events(store_of(request), f, limit=MAX_ROWS)
        return events_csv_text(items)

    return Response(cached(request, "csv", text), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/events/{kb_event_id:path}", response_model=dict[str, Any])
def event(request: Request, kb_event_id: str) -> Response:
    def answer() -> dict[str, Any]:
        g = kb_event(store_of(request), kb_event_id)
        if g is None:
            raise _not_found(f"event {kb_event_id}")
        return event_json(g)

    return cached_json(request, answer)


@router.get("/quotes")
def quotes(request: Request, f: Quotes, page: int = 1, size: int = 50) -> list[dict[str, Any]]:
    """Quotes by speaker and kind, in ingest order, corrections applied."""
    return [quote_json(h) for h in kb.quotes(store_of(request), f, **page_args(page, size))]


@router.get("/search")
def search(request: Request, q: str, page: int = 1, size: int = 20) -> list[dict[str, Any]]:
    f = ArticleQuery(q)  # checked (length, NUL) as every front end's
    return kb.search_articles(store_of(request), f.q, **page_args(page, size)) if f.q else []


# review fields are short: a name, a note, ids (#18: a 1,000,000-character field is a 422)
MAX_NAME = 200
MAX_NOTE = 5000


class CorrectionIn(BaseModel):
    article_id: str = Field(max_length=128)
    kind: str = Field(description="entity, timex, quote or event", max_length=16)
    start: int = Field(ge=0, le=10**8)
    end: int = Field(ge=0, le=10**8)
    verdict: str = Field(description="right, wrong, corrected, added, merged, split or undone "
                                     "(see sitrep.kb.corrections for the value each needs)", max_length=16)
    who: str = Field(min_length=1, max_length=MAX_NAME)
    value: dict[str, Any] | None = None
    note: str | None = Field(None, max_length=MAX_NOTE)


class UndoIn(BaseModel):
    who: str = Field(min_length=1, max_length=MAX_NAME)
    note: str | None = Field(None, max_length=MAX_NOTE)


@router.get("/csrf")
def csrf(request: Request) -> dict[str, str]:
    """The token a write through this API sends as X-Sitrep-CSRF (another origin's page
    cannot read it: no CORS, and the Host check stops DNS rebinding)."""
    return {"csrf": request.app.state.config.csrf}


@router.get("/corrections")
def corrections(request: Request, article_id: str | None = None) -> list[dict[str, Any]]:
    return [asdict(c) for c in kb.list_corrections(store_of(request), article_id)]


@router.post("/corrections", status_code=201)
def add_correction(request: Request, body: CorrectionIn) -> dict[str, Any]:
    check_csrf(request, None)
    check_token(request, None)
    try:
        c = kb.add_correction(store_of(request), Correction(**body.model_dump()))
    except CorrectionError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return asdict(c)


@router.post("/corrections/{correction_id}/undo", status_code=201)
def undo_correction(request: Request, correction_id: int, body: UndoIn) -> dict[str, Any]:
    """Revoke a correction: a new "undone" record (the history is kept; the verdict
    before it wins again). 404 for an unknown id, 422 when it is already undone."""
    check_csrf(request, None)
    check_token(request, None)
    store = store_of(request)
    if not any(c.id == correction_id for c in kb.list_corrections(store)):
        raise _not_found(f"correction {correction_id}")
    try:
        c = kb.undo_correction(store, correction_id, body.who, body.note)
    except CorrectionError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return asdict(c)
