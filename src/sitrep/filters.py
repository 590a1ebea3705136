"""Query objects, one per kind (events, entities, quotes, articles), checked once for
every front end (CLI, REST API, pages): a front end builds one from what it was given
(:class:`EventFilter`, :class:`EntityQuery`, :class:`QuoteQuery`, :class:`ArticleQuery`,
and a :class:`Page`) and hands it to the query functions of :mod:`sitrep.kb.queries`,
which apply it. Building one checks every value.

A filter value that cannot mean anything (``--since not-a-date``, ``?type=nonsense``,
``?status=maybe``, ``?size=-5``, a NUL, a 60,000-character actor) is a
:class:`FilterError` naming the parameter and the value, never an empty answer: the
CLI exits 2 with the message, the API answers 422 with it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sitrep.errors import SitrepError
from sitrep.model import ENTITY_TYPES, EVENT_STATUSES, EVENT_TYPES, QUOTE_KINDS

# ISO date or prefix: 2021, 2021-09, 2021-09-13
DATE_PREFIX = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
# a name or search text longer than any real one is a mistake or an attack
MAX_TEXT = 200
# pages: a page size as the API caps it; page numbers far past any store's end are errors
MAX_SIZE = 500
MAX_PAGE = 1_000_000
# a search longer than this is no analyst's question (and its cost grows with its words)
MAX_QUERY = 500


class FilterError(SitrepError, ValueError):
    """A filter value that cannot be used; ``name`` is the parameter."""

    def __init__(self, name: str, value: object, reason: str) -> None:
        self.name, self.value, self.reason = name, value, reason
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        super().__init__(f"invalid {name} {shown}: {reason}")


def check_text(name: str, value: str | None) -> str | None:
    """A free-text filter: None when empty; at most MAX_TEXT characters, no control characters."""
    if value is None or value == "":
        return None
    if len(value) > MAX_TEXT:
        raise FilterError(name, value, f"longer than {MAX_TEXT} characters")
    if any(ord(c) < 32 for c in value):
        raise FilterError(name, value, "contains a control character")
    return value


def check_search(q: str) -> str:
    if len(q) > MAX_QUERY:
        raise FilterError("q", q, f"a search is at most {MAX_QUERY} characters")
    if "\x00" in q:
        raise FilterError("q", q, "contains a NUL")
    return q


def check_choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    """A value of a vocabulary, in any case and with spaces for underscores ("Arms
    Transfer" is arms_transfer); the vocabulary's own spelling is returned."""
    if value is None or value == "":
        return None
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    found = next((c for c in choices if c.lower() == key), None)
    if found is None:
        raise FilterError(name, value, f"not one of {', '.join(choices)}")
    return found


def check_date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not DATE_PREFIX.fullmatch(value):
        raise FilterError(name, value, "not an ISO date or prefix (2021, 2021-09, 2021-09-13)")
    return value


def check_page(page: int, size: int) -> tuple[int, int]:
    """(limit, offset) of a page; page from 1, size from 1 to MAX_SIZE."""
    if not 1 <= size <= MAX_SIZE:
        raise FilterError("size", size, f"not between 1 and {MAX_SIZE}")
    if not 1 <= page <= MAX_PAGE:
        raise FilterError("page", page, f"not between 1 and {MAX_PAGE}")
    return size, (page - 1) * size


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Events by type, actor, place, status and time range; empty strings mean no filter."""

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        checked = {
            "type": check_choice("type", self.type, EVENT_TYPES),
            "actor": check_text("actor", self.actor),
            "place": check_text("place", self.place),
            "status": check_choice("status", self.status, EVENT_STATUSES),
            "since": check_date("since", self.since),
            "until": check_date("until", self.until),
        }
        since, until = checked["since"], checked["until"]
        if since and until and until < since[: len(until)]:
            raise FilterError("until", self.until, f"before since {self.since!r}")
        for k, v in checked.items():
            object.__setattr__(self, k, v)

    def kwargs(self) -> dict[str, Any]:
        return asdict(self)


def entity_type(value: str | None) -> str | None:
    return check_choice("type", value, ENTITY_TYPES)


# the query object of events (EventFilter is its older name, kept for callers)
EventQuery = EventFilter


@dataclass(frozen=True, slots=True)
class EntityQuery:
    """KB entities by part of the name (``q``) and type."""

    q: str | None = None
    type: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "q", check_text("q", self.q))
        object.__setattr__(self, "type", entity_type(self.type))


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Quotes by speaker (a name, mention, alias or KB id) and kind."""

    speaker: str | None = None
    kind: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "speaker", check_text("speaker", self.speaker))
        object.__setattr__(self, "kind", check_choice("kind", self.kind, QUOTE_KINDS))


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Articles: all of them in ingest order, or those a full-text search ``q`` finds."""

    q: str | None = None

    def __post_init__(self) -> None:
        q = check_search(self.q) if self.q is not None else None
        object.__setattr__(self, "q", q if q and q.strip() else None)


# the most rows one call returns (a CSV download, a timeline): past it, pages
MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class Page:
    """Which rows of a result: ``limit`` rows after the first ``offset``."""

    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_ROWS:
            raise FilterError("limit", self.limit, f"not between 1 and {MAX_ROWS}")
        if self.offset < 0:
            raise FilterError("offset", self.offset, "negative")

    @classmethod
    def number(cls, page: int, size: int) -> Page:
        """Page ``page`` (from 1) of ``size`` rows (1 to MAX_SIZE), as the API and pages ask."""
        limit, offset = check_page(page, size)
        return cls(limit, offset)
