"""sitrep list / show / quotes / events: read the store and print."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

import click

from sitrep.cli.app import checked_date, main
from sitrep.config import Settings
from sitrep.errors import SitrepError
from sitrep.filters import EventFilter, FilterError, Page, QuoteQuery
from sitrep.model import EVENT_STATUSES, EVENT_TYPES, QUOTE_KINDS, Analysis, describe_arg
from sitrep.store import Store

FORMATS = click.Choice(["text", "json", "jsonl"])


@contextmanager
def opened_store(settings: Settings) -> Iterator[Store]:
    """The store of ``--db``; library errors become click errors (exit status 1), a
    filter value that cannot be used a usage error (exit status 2)."""
    from sitrep.store import open_store

    try:
        store = open_store(settings.db, lock_wait=settings.lock_wait_seconds)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    except FilterError as exc:
        raise click.UsageError(str(exc)) from exc
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _emit(records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))


@main.command("list")
@click.option("--limit", default=50, show_default=True, help="How many articles.")
@click.option("--offset", default=0, show_default=True, help="Skip this many first.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.pass_obj
def list_(settings: Settings, limit: int, offset: int, fmt: str) -> None:
    """Stored articles in ingest order, with their record counts."""
    with opened_store(settings) as store:
        page = Page(limit, offset)
        rows = store.list_articles(limit=page.limit, offset=page.offset)
        total = store.count()
    if fmt != "text":
        _emit([asdict(r) for r in rows], fmt)
        return
    if rows:  # the counts: e entities, q quotes, v events, t time expressions
        counts = " ".join(f"{c:>4}" for c in "eqvt")
        click.echo(f"{'id':<12}  {'published':<10}  {'outlet':<20}  {counts}  title")
    for r in rows:
        note = f"  [{r.analysis}]" if r.analysis else ""
        click.echo(f"{r.id[:12]}  {r.published or '?':<10.10}  {(r.outlet or '?')[:20]:<20}  "
                   f"{r.n_entities:>3}e {r.n_quotes:>3}q {r.n_events:>3}v {r.n_timexes:>3}t  "
                   f"{r.title or r.source}{note}")
    click.echo(f"{len(rows)} of {total} articles", err=True)


@main.command()
@click.argument("article_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "yaml"]), default="text",
              show_default=True)
@click.pass_obj
def show(settings: Settings, article_id: str, fmt: str) -> None:
    """One stored article (ARTICLE_ID or a unique prefix) with everything found in it."""
    from sitrep.export.render import render_analyses
    from sitrep.kb.corrections import corrected

    with opened_store(settings) as store:
        analysis = corrected(store, article_id)  # the review corrections applied
    if analysis is None:
        raise click.ClickException(f"no stored article with id {article_id!r}: see `sitrep list`")
    if fmt == "text":
        click.echo(render_show(analysis))
    else:
        render_analyses([analysis.to_dict()], fmt, sys.stdout)


def render_show(a: Analysis) -> str:
    """Readable text: metadata, entities with mentions, times, quotes, events with evidence."""
    names = {e.id: e.name for e in a.entities}
    parts = (_show_meta(a), _show_entities(a), _show_timexes(a), _show_quotes(a, names),
             _show_events(a, names))
    return "\n\n".join("\n".join(p) for p in parts)


def _show_meta(a: Analysis) -> list[str]:
    art = a.article
    out = [f"# {art.title or '(untitled)'}", f"id         {art.id}"]
    for label, value in (("published", art.published), ("outlet", art.outlet), ("agency", art.agency),
                         ("authors", ", ".join(art.authors)), ("url", art.url), ("language", art.language),
                         ("analysis", art.analysis or f"done by pipeline {a.pipeline_version}")):
        if value:
            out.append(f"{label:<10} {value}")
    for s in art.sources:
        outlet = f" ({s.outlet})" if s.outlet else ""
        out.append(f"source     {s.location}{outlet}  {s.first_seen or ''}")
    out.extend(f"warning    {w}" for w in art.warnings)
    return out


def _show_entities(a: Analysis) -> list[str]:
    out = [f"entities ({len(a.entities)})"]
    for e in a.entities:
        kb = f" {e.kb_id}" if e.kb_id else ""
        attrs = "; ".join(f"{k}: {v}" for k, v in e.attributes.items() if v)
        out.append(f"  {e.id:>4} {e.type:<13} {e.name}{kb}" + (f"  ({attrs})" if attrs else ""))
        for m in e.mentions:
            where = f"{m.start}-{m.end}" if m.start is not None else m.field
            out.append(f"         {where:<11} {m.text}")
    return out


def _show_timexes(a: Analysis) -> list[str]:
    out = [f"time expressions ({len(a.timexes)})"]
    for t in a.timexes:
        mod = f" {t.mod}" if t.mod else ""
        out.append(f"  {f'{t.start}-{t.end}':<11} {t.text!r:<28} {t.type:<9} {t.value}{mod}")
    return out


def _show_quotes(a: Analysis, names: dict[str, str]) -> list[str]:
    out = [f"quotes ({len(a.quotes)})"]
    for q in a.quotes:
        who = names.get(q.speaker or "", "(no speaker)")
        cue = f" [{q.cue}]" if q.cue else ""
        out.append(f"  {f'{q.start}-{q.end}':<11} {q.kind:<8} {who}{cue}: {_clip(q.text, 160)}")
    return out


def _show_events(a: Analysis, names: dict[str, str]) -> list[str]:
    out = [f"events ({len(a.events)})"]
    for v in a.events:
        label = f" ({v.label})" if v.label else ""
        out.append(f"  {v.id:>4} {v.type}{label}  status {v.status}  confidence {v.confidence:.2f}")
        for role, value in v.args.items():
            out.append(f"         {role:<12} {describe_arg(value, names)}")
        for ev in v.evidence:
            st = f" [{ev.status}]" if ev.status else ""
            out.append(f"         evidence {ev.start}-{ev.end}{st}: {_clip(ev.text, 140)}")
    return out


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@main.command()
@click.option("--speaker", help="Canonical name, mention or alias of the speaker (case-insensitive).")
@click.option("--kind", type=click.Choice(QUOTE_KINDS))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.pass_obj
def quotes(settings: Settings, speaker: str | None, kind: str | None, limit: int | None, fmt: str) -> None:
    """Stored quotes, by speaker: `sitrep quotes --speaker Lukashenko`."""
    from sitrep import kb
    from sitrep.kb.queries import quote_json

    with opened_store(settings) as store:
        hits = kb.quotes(store, QuoteQuery(speaker=speaker, kind=kind), limit=limit)
    if fmt != "text":
        _emit([quote_json(h) for h in hits], fmt)
        return
    for h in hits:
        who = h.speaker.name if h.speaker else "(no speaker)"
        click.echo(f"{h.article_id[:12]}  {h.published or '?':<10.10}  {who} [{h.quote.kind}, "
                   f"{h.quote.cue or '-'}]: {_clip(h.quote.text, 200)}")
    click.echo(f"{len(hits)} quotes", err=True)


@main.command()
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES), help="Event type.")
@click.option("--actor", help="Any entity taking part (any entity-valued argument), by name or alias.")
@click.option("--place", help="The place argument, by name or alias.")
@click.option("--status", type=click.Choice(EVENT_STATUSES))
@click.option("--since", callback=checked_date,
              help="ISO date or prefix (2021, 2021-09): events ending on or after it.")
@click.option("--until", callback=checked_date, help="ISO date or prefix: events starting on or before it.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.pass_obj
def events(settings: Settings, type_: str | None, actor: str | None, place: str | None, status: str | None,
           since: str | None, until: str | None, limit: int | None, fmt: str) -> None:
    """Stored events: `sitrep events --type arms_transfer --actor Russia`."""
    from sitrep import kb

    with opened_store(settings) as store:
        f = EventFilter(type=type_, actor=actor, place=place, status=status, since=since, until=until)
        hits = kb.reported_events(store, f, limit=limit)
    if fmt != "text":
        _emit([{"article_id": h.article_id, "title": h.title, "published": h.published,
                "entities": {i: e.name for i, e in h.entities.items()}, **asdict(h.event)}
               for h in hits], fmt)
        return
    for h in hits:
        names = {i: e.name for i, e in h.entities.items()}
        v = h.event
        args = ", ".join(f"{role}={describe_arg(val, names)}" for role, val in v.args.items())
        click.echo(f"{h.article_id[:12]}  {h.published or '?':<10.10}  {v.type} ({v.status})  {args}")
        if v.evidence:
            click.echo(f"{'':14}evidence: {_clip(v.evidence[0].text, 160)}")
    click.echo(f"{len(hits)} events", err=True)
