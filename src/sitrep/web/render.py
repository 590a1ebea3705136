"""The article text with its facts highlighted, built from escaped pieces only.

Every character of the article goes through :func:`markupsafe.escape`; the only
markup added is ours (spans with fixed class names and ids we derive from record ids).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup, escape

from sitrep.model import Analysis


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str  # entity, timex, quote, event
    anchor: str  # element id of the span's first piece (the link target)
    start: int
    end: int


def facts_of(analysis: Analysis) -> list[Fact]:
    out: list[Fact] = []
    for e in analysis.entities:
        for i, m in enumerate(e.mentions):
            if m.field == "body" and m.start is not None and m.end is not None:
                out.append(Fact("entity", f"ent-{e.id}-{i}", m.start, m.end))
    for i, t in enumerate(analysis.timexes):
        out.append(Fact("timex", f"tmx-{i}", t.start, t.end))
    for q in analysis.quotes:
        out.append(Fact("quote", f"quo-{q.start}", q.start, q.end))
    for v in analysis.events:
        for i, ev in enumerate(v.evidence):
            out.append(Fact("event", f"evt-{v.id}-{i}", ev.start, ev.end))
    n = len(analysis.article.text)
    return [f for f in out if 0 <= f.start < f.end <= n]


def highlight(analysis: Analysis) -> Markup:
    """The body as HTML: pieces between span boundaries, each carrying the classes of
    the facts covering it; the first piece of each fact carries the fact's id."""
    text = analysis.article.text
    facts = facts_of(analysis)
    cuts = sorted({0, len(text), *(f.start for f in facts), *(f.end for f in facts)})
    starts: dict[int, list[Fact]] = {}
    for f in facts:
        starts.setdefault(f.start, []).append(f)
    parts: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b])
        covering = sorted({f.kind for f in facts if f.start <= a and b <= f.end})
        anchors = "".join(f'<span id="{escape(f.anchor)}" class="anchor"></span>' for f in starts.get(a, []))
        if covering:
            classes = " ".join(f"hl-{k}" for k in covering)
            parts.append(f'{anchors}<span class="{classes}">{piece}</span>')
        else:
            parts.append(f"{anchors}{piece}")
    return Markup("".join(parts))
