"""Text matching the gold scorer and its reports share: name folding, span lookup."""

from __future__ import annotations

import re
import unicodedata


def norm(value: object) -> str:
    """Case-folded name with typographic quotes/dashes folded and a leading "the" dropped."""
    s = unicodedata.normalize("NFKC", str(value)).lower().strip()
    s = s.replace("\u2019", "'").replace("\u2014", "-").replace("\u2013", "-")
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s)


def locate(text: str, span: str, context: str | None = None) -> list[tuple[int, int]]:
    """Occurrences of ``span`` in ``text``; with a context, the first one inside each
    occurrence of the context."""
    if not context:
        return [(m.start(), m.end()) for m in re.finditer(re.escape(span), text)]
    out = []
    for m in re.finditer(re.escape(context), text):
        i = text.find(span, m.start(), m.end())
        if i >= 0:
            out.append((i, i + len(span)))
    return out
