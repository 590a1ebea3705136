"""HTML pages: the article body and its metadata with trafilatura.

Body: trafilatura in precision mode without comments. When that returns little
(under ``SHORT_BODY`` characters), the default (recall-leaning) extraction runs too,
and replaces it when the precise text is under ``FALLBACK_SHARE`` of it: precision
mode sometimes keeps only a fragment of a short page. Both are general settings,
never keyed to a site (see docs/accuracy.md, "Article bodies").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.config import Settings
from sitrep.errors import InputError, NoArticleError
from sitrep.ingest.byline import parse_byline
from sitrep.ingest.decode import decode_bytes, looks_binary
from sitrep.ingest.draft import Draft
from sitrep.ingest.outlets import outlet_for_url
from sitrep.ingest.single import read_single
from sitrep.ingest.sources import Input
from sitrep.model import Article

# trafilatura logs unparsable pages at ERROR; our InputError already says so. A
# NullHandler keeps Python's last-resort handler from printing them when the
# application has not configured logging (it still can, and will see them).
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

SHORT_BODY = 1000
FALLBACK_SHARE = 0.25
MIN_BODY_WORDS = 10  # fewer words than this is a menu or a stub, not an article
_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                    re.I | re.S)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_TITLE_SEPARATOR = re.compile(r"\s+[|—–·-]\s+")
_DOMAIN_LIKE = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.I)


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def _extract(html: str, url: str | None, **options: Any) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, **options
    )


def extract_page(html: str, url: str | None = None) -> Page:
    """Body text and metadata of an HTML page (empty text when no article is found)."""
    doc = _extract(html, url, favor_precision=True)
    text = (doc.text if doc else "") or ""
    if len(text) < SHORT_BODY:
        wide = _extract(html, url)
        wide_text = (wide.text if wide else "") or ""
        if len(text) < FALLBACK_SHARE * len(wide_text):
            doc, text = wide, wide_text
    if doc is None:
        return Page(text="")
    text = _paragraphs(_without_title(text, doc.title))
    return Page(text=text, title=doc.title, author=doc.author, date=doc.date,
                sitename=doc.sitename, url=doc.url or url)


def _without_title(text: str, title: str | None) -> str:
    """The body without a first line that repeats the headline."""
    first, _, rest = text.partition("\n")
    if title and rest and _folded(first) == _folded(title):
        return rest
    return text


def _folded(s: str) -> str:
    return " ".join(s.casefold().split())


def _paragraphs(text: str) -> str:
    """One blank line between paragraphs, as in the other readers' bodies."""
    return re.sub(r"\n+", "\n\n", text.strip())


def body_text(html: str, url: str | None = None) -> str:
    return extract_page(html, url).text


def page_draft(html: str, source: str, url: str | None = None) -> Draft:
    page = extract_page(html, url)
    if len(page.text.split()) < MIN_BODY_WORDS:
        raise NoArticleError(
            source, "no article text found in this HTML page (only navigation or boilerplate); "
            "if the page builds its text with JavaScript, save it from a browser first",
        )
    byline = parse_byline("; ".join(_authors(page.author)))
    page_url = page.url or url
    outlet = outlet_for_url(page_url) or byline.outlet or _site_name(page.sitename)
    return Draft(
        text=page.text,
        source=source,
        title=_without_site(page.title, {outlet, _site_name(page.sitename)}),
        authors=byline.authors,
        agency=byline.agency,
        outlet=outlet,
        published=page.date,
        url=page_url,
    )


def _authors(author: str | None) -> list[str]:
    return [a.strip() for a in (author or "").split(";") if a.strip()]


def _site_name(name: str | None) -> str | None:
    if not name or _DOMAIN_LIKE.match(name.strip()):
        return outlet_for_url(name) if name else None
    return _TITLE_SEPARATOR.split(name.strip())[0] or None


def _without_site(title: str | None, sites: set[str | None]) -> str | None:
    """"Headline | Site Name" -> "Headline" when the last part names the site."""
    if not title:
        return title
    parts = _TITLE_SEPARATOR.split(title.strip())
    names = {_folded(s) for s in sites if s}
    if len(parts) > 1 and _folded(parts[-1]) in names:
        return title[: title.rfind(parts[-1])].rstrip(" |-—–:·")
    return title


def decode_html(data: bytes, location: str) -> tuple[str, list[str]]:
    """UTF-8, else the charset the page declares, else a detected one."""
    declared = _CHARSET.search(data[:4096])
    if declared and not looks_binary(data):
        name = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            pass
        try:
            return data.decode(name), [f"not valid UTF-8; decoded as {name}, the charset the page declares"]
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, location)


def read_html(inp: Input, settings: Settings) -> Iterator[Article | InputError]:
    yield read_single(inp, settings, lambda text: page_draft(text, inp.location), decode_html)


def sniff_html(head: str) -> bool:
    return bool(_SNIFF.match(head))
