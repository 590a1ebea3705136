"""Towns and villages down to about 1,000 people: names that make a place win over
spaCy's PERSON or ORG guess where the context is locative ("in Kadawa", "around Chasiv
Yar"), and give such a town its country.

The names are GeoNames ``cities1000`` (CC BY 4.0, see data/SOURCES.md) as
:func:`sitrep.places.towns` reads them, once per process: this module only asks that
table; it reads no file of its own.
"""

from __future__ import annotations

from sitrep import places


def is_town(name: str) -> bool:
    return name in places.towns()


def country_code(name: str) -> str:
    """The ISO 3166-1 alpha-2 code of the most populous town of that name ("" if none)."""
    found = places.town(name)
    return found.iso2 if found else ""
