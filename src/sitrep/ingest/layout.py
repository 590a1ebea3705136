"""The layout of an archived news article in text form (markdown or plain text).

    Title line
    By [Anna Smolchenko for AFP](#)          byline: authors, agency or outlet
    September 13, 2021                       dateline
    A photo caption ending in a credit.      caption (kept out of the body)
    Body paragraphs ...
    Related article: [...](#)                related links (kept out)
    Original url: <https://...>              footer: the url (kept out)

Blocks are runs of lines between blank lines. ``render`` turns one block's raw text
into plain text (markdown inline syntax removed, or nothing for plain text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.ingest import dates
from sitrep.ingest.byline import Byline, match_byline, parse_byline
from sitrep.ingest.draft import Draft
from sitrep.ingest.lexicon import lexicon

Render = Callable[[str], str]
HEADER_BLOCKS = 4  # title, byline and dateline sit in the first blocks
CAPTION_WINDOW = 2  # a caption is one of the first blocks after the header
TITLE_MAX = 300
CREDIT_MAX_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_ENDS_SENTENCE = re.compile(r"\.[\"'”’)]*$")  # a title may end in "?" or "!", not in "."
_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]$")
_DOMAIN = re.compile(r"(?:^|\s)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s+[A-Z][\w.' -]{1,30})?\s+\((?P<agency>[^()]{2,30})\)\s*[-—–:]"
)
_IMAGE_ONLY = re.compile(r"^\s*(?:\[\s*)?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*$")
_CREDIT_PAREN = re.compile(r"\(([^()]{1,60})\)$")
_URL = re.compile(r"<?(https?://[^\s>]+)>?")


@dataclass(slots=True)
class Layout:
    body: list[str] = field(default_factory=list)
    title: str | None = None
    byline: Byline | None = None
    dateline: str | None = None
    url: str | None = None
    wire_agency: str | None = None


def split_blocks(text: str) -> list[str]:
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [b.strip("\n") for b in blocks if b.strip()]


def parse_layout(text: str, render: Render) -> Layout:
    pairs = _without_image_captions([(raw, render(raw)) for raw in split_blocks(text)])
    pairs = [(raw, block) for raw, block in pairs if block.strip()]
    blocks = [block for _, block in pairs]
    out = Layout()
    blocks = _take_footer(blocks, out)
    start = _take_header(blocks, out, one_line_first=bool(pairs) and "\n" not in pairs[0][0].strip())
    lex = lexicon()
    rest = [b for b in blocks[start:] if not lex.related.match(b) and not _is_boilerplate(b)]
    out.body = _drop_caption(rest)
    if out.body:
        out.wire_agency = wire_agency(out.body[0])
    if out.dateline is None and out.byline and out.byline.date:
        out.dateline = out.byline.date
    return out


def _without_image_captions(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drops a caption that follows an image line (``![...](...)``) anywhere in the text."""
    kept: list[tuple[str, str]] = []
    after_image = False
    for raw, block in pairs:
        if not (after_image and is_caption(block)):
            kept.append((raw, block))
        after_image = bool(_IMAGE_ONLY.match(raw))
    return kept


def _is_boilerplate(block: str) -> bool:
    return block.strip(" .:!|>»›").casefold() in lexicon().boilerplate


def wire_agency(first_paragraph: str) -> str | None:
    """The agency of a wire dateline: "MOSCOW (Reuters) -" or "KYIV, Ukraine (AP) —"."""
    m = _WIRE_DATELINE.match(first_paragraph)
    return lexicon().agencies.get(m.group("agency").casefold()) if m else None


def _take_header(blocks: list[str], out: Layout, one_line_first: bool) -> int:
    """Reads title, byline and dateline from the first blocks; returns where the body starts."""
    i = 0
    for i, block in enumerate(blocks[:HEADER_BLOCKS]):
        rest = match_byline(block)
        if rest is not None and out.byline is None:
            out.byline = parse_byline(rest)
        elif out.dateline is None and dates.parse_date(block):
            out.dateline = block
        elif i == 0 and one_line_first and _is_title(block, blocks):
            out.title = block
        else:
            return i
    return min(len(blocks), i + 1)


def _is_title(block: str, blocks: list[str]) -> bool:
    return len(blocks) > 1 and len(block) <= TITLE_MAX and not _ENDS_SENTENCE.search(block)


def _take_footer(blocks: list[str], out: Layout) -> list[str]:
    """Removes the "Original url:" footer (url inline or in the next block)."""
    for i, block in enumerate(blocks):
        m = lexicon().url_label.match(block)
        if not m:
            continue
        url = m.group("url") or (blocks[i + 1] if i + 1 < len(blocks) else "")
        found = _URL.search(url)
        if found and (m.group("url") or _URL.fullmatch(url.strip())):
            out.url = found.group(1)
            return blocks[:i] + blocks[i + (1 if m.group("url") else 2):]
    return blocks


def _drop_caption(blocks: list[str]) -> list[str]:
    for i, block in enumerate(blocks[:CAPTION_WINDOW]):
        if len(blocks) > 1 and is_caption(block):
            return blocks[:i] + blocks[i + 1:]
    return blocks


def is_caption(block: str) -> bool:
    """A photo caption: no closing punctuation and a trailing credit (a domain, a short
    fragment after the last sentence, or a credit word such as "Photo" or "Getty")."""
    block = block.strip()
    credit = _CREDIT_PAREN.search(block)
    if credit and lexicon().credit.search(credit.group(1)):
        return True
    if not block or _TERMINAL.search(block) or "\n" in block:
        return False
    tail = _SENTENCE_END.split(block)[-1]
    if tail != block and len(tail.split()) <= CREDIT_MAX_WORDS:
        return True
    last_words = " ".join(block.split()[-CREDIT_MAX_WORDS:])
    return bool(_DOMAIN.search(block) or lexicon().credit.search(last_words)
                or lexicon().credit_label.match(block))


def layout_draft(text: str, source: str, render: Render) -> Draft:
    """A Draft from archived text: header, byline and footer read, caption and links out."""
    layout = parse_layout(text, render)
    byline = layout.byline or Byline()
    return Draft(
        text="\n\n".join(layout.body),
        source=source,
        title=layout.title,
        authors=byline.authors,
        agency=byline.agency or layout.wire_agency,
        outlet=byline.outlet,
        published=layout.dateline,
        url=layout.url,
    )
