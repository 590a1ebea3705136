"""The one list of input readers, in sniffing order.

Adding a format is a new module with a ``read_*(inp, settings)`` function (and a sniff
of its first bytes) and one line here. The table is checked when it is built: a name or
an extension declared twice is refused (sitrep.errors.RegistryError).
"""

from sitrep.ingest import html, jsonl, markdown, text
from sitrep.ingest.readers import Reader, ReaderTable, never

READERS = ReaderTable((
    Reader("jsonl", (".jsonl", ".ndjson", ".jsonlines"), jsonl.sniff_jsonl, jsonl.read_jsonl),
    Reader("html", (".html", ".htm", ".xhtml", ".shtml"), html.sniff_html, html.read_html),
    Reader("markdown", (".md", ".markdown", ".mdown", ".mkd"), markdown.sniff_markdown,
           markdown.read_markdown),
    Reader("json", (".json",), never, jsonl.read_json),
    Reader("text", (".txt", ".text"), text.sniff_text, text.read_text, generic=True),
))

__all__ = ["READERS", "Reader", "ReaderTable"]
