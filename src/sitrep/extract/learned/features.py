"""What the learned event check sees of one rule-based event: string features, each
worth 1, from the event record, its trigger token and the trigger's sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.extract.events.calibrated import features as record_features

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sitrep.model import Entity, Event, Quote

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj", "attr", "compound", "amod", "prep"})


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """The first token of the event's trigger span (None when the event has no trigger)."""
    t = event.trigger
    if t is None or t.start is None or t.end is None:
        return None
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def sentence_words(sent: Span) -> set[str]:
    return {t.lemma_.lower() for t in sent if t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop}


def event_features(doc: Doc, event: Event, entities: dict[str, Entity],
                   quotes: list[Quote]) -> list[str]:
    """The event's features (strings; the model's weights are keyed by them)."""
    etype = event.type
    feats = [f"type={etype}", "bias"]
    rec = record_features(etype, _filled(event.args), len(event.evidence))
    feats += [f"{k}:{v:g}" for k, v in rec.items() if not k.startswith("type=")]
    feats += [f"{etype}|{k}:{v:g}" for k, v in rec.items() if k in ("n_args", "entity_args", "mentions")]
    feats.append(f"status={event.status}")
    feats.append(f"{etype}|status={event.status}")
    for role, value in event.args.items():
        for kind in _kinds(value, entities):
            feats.append(f"{etype}|{role}={kind}")
    tok = trigger_token(doc, event)
    if tok is None:
        return feats
    lemma = tok.lemma_.lower()
    feats += [f"lemma={lemma}", f"{etype}|lemma={lemma}", f"pos={tok.pos_}", f"{etype}|pos={tok.pos_}",
              f"dep={tok.dep_}", f"{etype}|dep={tok.dep_}", f"head={tok.head.lemma_.lower()}",
              f"tag={tok.tag_}"]
    for c in tok.children:
        if c.dep_ in CORE_DEPS:
            feats.append(f"child={c.dep_}:{c.ent_type_ or c.pos_}")
            feats.append(f"{etype}|child={c.dep_}:{c.ent_type_ or c.pos_}")
    if any(c.dep_ == "neg" for c in tok.children):
        feats.append("negated")
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "may", "might", "should", "will")
           for c in tok.children):
        feats.append(f"{etype}|modal")
    if any(q.start <= tok.idx < q.end for q in quotes):
        feats.append("in_quote")
        feats.append(f"{etype}|in_quote")
    sent = tok.sent
    feats.append(f"sent_position={min(sent.start * 10 // max(len(doc), 1), 9)}")
    feats += [f"w={w}" for w in sorted(sentence_words(sent))]
    feats += [f"{etype}|ent={label}" for label in sorted({e.label_ for e in sent.ents})]
    return feats


def _filled(args: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in args.items() if v not in (None, [], "")}


def _kinds(value: Any, entities: dict[str, Entity]) -> list[str]:
    """The entity types an argument names (or "literal" for a date, amount or item)."""
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        ent = entities.get(v) if isinstance(v, str) else None
        out.append(ent.type if ent is not None else "literal")
    return sorted(set(out))
