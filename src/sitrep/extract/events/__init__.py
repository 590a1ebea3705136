"""The events stage: who did what to whom, when, where, for how much, how sure.

Triggers come from per-type lexicons (``data/triggers.yaml``) over the dependency
parse; arguments from the trigger's syntactic slots, the entity and timex stages'
records and amounts in its clause; status from modality, negation and dates;
mentions of one event merge into one record (:mod:`.coref`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.extract.events.arguments import enforce_types, mention_args
from sitrep.extract.events.calibrated import confidence_of
from sitrep.extract.events.clauses import (
    TimeIndex,
    claim_dates,
    evidence_span,
    fallback_date,
    scene_date,
    scope,
)
from sitrep.extract.events.coref import Cluster, cluster
from sitrep.extract.events.fallbacks import fill_gaps, placed_by_sentence, suppress
from sitrep.extract.events.mentions import EventMention, TriggerFinder
from sitrep.extract.events.resolve import Resolver
from sitrep.extract.events.slots import is_passive
from sitrep.extract.events.status import mention_status
from sitrep.model import Entity, Event, Evidence, Span

if TYPE_CHECKING:
    from sitrep.extract.component import StageContext

__all__ = ["find_events", "mentions_of"]

DATE_ROLES = ("date", "start", "end", "delivery_by")


def mentions_of(ctx: StageContext, res: Resolver | None = None) -> list[EventMention]:
    """Every event mention in the article, with its arguments and status."""
    res = res or Resolver(ctx.doc, ctx.entities, ctx.quotes)
    mentions = TriggerFinder(ctx.doc, res).find()
    times = TimeIndex(ctx.doc, ctx.timexes)
    triggers = {m.trigger.i for m in mentions} | {m.head.i for m in mentions}
    scopes = {}
    for m in mentions:
        toks = scope(m)
        scopes[id(m)] = toks
        m.evidence = evidence_span(m, toks)
        m.args = mention_args(m, toks, res)
        for k, v in claim_dates(m, toks, times, triggers).items():
            m.args.setdefault(k, v)
    dct = (ctx.article.published or "")[:10] or None
    for m in mentions:
        if not any(r in m.args for r in DATE_ROLES):
            m.args.update(fallback_date(m, times, triggers) or scene_date(m, times))
        fill_gaps(m, res)
        enforce_types(m.type, m.args)
        m.status = mention_status(m, dct)
    suppress(mentions)
    refer_back(mentions)
    for m in mentions:  # "previous deployments": another instance, named by nothing
        if m.distinct and m.nominal and not m.args:
            m.suppressed = True
    return [m for m in mentions if not m.suppressed]


def refer_back(mentions: list[EventMention]) -> None:
    """A verb takes part in coreference like the definite noun in its clause ("were
    destroyed in the strike"); an agentless passive refers back too ("was destroyed")."""
    for m in mentions:
        if m.nominal or m.anaphoric:
            continue
        sub = {t.i for t in m.trigger.subtree}
        has_noun = any(o.anaphoric and o.nominal and o.type == m.type and o.trigger.i in sub
                       for o in mentions)
        agentless = is_passive(m.trigger) and not any(c.dep_ == "agent" for c in m.trigger.children)
        undated = not any(k in m.args for k in DATE_ROLES)
        if has_noun or (agentless and undated) or (undated and "place" not in m.args and pronouns_only(m)):
            m.anaphoric = True


def pronouns_only(m: EventMention) -> bool:
    """A verb whose subject and object are pronouns ("they shot them", "he bombed it"):
    a witness retelling the event already reported, not a new one."""
    core = [c for c in m.trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return bool(core) and all(c.pos_ == "PRON" for c in core)


def find_events(ctx: StageContext) -> list[Event]:
    res = Resolver(ctx.doc, ctx.entities, ctx.quotes)
    clusters = cluster(mentions_of(ctx, res))
    placed_by_sentence(clusters, res)
    dated_by_report(clusters, ctx.article.published)
    return [to_event(f"v{i}", c, ctx.article.text) for i, c in enumerate(clusters, 1)]


def dated_by_report(clusters: list[Cluster], published: str | None) -> None:
    """An event the report asserts and no clause of it dates happened on the report's day
    (news reports the day's events: "told a meeting of the council", "the delivery has
    been long awaited"); background (historical), planned and hypothetical events are left
    undated. After coreference, so that the date joins or splits no event."""
    day = (published or "")[:10]
    if len(day) != 10:
        return
    for c in clusters:
        if c.status == "asserted" and not any(c.args.get(r) for r in DATE_ROLES):
            c.args["date"] = day


def _export(value: Any) -> Any:
    if isinstance(value, Entity):
        return value.id
    if isinstance(value, list):
        return [_export(v) for v in value]
    return value


def confidence(c: Cluster, n_evidence: int) -> float:
    """How likely the event is right: the model fitted on the VOA dev split
    (:mod:`.calibrated`, ``data/confidence.yaml``)."""
    args = {k: v for k, v in c.args.items() if v not in (None, [], "")}
    return confidence_of(c.type, args, n_evidence)


def to_event(eid: str, c: Cluster, text: str) -> Event:
    evidence: list[Evidence] = []
    for m in c.mentions:
        s, e = m.evidence
        if any(ev.start == s and ev.end == e for ev in evidence):
            continue
        evidence.append(Evidence(start=s, end=e, text=text[s:e], status=m.status or c.status))
    first = c.mentions[0].trigger
    return Event(
        id=eid, type=c.type, status=c.status,
        args={k: _export(v) for k, v in c.args.items() if v not in (None, [], "")},
        evidence=evidence, confidence=confidence(c, len(evidence)),
        label=c.mentions[0].label,
        trigger=Span(start=first.idx, end=first.idx + len(first.text), text=first.text),
    )
