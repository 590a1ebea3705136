"""MEANTIME (English Wikinews) TIMEX3 layer as a development set, scored like TempEval-3.

Reads the CAT XML files of ``intra-doc_annotation`` (from the corpus tarball or an
unpacked folder), rebuilds each text from its tokens, takes the CREATION_TIME
TIMEX3 as the DCT and leaves the dateline it sits on out of the scoring. MEANTIME
annotates only the title, the dateline and the first four sentences; the whole
text is analysed, but only that part is scored. The two
documents that are part of the ``news-articles`` test set (100911, 102977) are
always skipped. Run without the CLI::

    python -m sitrep.eval.meantime_timex ../shared/eval/meantime-en
"""

from __future__ import annotations

import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from sitrep.config import Settings
from sitrep.errors import InputError, SitrepError
from sitrep.eval.tempeval import GoldDoc, GoldTimex, TempevalReport, cli, evaluate

ANNOTATED_SENTENCES = 6  # MEANTIME annotates the title, the dateline and the first four sentences
TEST_DOCS = frozenset({"100911", "102977"})  # in ../shared/eval/news-articles: never develop on them
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“"})


def _xml_sources(path: Path) -> Iterator[tuple[str, bytes]]:
    if path.is_file() and path.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(path) as tar:
            for member in tar.getmembers():
                if "intra-doc_annotation" in member.name and member.name.endswith(".xml"):
                    f = tar.extractfile(member)
                    if f is not None:
                        yield member.name, f.read()
        return
    if path.is_dir():
        tarballs = sorted(path.glob("*.tar.gz"))
        if tarballs:
            yield from _xml_sources(tarballs[0])
            return
        for xml_path in sorted(path.rglob("*.xml")):
            if "intra-doc_annotation" in str(xml_path):
                yield str(xml_path), xml_path.read_bytes()
        return
    raise InputError(str(path), "expected the MEANTIME tarball or a folder holding intra-doc_annotation")


def _detokenize(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]], int]:
    """The text, each token's character span, and where the annotated sentences end."""
    out: list[str] = []
    annotated_end = 0
    spans: dict[str, tuple[int, int]] = {}
    pos, prev, prev_sent = 0, "", None
    for tok in root.iter("token"):
        word, sent = tok.text or "", tok.get("sentence")
        if out:
            glued = bool(_NO_SPACE_BEFORE.match(word)) or prev in _NO_SPACE_AFTER
            new_sentence = "\n\n" if prev_sent in ("0", "1") else " "
            sep = new_sentence if sent != prev_sent else "" if glued else " "
            out.append(sep)
            pos += len(sep)
        spans[tok.get("t_id", "")] = (pos, pos + len(word))
        out.append(word)
        pos += len(word)
        if int(sent or 0) < ANNOTATED_SENTENCES:
            annotated_end = pos
        prev, prev_sent = word, sent
    return "".join(out), spans, annotated_end


def _iso(value: str) -> str:
    """A DCT as YYYY-MM-DD (a few MEANTIME files write DD-MM-YYYY)."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else value


def read_meantime(name: str, data: bytes) -> GoldDoc | None:
    """One document, or None for a test document; raises InputError naming the file."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(name, f"not a readable MEANTIME CAT XML file ({exc})") from exc
    if root.get("doc_id") in TEST_DOCS:
        return None
    text, spans, annotated_end = _detokenize(root)
    dct, gold, ignore = None, [], [(annotated_end, len(text))]
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
        if not ids:
            continue
        start, end = spans[ids[0]][0], spans[ids[-1]][1]
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = _iso(tx.get("value", ""))
            ignore.append((start, end))
            continue
        gold.append(GoldTimex(start, end, text[start:end], tx.get("type", ""), tx.get("value", "")))
    return GoldDoc(root.get("doc_id", name), text, dct, sorted(gold, key=lambda g: g.start), ignore)


def run_meantime_timex(path: Path, settings: Settings | None = None) -> TempevalReport:
    """TempEval-3-style figures on MEANTIME's TIMEX3 layer (dev set; test documents skipped)."""
    docs = [d for name, data in _xml_sources(path) if (d := read_meantime(name, data)) is not None]
    if not docs:
        raise SitrepError(f"{path}: no MEANTIME documents found")
    return evaluate(docs, settings or Settings(), f"MEANTIME TIMEX3 (dev, {len(docs)} docs)")


if __name__ == "__main__":
    sys.exit(cli(runner=run_meantime_timex))
