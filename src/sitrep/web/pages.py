"""HTML pages: article, entity, events (filters, CSV), timeline, map, search, review."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from sitrep import kb
from sitrep.filters import ArticleQuery, EntityQuery, EventFilter
from sitrep.kb.corrections import EDITABLE, Correction, CorrectionError
from sitrep.kb.queries import display_value, kb_event, kb_ids_of
from sitrep.kb.search import MAX_TERMS, parse
from sitrep.model import ENTITY_TYPES, EVENT_STATUSES, EVENT_TYPES, QUOTE_KINDS, TIMEX_TYPES
from sitrep.web import charts
from sitrep.web.api import MAX_NAME, MAX_NOTE
from sitrep.web.deps import cached, check_csrf, check_token, env_of, page_args, read_generation, store_of
from sitrep.web.geo import HEIGHT, WIDTH, world_path
from sitrep.web.render import highlight

PLACE_TYPES = ("COUNTRY", "CITY", "REGION", "FACILITY")

router = APIRouter(include_in_schema=False, dependencies=[Depends(read_generation)])


def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    """The page ``name`` with ``ctx``; rendered once per URL and store generation (a
    page shows nothing but what its URL asks of the store and the app's settings)."""
    tpl = env_of(request).get_template(name)
    config = request.app.state.config

    def html() -> str:
        return tpl.render(request=request, needs_token=config.token is not None,
                          csrf_token=config.csrf, **ctx)

    body = cached(request, f"html {name} {status_code}", html) if request.method == "GET" else html()
    return HTMLResponse(body, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, page: int = 1) -> HTMLResponse:
    arts = kb.articles(store_of(request), ArticleQuery(), **page_args(page, 50))
    return render(request, "index.html", articles=arts, page=page)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "") -> HTMLResponse:
    f = ArticleQuery(q)
    hits = kb.articles(store_of(request), f, limit=50) if f.q else []
    return render(request, "search.html", q=q, hits=hits, dropped=parse(q).dropped, max_terms=MAX_TERMS)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    store = store_of(request)
    analysis = kb.corrected(store, article_id)
    if analysis is None:
        raise HTTPException(status_code=404, detail=f"article {article_id} not found")
    aid = analysis.article.id
    names = {e.id: e for e in analysis.entities}
    args = {ev.id: [(role, display_value(v, names)) for role, v in ev.args.items() if v not in (None, "", [])]
            for ev in analysis.events}
    return render(request, "article.html", a=analysis, body=highlight(analysis), kb_ids=kb_ids_of(store, aid),
                  corrections=kb.list_corrections(store, aid), event_types=EVENT_TYPES,
                  statuses=EVENT_STATUSES, editable=EDITABLE, arg_roles=ARG_ROLES, args=args,
                  entity_types=ENTITY_TYPES, quote_kinds=QUOTE_KINDS, timex_types=TIMEX_TYPES)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, q: str = "", type: str = "", page: int = 1) -> HTMLResponse:
    total, items = kb.kb_entities(store_of(request), EntityQuery(q=q, type=type), **page_args(page, 100))
    return render(request, "entities.html", total=total, items=items, q=q, type=type, page=page)


@router.get("/entities/{kb_id}", response_class=HTMLResponse)
def entity(request: Request, kb_id: str) -> HTMLResponse:
    prof = kb.entity_profile(store_of(request), kb_id)
    if prof is None:
        raise HTTPException(status_code=404, detail=f"entity {kb_id} not found")
    return render(request, "entity.html", p=prof, chart=charts.timeline(prof.events))


FILTERS = ("type", "actor", "place", "status", "since", "until")


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, type: str = "", actor: str = "", place: str = "", status: str = "",
           since: str = "", until: str = "", page: int = 1) -> HTMLResponse:
    checked = EventFilter(type=type, actor=actor, place=place, status=status, since=since, until=until)
    f = {k: v or "" for k, v in checked.kwargs().items()}  # "Attack" shows as the vocabulary's attack
    store = store_of(request)
    total, items = kb.kb_events(store, checked, **page_args(page, 50))
    query = urlencode({k: v for k, v in f.items() if v})
    _, named = kb.kb_entities(store, limit=300)
    return render(request, "events.html", total=total, items=items, f=f, query=query, page=page,
                  event_types=EVENT_TYPES, statuses=EVENT_STATUSES,
                  actors=[e.name for e in named if e.type not in PLACE_TYPES],
                  places=[e.name for e in named if e.type in PLACE_TYPES])


@router.get("/events/{kb_event_id:path}", response_class=HTMLResponse)
def event(request: Request, kb_event_id: str) -> HTMLResponse:
    g = kb_event(store_of(request), kb_event_id)
    if g is None:
        raise HTTPException(status_code=404, detail=f"event {kb_event_id} not found")
    return render(request, "event.html", g=g)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, type: str = "", actor: str = "") -> HTMLResponse:
    _, items = kb.kb_events(store_of(request), EventFilter(type=type, actor=actor), limit=2000)
    return render(request, "timeline.html", chart=charts.timeline(items), type=type, actor=actor,
                  event_types=EVENT_TYPES)


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, type: str = "") -> HTMLResponse:
    _, items = kb.kb_events(store_of(request), EventFilter(type=type), limit=2000)
    dots, areas = charts.map_marks(items)
    return render(request, "map.html", world=world_path(), dots=dots, areas=areas, width=WIDTH,
                  height=HEIGHT, type=type, event_types=EVENT_TYPES)


def _safe_back(back: str) -> str:
    """Only paths on this site (no scheme, no //host): no open redirect."""
    return back if back.startswith("/") and not back.startswith("//") else "/"


# the argument roles the review form offers for an event (any role can be corrected
# through the API)
ARG_ROLES = ("actor", "target", "supplier", "recipient", "contractor", "participants", "place")


def _corrected_value(kind: str, type_: str, status: str, field: str, value: str,
                     arg_role: str = "", arg_value: str = "") -> dict[str, Any] | None:
    if kind == "event":
        fixed: dict[str, Any] = {k: v for k, v in (("type", type_), ("status", status)) if v}
        if arg_role and arg_value:
            fixed["args"] = {arg_role: [arg_value] if arg_role == "participants" else arg_value}
        return fixed or None
    return {field: value} if field and value else None


def _store(request: Request, c: Correction, back: str) -> RedirectResponse:
    try:
        kb.add_correction(store_of(request), c)
    except CorrectionError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return RedirectResponse(_safe_back(back), status_code=303)


def _spot(text: str, what: str) -> list[int]:
    """A form's "START-END" as [start, end] (a bad one is a 422 naming it)."""
    head, sep, tail = text.partition("-")
    if not (sep and head.isdigit() and tail.isdigit()):
        raise HTTPException(status_code=422, detail=f"{what} {text!r}: use START-END")
    return [int(head), int(tail)]


def _short() -> Any:
    """A short optional form field (one instance per parameter: FastAPI binds each to its name)."""
    return Form("", max_length=MAX_NAME)


def _secret() -> Any:  # the token and csrf fields
    return Form("", max_length=200)


def _back() -> Any:
    return Form("/", max_length=2000)


def _added_value(kind: str, name: str, entity_type: str, kb_id: str, quote_kind: str, speaker: str,
                 type_: str, status: str, arg_role: str, arg_value: str, timex_value: str,
                 timex_type: str) -> dict[str, Any]:
    """The fields of the fact the add form names, for its kind (the other fields ignored)."""
    if kind == "entity":
        return {"name": name, "type": entity_type, **({"kb_id": kb_id} if kb_id else {})}
    if kind == "quote":
        return {"kind": quote_kind, "speaker": speaker or None}
    if kind == "timex":
        return {"value": timex_value, "type": timex_type}
    event: dict[str, Any] = {"type": type_, "status": status}
    if arg_role and arg_value:
        event["args"] = {arg_role: [arg_value] if arg_role == "participants" else arg_value}
    return event


@router.post("/review/add")
def review_add(request: Request, article_id: str = Form(..., max_length=128),
               kind: str = Form(..., max_length=16), start: int = Form(..., ge=0), end: int = Form(..., ge=0),
               who: str = Form(..., max_length=MAX_NAME), name: str = _short(),
               entity_type: str = _short(), kb_id: str = _short(), quote_kind: str = _short(),
               speaker: str = _short(), type: str = _short(), status: str = _short(),
               arg_role: str = _short(), arg_value: str = _short(), timex_value: str = _short(),
               timex_type: str = _short(), note: str = Form("", max_length=MAX_NOTE),
               token: str = _secret(), back: str = _back(),
               csrf: str = _secret()) -> RedirectResponse:
    """Add a fact the machine missed: its span selected in the text, its fields by kind."""
    check_csrf(request, csrf)
    check_token(request, token or None)
    value = _added_value(kind, name, entity_type, kb_id, quote_kind, speaker, type, status, arg_role,
                         arg_value, timex_value, timex_type)
    return _store(request, Correction(article_id=article_id, kind=kind, start=start, end=end, verdict="added",
                                      who=who, value=value, note=note or None), back)


@router.post("/review/merge")
def review_merge(request: Request, article_id: str = Form(..., max_length=128),
                 start: int = Form(..., ge=0), end: int = Form(..., ge=0),
                 other: str = Form(..., max_length=40), who: str = Form(..., max_length=MAX_NAME),
                 name: str = _short(), token: str = _secret(),
                 back: str = _back(), csrf: str = _secret()) -> RedirectResponse:
    """Merge the entity with the mention start-end and the one with the mention ``other``."""
    check_csrf(request, csrf)
    check_token(request, token or None)
    value: dict[str, Any] = {"with": _spot(other, "merge with"), **({"name": name} if name else {})}
    return _store(request, Correction(article_id=article_id, kind="entity", start=start, end=end,
                                      verdict="merged", who=who, value=value), back)


@router.post("/review/split")
def review_split(request: Request, mention: Annotated[list[str], Form(max_length=1000)],
                 article_id: str = Form(..., max_length=128),
                 start: int = Form(..., ge=0), end: int = Form(..., ge=0),
                 who: str = Form(..., max_length=MAX_NAME), name: str = _short(), entity_type: str = _short(),
                 token: str = _secret(), back: str = _back(),
                 csrf: str = _secret()) -> RedirectResponse:
    """Split the chosen mentions of the entity with the mention start-end off as a new entity."""
    check_csrf(request, csrf)
    check_token(request, token or None)
    value = {"mentions": [_spot(m, "mention") for m in mention], "name": name, "type": entity_type}
    return _store(request, Correction(article_id=article_id, kind="entity", start=start, end=end,
                                      verdict="split", who=who, value=value), back)


@router.post("/review/undo")
def review_undo(request: Request, correction_id: int = Form(..., ge=1),
                who: str = Form(..., max_length=MAX_NAME), token: str = _secret(),
                back: str = _back(), csrf: str = _secret()) -> RedirectResponse:
    """Revoke a correction (the review log's undo button)."""
    check_csrf(request, csrf)
    check_token(request, token or None)
    try:
        kb.undo_correction(store_of(request), correction_id, who)
    except CorrectionError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return RedirectResponse(_safe_back(back), status_code=303)


@router.post("/review")
def review(request: Request, article_id: str = Form(..., max_length=128),
           kind: str = Form(..., max_length=16), start: int = Form(..., ge=0), end: int = Form(..., ge=0),
           verdict: str = Form(..., max_length=16), who: str = Form(..., max_length=MAX_NAME),
           type: str = Form("", max_length=64), status: str = Form("", max_length=32),
           field: str = Form("", max_length=64), value: str = Form("", max_length=MAX_NOTE),
           note: str = Form("", max_length=MAX_NOTE), token: str = Form("", max_length=200),
           back: str = Form("/", max_length=2000), csrf: str = Form("", max_length=200),
           arg_role: str = Form("", max_length=32),
           arg_value: str = Form("", max_length=64)) -> RedirectResponse:
    check_csrf(request, csrf)
    check_token(request, token or None)
    if verdict not in ("right", "wrong", "corrected"):
        raise HTTPException(status_code=422, detail=f"verdict {verdict!r}: this form marks right, wrong "
                                                    "or corrected (add, merge, split, undo have their own)")
    fixed = (_corrected_value(kind, type, status, field, value, arg_role, arg_value)
             if verdict == "corrected" else None)
    return _store(request, Correction(article_id=article_id, kind=kind, start=start, end=end, verdict=verdict,
                                      who=who, value=fixed, note=note or None), back)
