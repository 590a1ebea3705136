"""The declared list of readers (sitrep.ingest.formats.READERS): complete, checked, extensible."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import sitrep.ingest
from sitrep.errors import RegistryError, UnknownNameError
from sitrep.ingest import choose_reader, read_inputs
from sitrep.ingest.draft import Draft, finish
from sitrep.ingest.formats import READERS
from sitrep.ingest.readers import Reader, never
from sitrep.ingest.sources import input_from_bytes


def _read_functions() -> set[tuple[str, str]]:
    """Every ``read_*(inp: Input, settings: Settings)`` function of every ingest module."""
    found = set()
    for mod in pkgutil.iter_modules(sitrep.ingest.__path__):
        module = importlib.import_module(f"sitrep.ingest.{mod.name}")
        for name, func in inspect.getmembers(module, inspect.isfunction):
            params = list(inspect.signature(func).parameters.values())
            if (name.startswith("read_") and func.__module__ == module.__name__ and len(params) == 2
                    and [p.annotation for p in params] == ["Input", "Settings"]):
                found.add((func.__module__, name))
    return found


def test_every_reader_function_is_in_the_list():
    listed = {(READERS.get(name).read.__module__, READERS.get(name).read.__name__) for name in READERS}
    assert _read_functions() == listed
    assert {"markdown", "html", "text", "jsonl", "json"} == set(READERS)


def test_every_extension_has_one_reader():
    assert READERS.by_extension(".md").name == "markdown" and READERS.by_extension(".htm").name == "html"
    assert len(READERS.extensions()) == len(set(READERS.extensions()))
    assert READERS.by_extension("") is None and READERS.by_extension(".docx") is None


def _shout(name: str = "shout", ext: str = ".shout") -> Reader:
    def read_shout(inp, settings):  # type: ignore[no-untyped-def]
        text = inp.stream.read().decode().lower()
        yield finish(Draft(text=text, source=inp.location, published="2020-01-01"), settings)

    return Reader(name, (ext,), never, read_shout)


def test_a_new_reader_is_one_more_line_in_the_list(write):
    path = str(write("a.shout", "TROOPS CROSSED THE RIVER AT DAWN ON MONDAY."))
    (art,) = read_inputs([path], readers=READERS.plus(_shout()))
    assert art.text == "troops crossed the river at dawn on monday."
    (plain,) = read_inputs([path])  # the declared list is unchanged: plain text for it
    assert plain.text.startswith("TROOPS")


def test_a_name_declared_twice_is_refused():
    with pytest.raises(RegistryError, match="two readers are declared with the name 'markdown'"):
        READERS.plus(_shout(name="markdown"))


def test_an_extension_declared_twice_is_refused():
    with pytest.raises(RegistryError, match=r"'markdown' and 'shout' both declare the extension '\.md'"):
        READERS.plus(_shout(ext=".md"))


@pytest.mark.parametrize("ext", ["md", ".MD", "."])
def test_a_malformed_extension_is_refused(ext):
    with pytest.raises(RegistryError, match="declares the extension"):
        READERS.plus(_shout(ext=ext))


def test_an_unknown_reader_name_lists_the_known_ones():
    known = r"no reader named 'docx' \(known: html, json, jsonl, markdown, text\)"
    with pytest.raises(UnknownNameError, match=known):
        READERS.get("docx")


def test_content_is_sniffed_in_the_declared_order():
    assert choose_reader(input_from_bytes("notes", b'{"text": "x"}')).name == "jsonl"
    assert choose_reader(input_from_bytes("page.txt", b"<!doctype html><p>x</p>")).name == "html"
    assert choose_reader(input_from_bytes("notes", b"# Title\n\nBody.")).name == "markdown"
    assert choose_reader(input_from_bytes("notes", b"Plain words.")).name == "text"
