"""Events across articles -> one KB event.

A new article's event joins the KB event of the same type whose mentions it matches
best, when the pair model's mean probability over that KB event's mentions reaches
the model's threshold (the average-linkage criterion the ECB+ figure measures), its
dates do not disagree, and no mention of it comes from the same article (within one
article the extractor has already merged). Otherwise it starts a KB event. Each
member keeps its own arguments: the KB event shows per-source differences.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, select

from sitrep.kb import schema as k
from sitrep.kb.eventcounts import counts_agree, stored_counts
from sitrep.kb.eventpairs import MentionRep, PairModel
from sitrep.kb.eventplace import Place, places_agree, stored_places
from sitrep.model import Analysis, Event
from sitrep.timespan import sort_key

DIM = 384
# stronger commitment first (clarifications.md: asserted > agreed > planned/expected > desired > hypothetical)
STATUS_RANK = {"asserted": 7, "historical": 6, "agreed": 5, "planned": 4, "expected": 4,
               "desired": 3, "hypothetical": 2, "negated": 1}
MAX_CANDIDATES = 2000  # most recent same-type mentions compared against
# Reports about different stories never merge: the ECB+ figure clusters documents into
# stories first, and the pair weights were fitted within those clusters. Here a candidate's
# report must be this similar (MiniLM cosine of title + lead) to the new one. On ECB+
# training topics 0.5 keeps 95% of same-story document pairs and 0.65% of cross-topic ones.
STORY_SIMILARITY = 0.5
# ... or this similar when the two mentions name one place short of a country (the talks
# "in Jeddah" of a report on the talks and of one on the G7 agenda that follows them)
SHARED_PLACE_SIMILARITY = 0.35


@dataclass(slots=True)
class EventInput:
    """An article event with the texts its vectors are computed from."""

    event: Event
    lemma: str
    trigger: str
    sentence: str
    doc: str
    words: list[str]
    target: list[int]
    args: frozenset[str]
    date: str | None
    places: frozenset[Place] = frozenset()
    count: int | None = None  # an exact toll ("killed")


def event_date(event: Event) -> str | None:
    for role in ("date", "start"):
        value = event.args.get(role)
        if isinstance(value, str) and value[:1].isdigit():
            return value
    return None


def entity_args(event: Event, kb_map: dict[str, str]) -> frozenset[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str) and value in kb_map:
            found.add(kb_map[value])
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            walk(value.get("entity"))

    for role, value in event.args.items():
        if role not in ("date", "start", "end"):
            walk(value)
    return frozenset(found)


DAY_WINDOW = 1  # days two reports' dates of one incident may differ (midnight, "Tuesday")


def dates_agree(a: str | None, b: str | None, window: int = DAY_WINDOW) -> bool:
    """Both dates known and different at the precision they share, beyond ``window`` days
    for two days: not the same event. Within one article (``window=0``) two days are two
    events: one resolution of the text dated both."""
    if not a or not b:
        return True
    n = min(len(a), len(b), 10)
    if a[:n] == b[:n]:
        return True
    if n < 10:
        return False
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= window
    except ValueError:
        return False


def compatible(a: MentionRep, b: MentionRep, date_a: str | None, date_b: str | None,
               places_a: frozenset[Place] = frozenset(), places_b: frozenset[Place] = frozenset(),
               count_a: int | None = None, count_b: int | None = None) -> bool:
    """Same story, dates that agree, and places that can be one (a town and its province,
    not two towns). Differing participants alone do not part two mentions: reports of one
    incident name its sides differently, and the pair model weighs their overlap."""
    shared = any(x.kb == y.kb and x.type != "COUNTRY" for x in places_a for y in places_b)
    if float(a.doc_vec @ b.doc_vec) < (SHARED_PLACE_SIMILARITY if shared else STORY_SIMILARITY):
        return False
    return dates_agree(date_a, date_b) and places_agree(places_a, places_b) and counts_agree(count_a, count_b)


def pack(vectors: Sequence[np.ndarray]) -> bytes:
    return np.concatenate([np.asarray(v, dtype=np.float32) for v in vectors]).tobytes()


def unpack(blob: bytes) -> list[np.ndarray]:
    arr = np.frombuffer(blob, dtype=np.float32)
    return [arr[i * DIM:(i + 1) * DIM] for i in range(4)]


def rep_of(article_id: str, lemma: str, vectors: list[np.ndarray], args: frozenset[str],
           date: str | None, type_: str) -> MentionRep:
    t, s, d, c = vectors
    return MentionRep(doc=article_id, sentence=0, lemma=lemma, trigger_vec=t, sentence_vec=s,
                      doc_vec=d, context_vec=c, args=args,
                      times=frozenset([date[:10]]) if date else frozenset(), type=type_)


def kb_event_id(article_id: str, event_id: str) -> str:
    return "kbv:" + hashlib.sha1(f"{article_id}/{event_id}".encode()).hexdigest()[:12]


def _candidates(conn: Connection, type_: str, article_id: str) -> list[Any]:
    m, e = k.kb_event_members, k.kb_events
    q = (select(m.c.article_id, m.c.event_id, m.c.kb_event_id, m.c.lemma, m.c.args, m.c.date, m.c.vectors)
         .join(e, e.c.kb_event_id == m.c.kb_event_id)
         .where(e.c.type == type_, m.c.article_id != article_id)
         .order_by(m.c.kb_event_id.desc()).limit(MAX_CANDIDATES))
    return list(conn.execute(q))


def options(model: PairModel, rep: MentionRep, inp: EventInput, cands: list[Any],
            places: dict[tuple[str, str], frozenset[Place]], counts: dict[tuple[str, str], int]
            ) -> list[tuple[float, str]]:
    """The KB events this mention may join, with their average-linkage probability."""
    if not cands:
        return []
    reps = [rep_of(c.article_id, c.lemma, unpack(c.vectors), frozenset(c.args), c.date, rep.type or "")
            for c in cands]
    prob = model.probabilities_ab([rep], reps)[0]
    by_kb: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        by_kb.setdefault(c.kb_event_id, []).append(i)
    out = []
    for kb, idx in by_kb.items():
        if not all(compatible(rep, reps[i], inp.date, cands[i].date, inp.places,
                              places.get((cands[i].article_id, cands[i].event_id), frozenset()),
                              inp.count, counts.get((cands[i].article_id, cands[i].event_id)))
                   for i in idx):
            continue
        p = float(prob[idx].mean())
        if p >= model.threshold:
            out.append((p, kb))
    return out


def assign(choices: list[list[tuple[float, str]]], new_ids: list[str],
           alike: Callable[[int, int], bool] = lambda i, j: False) -> list[str]:
    """A KB event per article event, the most probable pairs first rather than in text
    order; an event that joins none starts ``new_ids[i]``. Two events of one article share
    a KB event only when they are ``alike`` (the extractor split one incident: "attacked a
    train", "the attack"), whether it is an existing KB event or one they start."""
    ranked = sorted(((p, i, kb) for i, opts in enumerate(choices) for p, kb in opts),
                    key=lambda t: (-t[0], t[1]))
    out: list[str | None] = [None] * len(choices)
    takers: dict[str, list[int]] = {}

    def take(i: int, kb: str) -> bool:
        if out[i] is None and all(alike(i, j) for j in takers.get(kb, [])):
            out[i] = kb
            takers.setdefault(kb, []).append(i)
        return out[i] == kb

    for _, i, kb in ranked:
        take(i, kb)
    started: list[str] = []  # KB events this article starts, which its alike events may share
    for i in range(len(choices)):
        if out[i] is None and not any(take(i, kb) for kb in started):
            take(i, new_ids[i])
            started.append(new_ids[i])
    return [kb or new_ids[i] for i, kb in enumerate(out)]


def _items(event: Event) -> set[str]:
    items = event.args.get("items")
    if not isinstance(items, list):
        return set()
    return {str(i.get("entity") or i.get("name", "")).lower() for i in items if isinstance(i, dict)} - {""}


def items_agree(a: Event, b: Event) -> bool:
    """Two transfers of one article naming items share one (S-400s and F-35s are two deals)."""
    ia, ib = _items(a), _items(b)
    return not ia or not ib or bool(ia & ib)


def _alike(model: PairModel, inputs: list[EventInput], reps: list[MentionRep]) -> Callable[[int, int], bool]:
    """Two events of one article the pair model takes for one (their sentences told apart)."""
    own = [MentionRep(doc=r.doc, sentence=n, lemma=r.lemma, trigger_vec=r.trigger_vec,
                      sentence_vec=r.sentence_vec, doc_vec=r.doc_vec, context_vec=r.context_vec,
                      args=r.args, times=r.times, type=r.type) for n, r in enumerate(reps)]
    prob = model.probabilities(own) if own else np.zeros((0, 0))

    def alike(i: int, j: int) -> bool:
        a, b = inputs[i], inputs[j]
        return (a.event.type == b.event.type and a.event.status == b.event.status
                and float(prob[i, j]) >= model.threshold and dates_agree(a.date, b.date, window=0)
                and places_agree(a.places, b.places) and counts_agree(a.count, b.count)
                and items_agree(a.event, b.event))

    return alike


def merge_events(conn: Connection, analysis: Analysis, inputs: list[EventInput],
                 vectors: list[list[np.ndarray]], model: PairModel) -> dict[str, str]:
    """Write the article's event memberships; returns event id -> KB event id."""
    aid = analysis.article.id
    old = [r.kb_event_id for r in conn.execute(
        select(k.kb_event_members.c.kb_event_id).where(k.kb_event_members.c.article_id == aid))]
    conn.execute(delete(k.kb_event_members).where(k.kb_event_members.c.article_id == aid))
    mapping: dict[str, str] = {}
    choices, reps = [], []
    for inp, vecs in zip(inputs, vectors, strict=True):
        cands = _candidates(conn, inp.event.type, aid)
        keys = [(c.article_id, c.event_id) for c in cands]
        places, counts = stored_places(conn, keys), stored_counts(conn, keys)
        rep = rep_of(aid, inp.lemma, vecs, inp.args, inp.date, inp.event.type)
        reps.append(rep)
        choices.append(options(model, rep, inp, cands, places, counts))
    new_ids = [kb_event_id(aid, inp.event.id) for inp in inputs]
    chosen_kb = assign(choices, new_ids, _alike(model, inputs, reps))
    for inp, vecs, kb in zip(inputs, vectors, chosen_kb, strict=True):
        ev = inp.event
        mapping[ev.id] = kb
        conn.execute(k.kb_event_members.insert(), {
            "article_id": aid, "event_id": ev.id, "kb_event_id": kb, "lemma": inp.lemma,
            "args": sorted(inp.args), "date": inp.date, "vectors": pack(vecs),
        })
        refresh_event(conn, kb, analysis)
    for kb in set(old) - set(mapping.values()):
        refresh_event(conn, kb, None)
    return mapping


def refresh_event(conn: Connection, kb: str, _analysis: Analysis | None) -> None:
    """Recompute a KB event's type, strongest status, dates and article count from its members."""
    from sitrep.store import schema as st

    m, ev = k.kb_event_members, st.events
    rows = conn.execute(
        select(ev.c.article_id, ev.c.type, ev.c.status, ev.c.label, ev.c.date_start, ev.c.date_end)
        .join(m, (m.c.article_id == ev.c.article_id) & (m.c.event_id == ev.c.id))
        .where(m.c.kb_event_id == kb)).all()
    conn.execute(delete(k.kb_events).where(k.kb_events.c.kb_event_id == kb))
    if not rows:
        return
    status = max((r.status for r in rows), key=lambda s: STATUS_RANK.get(s, 0))
    starts = sorted((r.date_start for r in rows if r.date_start), key=sort_key)
    ends = sorted((r.date_end for r in rows if r.date_end), key=lambda d: sort_key(d)[::-1])
    conn.execute(k.kb_events.insert(), {
        "kb_event_id": kb, "type": rows[0].type, "status": status,
        "label": next((r.label for r in rows if r.label), None),
        "date_start": starts[0] if starts else None, "date_end": ends[-1] if ends else None,
        "n_articles": len({r.article_id for r in rows}),
    })
