"""The one list of exporters: ``sitrep export --format NAME``.

Each entry names the module and function that write the format, imported only when the
format is used (so ``sitrep --help`` loads no exporter). Adding a format is a new module
with an ``export_*(analyses, out)`` function and one line here; the table is checked when
built (a name declared twice is refused, sitrep.errors.RegistryError).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

from sitrep.model import Analysis
from sitrep.registry import Registry

Exporter = Callable[[Iterable[Analysis], BinaryIO], None]


@dataclass(frozen=True, slots=True)
class LazyExporter:
    """``module.function(analyses, out)``, imported on the first call."""

    module: str
    function: str

    def __call__(self, analyses: Iterable[Analysis], out: BinaryIO) -> None:
        self.load()(analyses, out)

    def load(self) -> Exporter:
        func: Exporter = getattr(importlib.import_module(self.module), self.function)
        return func


_DECLARED: tuple[tuple[str, str, str], ...] = (
    ("jsonl", "sitrep.export.jsonl", "export_jsonl"),
    ("csv", "sitrep.export.csvfile", "export_csv"),
    ("parquet", "sitrep.export.parquet", "export_parquet"),
    ("gdelt", "sitrep.export.gdelt", "export_gdelt"),
    ("gdelt-sitrep", "sitrep.export.gdelt", "export_gdelt_sidecar"),
    ("sipri", "sitrep.export.sipri", "export_sipri"),
    ("sipri-all", "sitrep.export.sipri", "export_sipri_all"),
)

EXPORTERS: Registry[Exporter] = Registry(
    "exporter", ((name, LazyExporter(module, func)) for name, module, func in _DECLARED)
)
