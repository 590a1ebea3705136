"""Speaker accuracy by kind of speaker (issue #14.3), so the weakest kind is visible.

Each gold quote is put in one kind, from the gold alone (its speaker, the gold
entities' types and name forms, and the article text):
- ``named``: a person named (full name, surname or a listed form) in the quote's
  sentence, outside the quotation marks;
- ``role/pronoun``: a person the sentence refers to without the name ("he said",
  "the spokesman said");
- ``earlier``: a person, and the sentence is the quotation only (no cue: a quotation
  running on from an earlier attribution);
- ``org``: an organization, a state or any other non-person speaker;
- ``agency``: an outlet's or agency's report ("the state news agency reported");
- ``null``: an unnamed source (gold speaker null); "right" means the system gave no
  speaker, counted over the quotes found (the reference scorer leaves these out).
A quote of the other kinds counts right when it was found and its speaker matches
(the rules of :meth:`GoldScorer.score_quotes`); totals are all gold quotes of the kind,
so speaker accuracy is the right counts summed over every kind but ``null``.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from sitrep.eval.textmatch import locate, norm


class GoldScorer(Protocol):
    """What :func:`by_kind` reads of ``sitrep.eval.gold.GoldScorer`` after it scored."""

    gold: dict[str, Any]
    rec: dict[str, Any]
    text: str
    quote_hits: list[tuple[dict[str, Any], int | None]]

    def same_entity(self, gold_name: str, sys_id: str | None) -> bool: ...

KINDS = ("named", "role/pronoun", "earlier", "org", "agency", "null")
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"”’']?\s+(?=[\"“‘A-Z0-9])|\n")
_AGENCY_WORDS = {"agency", "news", "press", "radio", "television", "tv", "broadcaster",
                 "media", "newspaper", "times", "post", "tribune", "herald", "journal"}
_REPORT_WORDS = re.compile(r"\b(?:report(?:ed|s)?|broadcast|carried|published)\b", re.IGNORECASE)


def by_kind(scorer: GoldScorer) -> dict[str, tuple[int, int]]:
    """kind -> (right, total) over the gold quotes :meth:`GoldScorer.score_quotes` matched."""
    gold_ents = {g["name"]: g for g in scorer.gold.get("entities") or []}
    sys_q = scorer.rec.get("quotes") or []
    out: dict[str, tuple[int, int]] = {}
    for gq, hit in scorer.quote_hits:
        kind = speaker_kind(scorer.text, gq, gold_ents)
        got = sys_q[hit].get("speaker") if hit is not None else None
        if kind == "null":
            if hit is None:
                continue
            ok = got is None
        else:
            names = gq["speaker"] if isinstance(gq["speaker"], list) else [gq["speaker"]]
            ok = hit is not None and any(scorer.same_entity(n, got) for n in names)
        right, total = out.get(kind, (0, 0))
        out[kind] = (right + ok, total + 1)
    return out


def speaker_kind(text: str, gq: dict[str, Any], gold_ents: dict[str, dict[str, Any]]) -> str:
    """The kind of ``gq``'s gold speaker (see the module docstring)."""
    speaker = gq.get("speaker")
    if speaker is None:
        return "null"
    name = speaker[0] if isinstance(speaker, list) else speaker
    ent = gold_ents.get(name) or {"name": name, "type": "PERSON"}
    spans = locate(text, gq["text"], gq.get("context"))
    frame = _frame(text, spans[0]) if spans else ""
    if str(ent.get("type", "")).upper() != "PERSON":
        words = set(re.findall(r"[a-z]+", norm(name)))
        return "agency" if words & _AGENCY_WORDS and _REPORT_WORDS.search(frame) else "org"
    if any(f and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", norm(frame)) for f in _forms(ent)):
        return "named"
    return "role/pronoun" if re.search(r"[A-Za-z]{2,}", frame) else "earlier"


def _frame(text: str, span: tuple[int, int]) -> str:
    """The quote's sentence without the quotation: the writer's words around it."""
    start, end = span
    lo = max([m.end() for m in _SENTENCE_END.finditer(text, 0, start)], default=0)
    if text[end - 1 : end] in {".", "!", "?"}:  # the quotation ends its sentence
        hi = end
    else:
        m = _SENTENCE_END.search(text, end)
        hi = m.start() + 1 if m else len(text)
    return (text[lo:start] + " " + text[end:hi]).strip(" \"“”‘’'")


def _forms(ent: dict[str, Any]) -> set[str]:
    """A person's name, surname and listed mentions (pronouns left out), normalized."""
    name = norm(ent["name"])
    forms = {name, name.split()[-1] if name.split() else ""}
    forms |= {norm(m) for m in ent.get("mentions", []) if len(str(m)) > 3}
    return {f for f in forms if f}


def format_kinds(kinds: dict[str, tuple[int, int]]) -> str:
    parts = [f"{k}={kinds[k][0] / kinds[k][1]:.2f} ({kinds[k][0]}/{kinds[k][1]})"
             for k in KINDS if kinds.get(k, (0, 0))[1]]
    return "speaker by kind: " + " ".join(parts)
