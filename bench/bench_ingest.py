"""What ``sitrep ingest`` does per article, as the benchmark runs it.

read_inputs -> skip articles already stored (resume) -> analyze_many (worker
processes when n_process != 1) -> store writes, one transaction per
``settings.write_batch`` articles when the store offers ``add_many``.
No cross-article merging: the ingest budget is per article.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.batch import skip_known, write_batched
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
    from sitrep.store import open_store

    store = open_store(settings.db)
    errors: list[InputError] = []
    fresh = skip_known(_articles(paths, settings, errors), store.stored_ids)
    add_many = getattr(store, "add_many", None)

    def write(batch: list[Analysis]) -> None:
        if add_many is not None:
            add_many(batch)
        else:
            for a in batch:
                store.add(a)

    try:
        yield from write_batched(analyze_many(fresh, settings), write, size=settings.write_batch)
    finally:
        store.close()
    if errors:
        raise SystemExit(f"{len(errors)} inputs could not be read, first: {errors[0]}")
