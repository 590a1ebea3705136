"""Rebuild MEANTIME (Wikinews) documents into the archive-markdown form of examples/.

    python examples/build_wikinews.py MEANTIME_TARBALL DOC_ID... --out examples/

MEANTIME stores each Wikinews article as tokens with sentence numbers: sentence 0 is
the title, sentence 1 the date, the rest the body. Tokens are joined back into text
(no space before closing punctuation, PTB quotes `` '' turned into ", the "#" that
stands for "£" restored); a sentence is a paragraph, except that the sentences of one
quotation stay in one paragraph. The url is the document's ``url`` attribute and the
date is its creation time (DCT). See examples/SOURCES.md for the license.
"""

from __future__ import annotations

import argparse
import tarfile
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'", "''", "n't", "'re", "'ve", "'ll",
                   "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$", "``", "US$", "USD$", "£"}
MAX_QUOTE_SENTENCES = 4  # an unclosed quotation does not swallow the rest of the article
CONTRACTION_TAILS = {"m", "d", "s", "ll", "re", "ve", "t"}
QUOTES = {"``": '"', "''": '"'}


def join_tokens(tokens: list[str]) -> str:
    out = ""
    prev = ""
    for i, tok in enumerate(tokens):
        if tok == "#" and i + 1 < len(tokens) and tokens[i + 1][:1].isdigit():
            tok = "£"
        contraction = prev.endswith("'") and tok in CONTRACTION_TAILS  # "I'" + "m"
        if out and tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER and not contraction:
            out += " "
        out += QUOTES.get(tok, tok)
        prev = tok
    return out


def paragraphs(sentences: list[list[str]]) -> list[str]:
    paras: list[str] = []
    open_quote = False
    merged = 0
    for tokens in sentences:
        text = join_tokens(tokens)
        if open_quote and paras and merged < MAX_QUOTE_SENTENCES:
            paras[-1] += " " + text
            merged += 1
        else:
            paras.append(text)
            merged = 0
        open_quote ^= (tokens.count("``") - tokens.count("''")) % 2 == 1
    return paras


def to_markdown(root: ET.Element) -> str:
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
    order = sorted(sentences)
    title = join_tokens(sentences[order[0]])
    dct = next(t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    day = date.fromisoformat(dct)
    dateline = f"{day:%B} {day.day}, {day.year}"
    body = paragraphs([sentences[k] for k in order[2:]])
    parts = [title, "By Wikinews", dateline, *body, "Original url:", f"<{root.get('url')}>"]
    return "\n\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tarball", type=Path)
    parser.add_argument("doc_ids", nargs="+")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = parser.parse_args()
    with tarfile.open(args.tarball) as tar:
        members = [m for m in tar.getmembers()
                   if "/intra-doc_annotation/" in m.name and m.name.endswith(".xml")]
        for doc_id in args.doc_ids:
            member = next(m for m in members if Path(m.name).name.startswith(f"{doc_id}_"))
            root = ET.parse(tar.extractfile(member)).getroot()  # type: ignore[arg-type]
            name = Path(member.name).stem.split("_", 1)[1].lower().replace(",", "").replace(".", "")
            path = args.out / f"wikinews-{doc_id}-{name[:50].strip('_').replace('_', '-')}.md"
            path.write_text(to_markdown(root), encoding="utf-8")
            print(path)


if __name__ == "__main__":
    main()
