"""Named vessels and trains: not places, people or organizations.

- a navy's ship prefix ("INS Imphal", "USS Carl Vinson", "HMS Prince of Wales") names a
  warship: a WEAPON_SYSTEM (annotation conventions), the prefix's navy as origin;
- a name a vessel noun introduces ("the cargo ship Jairan", "the Jaffar Express, a
  cross-country train") is a civilian vessel or train: an OTHER entity with its category,
  every cluster of that name joining it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_NAME_WORDS = 3
APPOSITIVE = re.compile(
    r",\s+((?:a|an)\s+(?:[\w\-]+\s+){0,3}?(" + "|".join(sorted(lexicon.VESSEL_NOUNS)) + r"))\b")
RETYPABLE = ("ORG", "CITY", "REGION", "PERSON", "FACILITY", "OTHER")


def apply(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    _warships(doc, clusters)
    _civilian(doc, clusters)
    return [c for c in clusters if c.mentions]


def _warships(doc: Doc, clusters: list[Cluster]) -> None:
    made: dict[str, Cluster] = {}
    for tok in doc:
        navy = lexicon.SHIP_PREFIXES.get(tok.text)
        if navy is None or tok.i + 1 >= len(doc):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= MAX_NAME_WORDS and doc[end].text[:1].isupper() and not (
                doc[end].is_sent_start):
            end += 1
        if end == tok.i + 1:
            continue
        span = doc[tok.i : end]
        _release(clusters, span.start_char, span.end_char)
        cl = made.get(span.text)
        if cl is None:
            attrs = {"category": "warship", "origin": navy}
            cl = Cluster(f"WEAPON_SYSTEM:{span.text}", span.text, "WEAPON_SYSTEM", None, attrs)
            made[span.text] = cl
            clusters.append(cl)
        cl.add(MentionSpan(span.start_char, span.end_char, span.text, end - 1, "name"))
        cl.forms.append(span.text)


def _release(clusters: list[Cluster], start: int, end: int) -> None:
    """Mentions inside a ship's name ("Imphal" in "INS Imphal") name nothing else."""
    for c in clusters:
        if c.type != "COUNTRY":
            c.mentions = [m for m in c.mentions if not (start <= m.start and m.end <= end)]


def _civilian(doc: Doc, clusters: list[Cluster]) -> None:
    text = doc_text(doc)
    kinds: dict[str, str] = {}
    for cl in clusters:
        if cl.type not in RETYPABLE or cl.kb_id:
            continue
        for m in cl.mentions:
            kind = _vessel_cue(doc, text, m.start, m.end) if m.start >= 0 else None
            if kind:
                kinds[cl.name] = kind
    for name, kind in kinds.items():
        same = [c for c in clusters if c.name == name and c.type in RETYPABLE and not c.kb_id]
        first = same[0]
        for m in [m for c in same for m in c.mentions if m.start >= 0]:
            app = APPOSITIVE.match(text, m.end)
            if app:  # "the Jaffar Express, a cross-country train": the description too
                first.add(MentionSpan(app.start(1), app.end(1), app.group(1), -1, "description"))
        first.type, first.key = "OTHER", f"OTHER:{name}"
        first.attributes = {"category": kind}
        for other in same[1:]:
            for m in other.mentions:
                first.add(m)
            other.mentions = []


def _vessel_cue(doc: Doc, text: str, start: int, end: int) -> str | None:
    """"cargo ship Jairan" (a vessel noun before), "X, a cross-country train" (after)."""
    m = APPOSITIVE.match(text, end)
    if m:
        return m.group(2)
    span = doc.char_span(start, end)
    if span is None or span.start == 0:
        return None
    before = doc[span.start - 1]
    if before.lower_ in lexicon.VESSEL_NOUNS:
        lead = doc[span.start - 2].lower_ if span.start >= 2 else ""
        return f"{lead} {before.lower_}" if lead in lexicon.VESSEL_KINDS else before.lower_
    return None
