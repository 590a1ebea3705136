"""A Doc's text, built once per Doc: ``Doc.text`` joins every token on each call, which
makes each look-up cost the length of the article (quadratic over a long one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

KEY = "sitrep_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first call (a Doc's text does
    not change: retokenizing keeps it)."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return str(text)
