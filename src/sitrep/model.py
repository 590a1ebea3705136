"""Typed records passed between the stages, the store and the front ends.

These are plain dataclasses: spaCy objects never leave the pipeline. Every
record turns into the extract format (``../shared/spec/extract-format.md``)
with :func:`to_dict` and back with the ``from_dict`` class methods.
Offsets are character offsets into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

PIPELINE_VERSION = "0.1.0"

ENTITY_TYPES = (
    "PERSON", "COUNTRY", "CITY", "REGION", "ORG", "BLOC", "WEAPON_SYSTEM",
    "MILITARY_UNIT", "FACILITY", "EVENT_NAME", "OTHER",
)
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIMEX_MODS = (
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "MORE_THAN", "LESS_THAN",
    "APPROX", "START", "MID", "END", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
)
QUOTE_KINDS = ("direct", "partial", "indirect")
EVENT_TYPES = (
    "arms_transfer", "military_exercise", "deployment", "attack", "territory_change",
    "meeting", "visit", "agreement", "statement", "accusation", "demand", "investigation",
    "emergency_declaration", "election", "sanction", "protest", "repression", "arrest",
    "appointment", "other",
)
EVENT_STATUSES = (
    "asserted", "planned", "agreed", "desired", "expected", "negated", "hypothetical",
    "historical",
)


def normalize_body(text: str) -> str:
    """The form of a body that identifies an article: NFKC, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def article_id(text: str) -> str:
    """sha256 (hex) of the normalized body: one text met twice has one id."""
    return hashlib.sha256(normalize_body(text).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Span:
    start: int | None
    end: int | None
    text: str = ""


class AnalysisState(StrEnum):
    ANALYSED = "analysed"
    SKIPPED = "skipped"  # stored without analysis on purpose (another language, empty)
    FAILED = "failed"  # a stage raised or ran out of time; `sitrep reanalyze` retries it


@dataclass(frozen=True, slots=True)
class AnalysisStatus:
    """Whether an article was analysed, and why not. Stored (and in the extract format)
    as ``Article.analysis``: null when analysed, else ``"<state>: <reason>"``."""

    state: AnalysisState
    reason: str = ""

    @classmethod
    def skipped(cls, reason: str) -> AnalysisStatus:
        return cls(AnalysisState.SKIPPED, reason)

    @classmethod
    def failed(cls, reason: str) -> AnalysisStatus:
        return cls(AnalysisState.FAILED, reason)

    @classmethod
    def parse(cls, text: str | None) -> AnalysisStatus:
        if not text:
            return cls(AnalysisState.ANALYSED)
        head, _, reason = text.partition(": ")
        try:
            return cls(AnalysisState(head), reason)
        except ValueError:  # a reason written without a state: not analysed
            return cls(AnalysisState.SKIPPED, text)

    def text(self) -> str | None:
        return None if self.state is AnalysisState.ANALYSED else f"{self.state}: {self.reason}"


@dataclass(slots=True)
class Source:
    """One place an article's text was met (a path, path:LINE or url)."""

    location: str
    outlet: str | None = None
    url: str | None = None
    first_seen: str | None = None  # ISO 8601 date-time


@dataclass(slots=True)
class Article:
    text: str
    source: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    url: str | None = None
    language: str | None = None
    analysis: str | None = None  # null when analysed, else why not ("skipped: language ru")
    sources: list[Source] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)
        if not self.sources and self.source:
            self.sources = [Source(location=self.source, outlet=self.outlet, url=self.url)]

    @property
    def status(self) -> AnalysisStatus:
        return AnalysisStatus.parse(self.analysis)

    @status.setter
    def status(self, status: AnalysisStatus) -> None:
        self.analysis = status.text()

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        d = dict(d)
        d["sources"] = [Source(**s) for s in d.get("sources") or []]
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class Mention:
    start: int | None
    end: int | None
    text: str
    field: str = "body"  # body, title, byline, url


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    kb_id: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"], name=d["name"], type=d["type"], kb_id=d.get("kb_id"),
            attributes=dict(d.get("attributes") or {}),
            mentions=[Mention(**m) for m in d.get("mentions") or []],
        )


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str | None = None
    mod: str | None = None
    anchor: str | None = None  # the value it was resolved against (DCT or an earlier date)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Timex:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct, partial, indirect
    speaker: str | None = None  # entity id
    cue: str | None = None
    cue_span: Span | None = None
    speaker_mention: Span | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            start=d["start"], end=d["end"], text=d["text"], kind=d["kind"],
            speaker=d.get("speaker"), cue=d.get("cue"),
            cue_span=Span(**d["cue_span"]) if d.get("cue_span") else None,
            speaker_mention=Span(**d["speaker_mention"]) if d.get("speaker_mention") else None,
        )


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str
    status: str | None = None  # the status of this mention of the event


@dataclass(slots=True)
class Event:
    id: str
    type: str
    status: str
    args: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    label: str | None = None  # free label when type is "other"
    trigger: Span | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"], type=d["type"], status=d["status"], args=dict(d.get("args") or {}),
            evidence=[Evidence(**e) for e in d.get("evidence") or []],
            confidence=d.get("confidence", 0.5), label=d.get("label"),
            trigger=Span(**d["trigger"]) if d.get("trigger") else None,
        )


_ANALYSIS_KEYS = frozenset({"article", "entities", "timexes", "quotes", "events", "pipeline_version"})


@dataclass(slots=True)
class Analysis:
    """One article and everything the stages found in it: the extract-format record."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pipeline_version: str = PIPELINE_VERSION
    # records of kinds a stage beyond the extract format's four assigns, by kind
    extra: dict[str, list[Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The extract-format record; extra kinds of record follow as top-level keys."""
        d = to_dict(self)
        d.update(d.pop("extra"))
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        return cls(
            article=Article.from_dict(d["article"]),
            entities=[Entity.from_dict(e) for e in d.get("entities") or []],
            timexes=[Timex.from_dict(t) for t in d.get("timexes") or []],
            quotes=[Quote.from_dict(q) for q in d.get("quotes") or []],
            events=[Event.from_dict(v) for v in d.get("events") or []],
            pipeline_version=d.get("pipeline_version", PIPELINE_VERSION),
            extra={k: v for k, v in d.items() if k not in _ANALYSIS_KEYS},
        )

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready data (dataclasses.asdict, which handles slots)."""
    return dataclasses.asdict(record)


def entity_refs(value: Any) -> Iterator[str]:
    """The entity ids an event argument may name: its strings, those of its lists, a
    mapping's ``entity`` (a located mention), else what its nested values name (items).
    Literal strings come out too: callers keep the ids their article knows."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from entity_refs(v)
    elif isinstance(value, dict):
        if isinstance(value.get("entity"), str):
            yield value["entity"]
        else:
            for v in value.values():
                if isinstance(v, dict | list):
                    yield from entity_refs(v)


def describe_arg(value: Any, names: dict[str, str]) -> str:
    """An event argument for people: entity ids as names, literals compact."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return ", ".join(describe_arg(v, names) for v in value)
    if isinstance(value, dict) and set(value) == {"entity", "span"}:
        return describe_arg(value["entity"], names)
    if isinstance(value, dict) and value.get("name"):
        qty = value.get("quantity") if value.get("quantity") is not None else value.get("quantity_text")
        cat = f" ({value['category']})" if value.get("category") else ""
        return " ".join(str(x) for x in (qty, value["name"]) if x is not None) + cat
    if isinstance(value, dict) and "amount" in value:
        amount = value["amount"]
        shown = f"{amount:,}" if isinstance(amount, int | float) and not isinstance(amount, bool) else amount
        return " ".join(str(p) for p in (value.get("mod"), shown, value.get("currency")) if p is not None)
    return json.dumps(value, ensure_ascii=False)
