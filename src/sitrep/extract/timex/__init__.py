"""The timexes stage: TimeML TIMEX3 time expressions resolved against the DCT.

``find_timexes`` (the stage's function) reads ``article.published`` as the DCT;
when the article has none, values that need it stay unresolved (``XXXX-XX-XX``,
``XXXX-WXX-5``), never taken from today's clock. See :mod:`.finder` for the
passes and the anchoring rule, :mod:`.tense` for the tense of the governing verb.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sitrep.extract.timex import fallback, finder, tense
from sitrep.extract.timex import lexicon as lx
from sitrep.extract.timex.absolute import as_date
from sitrep.model import Timex
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitrep.extract.component import StageContext

__all__ = ["extract_timexes", "find_timexes", "parse_dct"]


def parse_dct(published: str | None) -> date | None:
    """The DCT from ``article.published`` (ISO date or date-time); None when absent or unreadable."""
    if not published:
        return None
    text = published.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        except ValueError:
            return None


def _not_a_year(doc: Doc, t: Timex) -> bool:
    """A bare 4-digit number followed by a plural noun ("2000 troops") is a count."""
    if not re.fullmatch(r"\d{4}", t.text):
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    if span.root.ent_type_ in ("MONEY", "QUANTITY", "PERCENT"):
        return True
    after_prep = span.start > 0 and doc[span.start - 1].tag_ == "IN"  # "in 2008 profits fell"
    event = doc[span.end].lower_ in lx.YEAR_EVENT_NOUNS  # "the 1967 killings"
    return doc[span.end].tag_ in ("NNS", "NNPS") and not after_prep and not event


def _eve(doc: Doc, t: Timex, earlier: list[Timex]) -> None:
    """Widen "the eve of" over its noun phrase; date it the day before a dated mention of it."""
    after = doc.char_span(t.end, len(doc_text(doc)), alignment_mode="expand")
    if after is None or len(after) == 0:
        return
    first = after[0]
    chunk = next((nc for nc in doc.noun_chunks if nc.start <= first.i < nc.end), None)
    if chunk is None:
        return
    t.end = chunk.end_char
    t.text = doc_text(doc)[t.start:t.end]
    head = chunk.root.lemma_.lower()
    for prev in reversed(earlier):
        day = as_date(prev.value or "")
        if day is None:
            continue
        sent = doc.char_span(prev.start, prev.end, alignment_mode="expand")
        if sent is not None and any(tok.lemma_.lower() == head for tok in sent.sent):
            t.value = (day - timedelta(days=1)).isoformat()
            t.anchor = day.isoformat()
            return


def _nowadays(doc: Doc, t: Timex) -> None:
    """"today's Russia", "today's youth": the present age (PRESENT_REF), not the DCT day."""
    if t.text.lower() != "today" or t.type != "DATE":
        return
    nxt = tense.possessed(doc, t.start, t.end)
    if nxt is None:
        return
    head_propn = nxt.pos_ == "PROPN" and nxt.dep_ != "compound"  # not "today's Paris summit"
    if head_propn or nxt.lower_ in lx.NOWADAYS_NOUNS:
        t.value = "PRESENT_REF"


def extract_timexes(doc: Doc, published: str | None) -> list[Timex]:
    """Every TIMEX3 of a parsed article, resolved against its publication date."""
    dct = parse_dct(published)
    found = finder.find(doc_text(doc), dct, lambda s, e: tense.direction(doc, s, e),
                        lambda s, e: tense.finite_present(doc, s, e))
    found = fallback.add_entities(doc, found, dct)
    out: list[Timex] = []
    for t in found:
        if _not_a_year(doc, t):
            continue
        _nowadays(doc, t)
        if t.text.lower().startswith("the eve of"):
            _eve(doc, t, out)
        out.append(t)
    return out


def find_timexes(ctx: StageContext) -> list[Timex]:
    return extract_timexes(ctx.doc, ctx.article.published)
