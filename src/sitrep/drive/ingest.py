"""ingest(paths, store, settings): read, skip what is stored, analyse, write. Resumable.

Articles whose text is already stored are recognised by id BEFORE they are analysed
(their new source is recorded), so re-running an interrupted batch only analyses
what is missing. Each article is written in one transaction. An input that cannot
be read, or an article the pipeline fails on, is reported and the batch goes on.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from tqdm import tqdm

from sitrep.batch import count_inputs, skip_known
from sitrep.config import Settings
from sitrep.errors import InputError, ModelError, StoreError, StoreUnavailableError
from sitrep.model import Analysis, AnalysisState, Article, Source
from sitrep.store.store import Store

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Failure:
    location: str  # the file, or "file:LINE"
    reason: str
    input: str = ""  # the file alone (what error lines are counted by); the location if empty

    @property
    def file(self) -> str:
        return self.input or self.location

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(slots=True)
class IngestReport:
    read: int = 0  # articles read from the inputs
    new: int = 0  # analysed and stored
    duplicate: int = 0  # text already stored (its source was added)
    skipped: int = 0  # stored without analysis (e.g. another language)
    failures: list[Failure] = field(default_factory=list)  # unreadable inputs, failed analyses
    warnings: list[Failure] = field(default_factory=list)  # e.g. no publication date

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        return (f"{self.read} read: {self.new} new, {self.duplicate} already stored, "
                f"{self.skipped} stored without analysis, {self.failed} failed")


FailureHook = Callable[[Failure], None]


def ingest(
    paths: Iterable[str], store: Store, settings: Settings | None = None, progress: bool = True,
    on_failure: FailureHook | None = None,
) -> IngestReport:
    """Read ``paths``, analyse the articles not stored yet, store them; returns the counts.

    ``progress``: a progress bar (rate, ETA) on stderr. ``on_failure`` is called with
    each failure as it happens (the report lists them all at the end too).
    """
    from sitrep.ingest import read_inputs

    settings = settings or Settings()
    paths = list(paths)
    report = IngestReport()
    bar = tqdm(total=_total(paths), disable=not progress, file=sys.stderr, unit="article",
               dynamic_ncols=True, desc="ingest")

    def fail(location: str, reason: str, input: str = "") -> None:
        f = Failure(location, reason, input)
        report.failures.append(f)
        bar.update()
        if on_failure:
            on_failure(f)

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, settings):
            if isinstance(item, InputError):
                fail(item.location, item.reason, item.input)
                continue
            report.read += 1
            report.warnings.extend(Failure(item.source, w) for w in item.warnings)
            yield item

    def stored_already(art: Article) -> None:
        store.add_sources(art.id, art.sources)
        report.duplicate += 1
        bar.update()

    later = _InRunDuplicates(report, bar)
    fresh = later.filter(skip_known(articles(), store.stored_ids, chunk=settings.write_batch,
                                    skipped=stored_already))
    try:
        for batch in timed_batches(analyze_resilient(fresh, settings, fail), settings.write_batch):
            failed_before = report.failed
            _write(store, batch, report, fail)
            bar.update(len(batch) - (report.failed - failed_before))  # fail() counted those
        later.flush(store)
    finally:
        bar.close()
    return report


def write_analyses(
    analyses: Iterable[Analysis], store: Store, settings: Settings,
    report: IngestReport | None = None, fail: Callable[[str, str], None] | None = None,
) -> Iterator[Analysis]:
    """The write step of :func:`ingest` over any stream of analyses (the Spark job's
    ``--store``): timed batches, one transaction each (a failing batch is written article
    by article to find the bad one); yields each analysis once its batch is written."""
    report = report if report is not None else IngestReport()

    def failed(location: str, reason: str) -> None:
        report.failures.append(Failure(location, reason))

    for batch in timed_batches(analyses, settings.write_batch):
        _write(store, batch, report, fail or failed)
        yield from batch


def _total(paths: list[str]) -> int | None:
    """How many articles to expect (for the ETA): the files ``read_inputs`` will read (JSON
    Lines counted by line) and one per path it will report as bad; None for stdin."""
    from sitrep.ingest import input_paths

    items = list(input_paths(paths))
    if "-" in items:
        return None
    files = [i for i in items if isinstance(i, str)]
    try:
        return count_inputs(files) + (len(items) - len(files))
    except OSError:
        return None


def timed_batches(items: Iterable[T], size: int, seconds: float = 1.0) -> Iterator[list[T]]:
    """Lists of up to ``size`` items, cut early once ``seconds`` passed since a list began,
    so a slow stream is still written (and shown) as it goes."""
    batch: list[T] = []
    began = 0.0
    for item in items:
        if not batch:
            began = time.monotonic()
        batch.append(item)
        if len(batch) >= size or time.monotonic() - began >= seconds:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(
    store: Store, batch: list[Analysis], report: IngestReport, fail: Callable[[str, str], None]
) -> None:
    """One transaction for the batch; if it fails, each article alone to find the bad one."""
    flags: list[bool | None]
    try:
        flags = list(store.add_many(batch))
    except StoreUnavailableError:
        raise  # locked, disk full: no article can be written, the batch stops
    except StoreError:
        flags = []
        for analysis in batch:
            try:
                flags.append(store.add(analysis))
            except StoreUnavailableError:
                raise
            except StoreError as exc:
                fail(analysis.article.source, f"not stored: {exc}")
                flags.append(None)
    for analysis, added in zip(batch, flags, strict=True):
        reason = analysis.article.analysis or ""
        if added is None:
            continue
        if not added:  # another ingest stored the same text meanwhile
            report.duplicate += 1
        elif analysis.article.status.state is AnalysisState.FAILED:  # retried by reanalyze
            fail(analysis.article.source, f"analysis {reason} (stored unanalysed; "
                                          "`sitrep reanalyze` retries it)")
        elif reason:
            report.skipped += 1
        else:
            report.new += 1


class _InRunDuplicates:
    """The same text met twice in one run: analysed once, the other sources added after."""

    def __init__(self, report: IngestReport, bar: tqdm) -> None:
        self.report = report
        self.bar = bar
        self.seen: set[str] = set()
        self.sources: dict[str, list[Source]] = {}

    def filter(self, articles: Iterable[Article]) -> Iterator[Article]:
        for art in articles:
            if art.id in self.seen:
                self.sources.setdefault(art.id, []).extend(art.sources)
                self.report.duplicate += 1
                self.bar.update()
                continue
            self.seen.add(art.id)
            yield art

    def flush(self, store: Store) -> None:
        stored = store.stored_ids(self.sources)
        for aid, sources in self.sources.items():
            if aid in stored:
                store.add_sources(aid, sources)


def analyze_resilient(
    articles: Iterable[Article], settings: Settings, fail: Callable[[str, str], None]
) -> Iterator[Analysis]:
    """Analyses in input order; an article the pipeline fails on is reported, the rest go on.

    Batches run through ``analyze_many``; when it raises, the articles it had taken
    but not returned are analysed one by one to find the failing one, then batching
    resumes with the rest.
    """
    from sitrep.batch import analyze_many
    from sitrep.pipeline import analyze

    rest = iter(articles)
    taken: deque[Article] = deque()

    def feed() -> Iterator[Article]:
        while True:
            try:
                art = next(rest)
            except StopIteration:
                return
            except Exception as exc:  # reading or the store failed, not the pipeline
                raise _InputSideError from exc
            taken.append(art)
            yield art

    while True:
        try:
            for analysis in analyze_many(feed(), settings):
                while taken and taken.popleft().id != analysis.article.id:
                    pass
                yield analysis
            return
        except _InputSideError as exc:
            raise exc.__cause__ from None  # type: ignore[misc]
        except (ModelError, MemoryError):
            raise
        except Exception:  # any pipeline bug: isolate the article, go on
            suspects = list(taken)
            taken.clear()
        for art in suspects:
            try:
                yield analyze(art, settings)
            except (ModelError, MemoryError):
                raise
            except Exception as exc:
                fail(art.source, f"analysis failed: {type(exc).__name__}: {exc}")


class _InputSideError(Exception):
    """Wraps an error raised while feeding articles, so it is not taken for a pipeline bug."""
