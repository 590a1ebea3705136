"""Incremental cross-article merging: ``merge(store)`` folds every article analysed
since the last merge into the KB (entities, then events), one write transaction per
article, so concurrent ingests and merges lose nothing and a re-analysed article is
merged again (its old memberships replaced).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import Connection, delete, func, select

from sitrep.kb import schema as k
from sitrep.kb.embed import contextual_vectors, embed
from sitrep.kb.entities import merge_entities, refresh_entity
from sitrep.kb.eventcounts import event_count
from sitrep.kb.eventpairs import PairModel, load_pair_model
from sitrep.kb.eventplace import event_places
from sitrep.kb.events import EventInput, entity_args, event_date, merge_events
from sitrep.kb.search import index_article
from sitrep.model import Analysis
from sitrep.store import Store
from sitrep.store import schema as st
from sitrep.store.engine import serialize


@dataclass(slots=True)
class MergeReport:
    articles: int = 0
    entities: int = 0
    events: int = 0
    kb_entities: int = 0
    kb_events: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"merged {self.articles} articles ({self.entities} entities, {self.events} events) "
                f"in {self.seconds:.1f}s; KB holds {self.kb_entities} entities and {self.kb_events} events")


def pending(store: Store) -> list[str]:
    """Articles analysed since they were last merged (or never merged), in ingest order."""
    a, m = st.articles, k.kb_merged
    q = (select(a.c.id, a.c.analysed_at, m.c.analysed_at.label("merged"))
         .outerjoin(m, m.c.article_id == a.c.id).order_by(a.c.seq))
    with store.read() as conn:
        return [r.id for r in conn.execute(q) if r.merged != _stamp(r.analysed_at)]


def _stamp(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _window(text: str, start: int, end: int, width: int = 160) -> tuple[str, int, int]:
    """The sentence-ish window around a span, and the span's offsets inside it."""
    lo = max(text.rfind(". ", 0, start) + 2, start - width, 0)
    hi_dot = text.find(". ", end)
    hi = min(hi_dot if hi_dot != -1 else len(text), end + width)
    return text[lo:hi], start - lo, end - lo


def event_inputs(analysis: Analysis, kb_map: dict[str, str], lemmas: dict[str, str]) -> list[EventInput]:
    art = analysis.article
    doc = " ".join(filter(None, [art.title, art.text[:400]]))
    out = []
    for ev in analysis.events:
        trig = ev.trigger
        if trig is None or trig.start is None or trig.end is None:
            ev_span = ev.evidence[0] if ev.evidence else None
            start, end = (ev_span.start, ev_span.end) if ev_span else (0, 0)
        else:
            start, end = trig.start, trig.end
        sentence, s0, s1 = _window(art.text, start, end)
        words: list[str] = []
        target: list[int] = []
        pos = 0
        for w in sentence.split():
            at = sentence.index(w, pos)
            pos = at + len(w)
            if at < s1 and pos > s0:
                target.append(len(words))
            words.append(w)
        trigger_text = art.text[start:end] or ev.type
        out.append(EventInput(ev, lemmas.get(trigger_text.lower(), trigger_text.lower()), trigger_text,
                              sentence, doc, words or [ev.type], target or [0],
                              entity_args(ev, kb_map), event_date(ev), event_places(analysis, ev, kb_map),
                              event_count(ev)))
    return out


def _lemmas(words: list[str]) -> dict[str, str]:
    from sitrep.nlp.loader import load_nlp

    nlp = load_nlp()
    uniq = sorted({w.lower() for w in words})
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        return {w: " ".join(t.lemma_.lower() for t in d) for w, d in zip(uniq, nlp.pipe(uniq), strict=True)}


def _vectors(inputs: list[EventInput]) -> list[list[np.ndarray]]:
    if not inputs:
        return []
    trig = embed([i.trigger for i in inputs])
    sent = embed([i.sentence for i in inputs])
    doc = embed([inputs[0].doc])[0]
    ctx = contextual_vectors([i.words for i in inputs], [i.target for i in inputs])
    return [[trig[n], sent[n], doc, ctx[n]] for n in range(len(inputs))]


MERGE_LOCK = "sitrep.kb.merging"


def merge_article(store: Store, analysis: Analysis, model: PairModel, *, again: bool = True) -> bool:
    """Fold one article into the KB; with ``again=False`` an article another merge has
    already folded in (at the same analysis) is left alone. True when it was merged."""
    triggers = [e.trigger.text for e in analysis.events if e.trigger and e.trigger.text]
    lemmas = _lemmas(triggers) if triggers else {}
    a = st.articles

    def work(conn: Connection) -> bool:
        serialize(conn, MERGE_LOCK)
        stamp = conn.execute(select(a.c.analysed_at).where(a.c.id == analysis.article.id)).scalar()
        done = conn.execute(select(k.kb_merged.c.analysed_at).where(
            k.kb_merged.c.article_id == analysis.article.id)).scalar()
        if not again and done == _stamp(stamp):
            return False
        kb_map = merge_entities(conn, analysis)
        inputs = event_inputs(analysis, kb_map, lemmas)
        merge_events(conn, analysis, inputs, _vectors(inputs), model)
        index_article(conn, analysis.article)
        conn.execute(delete(k.kb_merged).where(k.kb_merged.c.article_id == analysis.article.id))
        conn.execute(k.kb_merged.insert(), {
            "article_id": analysis.article.id, "pipeline_version": analysis.pipeline_version,
            "analysed_at": _stamp(stamp), "merged_at": datetime.now(UTC)})
        return True

    return store.write(work)  # waits for another writer's lock; a full disk: StoreUnavailableError


def merge(store: Store, *, ids: list[str] | None = None, model: PairModel | None = None) -> MergeReport:
    """Merge the pending articles (or the given ones) into the KB."""
    t0 = time.perf_counter()
    k.ensure_tables(store)
    model = model or load_pair_model()
    report = MergeReport()
    for analysis in store.iter_analyses(ids=ids if ids is not None else pending(store)):
        if analysis.article.analysis:  # stored unanalysed (skipped): nothing to merge
            continue
        if not merge_article(store, analysis, model, again=ids is not None):
            continue
        report.articles += 1
        report.entities += len(analysis.entities)
        report.events += len(analysis.events)
    with store.read() as conn:
        report.kb_entities = conn.execute(select(func.count()).select_from(k.kb_entities)).scalar_one()
        report.kb_events = conn.execute(select(func.count()).select_from(k.kb_events)).scalar_one()
    report.seconds = time.perf_counter() - t0
    return report


def forget(store: Store, article_id: str) -> None:
    """Drop an article from the KB (its memberships), recomputing what it touched."""
    from sitrep.kb.events import refresh_event

    def work(conn: Connection) -> None:
        serialize(conn, MERGE_LOCK)
        ents = {r.kb_id for r in conn.execute(select(k.kb_entity_members.c.kb_id).where(
            k.kb_entity_members.c.article_id == article_id))}
        evs = {r.kb_event_id for r in conn.execute(select(k.kb_event_members.c.kb_event_id).where(
            k.kb_event_members.c.article_id == article_id))}
        for table in (k.kb_entity_members, k.kb_event_members, k.kb_merged):
            conn.execute(delete(table).where(table.c.article_id == article_id))
        for kb in ents:
            refresh_entity(conn, kb)
        for kbv in evs:
            refresh_event(conn, kbv, None)

    store.write(work)


__all__ = ["MergeReport", "merge", "pending"]
