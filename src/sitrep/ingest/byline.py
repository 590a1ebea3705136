"""Bylines: "By Anna Smolchenko for AFP" -> authors and agency; "By BBC News" -> outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.ingest import dates
from sitrep.ingest.lexicon import lexicon
from sitrep.ingest.outlets import domain_table

_SEGMENTS = re.compile(r"\s*[|·—–]\s*|\s+-\s+")


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    outlet: str | None = None
    date: str | None = None  # "By X | September 13, 2021": the date part


def match_byline(line: str) -> str | None:
    """The part after "By", when ``line`` is a byline (short, one line), else None."""
    if len(line) > 200 or "\n" in line.strip():
        return None
    m = lexicon().byline.match(line.strip())
    if not m or not _name_like(m.group("rest")):
        return None
    return m.group("rest").strip()


def _name_like(text: str) -> bool:
    """Names and organizations: every word capitalized but the small linking words."""
    words = [w.strip("\"'“”‘’()[],.;:|/&-") for w in text.split()]
    small = lexicon().name_particles
    return all(not w or not w[0].isalpha() or w[0].isupper() or w.casefold() in small for w in words)


def parse_byline(rest: str) -> Byline:
    """Split the names after "By" into people and organizations."""
    out = Byline()
    segments = []
    lex = lexicon()
    for segment in _SEGMENTS.split(lex.date_label.sub(" | ", rest)):
        if out.date is None and dates.parse_date(segment):
            out.date = segment.strip()
        else:
            segments.append(segment)
    for part in lex.org_split.split(" | ".join(segments)):
        for name in lex.author_split.split(part):
            _add_name(out, lex.place_tail.sub("", name).strip(" .,"))
    return out


def _add_name(out: Byline, name: str) -> None:
    if not name or _is_anonymous(name):
        return
    if _is_org(name):
        _add_org(out, name)
    else:
        out.authors.append(name.title() if name.isupper() and len(name) > 4 else name)


def _is_anonymous(name: str) -> bool:
    return any(word.strip(".,") in lexicon().anonymous_words for word in name.casefold().split())


def _is_org(name: str) -> bool:
    lex = lexicon()
    folded = name.casefold()
    if folded in lex.agencies or folded in _outlet_names():
        return True
    return any(word.strip(".,") in lex.org_words for word in folded.split())


def _add_org(out: Byline, name: str) -> None:
    agency = lexicon().agencies.get(name.casefold())
    if agency and not out.agency:
        out.agency = agency
    elif not agency and not out.outlet:
        out.outlet = name


def _outlet_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in domain_table().values())
