"""MEANTIME tokens back to text: the joiner the dev-set and held-out rebuild scripts share.

MEANTIME keeps a document as tokens with sentence numbers and no paragraph breaks.
``join`` puts one sentence's tokens back together with English spacing and tracks
whether a quotation is open at its end, so a caller can keep a multi-sentence quote in
one paragraph.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

QUOTE_MARKS = frozenset({'"', "``", "''", "\u201c", "\u201d"})
GLUE_LEFT = frozenset({",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"})
GLUE_RIGHT = frozenset({"(", "$", "#"})


def sentences(root: ET.Element) -> list[list[str]]:
    """The tokens of each sentence, in order."""
    tokens = [(int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    return [[w for _, w in group] for _, group in groupby(tokens, key=lambda t: t[0])]


def join(words: list[str], quote_open: bool, glue_left: frozenset[str] = GLUE_LEFT) -> tuple[str, bool]:
    """Join one sentence's tokens; returns the text and whether a quotation is open."""
    text, no_space = "", True
    for word in words:
        if word in QUOTE_MARKS:
            if quote_open:
                text, no_space = text + '"', False
            else:
                text, no_space = text + ("" if no_space else " ") + '"', True
            quote_open = not quote_open
            continue
        if word == "." and text.endswith("."):
            continue  # "Co." + "." (MEANTIME splits the sentence stop off an abbreviation)
        sep = "" if no_space or word.lower() in glue_left else " "
        text, no_space = text + sep + word, word in GLUE_RIGHT
    return text, quote_open
