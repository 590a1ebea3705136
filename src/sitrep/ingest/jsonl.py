"""JSON Lines: one article per line, streamed; ``source`` is "path:LINE".

Each line is an object with ``title``, ``text`` or ``html``, ``published``, ``url``,
``authors`` (a list or one string), ``outlet`` (and optionally ``agency``,
``language``). A bad line gives an error for that line; the other lines go on.
A ``.json`` file holds one such object or a list of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from sitrep.config import Settings
from sitrep.errors import BinaryInputError, EmptyInputError, InputError, MalformedRecordError, TooLargeError
from sitrep.ingest.decode import decode_bytes, looks_binary
from sitrep.ingest.draft import Draft, finish
from sitrep.ingest.html import page_draft
from sitrep.ingest.sanitize import surrogate_in
from sitrep.ingest.sources import Input
from sitrep.model import Article

TOO_DEEP = "not an article record: the JSON is nested too deep to read"
_FIELDS = ("title", "agency", "outlet", "published", "url", "language")
_SNIFF = re.compile(r"^\s*\{\s*\"", re.S)


def record_article(record: Any, location: str, settings: Settings) -> Article:
    """The Article of one JSON record; MalformedRecordError when it is not one."""
    if not isinstance(record, dict):
        raise MalformedRecordError(location, f"expected a JSON object, got {type(record).__name__}")
    _refuse_surrogates(record, location)
    text, html = record.get("text"), record.get("html")
    if not any(isinstance(v, str) and v.strip() for v in (text, html)):
        raise MalformedRecordError(location, 'the record has no "text" or "html" with the article')
    if isinstance(text, str) and text.strip():
        draft = Draft(text=text, source=location)
    else:
        draft = page_draft(str(html), location, url=_str(record.get("url")))
    for name in _FIELDS:
        if _str(record.get(name)):
            setattr(draft, name, _str(record.get(name)))
    authors = _authors(record.get("authors", record.get("author")))
    if authors:
        draft.authors = authors
    return finish(draft, settings)


def _refuse_surrogates(record: dict[str, Any], location: str) -> None:
    """A lone surrogate escape ("\\ud800" without its pair) decodes to no character:
    the record is refused, naming the field."""
    for name, value in record.items():
        for s in value if isinstance(value, list) else [value]:
            found = surrogate_in(s) if isinstance(s, str) else None
            if found:
                raise MalformedRecordError(location, f'"{name}" holds a lone surrogate escape ({found}), '
                                                     "not a character: fix the JSON escapes")


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        return [a.strip() for a in re.split(r";|,| and ", value) if a.strip()]
    if isinstance(value, list):
        return [a.strip() for a in value if isinstance(a, str) and a.strip()]
    return []


def _lines(inp: Input, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line over ``limit``."""
    number = 0
    while True:
        line = inp.stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = inp.stream.readline(limit + 1)
            yield number, None
        else:
            yield number, line


def line_article(line: str, location: str, settings: Settings) -> Article:
    """The Article of one JSON Lines line; MalformedRecordError naming ``location``
    ("path:LINE") when the line is not JSON or not an article record."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        reason = f"not valid JSON ({exc.msg} at column {exc.colno})"
        raise MalformedRecordError(location, reason) from None
    except RecursionError:
        raise MalformedRecordError(location, TOO_DEEP) from None
    return record_article(record, location, settings)


def _line_item(number: int, data: bytes | None, inp: Input, settings: Settings) -> Article | InputError:
    location = f"{inp.location}:{number}"
    try:
        if data is None:
            raise TooLargeError(location, f"the line is over the {settings.max_file_bytes:,}-byte limit")
        text, _ = decode_bytes(data, location)
        return line_article(text, location, settings)
    except InputError as exc:
        return exc
    except Exception as exc:  # a bug on one line must not end the file
        return MalformedRecordError(location, f"cannot read the line: {type(exc).__name__}: {exc}")


def read_jsonl(inp: Input, settings: Settings) -> Iterator[Article | InputError]:
    if looks_binary(inp.head()):
        yield BinaryInputError(inp.location, "this is a binary file, not JSON Lines text")
        return
    records = 0
    for number, data in _lines(inp, settings.max_file_bytes):
        if data is not None and not data.strip():
            continue
        records += 1
        yield _line_item(number, data, inp, settings)
    if not records:
        yield EmptyInputError(inp.location, "the file is empty: there is no article to read")


def read_json(inp: Input, settings: Settings) -> Iterator[Article | InputError]:
    try:
        text, _ = decode_bytes(inp.read_limited(settings.max_file_bytes), inp.location)
        data = json.loads(text)
    except InputError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield MalformedRecordError(inp.location, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    except RecursionError:
        yield MalformedRecordError(inp.location, TOO_DEEP)
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records, 1):
        location = f"{inp.location}:{i}" if isinstance(data, list) else inp.location
        try:
            yield record_article(record, location, settings)
        except InputError as exc:
            yield exc


def sniff_jsonl(head: str) -> bool:
    return bool(_SNIFF.match(head))
