"""Rebuild a MEANTIME document's text (Wikinews, CC BY 2.5) as an archive-markdown article.

MEANTIME stores tokens with sentence numbers and no paragraph breaks; this joins the
tokens back with English spacing rules and starts a paragraph at each sentence,
except inside an open quotation (a quote of several sentences stays one paragraph)
and for a sentence that MEANTIME split off after a quote ('... collapse." | said X.'),
which is joined back ('... collapse," said X.').
The first sentence is the headline, the second the dateline.

    python -m tests.dev.quotes.rebuild MEANTIME.xml > NAME.md   # from the repo root
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

from tests import meantime_text

# this set was built gluing a lone closing single quote to the word before it
GLUE_LEFT = meantime_text.GLUE_LEFT | {"'"}


def rebuild(path: str) -> str:
    sents = meantime_text.sentences(ET.parse(path).getroot())
    title, _ = meantime_text.join(sents[0], False, GLUE_LEFT)
    date, _ = meantime_text.join(sents[1], False, GLUE_LEFT) if len(sents) > 1 else ("", False)
    paras: list[str] = []
    in_quote = False
    for words in sents[2:]:
        text, was_open = meantime_text.join(words, in_quote, GLUE_LEFT)
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
