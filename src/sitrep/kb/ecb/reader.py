"""Read ECB+ (CAT XML inside the release tarball) into event mentions with gold clusters.

Only action mentions (``ACTION_*`` and ``NEG_ACTION_*``) in the sentences listed in
``ECBplus_coreference_sentences.csv`` are kept: the Cybulska & Vossen setting that the
published systems use. A mention's gold cluster is the instance its ``CROSS_DOC_COREF``
link names, else its ``INTRA_DOC_COREF`` chain, else a singleton of its own.
"""

from __future__ import annotations

import csv
import re
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from sitrep.errors import SitrepError

TEST_TOPICS = tuple(range(36, 46))
# the development topics Barhom et al. (2019) hold out of 1-35; the rest trains
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TRAIN_TOPICS = tuple(t for t in range(1, 36) if t not in DEV_TOPICS)

_DOC_RE = re.compile(r"(\d+)_(\d+)(ecbplus|ecb)\.xml$")


@dataclass(slots=True)
class Sentence:
    tokens: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(slots=True)
class EcbDoc:
    name: str  # e.g. 36_1ecb
    topic: int
    sentences: dict[int, Sentence] = field(default_factory=dict)

    def text(self) -> str:
        """The body (sentence 0 of an ECB+ ``*ecbplus`` file is its source URL, left out)."""
        skip = 0 if self.name.endswith("ecbplus") else -1
        return " ".join(s.text for n, s in sorted(self.sentences.items()) if n != skip)


@dataclass(slots=True)
class EcbMention:
    doc: str
    topic: int
    sentence: int
    token_ids: list[int]  # positions within the sentence
    text: str
    gold: str  # gold cluster id
    negated: bool = False


def read_selected(csv_path: Path) -> set[tuple[str, int]]:
    """(doc name, sentence number) pairs the annotators covered systematically."""
    out: set[tuple[str, int]] = set()
    with csv_path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    return out


def _gold_ids(root: ElementTree.Element, doc: str) -> dict[str, str]:
    instances = {
        el.get("m_id", ""): el.get("instance_id", "")
        for el in root.iter() if el.get("instance_id")
    }
    gold: dict[str, str] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        target = rel.find("target")
        inst = rel.get("note") or (instances.get(target.get("m_id", "")) if target is not None else None)
        for src in rel.findall("source"):
            gold[src.get("m_id", "")] = f"X:{inst}"
    for rel in root.iter("INTRA_DOC_COREF"):
        target = rel.find("target")
        tid = target.get("m_id", "") if target is not None else rel.get("r_id", "")
        for src in rel.findall("source"):
            gold.setdefault(src.get("m_id", ""), f"I:{doc}:{tid}")
    return gold


def parse_doc(xml: bytes, name: str, topic: int, selected: set[tuple[str, int]]) -> tuple[
        EcbDoc, list[EcbMention]]:
    root = ElementTree.fromstring(xml)
    doc = EcbDoc(name=name, topic=topic)
    where: dict[str, tuple[int, int]] = {}
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        doc.sentences.setdefault(sent, Sentence([])).tokens.append(tok.text or "")
        where[tok.get("t_id", "")] = (sent, int(tok.get("number", "0")))
    gold = _gold_ids(root, name)
    mentions: list[EcbMention] = []
    markables = root.find("Markables")
    for el in markables if markables is not None else []:
        if not (el.tag.startswith("ACTION_") or el.tag.startswith("NEG_ACTION_")):
            continue
        anchors = [where[a.get("t_id", "")] for a in el.findall("token_anchor")]
        if not anchors:
            continue
        sent = anchors[0][0]
        if (name, sent) not in selected:
            continue
        ids = sorted(n for _, n in anchors)
        toks = doc.sentences[sent].tokens
        mid = el.get("m_id", "")
        mentions.append(EcbMention(
            doc=name, topic=topic, sentence=sent, token_ids=ids,
            text=" ".join(toks[i] for i in ids),
            gold=gold.get(mid, f"S:{name}:{mid}"), negated=el.tag.startswith("NEG_"),
        ))
    return doc, mentions


def iter_corpus(ecb_dir: Path, topics: tuple[int, ...]) -> Iterator[tuple[EcbDoc, list[EcbMention]]]:
    """Documents of the given topics, in a stable order, read straight from the tarball."""
    tar_path = ecb_dir / "ECB+.tar.gz"
    csv_path = ecb_dir / "ECBplus_coreference_sentences.csv"
    for p in (tar_path, csv_path):
        if not p.is_file():
            raise SitrepError(f"{p}: ECB+ file missing; point --ecb-dir at the folder holding it")
    selected = read_selected(csv_path)
    wanted = set(topics)
    with tarfile.open(tar_path, "r:gz") as tar:
        members = []
        for m in tar.getmembers():
            match = _DOC_RE.search(m.name)
            if m.isfile() and match and int(match.group(1)) in wanted:
                members.append((int(match.group(1)), int(match.group(2)), match.group(3), m))
        for topic, num, kind, m in sorted(members, key=lambda x: x[:3]):
            fh = tar.extractfile(m)
            if fh is None:
                continue
            yield parse_doc(fh.read(), f"{topic}_{num}{kind}", topic, selected)
