"""Run the pipeline on every article beside a ``*.gold.yaml`` and score it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.config import Settings
from sitrep.errors import InputError, SitrepError
from sitrep.eval.calibration import Outcome, outcomes
from sitrep.eval.gold import GoldReport, Section, score_record

ARTICLE_SUFFIXES = (".md", ".html", ".htm", ".txt", ".jsonl")


def gold_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(path.rglob("*.gold.yaml"))


def article_for(gold: Path) -> Path:
    stem = gold.name[: -len(".gold.yaml")]
    for suffix in ARTICLE_SUFFIXES:
        cand = gold.with_name(stem + suffix)
        if cand.is_file():
            return cand
    raise SitrepError(f"{gold}: no article beside it (looked for {stem}{{{','.join(ARTICLE_SUFFIXES)}}})")


@dataclass
class GoldDirReport:
    reports: list[GoldReport] = field(default_factory=list)
    # every predicted event with its confidence and whether it matched (the reliability table)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> dict[str, Section]:
        out: dict[str, Section] = {}
        for rep in self.reports:
            for key, sec in rep.sections.items():
                out.setdefault(key, Section()).add(sec)
        return out

    @property
    def speaker_kinds(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for rep in self.reports:
            for k, (a, b) in rep.speaker_kinds.items():
                x, y = out.get(k, (0, 0))
                out[k] = (x + a, y + b)
        return out

    @property
    def event_types(self) -> dict[str, Section]:
        out: dict[str, Section] = {}
        for rep in self.reports:
            for t, sec in rep.event_types.items():
                out.setdefault(t, Section()).add(sec)
        return out

    def format(self) -> str:
        parts = [r.format() for r in self.reports]
        if len(self.reports) > 1:
            tot = GoldReport(name=f"TOTAL over {len(self.reports)} articles (micro-averaged)",
                             sections=self.total)
            fields = [r.article_fields for r in self.reports]
            tot.article_fields = (sum(a for a, _ in fields), sum(b for _, b in fields))
            tot.speaker_kinds = self.speaker_kinds
            tot.event_types = self.event_types
            parts.append(tot.format(misses=False))
        return "\n\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        total = GoldReport(name="total", sections=self.total, speaker_kinds=self.speaker_kinds,
                           event_types=self.event_types).to_dict()
        return {"articles": [r.to_dict() for r in self.reports], "total": total}


def evaluate_gold(path: Path, settings: Settings | None = None, split: str | None = None) -> GoldDirReport:
    """Score every article beside a gold file under ``path`` (only ``split``'s part of a
    corpus with a recorded split, when given)."""
    from sitrep.ingest import read_inputs
    from sitrep.pipeline import analyze

    settings = settings or Settings()
    out = GoldDirReport()
    files = gold_files(Path(path))
    if split is not None:
        from sitrep.eval.splits import members

        keep = members(Path(path), split)
        files = [g for g in files if g.name[: -len(".gold.yaml")] in keep]
    if not files:
        raise SitrepError(f"{path}: no *.gold.yaml files" + (f" in split {split!r}" if split else ""))
    for gold_path in files:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        art_path = article_for(gold_path)
        items = list(read_inputs([str(art_path)], settings))
        if not items or isinstance(items[0], InputError):
            raise SitrepError(f"{art_path}: cannot be read ({items[0] if items else 'no article'})")
        record = analyze(items[0], settings).to_dict()
        out.reports.append(score_record(gold, record, name=str(gold_path.name)))
        out.outcomes.extend(outcomes(gold, record))
    return out
