"""Clusters: the entities of one article while the stage builds them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class MentionSpan:
    start: int  # character offsets into the article text
    end: int
    text: str
    head: int = -1  # token index of the mention's head (for salience), -1 if unknown
    kind: str = "name"  # name, title, pronoun, description, metonym, adjective


@dataclass(slots=True)
class Cluster:
    key: str
    name: str
    type: str
    kb_id: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    mentions: list[MentionSpan] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # name forms met (persons: without titles)

    def add(self, m: MentionSpan) -> None:
        if all((x.start, x.end) != (m.start, m.end) for x in self.mentions):
            self.mentions.append(m)

    def first(self) -> int:
        return min((m.start for m in self.mentions), default=0)
