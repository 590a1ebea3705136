"""The keys an article entity can be found by in the KB, strongest first.

- ``ref:Q..``: the reference id the extractor linked (a Wikidata id);
- ``FAMILY:name``: the normalized name (the merge key of a KB entity);
- ``FAMILY:alias``: the other names the article gives it, when one holds the other's
  words ("the Taliban" for "the Afghan Taliban", "Chagos" for "the Chagos Islands");
- ``acr:FAMILY:XYZ`` / ``acrw:FAMILY:XYZ``: an organization's acronym from its full name's
  initials ("DHS" for "Department of Homeland Security") / written as one ("NISA");
- ``corel:org:name`` / ``cores:org:name``: a company with its corporate form removed
  ("Nordavia" for "Nordavia Aerospace", "Rheinmetall" for "Rheinmetall AG") / a bare
  company name; a longer name is never a short form ("EADS North America" is not EADS);
- ``mil:COUNTRY:service``: an armed service by country and service from the extractor's
  ``country`` attribute ("the Pakistani Air Force", "the Pakistan Air Force", "the air
  force" of a Pakistani report);
- ``name:name``: the bare name, for types that the extractor confuses (a train typed
  ORG in one report and OTHER in another; a platform ORG or FACILITY).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from sitrep.model import Entity

FAMILIES = {
    "COUNTRY": "place", "CITY": "place", "REGION": "place",
    "ORG": "org", "MILITARY_UNIT": "org", "BLOC": "org",
}
_LEAD_THE = re.compile(r"^the\s+", re.I)


def normalize_name(name: str) -> str:
    """Case, accents, typographic quotes/dashes, a leading "the" and punctuation folded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = _LEAD_THE.sub("", text.strip())
    text = re.sub(r"'s$", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


SMALL_WORDS = frozenset(["of", "for", "the", "and", "on", "in", "at", "to", "de", "du", "des", "la", "le",
                         "el", "al", "e"])
CORPORATE_FORMS = frozenset([
    "ag", "inc", "incorporated", "ltd", "limited", "plc", "corp", "corporation", "co", "company", "gmbh",
    "sa", "spa", "llc", "nv", "ab", "asa", "oyj", "group", "holding", "holdings", "industries", "aerospace",
    "defense", "defence", "systems", "technologies", "international",
])
ORG_FAMILY = "org"
MIN_ACRONYM = 3  # two letters ("IS", "UN") are too often something else
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
# types the extractor confuses with one another for one named thing
LOOSE_TYPES = frozenset({"ORG", "OTHER", "FACILITY", "EVENT_NAME", "MILITARY_UNIT", "BLOC"})


def family(entity_type: str) -> str:
    return FAMILIES.get(entity_type, entity_type)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text.strip()) if w]


def is_name_like(text: str) -> bool:
    """Every word capitalized but the small ones ("Bank of England", not "the group")."""
    words = _words(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
    return bool(words) and all(w[:1].isupper() or w.lower() in SMALL_WORDS or not w[:1].isalpha()
                               for w in words) and any(w[:1].isupper() for w in words)


def acronym_of(name: str) -> str | None:
    """The initials of a name's capitalized words ("Baloch Liberation Army" -> "BLA")."""
    words = [w for w in _words(name.replace("’", "'")) if w.lower() not in SMALL_WORDS]
    if len(words) < MIN_ACRONYM or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def written_acronym(text: str) -> str | None:
    t = text.strip()
    return t if len(t) >= MIN_ACRONYM and _ACRONYM.match(t) else None


def company_core(name: str) -> str:
    """The name without trailing corporate-form words ("Nordavia Aerospace Corp." -> "nordavia")."""
    words = normalize_name(name).split()
    while len(words) > 1 and words[-1] in CORPORATE_FORMS:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Every word naming a country (name, alias, adjective, demonym) -> the country's name."""
    out: dict[str, str] = {}
    data = resources.files("sitrep.extract.entities.data").joinpath("countries.tsv")
    text = data.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = csv.reader(lines, delimiter="\t")
    for row in rows:
        if len(row) < 2:
            continue
        name = normalize_name(row[1])
        for form in [row[1], *(row[3].split("|") if len(row) > 3 else []),
                     *(row[4].split("|") if len(row) > 4 else [])]:
            if form:
                out[normalize_name(form)] = name
    return out


def military_key(ent: Entity) -> str | None:
    """``mil:pakistan:air force`` for "the Pakistani Air Force" of a Pakistani unit."""
    country = (ent.attributes or {}).get("country")
    if ent.type != "MILITARY_UNIT" or not isinstance(country, str) or not country:
        return None
    words = _country_words()
    home = words.get(normalize_name(country), normalize_name(country))
    name = normalize_name(ent.name)
    for form in sorted((f for f, c in words.items() if c == home), key=len, reverse=True):
        if name.startswith(form + " "):
            name = name[len(form) + 1:]
            break
    name = re.sub(r"^(?:u s|us|royal)\s+", "", name) if home == normalize_name("United States") else name
    return f"mil:{home}:{name}" if name and name != home else None


def _aliases(ent: Entity) -> list[str]:
    name_words = set(normalize_name(ent.name).split())
    out = []
    for text in sorted({m.text for m in ent.mentions if m.text}):
        norm = normalize_name(text)
        if not norm or norm == normalize_name(ent.name) or not is_name_like(text):
            continue
        words = set(norm.split())
        if ent.type == "PERSON" and len(words) < 2:
            continue  # a surname alone: the surname rule decides
        if words <= name_words or name_words <= words:
            out.append(norm)
    return out


# a key is looked up as its counterpart: a full name's initials find a written acronym and
# the reverse (never two full names by their initials: "Chinese Air Force" is not
# "Canadian Armed Forces"); a company with its corporate form finds the bare name and the
# reverse (never two longer names: "Nordavia Aerospace" is not "Nordavia Capital")
COUNTERPARTS = {"acr:": "acrw:", "acrw:": "acr:", "corel:": "cores:", "cores:": "corel:"}


def lookup_key(key: str) -> str:
    """The key under which a filed key's match is found."""
    for kind, other in COUNTERPARTS.items():
        if key.startswith(kind):
            return other + key[len(kind):]
    return key


def entity_keys(ent: Entity) -> list[str]:
    """Every key of an article entity, strongest first (see the module docstring)."""
    fam = family(ent.type)
    keys = [f"ref:{ent.kb_id}"] if ent.kb_id else []
    keys.append(f"{fam}:{normalize_name(ent.name)}")
    keys += [f"{fam}:{a}" for a in _aliases(ent)]
    if fam == ORG_FAMILY:
        written = {written_acronym(ent.name)} | {written_acronym(m.text) for m in ent.mentions if m.text}
        derived = acronym_of(ent.name)
        keys += sorted(f"acrw:{fam}:{a}" for a in written if a)
        keys += [f"acr:{fam}:{derived}"] if derived else []
        if ent.type == "ORG":
            core = company_core(ent.name)
            keys.append(f"corel:org:{core}" if core != normalize_name(ent.name) else f"cores:org:{core}")
    mil = military_key(ent)
    if mil:
        keys.append(mil)
    if ent.type in LOOSE_TYPES:
        keys.append(f"name:{normalize_name(ent.name)}")
    return list(dict.fromkeys(keys))
