"""Entity recognition and coreference measured on re3d and MEANTIME, beside plain spaCy.

``python -m sitrep.eval.entity_corpora re3d|meantime PATH`` prints per-type precision,
recall and F1 of entity mentions for Sitrep's entity stage and for spaCy's NER alone
(the same ``en_core_web_sm`` parse), and for MEANTIME the pronoun resolution figures.

Matching: a system mention matches a gold mention of the same type family when the two
spans overlap (each gold mention matched once). Families and mappings (documented in
docs/accuracy.md): re3d Person -> PERSON, Organisation -> ORG, Location -> PLACE,
Nationality -> PLACE (a mention of its country), Weapon and MilitaryPlatform -> WEAPON;
MEANTIME PER/ORG/LOC named mentions (NAM) likewise. Gold types outside the mapping
(values, vehicles, MEANTIME products and financial terms) are neither counted nor held
against a system mention that overlaps them. Sitrep counts mentions by name, adjective,
metonym and title, outermost only (a country name nested in an organization's name is a
mention of its own in Sitrep, but both gold sets are flat); in re3d, whose Person layer
marks pronouns and descriptions too, Sitrep's resolved pronouns and descriptions count as
well; in MEANTIME they are scored apart (coreference).
Test documents are left out: re3d's "BBC Online" folder and MEANTIME docs 100911, 102977.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.eval.meantime_xml import TEST_DOCS, xml_sources

RE3D_FAMILY = {
    "Person": "PERSON", "Organisation": "ORG", "Location": "PLACE", "Nationality": "PLACE",
    "Weapon": "WEAPON", "MilitaryPlatform": "WEAPON",
}
MEANTIME_FAMILY = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
SITREP_FAMILY = {
    "PERSON": "PERSON", "ORG": "ORG", "MILITARY_UNIT": "ORG", "BLOC": "ORG", "COUNTRY": "PLACE",
    "CITY": "PLACE", "REGION": "PLACE", "FACILITY": "PLACE", "WEAPON_SYSTEM": "WEAPON",
}
SPACY_FAMILY = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "PLACE",
    "PRODUCT": "WEAPON",
}
NAMED_KINDS = ("name", "adjective", "metonym", "title", "plural")
# the mention forms each corpus annotates: re3d marks pronouns and descriptions ("he", "the
# Foreign Secretary") as Person mentions; MEANTIME's scored layer here is its named mentions
KINDS_SCORED = {"re3d": (*NAMED_KINDS, "pronoun", "description"), "meantime": NAMED_KINDS}
FAMILIES = ("PERSON", "ORG", "PLACE", "WEAPON")
TEST_RE3D = ("BBC Online",)
RE3D_MIN_CONFIDENCE = 0.5
PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its"])

Span = tuple[int, int, str]  # start, end, family ("" = ignored gold type)


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    text: str
    mentions: list[Span]
    # MEANTIME: pronoun mention span -> the named mention spans of its entity
    pronouns: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    # MEANTIME: definite description ("the company") span -> the named mention spans of its entity
    descriptions: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    # MEANTIME: "it"/"its" of organizations and places
    it_pronouns: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)


@dataclass(slots=True)
class Counts:
    tp: int = 0
    sys: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.sys if self.sys else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class EntityEvalReport:
    corpus: str
    documents: int = 0
    systems: dict[str, dict[str, Counts]] = field(default_factory=dict)
    pronouns: Counts = field(default_factory=Counts)  # tp = right, sys = resolved, gold = gold pronouns
    descriptions: Counts = field(default_factory=Counts)
    it_pronouns: Counts = field(default_factory=Counts)

    def overall(self, system: str) -> Counts:
        rows = self.systems[system].values()
        return Counts(sum(c.tp for c in rows), sum(c.sys for c in rows), sum(c.gold for c in rows))

    def format(self) -> str:
        lines = [f"{self.corpus}: {self.documents} documents (test documents left out)",
                 f"{'system':<8} {'type':<7} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'sys':>6}"]
        for system, rows in self.systems.items():
            for fam in (*FAMILIES, "ALL"):
                c = self.overall(system) if fam == "ALL" else rows.get(fam, Counts())
                p, r, f = c.prf()
                lines.append(f"{system:<8} {fam:<7} {p:6.3f} {r:6.3f} {f:6.3f} {c.gold:6d} {c.sys:6d}")
        for label, c in (("pronoun resolution (he/she/his/her... of PER entities)", self.pronouns),
                         ("definite descriptions (the ... of PER/ORG entities)", self.descriptions),
                         ("it/its of ORG/LOC entities", self.it_pronouns)):
            if c.gold:
                p, r, f = c.prf()
                lines.append(f"{label}: P={p:.3f} R={r:.3f} F1={f:.3f} (gold {c.gold}, resolved {c.sys})")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"corpus": self.corpus, "documents": self.documents}
        for system in self.systems:
            out[system] = {fam: dict(zip("PRF", self.systems[system].get(fam, Counts()).prf(), strict=True))
                           for fam in FAMILIES}
            out[system]["ALL"] = dict(zip("PRF", self.overall(system).prf(), strict=True))  # type: ignore[index]
        out["pronouns"] = dict(zip("PRF", self.pronouns.prf(), strict=True))
        out["descriptions"] = dict(zip("PRF", self.descriptions.prf(), strict=True))
        out["it_pronouns"] = dict(zip("PRF", self.it_pronouns.prf(), strict=True))
        return out


# ---- readers

def read_re3d(path: Path) -> Iterator[GoldDoc]:
    if not path.is_dir():
        raise InputError(str(path), "not a directory: give the re3d folder (with one folder per source)")
    for folder in sorted(p for p in path.iterdir() if p.is_dir()):
        if folder.name in TEST_RE3D:
            continue
        docs = {d["_id"]: d for d in _json_lines(folder / "documents.json")}
        spans: dict[str, list[Span]] = {k: [] for k in docs}
        for e in _json_lines(folder / "entities.json"):
            if e.get("confidence", 1) >= RE3D_MIN_CONFIDENCE and e["documentId"] in spans:
                spans[e["documentId"]].append((e["begin"], e["end"], RE3D_FAMILY.get(e["type"], "")))
        for doc_id, d in docs.items():
            yield GoldDoc(doc_id, d["text"], spans[doc_id])


def _json_lines(path: Path) -> Iterator[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read re3d file: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"not JSON: {exc}") from exc


def read_meantime(path: Path) -> Iterator[GoldDoc]:
    """The intra-document annotation of MEANTIME (a folder, or the release .tar.gz)."""
    for name, data in xml_sources(path):
        doc = _meantime_doc(name, data)
        if doc is not None:
            yield doc


def _meantime_doc(name: str, data: bytes) -> GoldDoc | None:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(name, f"not well-formed XML: {exc}") from exc
    doc_id = root.get("doc_id", "")
    if doc_id in TEST_DOCS:
        return None
    text, offsets = _meantime_text(root)
    markables = root.find("Markables")
    if markables is None:
        return GoldDoc(doc_id, text, [])
    entities = {e.get("m_id"): e.get("ent_type", "") for e in markables.iter("ENTITY")}
    refers = {}
    for rel in root.iter("REFERS_TO"):
        tgt = rel.find("target")
        for src in rel.iter("source"):
            if tgt is not None:
                refers[src.get("m_id")] = tgt.get("m_id")
    mentions, pronouns, descriptions, it_pronouns = [], [], [], []
    by_entity: dict[str | None, list[tuple[int, int]]] = {}
    for m in markables.iter("ENTITY_MENTION"):
        tids = [a.get("t_id", "") for a in m.iter("token_anchor")]
        if not tids or tids[0] not in offsets:
            continue
        span = (offsets[tids[0]][0], offsets[tids[-1]][1])
        ent = refers.get(m.get("m_id"))
        fam = MEANTIME_FAMILY.get(entities.get(ent, ""), "")
        kind = m.get("syntactic_type", "") or _guess_kind(text[span[0] : span[1]])
        if kind == "NAM":
            mentions.append((*span, fam))
            by_entity.setdefault(ent, []).append(span)
        elif kind == "PRO" and fam == "PERSON":
            pronouns.append((span, ent))
            mentions.append((*span, ""))
        elif kind == "PRO" and fam in ("ORG", "PLACE") and text[span[0] : span[1]].lower() in ("it", "its"):
            it_pronouns.append((span, ent))
            mentions.append((*span, ""))
        elif kind == "NOM" and fam in ("PERSON", "ORG") and _definite(text[span[0] : span[1]]):
            descriptions.append((span, ent))
            mentions.append((*span, ""))
        else:
            mentions.append((*span, ""))  # not scored, not held against the system
    gold_pro = {span: by_entity.get(ent, []) for span, ent in pronouns if by_entity.get(ent)}
    gold_desc = {span: by_entity.get(ent, []) for span, ent in descriptions if by_entity.get(ent)}
    gold_it = {span: by_entity.get(ent, []) for span, ent in it_pronouns if by_entity.get(ent)}
    return GoldDoc(doc_id, text, mentions, gold_pro, gold_desc, gold_it)


def _definite(text: str) -> bool:
    return text[:4].lower() == "the "


def _guess_kind(text: str) -> str:
    """Some MEANTIME mentions carry no syntactic type: tell names and pronouns by form."""
    if text.lower() in PRONOUNS:
        return "PRO"
    words = text.split()
    return "NAM" if words and all(w[:1].isupper() or not w[:1].isalpha() for w in words) else "NOM"


def _meantime_text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """The document text rebuilt from its tokens: spaces between, a newline per sentence."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, sentence = 0, None
    for tok in root.iter("token"):
        if parts:
            sep = "\n" if tok.get("sentence") != sentence else " "
            parts.append(sep)
            pos += 1
        sentence = tok.get("sentence")
        word = tok.text or ""
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
    return "".join(parts), offsets


READERS = {"re3d": read_re3d, "meantime": read_meantime}


# ---- scoring

def score_doc(system: list[Span], gold: list[Span], counts: dict[str, Counts]) -> None:
    """Add one document's matches: overlapping spans of the same family, one-to-one."""
    scored = [g for g in gold if g[2]]
    ignored = [g for g in gold if not g[2]]
    for g in scored:
        counts.setdefault(g[2], Counts()).gold += 1
    used: set[int] = set()
    for s in sorted(system):
        hit = next((i for i, g in enumerate(scored)
                    if i not in used and g[2] == s[2] and g[0] < s[1] and s[0] < g[1]), None)
        if hit is not None:
            used.add(hit)
            counts.setdefault(s[2], Counts()).tp += 1
            counts[s[2]].sys += 1
        elif not any(g[0] < s[1] and s[0] < g[1] for g in ignored + scored):
            counts.setdefault(s[2], Counts()).sys += 1
        elif any(g[0] < s[1] and s[0] < g[1] for g in scored):
            counts.setdefault(s[2], Counts()).sys += 1  # overlaps a gold item of another type


def sitrep_spans(entities: list, kinds: dict[tuple[int, int], str],
                 scored: tuple[str, ...] = NAMED_KINDS) -> list[Span]:
    """Mentions of the scored kinds, one per run of overlapping mentions of the same entity."""
    out: list[Span] = []
    for e in entities:
        fam = SITREP_FAMILY.get(e.type)
        if fam is None:
            continue
        spans = sorted(((m.start, m.end) for m in e.mentions
                        if m.start is not None and kinds.get((m.start, m.end), "name") in scored),
                       key=lambda s: (s[0], -s[1]))
        last_end = -1
        for s, t in spans:
            if s >= last_end:
                out.append((s, t, fam))
                last_end = t
    return outermost(out)


def outermost(spans: list[Span]) -> list[Span]:
    """Drop mentions nested in another ("Russian" in "the Russian Defense Ministry"): the gold
    annotation of both corpora, like spaCy's NER, is flat."""
    return [a for a in spans
            if not any(b is not a and b[0] <= a[0] and a[1] <= b[1] and (b[0], b[1]) != (a[0], a[1])
                       for b in spans)]


def spacy_spans(doc: object) -> list[Span]:
    return [(e.start_char, e.end_char, SPACY_FAMILY[e.label_]) for e in doc.ents  # type: ignore[attr-defined]
            if e.label_ in SPACY_FAMILY]


def score_coref(entities: list, gold: dict[tuple[int, int], list[tuple[int, int]]], counts: Counts,
                exact: bool = True) -> None:
    """Pronouns (exact span) or descriptions (a system mention starting where the gold one
    starts) count as right when their entity has a name overlapping the gold entity's names."""
    spans = {(m.start, m.end): e for e in entities for m in e.mentions if m.start is not None}
    starts = {m.start: e for e in entities for m in e.mentions if m.start is not None and _definite(m.text)}
    for pro, named in gold.items():
        counts.gold += 1
        ent = spans.get(pro) if exact else starts.get(pro[0])
        if ent is None:
            continue
        counts.sys += 1
        if any(m.start is not None and m.start < b and a < m.end for m in ent.mentions for a, b in named):
            counts.tp += 1


def run_entity_eval(corpus: str, path: Path, settings: Settings | None = None) -> EntityEvalReport:
    """Score Sitrep's entity stage and plain spaCy NER on ``corpus`` (re3d or meantime)."""
    from sitrep.extract.entities import find_entities
    from sitrep.model import Article
    from sitrep.nlp.loader import load_nlp
    from sitrep.pipeline import StageContext

    if corpus not in READERS:
        raise InputError(corpus, f"unknown corpus: choose one of {', '.join(READERS)}")
    settings = settings or Settings()
    nlp = load_nlp(settings.model)
    report = EntityEvalReport(corpus, systems={"sitrep": {}, "spacy": {}})
    golds = list(READERS[corpus](Path(path)))
    for gold, doc in zip(golds, nlp.pipe(g.text for g in golds), strict=True):
        ctx = StageContext(article=Article(text=gold.text, source=gold.doc_id), doc=doc, settings=settings)
        entities = find_entities(ctx)
        kinds = ctx.shared.get("entity_mention_kinds", {})
        spans = sitrep_spans(entities, kinds, KINDS_SCORED[corpus])
        score_doc(spans, gold.mentions, report.systems["sitrep"])
        score_doc(spacy_spans(doc), gold.mentions, report.systems["spacy"])
        score_coref(entities, gold.pronouns, report.pronouns)
        score_coref(entities, gold.descriptions, report.descriptions, exact=False)
        score_coref(entities, gold.it_pronouns, report.it_pronouns)
        report.documents += 1
    return report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in READERS:
        print("usage: python -m sitrep.eval.entity_corpora re3d|meantime PATH", file=sys.stderr)
        return 2
    try:
        report = run_entity_eval(args[0], Path(args[1]))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(report.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
