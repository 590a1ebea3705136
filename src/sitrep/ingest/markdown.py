"""Markdown as saved by news-archiving tools (see layout.py for the layout).

Inline markdown is rendered to plain text with markdown-it-py: escapes undone
(``\\$`` -> ``$``), link syntax removed (its text kept), images dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.ingest.draft import Draft
from sitrep.ingest.layout import layout_draft
from sitrep.ingest.single import TEXT_MARKUP_FACTOR, read_single
from sitrep.ingest.sources import Input
from sitrep.model import Article

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# front-matter keys that web clippers and archivers use for each Draft field
_META_KEYS = {
    "title": ("title", "headline"),
    "authors": ("authors", "author", "byline"),
    "published": ("published", "date", "created", "pubdate", "datePublished"),
    "url": ("url", "source", "link", "original_url", "canonical"),
    "outlet": ("outlet", "site", "site_name", "sitename", "publisher"),
}
_LINE_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s?|\s*(?:[-*+]|\d{1,3}[.)])\s+(?=\S))")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_SNIFF = re.compile(
    r"^(?:by\s+\[|original url:|#{1,6}\s)|\]\([^)]*\)|\\[$*_\[\]#]", re.I | re.M
)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True})


def render_inline(block: str) -> str:
    """One block of markdown as plain text."""
    lines = [_LINE_MARKUP.sub("", line) for line in block.split("\n") if not _RULE.match(line)]
    tokens = _parser().parseInline("\n".join(lines))
    return "".join(_text(t) for t in tokens).strip()


def _text(token: Token) -> str:
    if token.type == "image":
        return ""
    if token.children is not None:
        return "".join(_text(c) for c in token.children)
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return ""  # link and emphasis markers, images, inline html


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (as web clippers write it) and the rest of the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta, text[m.end():]) if isinstance(meta, dict) else ({}, text)


def markdown_draft(text: str, source: str) -> Draft:
    meta, text = split_front_matter(text)
    draft = layout_draft(text, source, render_inline)
    for name, keys in _META_KEYS.items():
        value = next((meta[k] for k in keys if meta.get(k)), None)
        if value is not None and not getattr(draft, name):
            setattr(draft, name, _meta_value(name, value))
    return draft


def _meta_value(name: str, value: Any) -> Any:
    if name == "authors":
        return [str(a) for a in value] if isinstance(value, list) else [str(value)]
    return value if name == "published" else str(value)


def read_markdown(inp: Input, settings: Settings) -> Iterator[Article | InputError]:
    yield read_single(inp, settings, lambda text: markdown_draft(text, inp.location),
                      markup_factor=TEXT_MARKUP_FACTOR)


def sniff_markdown(head: str) -> bool:
    return bool(_SNIFF.search(head))
