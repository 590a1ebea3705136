"""Rebuild a MEANTIME document's text (Wikinews, CC BY 2.5) as an archive-markdown article.

MEANTIME stores tokens with sentence numbers and no paragraph breaks; this joins the
tokens back with English spacing rules and starts a paragraph at each sentence,
except inside an open quotation (a quote of several sentences stays one paragraph)
and for a sentence that MEANTIME split off after a quote ('... collapse." | said X.'),
which is joined back ('... collapse," said X.').
The first sentence is the headline, the second the dateline.

    python tests/dev/quotes/rebuild.py MEANTIME.xml > NAME.md
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from itertools import groupby

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "$", "#"}


def sentences(path: str) -> list[list[str]]:
    root = ET.parse(path).getroot()
    toks = [(int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    return [[w for _, w in grp] for _, grp in groupby(toks, key=lambda x: x[0])]


def join(words: list[str], in_quote: bool) -> tuple[str, bool]:
    out = ""
    glue = True  # no space before the next word
    for w in words:
        if w in {'"', "``", "''", "“", "”"}:
            if in_quote:
                out += '"'
                glue = False
            else:
                out += ("" if glue else " ") + '"'
                glue = True
            in_quote = not in_quote
            continue
        if w == "." and out.endswith("."):
            continue  # "Co." + "." (MEANTIME splits the sentence stop off an abbreviation)
        if w.lower() in NO_SPACE_BEFORE or glue:
            out += w
        else:
            out += " " + w
        glue = w in NO_SPACE_AFTER
    return out, in_quote


def rebuild(path: str) -> str:
    sents = sentences(path)
    title, _ = join(sents[0], False)
    date, _ = join(sents[1], False) if len(sents) > 1 else ("", False)
    paras: list[str] = []
    in_quote = False
    for words in sents[2:]:
        text, was_open = join(words, in_quote)
        if in_quote and paras:
            paras[-1] += " " + text
        elif paras and words and words[0] in {"said", "says"}:
            # MEANTIME split '..." said X.' after the quote: join it back with the comma
            paras[-1] = paras[-1].removesuffix('."') + '," ' + text
        else:
            paras.append(text)
        in_quote = was_open
    return "\n\n".join([title, date, *paras]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(rebuild(sys.argv[1]))
