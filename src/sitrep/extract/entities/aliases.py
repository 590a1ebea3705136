"""Aliases inside one article: acronyms and short forms join the full name.

- an acronym made of the name's initials ("IAEA"; "VOA" for "Voice of America", where
  the small words may count; "TTP" for "Tehreek-e-Taliban Pakistan");
- an alias the text defines: "the Bring Back Our Girls (BBOG) movement", "the National
  Intelligence and Security Agency, or NISA", "AUSSOM (African Union ...)"; every later
  occurrence of the alias is a mention of the full name, found or not by the recognizer;
- a company's short name after its full one ("Rheinmetall AG" ... "Rheinmetall").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import product
from typing import TYPE_CHECKING

from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

ORG_TYPES = ("ORG", "MILITARY_UNIT", "BLOC")
SMALL_WORDS = frozenset(
    ["of", "for", "the", "and", "on", "in", "e", "al", "de", "du", "des", "la", "le", "el"]
)
CORPORATE_SUFFIXES = frozenset(
    ["ag", "inc", "inc.", "ltd", "ltd.", "plc", "corp", "corp.", "corporation", "co", "co.", "gmbh",
     "sa", "s.a.", "spa", "s.p.a.", "llc", "nv", "n.v.", "ab", "asa", "oyj", "group", "holding",
     "holdings", "company"]
)
ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]$")  # "NISA", "AUSSOM", "IRGC", "MoD" is not one
MAX_OPTIONAL = 6


def initials(name: str) -> set[str]:
    """Acronyms a name may have: capitalized words count, small words may ("VA", "VOA")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    fixed: list[list[str]] = []
    for w in words:
        if w.lower() in SMALL_WORDS:
            fixed.append(["", w[0].upper()])
        elif w[:1].isupper():
            fixed.append([w[0]])
    if sum(len(f) > 1 for f in fixed) > MAX_OPTIONAL:
        return {"".join(f[0] for f in fixed)}
    return {"".join(p) for p in product(*fixed)}


def is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and bool(ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


def merge_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """An organization's acronym ("IAEA") joins its full name when both occur."""
    orgs = [c for c in clusters if c.type in ORG_TYPES]
    drop: set[int] = set()
    for short in orgs:
        if not is_acronym(short.name) and not (short.name.isupper() and 2 <= len(short.name) <= 6):
            continue
        for full in orgs:
            if full is not short and id(full) not in drop and len(full.name.split()) >= 2 and any(
                short.name in initials(f) for f in {full.name, *full.forms}
            ):
                _join(full, short)
                drop.add(id(short))
                break
    return [c for c in clusters if id(c) not in drop]


def _join(full: Cluster, short: Cluster) -> None:
    for m in short.mentions:
        full.add(m)
    full.forms.extend(short.forms)
    full.kb_id = full.kb_id or short.kb_id
    for k, v in short.attributes.items():
        full.attributes.setdefault(k, v)


def defined_aliases(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """"Full Name (ACR)", "Full Name, or ACR": the alias joins the name, which is made an
    organization when the recognizer missed it ("the Bring Back Our Girls (BBOG) movement")."""
    text = doc_text(doc)
    clusters = clusters + _unrecognized_names(doc, clusters)
    by_span = {(m.start, m.end): c for c in clusters for m in c.mentions if m.start >= 0}
    drop: set[int] = set()
    for (start, end), full in list(by_span.items()):
        if full.type not in (*ORG_TYPES, "OTHER") or id(full) in drop:
            continue
        alias = _alias_after(text, start, end)
        if alias is None:
            continue
        a_start, a_end = alias
        acr = text[a_start:a_end]
        if not is_acronym(acr) or (is_acronym(full.name) and full.name == acr):
            continue
        for other in clusters:
            named = other.name == acr or acr in other.forms
            if other is not full and id(other) not in drop and named and other.type in (*ORG_TYPES, "PERSON"):
                _join(full, other)
                drop.add(id(other))
        _add_occurrences(doc, acr, full)
        full.forms.append(acr)
    return [c for c in clusters if id(c) not in drop and c.mentions]


def _unrecognized_names(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Title-case words before "(ACR)" whose initials spell ACR, named by no cluster."""
    text, out = doc_text(doc), []
    for m in re.finditer(r"\(([A-Z][A-Za-z\-]*[A-Z])\)", text):
        acr = m.group(1)
        span = _name_spelling(doc, m.start(), acr)
        if span is None:
            continue
        start, end = span
        if any((x.start, x.end) == (start, end) for c in clusters for x in c.mentions):
            continue
        for c in clusters:  # pieces of the name the recognizer took for something else
            if c.type not in ("COUNTRY", "CITY", "REGION"):
                c.mentions = [x for x in c.mentions if not (start <= x.start and x.end <= end)]
        name = text[start:end]
        typ = "OTHER" if name.split()[-1].lower() in lexicon.DOCUMENT_NOUNS else "ORG"
        cl = Cluster(f"{typ}:{name.lower()}", name, typ)
        sp = doc.char_span(start, end, alignment_mode="expand")
        cl.add(MentionSpan(start, end, name, sp.root.i if sp is not None else -1, "name"))
        cl.forms.append(name)
        out.append(cl)
    return out


def _name_spelling(doc: Doc, paren: int, acr: str) -> tuple[int, int] | None:
    """Character span of the words right before ``paren`` whose initials spell ``acr``."""
    # the tokens that end by ``paren`` are the first ``n`` (binary search: a long article)
    n = bisect.bisect_right(range(len(doc)), paren, key=lambda i: doc[i].idx + len(doc[i]))
    before = [doc[i] for i in range(max(0, n - 12), n)]
    while before and (before[-1].is_space or (before[-1].is_punct and before[-1].text != ")")):
        before.pop()
    for n in range(1, len(before) + 1):
        words = before[-n:]
        if not words[0].text[:1].isupper() or words[0].lower_ in SMALL_WORDS:
            continue
        if any(t.is_punct and t.text != "-" for t in words):
            break
        if acr in initials(" ".join(t.text for t in words if t.text != "-")):
            return words[0].idx, words[-1].idx + len(words[-1])
    return None


def _alias_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The alias right after a name: " (ACR)" or ", or ACR"."""
    m = re.match(r"\s*(?:\(\s*([A-Z][\w\-]*)\s*\)|,\s+or\s+([A-Z][\w\-]*)\b)", text[end : end + 40])
    if m is None:
        return None
    g = 1 if m.group(1) else 2
    return end + m.start(g), end + m.end(g)


def _add_occurrences(doc: Doc, acr: str, full: Cluster) -> None:
    for m in re.finditer(rf"(?<![\w\-]){re.escape(acr)}(?![\w\-])", doc_text(doc)):
        sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        full.add(MentionSpan(m.start(), m.end(), acr, sp.root.i if sp is not None else -1, "name"))


def country_short_forms(clusters: list[Cluster], is_country: Callable[[str], bool]) -> list[Cluster]:
    """"U.S. Central Command" then "Central Command", "the Afghan Taliban" then "the
    Taliban": the name without its country joins it, when only one such name is met."""
    orgs = [c for c in clusters if c.type in ORG_TYPES]
    drop: set[int] = set()
    for short in orgs:
        fulls = [f for f in orgs if f is not short and id(f) not in drop and f.name.endswith(" " + short.name)
                 and is_country(f.name[: -len(short.name)].strip())]
        if len(fulls) == 1:  # "the Afghan Taliban" and "the Pakistani Taliban": neither
            _join(fulls[0], short)
            drop.add(id(short))
    return [c for c in clusters if id(c) not in drop]


def short_company_names(clusters: list[Cluster]) -> list[Cluster]:
    """"Rheinmetall AG" then "Rheinmetall": the name without its corporate suffix joins it."""
    orgs = [c for c in clusters if c.type == "ORG"]
    drop: set[int] = set()
    for full in orgs:
        words = full.name.split()
        if len(words) < 2 or words[-1].lower() not in CORPORATE_SUFFIXES:
            continue
        stem = " ".join(words[:-1])
        for short in orgs:
            if short is not full and id(short) not in drop and short.name == stem:
                _join(full, short)
                drop.add(id(short))
    return [c for c in clusters if id(c) not in drop]
