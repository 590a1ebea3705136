"""Run the event stage with entities and timexes taken from a gold file.

This measures the event stage alone (the "oracle" setting): the entity and time
stages are replaced by the gold annotation, located in the article text. The
end-to-end figure comes from ``sitrep extract`` + ``shared/eval/score.py``.

usage: python tests/dev/events/oracle.py ARTICLE.md GOLD.yaml > OUT.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from sitrep.model import Analysis, Article, Entity, Mention, Timex


def article_text(path: Path, gold: dict[str, Any]) -> str:
    """Body of an archive-markdown article: escapes undone, links unwrapped, and the
    title, byline, dateline, non-body lines (gold ``not_body``) and url footer dropped."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\\([$*_\[\]()#>-])", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    meta = gold.get("article") or {}
    drop = [s for s in meta.get("not_body") or []]
    keep = []
    for line in text.split("\n"):
        s = line.strip()
        if s and (s == (meta.get("title") or "").strip() or s.startswith("By ") or any(d in s for d in drop)
                  or re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", s)):
            continue
        if s.startswith("Original url") or s.startswith("<http"):
            continue
        keep.append(line)
    return "\n".join(keep).strip() + "\n"


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    pat = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def gold_entities(text: str, gold: dict[str, Any]) -> list[Entity]:
    taken: dict[tuple[int, int], str] = {}
    ents = []
    forms = []
    for n, ge in enumerate(gold.get("entities") or [], 1):
        attrs = {k: ge[k] for k in ("role", "country", "category") if k in ge}
        ent = Entity(id=f"e{n}", name=ge["name"], type=ge["type"], attributes=attrs)
        ents.append(ent)
        forms.extend((f, ent) for f in set(ge.get("mentions") or []) | {ge["name"]})
    # longest forms first; a form that is an entity's own name goes to that entity
    forms.sort(key=lambda fe: (-len(fe[0]), fe[0] != fe[1].name))
    for form, ent in forms:
        for s, e in _spans(text, form):
            if any(a < e and s < b for (a, b) in taken):
                continue
            taken[(s, e)] = ent.id
            ent.mentions.append(Mention(s, e, text[s:e]))
    return ents


def gold_timexes(text: str, gold: dict[str, Any]) -> list[Timex]:
    out = []
    for gt in gold.get("timexes") or []:
        ctx = gt.get("context")
        if ctx:
            i = text.find(ctx)
            j = text.find(gt["text"], i) if i >= 0 else -1
        else:
            j = text.find(gt["text"])
        if j < 0:
            continue
        out.append(Timex(start=j, end=j + len(gt["text"]), text=gt["text"], type=gt.get("type", "DATE"),
                         value=(gt.get("values") or [None])[0], mod=gt.get("mod")))
    return out


def run(article: Path, gold_path: Path) -> Analysis:
    from sitrep.extract.events import find_events
    from sitrep.pipeline import StageContext, get_pipeline

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    text = article_text(article, gold)
    meta = gold.get("article") or {}
    art = Article(text=text, source=str(article), published=meta.get("published"))
    pipe = get_pipeline()
    ctx = StageContext(article=art, doc=pipe.nlp(text), settings=pipe.settings)
    ctx.entities = gold_entities(text, gold)
    ctx.timexes = gold_timexes(text, gold)
    ctx.events = find_events(ctx)
    return Analysis(article=art, entities=ctx.entities, timexes=ctx.timexes, events=ctx.events)


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), Path(sys.argv[2])).to_dict(), indent=1))
