"""Exporters, registered by format name: ``fn(analyses, out) -> None`` writing bytes.

``sitrep export --format NAME`` looks the name up in :data:`exporters`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import BinaryIO

from sitrep.model import Analysis
from sitrep.registry import Registry

Exporter = Callable[[Iterable[Analysis], BinaryIO], None]
exporters: Registry[Exporter] = Registry("exporter")


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    def deco(func: Exporter) -> Exporter:
        exporters.register(name, func)
        return func

    return deco


# each module registers its exporters
from sitrep.export import csvfile, gdelt, jsonl, parquet, sipri  # noqa: E402, F401
