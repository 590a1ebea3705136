"""Pairing quotation marks into quoted spans (plain string work, no parse needed).

Rules, as newspapers write them:
- straight (") and typographic (“ ”, „, « ») double marks; a straight mark opens or
  closes depending on the characters around it;
- marks pair within a paragraph; a paragraph that ends inside a quote continues in
  the next paragraph when that one opens with a mark (the paragraph-opening
  convention), and each paragraph's part is its own span;
- single marks inside a double-quoted span are nested quotes and stay part of it;
  typographic single marks (‘...’) outside double ones are quotes of their own
  (British style); straight single marks are apostrophes too often to be paired;
- a stray mark that finds no partner is dropped, so it never swallows the text after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "open", "„": "open", "«": "open", "”": "close", "»": "close", '"': "either"}
_BEFORE_OPEN = set(" \t\n([{—–-/")
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-/'’")


@dataclass(slots=True)
class QuotedSpan:
    """The content between two marks (marks excluded), within one paragraph."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph runs on
    group: int  # spans of one quote running over several paragraphs share a group
    continues: bool = False  # this part continues a quote from the paragraph before


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, else one per line."""
    sep = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    out, pos = [], 0
    for m in re.finditer(sep, text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def mark_role(text: str, i: int) -> str:
    """open, close or either, for the quotation mark at ``text[i]``."""
    role = OPENERS[text[i]]
    if role != "either":
        return role
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _BEFORE_OPEN and not after.isspace()
    closes = after in _AFTER_CLOSE and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(i, mark_role(text, i)) for i in range(start, end) if text[i] in OPENERS]


def _pairs(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Paired marks in one paragraph and the offset of a mark left open at its end."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, role in _marks(text, start, end):
        if open_at is None:
            if role != "close":
                open_at = i
        elif role == "open":
            open_at = i  # the earlier opener was stray
        else:
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    return start < end and text[start] in OPENERS and mark_role(text, start) != "close"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span of ``text`` in order, multi-paragraph quotes split per paragraph:
    double marks, then typographic single marks (‘...’, British style) outside them."""
    double = _double_spans(text)
    single = _single_spans(text, double, first_group=len(double) + 1)
    return sorted(double + single, key=lambda q: q.open_mark)


def _single_spans(text: str, double: list[QuotedSpan], first_group: int) -> list[QuotedSpan]:
    """‘...’ pairs within a paragraph, outside double-quoted spans. An opening ‘ is never an
    apostrophe; a closing ’ is one when a letter follows ("Russia’s"), so only ’ before a
    space or punctuation closes."""
    if "‘" not in text:
        return []
    covered = [(q.open_mark, (q.close_mark if q.close_mark is not None else q.end) + 1) for q in double]
    out: list[QuotedSpan] = []
    group = first_group
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in "‘’" or any(s <= i < e for s, e in covered):
                continue
            nxt = text[i + 1] if i + 1 < p_end else " "
            if ch == "‘":
                open_at = i
            elif open_at is not None and not nxt.isalnum():
                s, e = _trimmed(text, open_at + 1, i)
                if e > s:
                    out.append(QuotedSpan(s, e, open_at, i, group))
                    group += 1
                open_at = None
    return out


def _double_spans(text: str) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    paras = paragraphs(text)
    carry: int | None = None  # group of a quote running on from the paragraph before
    group = 0
    for k, (p_start, p_end) in enumerate(paras):
        scan_from = p_start
        if carry is not None:
            # the run-on quote continues up to the paragraph's next mark, if any
            close = _first_close(text, p_start + 1, p_end)
            s, e = _trimmed(text, p_start + 1, close if close is not None else p_end)
            out.append(QuotedSpan(s, e, p_start, close, carry, continues=True))
            if close is None:
                nxt = paras[k + 1] if k + 1 < len(paras) else None
                if nxt is None or not _opens_with_mark(text, *nxt):
                    carry = None
                continue
            carry = None
            scan_from = close + 1
        pairs, open_at = _pairs(text, scan_from, p_end)
        for o, c in pairs:
            group += 1
            s, e = _trimmed(text, o + 1, c)
            if e > s:
                out.append(QuotedSpan(s, e, o, c, group))
        if open_at is not None:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if nxt is not None and _opens_with_mark(text, *nxt):
                group += 1
                s, e = _trimmed(text, open_at + 1, p_end)
                out.append(QuotedSpan(s, e, open_at, None, group))
                carry = group
    return out


def _first_close(text: str, start: int, end: int) -> int | None:
    marks = _marks(text, start, end)
    return marks[0][0] if marks else None
