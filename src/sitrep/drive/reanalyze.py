"""Re-run the pipeline over stored articles after it improved; records carry its version."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from tqdm import tqdm

from sitrep.config import Settings
from sitrep.drive.ingest import Failure, analyze_resilient
from sitrep.errors import StoreError
from sitrep.model import PIPELINE_VERSION, AnalysisState, Article
from sitrep.store.store import Store


@dataclass(slots=True)
class ReanalyzeReport:
    done: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def reanalyze(store: Store, settings: Settings | None = None, *, everything: bool = False,
              progress: bool = True) -> ReanalyzeReport:
    """Re-analyse the stored articles made by another pipeline version or whose analysis
    failed (``everything``: all).

    Each article's records are replaced in one transaction; its sources are kept.
    """
    settings = settings or Settings()
    report = ReanalyzeReport()
    outdated = None if everything else PIPELINE_VERSION
    total = _count(store, outdated)
    bar = tqdm(total=total, disable=not progress, file=sys.stderr, unit="article", desc="reanalyze")

    def fail(location: str, reason: str) -> None:
        report.failures.append(Failure(location, reason))
        bar.update()

    def articles() -> Iterator[Article]:
        for stored in store.iter_analyses(outdated_from=outdated):
            art = stored.article
            art.analysis = None
            yield art

    try:
        for analysis in analyze_resilient(articles(), settings, fail):
            try:
                store.replace(analysis)
            except StoreError as exc:
                fail(analysis.article.id, f"not stored: {exc}")
                continue
            if analysis.article.status.state is AnalysisState.FAILED:
                fail(analysis.article.source or analysis.article.id, analysis.article.analysis or "")
            else:
                report.done += 1
                bar.update()
    finally:
        bar.close()
    return report


def _count(store: Store, outdated: str | None) -> int:
    from sqlalchemy import func, select

    from sitrep.store.schema import articles
    from sitrep.store.store import outdated as stale

    q = select(func.count()).select_from(articles)
    if outdated is not None:
        q = q.where(stale(outdated))
    with store.engine.connect() as conn:
        return conn.execute(q).scalar_one()
