"""Status of one event mention from modality, negation, tense and dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.extract.events.lexicon import lexicon
from sitrep.extract.events.timeval import compare
from sitrep.extract.events.typetable import spec_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitrep.extract.events.mentions import EventMention

CLIMB = {"xcomp", "pcomp", "prep", "acl", "ccomp", "advcl", "conj", "aux"}


def _local(tok: Token) -> str | None:
    """Cues on one verb: modal auxiliaries, negation, a conditional subordinator."""
    st = lexicon().status
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
            return "negated"
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in st["conditional"]:
            return "hypothetical"
        if c.dep_ == "aux" and c.lower_ in st["modals"]:
            return str(st["modals"][c.lower_])
    return None


def _governed(tok: Token) -> str | None:
    """Walk up from the clause head until a cue word or a reporting verb."""
    lex = lexicon()
    cur = tok
    for _ in range(6):
        local = _local(cur)
        if local:
            return local
        if cur.dep_ not in CLIMB or cur.head == cur:
            return None
        dep, prev = cur.dep_, cur
        cur = cur.head
        cue = lex.governor_status.get(cur.lemma_.lower())
        if cue and dep != "conj":
            return cue
        if dep == "conj" and cur.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux") for c in prev.children):
            return _local(cur)  # "will close the plant and cut jobs": the auxiliary is shared
        if dep == "advcl" and _purpose(prev):
            return "planned"  # "making bombs to carry out attacks": what a clause is for
        if dep in ("ccomp", "advcl", "conj") and cur.pos_ in ("VERB", "AUX"):
            return None
    return None


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose ("to carry out attacks", "in order to strike"): a bare
    ``to`` infinitive with no subject of its own, hanging as an adverbial clause."""
    kids = list(verb.children)
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") and c.lower_ not in ("in", "order") for c in kids)


def _nominal(m: EventMention) -> str | None:
    st = lexicon().status
    noun = m.trigger
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "advmod", "det") or c.tag_ == "VBN":
            for status, cues in st["nominal"].items():
                if c.lower_ in cues:
                    return str(status)
    head = noun.head
    asker = head if noun.dep_ == "dobj" else None
    if noun.dep_ == "pobj" and head.lower_ == "for":
        asker = head.head
    if asker is not None and asker.pos_ == "VERB" and asker.lemma_.lower() in st.get("object_desired", []):
        return "desired"  # "demanded the resignation of the minister"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
        return "planned"
    if noun.dep_ == "pobj" and head.lower_ in [p for p in st["future_preps"] if " " not in p]:
        return "planned"
    return None


def mention_status(m: EventMention, dct: str | None) -> str | None:
    """The status this mention reports; None when it only describes the event
    ("the deal includes ..."), so that it takes the status of the others."""
    lex = lexicon()
    if m.direction == "contents":
        return None  # "it includes ...": describes the deal, takes its status
    if m.nominal:
        if m.trigger.dep_ == "nsubj" and m.trigger.head.lemma_.lower() in lex.status["descriptive"] \
                and m.head == m.trigger:
            return None
        status = _nominal(m)
        if m.head != m.trigger and status in (None, "hypothetical") and spec_of(m.type).light_verb_status \
                and m.head.lemma_.lower() in lex.spec(m.type).get("approval_verbs", []):
            status = _local(m.head) or lex.governor_status.get(m.head.lemma_.lower()) or status
        if status is None and m.head == m.trigger:
            return _dated(m, dct)  # a bare mention ("the attack") takes the others' status
        status = status or _governed(m.head)
    else:
        status = _governed(m.head)
    if status in (None, "asserted"):
        return _dated(m, dct) or "asserted"
    return status


def _dated(m: EventMention, dct: str | None) -> str | None:
    """planned for a date after the report, historical for an earlier year, else None."""
    date = next((m.args[k] for k in ("date", "start") if isinstance(m.args.get(k), str)), None)
    if not (date and dct):
        return None
    rel = compare(date, dct)
    return {"after": "planned", "before_year": "historical"}.get(rel or "")
