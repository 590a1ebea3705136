"""Development check of time-expression spans on corpora that mark time spans without
TIMEX3 values: ECB+ TIME_* mentions (topics 1-35 only, the selected sentences) and re3d
Temporal entities (the BBC Online part left out: it is test data). Each text is tagged
without a DCT; a gold span counts as found when a system span overlaps it.

Neither corpus follows TimeML exactly (ECB+ marks "twice", sports periods, "season";
re3d leaves "today" and "now" out), so the figures guide development and are not gates::

    python -m tests.extract.timex.span_check ecb ../shared/eval/ecbplus
    python -m tests.extract.timex.span_check re3d ../shared/eval/re3d [-v]
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from sitrep.extract.timex import extract_timexes
from sitrep.kb.ecb.reader import read_selected
from sitrep.nlp import load_nlp

DEV_TOPICS = range(1, 36)  # ECB+ topics 36-45 are the test set
TEST_SOURCES = frozenset({"BBC Online"})  # re3d's BBC documents are in the test set
_DOC_RE = re.compile(r"(\d+)_(\d+)(ecbplus|ecb)\.xml$")

Item = tuple[str, str, list[tuple[int, int]]]  # name, text, gold spans


def _ecb_sentences(xml: bytes, name: str, selected: set[tuple[str, int]]) -> Iterator[Item]:
    root = ET.fromstring(xml)
    sents: dict[int, list[str]] = {}
    where: dict[str, tuple[int, int]] = {}
    for tok in root.iter("token"):
        s = int(tok.get("sentence", "0"))
        sents.setdefault(s, []).append(tok.text or "")
        where[tok.get("t_id", "")] = (s, len(sents[s]) - 1)
    gold: dict[int, list[tuple[int, int]]] = {}
    for el in root.find("Markables") or []:
        anchors = [where[a.get("t_id", "")] for a in el.findall("token_anchor")]
        if el.tag.startswith("TIME_") and anchors:
            ids = [i for _, i in anchors]
            gold.setdefault(anchors[0][0], []).append((min(ids), max(ids)))
    for s, toks in sorted(sents.items()):
        if (name, s) not in selected:
            continue
        offsets, pos = [], 0
        for t in toks:
            offsets.append((pos, pos + len(t)))
            pos += len(t) + 1
        spans = [(offsets[a][0], offsets[b][1]) for a, b in gold.get(s, [])]
        yield f"{name}:{s}", " ".join(toks), spans


def ecb_items(folder: Path) -> Iterator[Item]:
    selected = read_selected(folder / "ECBplus_coreference_sentences.csv")
    with tarfile.open(folder / "ECB+.tar.gz") as tar:
        for member in tar.getmembers():
            m = _DOC_RE.search(member.name)
            fh = tar.extractfile(member) if member.isfile() and m and int(m.group(1)) in DEV_TOPICS else None
            if m and fh is not None:
                yield from _ecb_sentences(fh.read(), f"{m.group(1)}_{m.group(2)}{m.group(3)}", selected)


def re3d_items(folder: Path) -> Iterator[Item]:
    for source in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in TEST_SOURCES):
        lines = (source / "entities.json").read_text().splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        for line in (source / "documents.json").read_text().splitlines():
            if line.strip():
                doc = json.loads(line)
                spans = [(e["begin"], e["end"]) for e in rows if e["documentId"] == doc["_id"]
                         and e["type"] == "Temporal" and e.get("confidence", 1) >= 0.5]
                yield doc["_id"], doc["text"], spans


def main(argv: list[str]) -> int:
    corpus, folder, verbose = argv[0], Path(argv[1]), "-v" in argv
    items = ecb_items(folder) if corpus == "ecb" else re3d_items(folder)
    nlp = load_nlp()
    tp = fn = fp = 0
    for name, text, gold in items:
        found = [(t.start, t.end) for t in extract_timexes(nlp(text), None)]
        for g in gold:
            hit = any(s < g[1] and g[0] < e for s, e in found)
            tp, fn = tp + hit, fn + (not hit)
            if verbose and not hit:
                print(f"  {name}: missed {text[g[0]:g[1]]!r}")
        for s, e in found:
            if not any(s < g[1] and g[0] < e for g in gold):
                fp += 1
                if verbose:
                    print(f"  {name}: spurious {text[s:e]!r}")
    print(f"{corpus} time spans: found {tp} of {tp + fn} gold, {fp} not in gold; "
          f"P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
