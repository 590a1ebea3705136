"""Loads the layout language data (data/layout.yaml) once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class Lexicon:
    byline: re.Pattern[str]
    author_split: re.Pattern[str]
    org_split: re.Pattern[str]
    place_tail: re.Pattern[str]
    agencies: dict[str, str]  # casefolded -> as written
    org_words: frozenset[str]
    anonymous_words: frozenset[str]
    name_particles: frozenset[str]
    related: re.Pattern[str]
    url_label: re.Pattern[str]
    credit: re.Pattern[str]
    boilerplate: frozenset[str]
    date_label: re.Pattern[str]
    date_shape: re.Pattern[str]
    credit_label: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = resources.files("sitrep.ingest").joinpath("data/layout.yaml").read_text("utf-8")
    d = yaml.safe_load(raw)
    return Lexicon(
        byline=re.compile(rf"^(?:{_alternation(d['byline_prefixes'])})\s*:?\s+(?P<rest>.+)$", re.I | re.S),
        author_split=re.compile("|".join(re.escape(s) for s in d["author_separators"]), re.I),
        org_split=re.compile(rf"\s+(?:{_alternation(d['org_connectors'])})\s+|\s*[|/·—–]\s*", re.I),
        place_tail=re.compile(rf"\s+(?:{_alternation(d['place_connectors'])})\s+.*$", re.I | re.S),
        agencies={a.casefold(): a for a in d["agencies"]},
        org_words=frozenset(w.casefold() for w in d["org_words"]),
        anonymous_words=frozenset(w.casefold() for w in d["anonymous_words"]),
        name_particles=frozenset(w.casefold() for w in d["name_particles"]),
        related=re.compile(rf"^(?:{_alternation(d['related_labels'])})\s*:", re.I),
        url_label=re.compile(rf"^(?:{_alternation(d['url_labels'])})\s*:\s*(?P<url>\S*)\s*$", re.I),
        boilerplate=frozenset(b.casefold() for b in d["boilerplate_blocks"]),
        date_label=re.compile(rf"(?:^|\s)(?:{_alternation(d['date_labels'])})(?:\s+on)?\s*:?\s*", re.I),
        date_shape=re.compile(
            rf"\b(?:{_alternation(d['month_prefixes'])})[a-z]*\.?\s|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}",
            re.I,
        ),
        credit_label=re.compile(rf"^(?:{_alternation(d['credit_labels'])})\s*:", re.I),
        credit=re.compile(rf"(?<![\w-])(?:{_alternation(d['credit_words'])})(?![\w-])|©", re.I),
    )
