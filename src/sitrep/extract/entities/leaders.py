"""The shipped leader table: heads of state and government, foreign and defence ministers.

``data/leaders.tsv`` (name, variants, role, country, start, end, kb_id) gives the role,
country and Wikidata id the text leaves out. The pipeline works without it: an empty
table only means fewer filled-in attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import rows, split


def of_country(name: str) -> str:
    """"United States" -> "the United States" (as in "President of the United States")."""
    return f"the {name}" if name in lexicon.COUNTRIES_WITH_THE else name


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    variants: tuple[str, ...]
    role: str
    country: str
    start: int | None
    end: int | None  # None: still in office when the table was compiled
    kb_id: str | None

    def in_office(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.start or 0) <= year <= (self.end or 9999)

    def role_title(self) -> str:
        """"President" + Belarus -> "President of Belarus" (unless the role names it already)."""
        if not self.country or self.country in self.role:
            return self.role
        return f"{self.role} of {of_country(self.country)}"


def _year(cell: str) -> int | None:
    return int(cell) if cell.strip().isdigit() else None


@lru_cache(maxsize=1)
def table() -> dict[str, list[Leader]]:
    """Every name and variant -> the table rows it may denote."""
    index: dict[str, list[Leader]] = {}
    for row in rows("leaders.tsv"):
        if row[0] == "name":
            continue
        name, variants, role, country, start, end, kb = (row + [""] * 7)[:7]
        leader = Leader(name, tuple(split(variants)), role, country, _year(start), _year(end), kb or None)
        surname = name.split()[-1] if len(name.split()) > 1 else ""
        for form in dict.fromkeys((name, *leader.variants, surname)):
            if form:
                index.setdefault(form, []).append(leader)
    return index


def _distinctive(form: str, rows: list[Leader], year: int | None) -> bool:
    """A surname safe to link alone: long, one person only, in office in the article's year."""
    people = {r.name for r in rows}
    return len(form) >= 5 and len(people) == 1 and year is not None and any(r.in_office(year) for r in rows)


def lookup(
    forms: list[str], year: int | None, countries: set[str], text_country: str | None
) -> Leader | None:
    """The table row for a person named by ``forms`` (full name first).

    A one-word form ("Kim", "Abbas") only links when the leader's country is named in the
    article, or when it is distinctive (see ``_distinctive``); a country given by the text
    must agree; the tenure should cover ``year``.
    """
    idx = table()
    for form in forms:
        cands = idx.get(form, [])
        if not cands:
            continue
        if len(form.split()) == 1 and not _distinctive(form, cands, year):
            cands = [c for c in cands if c.country in countries]
        if text_country:
            cands = [c for c in cands if c.country == text_country]
        dated = [c for c in cands if c.in_office(year)]
        pool = dated or cands
        if pool:
            return max(pool, key=lambda c: (c.start or 0))
    return None
