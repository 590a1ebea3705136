"""Text made safe to store and analyse: what every reader's article goes through.

- Control characters (NUL first: PostgreSQL refuses it where SQLite stores it) are
  removed from every field, so both stores hold the same text.
- A body with fewer than :data:`MIN_LETTERS` letters or digits (only whitespace,
  zero-width characters, punctuation, a few stray bytes) is no article.
- A body over ``Settings.max_article_chars`` is refused: the memory of its analysis
  grows with its length (a text over ``Settings.segment_chars`` is parsed in segments,
  :mod:`sitrep.nlp.segments`, so spaCy's ``max_length`` of 1,000,000 is no limit).
- What spaCy is given (:func:`analysis_text`): a run of more than :data:`MAX_RUN`
  characters without whitespace (``[[[[...``, a markdown table rule, a base64 blob)
  becomes spaces of the same length, so every offset still points into
  ``article.text``. spaCy's tokenizer takes time quadratic in such a run's length
  (16,000 ``[`` took 27 s); no word or URL of news text is that long.
- A lone UTF-16 surrogate (a JSON escape such as ``"\\ud800"`` without its pair) is
  not text at all: such a record is refused.
"""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL, but tab, newlines and form feed (whitespace)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
# an article of 1-7 random bytes can never reach this (a letter takes at least one byte)
MIN_LETTERS = 8


def without_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def has_text(text: str, minimum: int = MIN_LETTERS) -> bool:
    """Whether ``text`` holds at least ``minimum`` letters or digits."""
    count = 0
    for ch in text:
        if ch.isalnum():
            count += 1
            if count >= minimum:
                return True
    return False


def surrogate_in(text: str) -> str | None:
    """The first lone surrogate in ``text``, escaped (``\\ud800``), or None."""
    m = _SURROGATE.search(text)
    return f"\\u{ord(m.group()):04x}" if m else None


def analysis_text(text: str) -> str:
    """``text`` as spaCy should see it: runs over :data:`MAX_RUN` characters without
    whitespace blanked, the length (and so every offset) unchanged."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)
