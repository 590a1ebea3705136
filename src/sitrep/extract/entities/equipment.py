"""Military equipment named compositionally, beyond the weapons table.

- a designation (letters, digits and suffixes: "KC-390", "J-10C", "Tu-22M3", "MQ-9B",
  "A400M") or "Type" + a number ("Type 039", "Type 052D") followed by a class noun
  ("transport", "submarines", "drones") is a WEAPON_SYSTEM whose category the noun gives;
  the designation alone is a mention of it wherever else the article uses it;
- "X-class" + a class noun ("Kalvari-class submarines") names the class of ships;
- one capitalized word right before such a designation that no table knows ("an Embraer
  KC-390") is its manufacturer, an organization (spaCy's small model calls it a person).

A designation without a class noun is not taken on its own: "COVID-19", "G-20", "H5N1"
and flight numbers share the shape.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Gazetteer
from sitrep.extract.entities.recognize import Cand

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,7}-?\d{1,4}(?:[A-Z][A-Za-z]{0,2}\d{0,2})?$")
TYPE_NUMBER = re.compile(r"^\d{2,3}[A-Z]{0,2}$")
MAX_GAP = 1  # words between a designation and its class noun ("KC-390 tanker aircraft")
# airliner families (public type designations): "A350 jets", "A320 passenger jets" are no
# weapons unless a military variant is named ("A330 MRTT tanker")
CIVIL_DESIGNATION = re.compile(r"^(?:A3[0-8]\d|7[0-8]7|E1[79]\d|CRJ\d*|ERJ\d*|ATR\d*|C919|ARJ21|MC-21|"
                               r"SSJ\d*|Q400|DC-\d+|MD-\d+)")
MILITARY_VARIANT = frozenset(["MRTT", "tanker", "tankers", "MPA", "AEW&C", "AEW"])
# words of a sentence about civil aviation: a designation there is an airliner
CIVIL_WORDS = frozenset(
    ["airline", "airlines", "airways", "airliner", "airliners", "passenger", "passengers"])


def equipment_cands(doc: Doc, gz: Gazetteer) -> list[Cand]:
    out: list[Cand] = []
    named: dict[str, tuple[str, str]] = {}  # designation -> (canonical name, category)
    for tok in doc:
        found = _designation_at(doc, tok.i, gz)
        if found is None:
            continue
        start, end, name = found
        noun = _class_noun(doc, end)
        if noun is None or _civil(doc, start, end, noun.i):
            continue
        category = lexicon.EQUIPMENT_CLASSES[noun.lower_]
        canonical = f"{name} {_singular(noun.lower_)}" if name.endswith("-class") or name.startswith(
            "Type ") else name
        named[doc[start:end].text] = (canonical, category)
        out.append(Cand(start, end, "WEAPON_SYSTEM", "pattern", None, "name", canonical,
                        {"category": category}))
        maker = _manufacturer(doc, start, gz)
        if maker is not None:
            out.append(Cand(maker, maker + 1, "ORG", "pattern", None, "name", doc[maker].text,
                            {"category": "manufacturer"}))
    return out + _bare_uses(doc, named, {(c.ts, c.te) for c in out})


def _designation_at(doc: Doc, i: int, gz: Gazetteer) -> tuple[int, int, str] | None:
    """[start, end) and the name of a designation starting at token i, if one does."""
    tok = doc[i]
    if tok.text == "Type" and i + 1 < len(doc) and TYPE_NUMBER.match(doc[i + 1].text):
        return i, i + 2, f"Type {doc[i + 1].text}"
    if (tok.text[:1].isupper() and i + 2 < len(doc) and doc[i + 1].text == "-"
            and doc[i + 2].lower_ == "class" and not gz.lookup(tok.text)):
        return i, i + 3, f"{tok.text}-class"
    if DESIGNATION.match(tok.text) and any(c.isdigit() for c in tok.text) and not gz.lookup(tok.text):
        return i, i + 1, tok.text
    return None


def _civil(doc: Doc, start: int, end: int, noun: int) -> bool:
    """An airliner: a civil type designation without a military variant, or any
    designation in a sentence about airlines and passengers."""
    if CIVIL_DESIGNATION.match(doc[start].text) and not any(
            t.text in MILITARY_VARIANT for t in doc[end : noun + 1]):
        return True
    return any(t.lower_ in CIVIL_WORDS for t in doc[start].sent)


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _class_noun(doc: Doc, end: int) -> Token | None:
    for k in range(end, min(end + MAX_GAP + 1, len(doc))):
        if doc[k].lower_ in lexicon.EQUIPMENT_CLASSES:
            # the last class noun of a run: "KC-390 tanker aircraft"
            while k + 1 < len(doc) and doc[k + 1].lower_ in lexicon.EQUIPMENT_CLASSES:
                k += 1
            return doc[k]
        if k > end and not (doc[k].pos_ in ("NOUN", "ADJ", "PROPN") and doc[k].text.islower()):
            return None
    return None


def _manufacturer(doc: Doc, start: int, gz: Gazetteer) -> int | None:
    """The capitalized word right before a designation, when nothing else claims it."""
    k = start - 1
    if k < 0 or doc[k].tag_ != "NNP" or not doc[k].text[:1].isupper() or doc[k].is_sent_start:
        return None
    word = doc[k].text
    if gz.lookup(word) or word.lower() in lexicon.TITLE_WORDS or word in ("Type", "The"):
        return None
    return k


def _bare_uses(doc: Doc, named: dict[str, tuple[str, str]], taken: set[tuple[int, int]]) -> list[Cand]:
    """"the KC-390" elsewhere in the article: a mention of the system named above."""
    out = []
    for tok in doc:
        for text, (canonical, category) in named.items():
            words = text.split()
            span = doc[tok.i : tok.i + len(words)]
            if span.text == text and (span.start, span.end) not in taken:
                out.append(Cand(span.start, span.end, "WEAPON_SYSTEM", "pattern", None, "name", canonical,
                                {"category": category}))
    return out
