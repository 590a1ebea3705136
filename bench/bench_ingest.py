"""What ``sitrep ingest`` does per article, as the benchmark runs it.

read_inputs -> skip articles already stored (resume) -> analyze_many (worker
processes when n_process != 1) -> the ingest driver's write step
(``sitrep.drive.write_analyses``: one transaction per batch), yielding each analysis
so the benchmark can sample memory between articles.
No cross-article merging: the ingest budget is per article.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.batch import skip_known
from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.model import Analysis, Article


def _articles(paths: list[str], settings: Settings, errors: list[InputError]) -> Iterator[Article]:
    from sitrep.ingest import read_inputs

    for item in read_inputs(paths, settings):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            yield item


def ingest(paths: list[str], settings: Settings) -> Iterator[Analysis]:
    """Analyses as they are stored, in input order."""
    from sitrep.batch import analyze_many
    from sitrep.drive import write_analyses
    from sitrep.store import open_store

    store = open_store(settings.db)
    errors: list[InputError] = []
    fresh = skip_known(_articles(paths, settings, errors), store.stored_ids)
    try:
        yield from write_analyses(analyze_many(fresh, settings), store, settings)
    finally:
        store.close()
    if errors:
        raise SystemExit(f"{len(errors)} inputs could not be read, first: {errors[0]}")
