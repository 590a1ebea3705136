"""Cross-article merge gold (tests/dev/kb-merge/merge.gold.yaml, its header documents the
format): ingest the articles into a temporary store, run ``kb merge``, map every gold
member to the KB entity (by its mention text in that article) or KB event (by the overlap
of the gold evidence with the event's evidence) it became, and score the clustering:
pairwise and B-cubed precision/recall for entities and events apart, and the
must-not-merge pairs the KB joined.

``sitrep eval --mode kb-merge DIR`` (DIR holds ``merge.gold.yaml``).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from sitrep.config import Settings
from sitrep.errors import SitrepError
from sitrep.kb.coref_metrics import PRF, b_cubed, clusters_of
from sitrep.model import Analysis

GOLD_NAME = "merge.gold.yaml"
Member = tuple[str, str]  # (article key, mention or evidence text)


@dataclass(slots=True)
class MergeGold:
    articles: dict[str, Path]
    entities: dict[str, list[Member]]
    events: dict[str, list[Member]]
    must_not: list[tuple[str, Member, Member, str]]  # (kind, a, b, why)


def _shared_root(base: Path) -> Path:
    for parent in [base, *base.parents]:
        if (parent / "src" / "sitrep").is_dir() or (parent / ".git").exists():
            return parent.parent / "shared"
    return base.parent / "shared"


def _member(value: Any, where: str) -> Member:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise SitrepError(f"{where}: a member is [ARTICLE, TEXT], got {value!r}")
    return value[0], value[1]


def load_gold(path: Path) -> MergeGold:
    file = path / GOLD_NAME if path.is_dir() else path
    if not file.is_file():
        raise SitrepError(f"{path}: no {GOLD_NAME}")
    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    base = file.parent.resolve()
    articles = {}
    for key, ref in (data.get("articles") or {}).items():
        ref = str(ref)
        where = _shared_root(base) / ref[7:] if ref.startswith("shared:") else base / ref
        articles[str(key)] = where.resolve()

    def clusters(section: str) -> dict[str, list[Member]]:
        out: dict[str, list[Member]] = {}
        for c in data.get(section) or []:
            cid = f"{section}:{c['id']}"
            if cid in out:
                raise SitrepError(f"{file}: duplicate cluster id {c['id']}")
            out[cid] = [_member(m, f"{file} {c['id']}") for m in c.get("members") or []]
        return out

    at = f"{file} must_not_merge"
    must = [(str(p["kind"]), _member(p["a"], at), _member(p["b"], at), str(p.get("why", "")))
            for p in data.get("must_not_merge") or []]
    gold = MergeGold(articles, clusters("entities"), clusters("events"), must)
    for members in [*gold.entities.values(), *gold.events.values()]:
        for art, _ in members:
            if art not in articles:
                raise SitrepError(f"{file}: member of unknown article {art!r}")
    return gold


# -- mapping gold members to KB ids ----------------------------------------------------------

def find_span(text: str, phrase: str) -> tuple[int, int] | None:
    """Where ``phrase`` occurs in ``text``, whitespace- and (as a fallback) case-insensitive."""
    pattern = r"\s+".join(re.escape(w) for w in phrase.split())
    m = re.search(pattern, text) or re.search(pattern, text, re.I)
    return (m.start(), m.end()) if m else None


def entity_for(analysis: Analysis, mention: str) -> str | None:
    """The article entity named or mentioned as ``mention`` (exact name first, then a
    mention of that text, then a mention overlapping an occurrence of it)."""
    want = mention.casefold()
    for ent in analysis.entities:
        if ent.name.casefold() == want:
            return ent.id
    for ent in analysis.entities:
        if any(m.text.casefold() == want for m in ent.mentions):
            return ent.id
    span = find_span(analysis.article.text, mention)
    if span:
        for ent in analysis.entities:
            if any(m.start is not None and m.end is not None and m.start < span[1] and span[0] < m.end
                   for m in ent.mentions):
                return ent.id
    return None


def event_for(analysis: Analysis, evidence: str) -> str | None:
    """The article event whose evidence (or trigger) overlaps the gold evidence most."""
    span = find_span(analysis.article.text, evidence)
    if span is None:
        return None
    best, best_fit = None, (0, 0)
    for ev in analysis.events:
        spans = [(e.start, e.end) for e in ev.evidence]
        if ev.trigger is not None and ev.trigger.start is not None and ev.trigger.end is not None:
            spans.append((ev.trigger.start, ev.trigger.end))
        # the most overlap, then the span that reaches least beyond the gold evidence
        fit = max(((min(e, span[1]) - max(s, span[0]), -(e - s)) for s, e in spans), default=(0, 0))
        if fit[0] > 0 and fit > best_fit:
            best, best_fit = ev.id, fit
    return best


# -- scoring ---------------------------------------------------------------------------------

def pairwise(key: Mapping[Member, Hashable], response: Mapping[Member, Hashable]) -> PRF:
    items = sorted(key)
    same_key = {p for p in combinations(items, 2) if key[p[0]] == key[p[1]]}
    same_resp = {p for p in combinations(items, 2) if response[p[0]] == response[p[1]]}
    hit = len(same_key & same_resp)
    return PRF(hit / len(same_resp) if same_resp else 1.0, hit / len(same_key) if same_key else 1.0)


@dataclass(slots=True)
class KindScore:
    kind: str
    clusters: int
    members: int
    mapped: int
    pairwise: PRF
    b3: PRF
    violations: list[str] = field(default_factory=list)
    must_not: int = 0
    split: list[str] = field(default_factory=list)  # gold clusters the KB did not join whole
    unmapped: list[str] = field(default_factory=list)  # members no extracted entity/event matched

    def line(self) -> str:
        p, b = self.pairwise, self.b3
        return (f"{self.kind:<8} {self.clusters:>3} clusters {self.members:>3} members "
                f"({self.mapped} mapped) | pairwise P {p.p:.3f} R {p.r:.3f} F1 {p.f1:.3f} | "
                f"B3 P {b.p:.3f} R {b.r:.3f} F1 {b.f1:.3f} | "
                f"must-not-merge violated {len(self.violations)}/{self.must_not}")


@dataclass(slots=True)
class MergeEvalReport:
    scores: dict[str, KindScore]
    verbose: bool = True

    def lines(self) -> list[str]:
        out = ["cross-article merge gold (kb-merge)"]
        out += [s.line() for s in self.scores.values()]
        for s in self.scores.values():
            out += [f"  {s.kind} not joined: {c}" for c in s.split]
            out += [f"  {s.kind} must-not-merge violated: {v}" for v in s.violations]
            out += [f"  {s.kind} not extracted: {u}" for u in s.unmapped]
        return out

    def format(self) -> str:
        return "\n".join(self.lines())

    def to_dict(self) -> dict[str, Any]:
        return {kind: {"clusters": s.clusters, "members": s.members, "mapped": s.mapped,
                       "pairwise": {"P": s.pairwise.p, "R": s.pairwise.r, "F1": s.pairwise.f1},
                       "B3": {"P": s.b3.p, "R": s.b3.r, "F1": s.b3.f1},
                       "must_not_merge": s.must_not, "violations": s.violations, "not_joined": s.split,
                       "not_extracted": s.unmapped}
                for kind, s in self.scores.items()}


def score(gold: MergeGold, analyses: dict[str, Analysis],
          kb_of: dict[tuple[str, str, str], str]) -> MergeEvalReport:
    """``analyses``: gold article key -> its analysis; ``kb_of``: (kind, article id, item id) ->
    KB id."""
    out = {}
    for kind, clusters in (("entity", gold.entities), ("event", gold.events)):
        find = entity_for if kind == "entity" else event_for
        key: dict[Member, Hashable] = {}
        for cid, members in clusters.items():
            for m in members:
                key[m] = cid
        pairs = [(a, b, why) for k, a, b, why in gold.must_not if k == kind]
        for a, b, _ in pairs:
            for m in (a, b):
                key.setdefault(m, f"single:{m}")
        response: dict[Member, Hashable] = {}
        for m in key:
            art, text = m
            an = analyses.get(art)
            item = find(an, text) if an else None
            kb = kb_of.get((kind, an.article.id, item)) if an and item else None
            response[m] = kb if kb else ("unmapped", m)
        mapped = sum(1 for v in response.values() if not isinstance(v, tuple))
        violations = [f"{a[0]}:{a[1]!r} ~ {b[0]}:{b[1]!r} ({why})" for a, b, why in pairs
                      if response[a] == response[b]]
        split = [cid for cid, members in clusters.items() if len({response[m] for m in members}) > 1]
        unmapped = [f"{m[0]}:{m[1]!r}" for m, v in response.items() if isinstance(v, tuple)]
        out[kind] = KindScore(kind, len(clusters), len(key), mapped, pairwise(key, response),
                              b_cubed(clusters_of(key), clusters_of(response)), violations, len(pairs), split,
                              unmapped)
    return MergeEvalReport(out)


def kb_ids(store: Any, article_ids: Iterable[str]) -> dict[tuple[str, str, str], str]:
    from sitrep.kb import schema as k

    ids = list(article_ids)
    out: dict[tuple[str, str, str], str] = {}
    with store.engine.connect() as conn:
        em, vm = k.kb_entity_members, k.kb_event_members
        for r in conn.execute(select(em.c.article_id, em.c.entity_id, em.c.kb_id)
                              .where(em.c.article_id.in_(ids))):
            out[("entity", r.article_id, r.entity_id)] = r.kb_id
        for r in conn.execute(select(vm.c.article_id, vm.c.event_id, vm.c.kb_event_id)
                              .where(vm.c.article_id.in_(ids))):
            out[("event", r.article_id, r.event_id)] = r.kb_event_id
    return out


def analyse_into(store: Any, gold: MergeGold, settings: Settings) -> dict[str, Analysis]:
    """Read, analyse and store every gold article; returns key -> analysis."""
    from sitrep.ingest import read_inputs
    from sitrep.pipeline import analyze

    out: dict[str, Analysis] = {}
    for key, path in gold.articles.items():
        if not path.is_file():
            raise SitrepError(f"kb-merge gold: article {key} not found at {path}")
        for art in read_inputs([str(path)], settings):
            if isinstance(art, Exception):
                raise SitrepError(f"kb-merge gold: {path}: {art}")
            analysis = analyze(art, settings)
            store.add(analysis)
            out[key] = store.get(analysis.article.id) or analysis
    return out


def run_kb_merge(path: Path, settings: Settings) -> MergeEvalReport:
    """Ingest the gold's articles into a temporary store, merge, score."""
    import sitrep.kb as kb
    from sitrep.store import open_store

    gold = load_gold(path)
    with tempfile.TemporaryDirectory(prefix="sitrep-kbmerge-") as tmp:
        store = open_store(str(Path(tmp) / "kb.db"))
        try:
            analyses = analyse_into(store, gold, settings)
            kb.merge(store)
            return score(gold, analyses, kb_ids(store, [a.article.id for a in analyses.values()]))
        finally:
            store.close()


__all__ = ["MergeEvalReport", "MergeGold", "load_gold", "run_kb_merge", "score"]
