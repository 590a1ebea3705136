"""Rebuild a MEANTIME document (English Wikinews, CC BY 2.5) as an archive-markdown article.

MEANTIME keeps a Wikinews report as tokens with sentence numbers: sentence 0 is the
headline, sentence 1 the date. This script joins the tokens back with English spacing,
writes the layout of the reference article (title line, "By Wikinews" byline, dateline,
body paragraphs, "Original url:" footer) and starts a paragraph at each sentence, except
that a sentence inside an open quotation stays with the one before it.

    python -m tests.heldout.rebuild MEANTIME_TARBALL DOC_ID [DOC_ID ...]   # from the repo root

writes tests/heldout/wikinews-DOC_ID.md for each document id.
"""

from __future__ import annotations

import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.meantime_text import join, sentences

HERE = Path(__file__).parent


def rebuild(root: ET.Element) -> str:
    """The archive-markdown text of one MEANTIME document."""
    sents = sentences(root)
    title, _ = join(sents[0], False)
    dateline, _ = join(sents[1], False)
    paragraphs: list[str] = []
    quote_open = False
    for words in sents[2:]:
        text, still_open = join(words, quote_open)
        if quote_open and paragraphs:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
        quote_open = still_open
    url = root.get("url", "")
    parts = [title, "By Wikinews", dateline, *paragraphs, "Original url:", f"<{url}>"]
    return "\n\n".join(parts) + "\n"


def _documents(tarball: Path, ids: set[str]) -> dict[str, ET.Element]:
    found: dict[str, ET.Element] = {}
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            doc_id = name.split("_", 1)[0]
            if "intra-doc" in member.name and doc_id in ids and name.endswith(".xml"):
                handle = tar.extractfile(member)
                if handle is not None:
                    found[doc_id] = ET.parse(handle).getroot()
    return found


def main(argv: list[str], out_dir: Path = HERE) -> int:
    if len(argv) < 2:
        sys.stderr.write(__doc__ or "")
        return 2
    tarball, ids = Path(argv[0]), set(argv[1:])
    if not tarball.is_file():
        sys.stderr.write(f"{tarball}: no such MEANTIME tarball\n")
        return 2
    docs = _documents(tarball, ids)
    for doc_id in sorted(ids - docs.keys()):
        sys.stderr.write(f"{tarball}: no intra-doc document {doc_id}\n")
    for doc_id, root in docs.items():
        (out_dir / f"wikinews-{doc_id}.md").write_text(rebuild(root), encoding="utf-8")
    return 0 if len(docs) == len(ids) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
