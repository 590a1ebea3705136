"""Exporters by format name: ``fn(analyses, out) -> None`` writing bytes.

``sitrep export --format NAME`` looks the name up in :data:`exporters`, the list
declared in :mod:`sitrep.export.formats` (each exporter module is imported when used).
"""

from sitrep.export.formats import EXPORTERS, Exporter, LazyExporter

exporters = EXPORTERS

__all__ = ["EXPORTERS", "Exporter", "LazyExporter", "exporters"]
