"""The declared list of exporters (sitrep.export.formats.EXPORTERS): complete, checked, lazy."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import subprocess
import sys

import pytest

import sitrep.export
from sitrep.errors import RegistryError, UnknownNameError
from sitrep.export import EXPORTERS, LazyExporter
from sitrep.model import Analysis, Article
from sitrep.registry import Registry


def _export_functions() -> set[tuple[str, str]]:
    """Every top-level ``export_*`` function of every module of sitrep.export."""
    found = set()
    for mod in pkgutil.iter_modules(sitrep.export.__path__):
        module = importlib.import_module(f"sitrep.export.{mod.name}")
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("export_") and func.__module__ == module.__name__:
                found.add((module.__name__, name))
    return found


def test_every_exporter_function_is_in_the_list():
    listed = set()
    for _, entry in EXPORTERS.items():
        assert isinstance(entry, LazyExporter)
        assert callable(entry.load())
        listed.add((entry.module, entry.function))
    assert _export_functions() == listed


def test_every_format_writes():
    art = Article(id="a1", text="Troops crossed the river.", published="2024-05-01")
    for name in EXPORTERS:
        if name == "parquet":
            pytest.importorskip("pyarrow")
        buf = io.BytesIO()
        EXPORTERS.get(name)([Analysis(article=art)], buf)
        assert buf.getvalue() or name in {"gdelt", "gdelt-sitrep", "sipri", "sipri-all"}, name


def test_a_name_declared_twice_is_refused():
    with pytest.raises(RegistryError, match="two exporters are declared with the name 'csv'"):
        again = LazyExporter("sitrep.export.jsonl", "export_jsonl")
        Registry("exporter", [*EXPORTERS.items(), ("csv", again)])


def test_an_unknown_format_lists_the_known_ones():
    known = r"no exporter named 'xml' \(known: csv, gdelt, gdelt-sitrep, jsonl"
    with pytest.raises(UnknownNameError, match=known):
        EXPORTERS.get("xml")
    with pytest.raises(KeyError):  # callers that catch KeyError still do
        EXPORTERS.get("xml")


def test_listing_the_formats_imports_no_exporter():
    code = ("import sys, sitrep.export as e; names = list(e.EXPORTERS); print(sorted(m for m in sys.modules "
            "if m.startswith('sitrep.export.') and m != 'sitrep.export.formats'))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
