"""sitrep kb merge / events / entity / entities / timeline / search / review / gold:
the knowledge base across articles (thin: open the store, call sitrep.kb, print)."""

from __future__ import annotations

import json
from typing import Any

import click

import sitrep.kb.schema  # noqa: F401  (registers the KB tables before any store is opened)
from sitrep.cli.app import checked_date, main
from sitrep.cli.query import opened_store
from sitrep.config import Settings
from sitrep.errors import StoreError
from sitrep.filters import MAX_ROWS, EntityQuery, EventFilter
from sitrep.model import ENTITY_TYPES, EVENT_STATUSES, EVENT_TYPES

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True)


@main.group("kb")
def kb_group() -> None:
    """The knowledge base: entities and events merged across articles."""


@kb_group.command("merge")
@click.pass_obj
def merge_cmd(settings: Settings) -> None:
    """Merge every article analysed since the last merge into the KB (incremental)."""
    from sqlalchemy.exc import DBAPIError

    from sitrep import kb

    with opened_store(settings) as store:
        try:
            click.echo(kb.merge(store).line())
        except StoreError as exc:  # the disk filled up, the store is locked past the wait
            raise click.ClickException(f"kb merge stopped: {exc}") from None
        except DBAPIError as exc:  # a write outside Store.write (creating the KB tables)
            raise click.ClickException(
                f"kb merge stopped: the store could not be written ({exc.orig}); each article "
                "merged so far is complete, run `sitrep kb merge` again to go on") from None


def _event_line(g: Any) -> str:
    args = "; ".join(f"{r}={' | '.join(v['value'] for v in vals)}" for r, vals in g.arg_values().items())
    return f"{g.kb_event_id}  {g.date_start or '-':10s}  {g.type:18s} {g.status:10s} [{g.n_articles}]  {args}"


@kb_group.command("events")
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES))
@click.option("--actor")
@click.option("--place")
@click.option("--status", type=click.Choice(EVENT_STATUSES))
@click.option("--since", callback=checked_date, help="ISO date or prefix (2021, 2021-09).")
@click.option("--until", callback=checked_date, help="ISO date or prefix.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@FORMAT
@click.pass_obj
def events_cmd(settings: Settings, type_: str | None, actor: str | None, place: str | None,
               status: str | None, since: str | None, until: str | None, limit: int, offset: int,
               fmt: str) -> None:
    """KB events by type, actor, place, status and time range (each lists its sources)."""
    from sitrep import kb
    from sitrep.kb.queries import event_json

    with opened_store(settings) as store:
        f = EventFilter(type=type_, actor=actor, place=place, status=status, since=since, until=until)
        total, items = kb.kb_events(store, f, limit=limit, offset=offset)
        if fmt == "json":
            click.echo(json.dumps({"total": total, "items": [event_json(g) for g in items]},
                                  ensure_ascii=False, indent=2))
            return
        for g in items:
            click.echo(_event_line(g))
        click.echo(f"{total} event(s)", err=True)


@kb_group.command("entities")
@click.option("--name", "q", help="Part of the name.")
@click.option("--type", "type_")
@click.option("--limit", default=50, show_default=True)
@click.pass_obj
def entities_cmd(settings: Settings, q: str | None, type_: str | None, limit: int) -> None:
    """KB entities, most reported first."""
    from sitrep import kb

    with opened_store(settings) as store:
        total, items = kb.kb_entities(store, EntityQuery(q=q, type=type_), limit=limit)
        for e in items:
            aliases = f"  (also {', '.join(e.aliases)})" if e.aliases else ""
            click.echo(f"{e.kb_id:18s} {e.type:14s} {e.n_articles:3d}  {e.name}{aliases}")
        click.echo(f"{total} entit{'y' if total == 1 else 'ies'}", err=True)


def _find_entity(store: Any, ref: str) -> Any:
    from sitrep import kb

    found = kb.kb_entity(store, ref)
    if found:
        return found
    _, items = kb.kb_entities(store, EntityQuery(q=ref), limit=1)
    if not items:
        raise click.ClickException(f"no KB entity named or with id {ref!r}: try `sitrep kb entities --name`")
    return items[0]


@kb_group.command("entity")
@click.argument("ref")
@FORMAT
@click.pass_obj
def entity_cmd(settings: Settings, ref: str, fmt: str) -> None:
    """An entity's profile: roles, timeline of events, quotes by and about, co-occurring entities."""
    from sitrep import kb

    with opened_store(settings) as store:
        p = kb.entity_profile(store, _find_entity(store, ref).kb_id)
        assert p is not None
        if fmt == "json":
            click.echo(json.dumps(_profile_json(p), ensure_ascii=False, indent=2, default=str))
            return
        e = p.entity
        click.echo(f"{e.name} ({e.type}, {e.kb_id}), in {e.n_articles} article(s)")
        for r in p.roles:
            click.echo(f"  role: {r['role']} ({r['published'] or 'undated'})")
        click.echo("timeline:")
        for g in p.events:
            click.echo("  " + _event_line(g))
        click.echo(f"quotes by: {len(p.quotes_by)}")
        for q in p.quotes_by:
            click.echo(f"  “{q.quote.text}”")
        click.echo(f"quotes about: {len(p.quotes_about)}")
        click.echo("with: " + ", ".join(f"{e.name} ({n})" for e, n in p.co_occurring))


def _profile_json(p: Any) -> dict[str, Any]:
    from sitrep.kb.queries import profile_json

    return profile_json(p)


@kb_group.command("timeline")
@click.option("--actor", help="The story of one entity.")
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES))
@click.option("--since", callback=checked_date)
@click.option("--until", callback=checked_date)
@click.pass_obj
def timeline_cmd(settings: Settings, actor: str | None, type_: str | None, since: str | None,
                 until: str | None) -> None:
    """A story's events in date order."""
    from sitrep import kb

    with opened_store(settings) as store:
        f = EventFilter(actor=actor, type=type_, since=since, until=until)
        _, items = kb.kb_events(store, f, limit=MAX_ROWS)
        for g in items:
            click.echo(_event_line(g))


@kb_group.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@click.pass_obj
def search_cmd(settings: Settings, query: str, limit: int) -> None:
    """Full-text search over articles."""
    from sitrep import kb

    with opened_store(settings) as store:
        for h in kb.search_articles(store, query, limit=limit):
            click.echo(f"{h['article_id'][:12]}  {h['published'] or '':10s}  {h['title'] or ''}")
            click.echo(f"    {h['snippet']}")


@kb_group.command("review")
@click.argument("article_id")
@click.option("--kind", type=click.Choice(["entity", "timex", "quote", "event"]), required=True)
@click.option("--start", type=int, required=True, help="Span start (character offset).")
@click.option("--end", type=int, required=True, help="Span end (exclusive).")
@click.option("--verdict", type=click.Choice(["right", "wrong", "corrected", "added"]), required=True,
              help="added: a fact the machine missed, the span selected (entity: --set name=.. "
                   "--set type=..; quote: kind, speaker; event: type, status, args.ROLE; "
                   "timex: value, type).")
@click.option("--set", "sets", multiple=True,
              help="FIELD=VALUE for --verdict corrected or added: status=agreed, speaker=e3, "
                   "args.supplier=e2 (args.ROLE=null removes a role), kb_id=Q7747.")
@click.option("--who", envvar="USER", required=True, help="Reviewer name (default $USER).")
@click.option("--note")
@click.pass_obj
def review_cmd(settings: Settings, article_id: str, kind: str, start: int, end: int, verdict: str,
               sets: tuple[str, ...], who: str, note: str | None) -> None:
    """Mark a fact (anchored by its span) right or wrong, correct it, or add one the
    machine missed."""
    from sitrep import kb

    value = _set_fields(sets)
    _store_correction(settings, kb.Correction(article_id=article_id, kind=kind, start=start, end=end,
                                              verdict=verdict, who=who, value=value, note=note))


def _store_correction(settings: Settings, c: Any) -> None:
    from sitrep import kb

    with opened_store(settings) as store:
        c = kb.add_correction(store, c)
    click.echo(f"correction {c.id}: {c.kind} “{c.span_text}” {c.verdict} by {c.who} at {c.at}")


def _span(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """START-END as (start, end); a tuple of them for a repeated option."""
    def one(text: str) -> tuple[int, int]:
        head, sep, tail = text.partition("-")
        if not (sep and head.isdigit() and tail.isdigit() and int(head) < int(tail)):
            raise click.BadParameter(f"{text!r}: use START-END, e.g. 120-130")
        return int(head), int(tail)

    if value is None:
        return None
    return tuple(one(v) for v in value) if isinstance(value, tuple) else one(value)


WHO = click.option("--who", envvar="USER", required=True, help="Reviewer name (default $USER).")
ENTITY_TYPE = click.Choice(ENTITY_TYPES)


@kb_group.command("merge-entities")
@click.argument("article_id")
@click.option("--mention", callback=_span, required=True,
              help="START-END: a mention of the entity that stays.")
@click.option("--with", "other", callback=_span, required=True,
              help="START-END: a mention of the entity merged into it.")
@click.option("--name", help="The merged entity's name (default: the first's).")
@click.option("--type", "type_", type=ENTITY_TYPE, help="The merged entity's type (default: the first's).")
@WHO
@click.option("--note")
@click.pass_obj
def merge_entities_cmd(settings: Settings, article_id: str, mention: tuple[int, int], other: tuple[int, int],
                       name: str | None, type_: str | None, who: str, note: str | None) -> None:
    """Merge two entities of an article into one (mentions united; quotes and event
    arguments that named the second follow)."""
    from sitrep import kb

    value: dict[str, Any] = {"with": list(other)}
    value.update({k: v for k, v in (("name", name), ("type", type_)) if v})
    _store_correction(settings, kb.Correction(article_id=article_id, kind="entity", start=mention[0],
                                              end=mention[1], verdict="merged", who=who, value=value,
                                              note=note))


@kb_group.command("split-entity")
@click.argument("article_id")
@click.option("--move", callback=_span, multiple=True, required=True,
              help="START-END of a mention that becomes the new entity's (repeat).")
@click.option("--name", required=True, help="The new entity's name.")
@click.option("--type", "type_", type=ENTITY_TYPE, required=True, help="The new entity's type.")
@click.option("--kb-id", help="The new entity's reference id (Wikidata).")
@WHO
@click.option("--note")
@click.pass_obj
def split_entity_cmd(settings: Settings, article_id: str, move: tuple[tuple[int, int], ...], name: str,
                     type_: str, kb_id: str | None, who: str, note: str | None) -> None:
    """Split an entity: the --move mentions become a new entity NAME of TYPE."""
    from sitrep import kb

    value: dict[str, Any] = {"mentions": [list(m) for m in move], "name": name, "type": type_}
    if kb_id:
        value["kb_id"] = kb_id
    _store_correction(settings, kb.Correction(article_id=article_id, kind="entity", start=move[0][0],
                                              end=move[0][1], verdict="split", who=who, value=value,
                                              note=note))


@kb_group.command("undo")
@click.argument("correction_id", type=click.IntRange(min=1))
@WHO
@click.option("--note")
@click.pass_obj
def undo_cmd(settings: Settings, correction_id: int, who: str, note: str | None) -> None:
    """Revoke a correction by its id (see `sitrep kb corrections`); the history is kept."""
    from sitrep import kb

    with opened_store(settings) as store:
        c = kb.undo_correction(store, correction_id, who, note)
    click.echo(f"correction {c.id}: correction {correction_id} undone by {c.who} at {c.at}")


@kb_group.command("corrections")
@click.argument("article_id", required=False)
@FORMAT
@click.pass_obj
def corrections_cmd(settings: Settings, article_id: str | None, fmt: str) -> None:
    """The review history (of one article), oldest first; undone corrections marked."""
    from dataclasses import asdict

    from sitrep import kb

    with opened_store(settings) as store:
        if article_id and (a := store.get(article_id)) is not None:
            article_id = a.article.id
        cs = kb.list_corrections(store, article_id)
    if fmt == "json":
        click.echo(json.dumps([asdict(c) for c in cs], ensure_ascii=False, indent=2))
        return
    for c in cs:
        value = f" {json.dumps(c.value, ensure_ascii=False)}" if c.value else ""
        undone = "  (undone)" if c.revoked else ""
        click.echo(f"{c.id:>5}  {c.at}  {c.article_id[:12]}  {c.who}: {c.kind} {c.start}-{c.end} "
                   f"“{c.span_text[:40]}” {c.verdict}{value}{undone}")


def _set_fields(sets: tuple[str, ...]) -> dict[str, Any] | None:
    """--set FIELD=VALUE pairs as a correction's value (args.ROLE=... into "args")."""
    value: dict[str, Any] = {}
    for item in sets:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: use FIELD=VALUE", param_hint="--set")
        name, raw = item.split("=", 1)
        parsed: Any = None if raw in ("null", "none", "") else raw
        if name.startswith("args."):
            value.setdefault("args", {})[name[5:]] = parsed
        else:
            value[name] = parsed
    return value or None


@kb_group.command("gold")
@click.argument("article_id")
@click.pass_obj
def gold_cmd(settings: Settings, article_id: str) -> None:
    """Print an article's analysis with review corrections applied, in the gold YAML format."""
    from sitrep import kb
    from sitrep.kb.gold import gold_yaml

    with opened_store(settings) as store:
        analysis = kb.corrected(store, article_id)
        if analysis is None:
            raise click.ClickException(f"no stored article {article_id!r}: see `sitrep list`")
        who = [c.who for c in kb.list_corrections(store, analysis.article.id)]
        click.echo(gold_yaml(analysis, who), nl=False)
