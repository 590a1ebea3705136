from __future__ import annotations

from collections import Counter

from sitrep.ingest import read_inputs
from sitrep.ingest.draft import Draft, finish
from sitrep.ingest.readers import Reader, by_extension, extensions, readers, register


def test_every_format_has_one_reader_per_extension():
    assert {"markdown", "html", "text", "jsonl", "json"} <= set(readers)
    counts = Counter(extensions())
    assert all(n == 1 for n in counts.values()), counts
    assert by_extension(".md").name == "markdown" and by_extension(".htm").name == "html"


def test_a_new_reader_plugs_in_by_registering(write):
    def read_shout(inp, settings):
        text = inp.stream.read().decode().lower()
        yield finish(Draft(text=text, source=inp.location, published="2020-01-01"), settings)

    register(Reader(name="shout", extensions=(".shout",), sniff=lambda head: False, read=read_shout))
    try:
        (art,) = read_inputs([str(write("a.shout", "TROOPS CROSSED THE RIVER AT DAWN ON MONDAY."))])
        assert art.text == "troops crossed the river at dawn on monday."
    finally:
        readers._items.pop("shout")
