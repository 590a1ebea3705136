"""Casualty counts of an attack (``killed``, ``injured``) read from the predicate that
governs the counted phrase (``roles.yaml``, key ``counts``), not from the noun counted:
"killed 11 coal miners", "five others were injured", "leaving at least five people
dead", "the deaths of 16 militants", "killing at least 5"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.extract.events.lexicon import lexicon
from sitrep.extract.events.literals import Amount, parse_count

if TYPE_CHECKING:
    from spacy.tokens import Token

RESULT_DEPS = ("oprd", "ccomp", "xcomp", "acomp", "advcl", "conj")
RESULT_VERBS = ("leave", "result", "cause")  # "..., leaving five dead", "resulted in the deaths of"


def _kind(tok: Token) -> tuple[str, str] | None:
    """(role, word class) of a casualty predicate token."""
    counts = lexicon().roles.get("counts", {})
    lemma, low = tok.lemma_.lower(), tok.lower_
    for role, spec in counts.items():
        if tok.pos_ == "VERB" and lemma in spec.get("verbs", []):
            return role, "verb"
        if tok.pos_ == "ADJ" and (low in spec.get("adjectives", []) or lemma in spec.get("adjectives", [])):
            return role, "adj"
        if tok.pos_ == "NOUN" and lemma in spec.get("nouns", []):
            return role, "noun"
    return None


def _counted(pred: Token, cls: str) -> list[Token]:
    """The noun phrases whose number is the casualty count of ``pred``."""
    kids = list(pred.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    if cls == "verb":
        deps = ("nsubjpass",) if passive else ("nsubj",) if pred.lemma_.lower() == "die" else ("dobj",)
        return [c for c in kids if c.dep_ in deps]
    if cls == "adj":
        if pred.dep_ == "amod":
            return [pred.head]
        if pred.dep_ in RESULT_DEPS:  # "leaving five people dead", "five were dead"
            return [c for c in [*kids, *pred.head.children]
                    if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c != pred]
        return []
    of = [p for c in kids if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return of or [pred]  # "the deaths of 16 militants", "five deaths"


def _count(np: Token, ids: set[int]) -> Amount | None:
    doc = np.doc
    if np.pos_ == "NUM" or np.like_num:  # "killed 18 of those on board", "killing at least 5"
        first = min([np.i] + [t.left_edge.i for t in np.lefts if t.i in ids])
        return parse_count(doc[first: np.i + 1].text, doc[first].idx)
    left = [t for t in np.lefts if t.i in ids and t.dep_ not in ("det", "poss")]
    nums = [t for t in left if t.dep_ in ("nummod", "quantmod") or t.like_num]
    if not nums:
        return None
    first = min(t.left_edge.i for t in nums)
    return parse_count(doc[first: np.i].text, doc[first].idx)


def _adjacent(a: Token, b: Token) -> bool:
    """Whether clause ``b`` follows clause ``a`` with only punctuation or a conjunction between."""
    between = a.doc[a.right_edge.i + 1: b.left_edge.i]
    return all(t.is_punct or t.pos_ == "CCONJ" for t in between)


def _with_results(toks: list[Token]) -> list[Token]:
    """The clause's tokens and the clauses hung on it that report its toll ("..., killing
    12 and injuring 30", "..., leaving five people dead")."""
    ids = {t.i for t in toks}
    out = list(toks)
    frontier = [t for t in toks if t.head.i not in ids or t.head == t]
    for top in list(frontier):  # "five were killed, and five others were injured" parsed flat
        nxt = [c for c in top.head.children if c.i > top.i and _kind(c) is not None and c != top]
        if nxt and top.head != top and _adjacent(top, nxt[0]):
            sub = [t for t in nxt[0].subtree if t.i not in ids]
            ids.update(t.i for t in sub)
            out.extend(sub)
    while frontier:
        tok = frontier.pop()
        for c in tok.children:
            if c.i in ids or c.pos_ not in ("VERB", "ADJ", "AUX"):
                continue
            if _kind(c) is not None or c.lemma_.lower() in RESULT_VERBS:
                sub = [t for t in c.subtree if t.i not in ids]
                ids.update(t.i for t in sub)
                out.extend(sub)
                frontier.append(c)
        frontier.extend(c for c in tok.children if c.i in ids and c not in frontier and c != tok
                        and c.pos_ in ("VERB", "AUX"))
    return sorted(out, key=lambda t: t.i)


def casualty_counts(toks: list[Token]) -> tuple[dict[str, Any], set[int]]:
    """``killed``/``injured`` counts in the clause ``toks`` (and the clauses reporting
    its toll) and the ids of the nouns counted."""
    toks = _with_results(toks)
    ids = {t.i for t in toks}
    out: dict[str, Any] = {}
    used: set[int] = set()
    for tok in toks:
        kind = _kind(tok)
        if kind is None:
            continue
        role, cls = kind
        for np in _counted(tok, cls):
            for item in [np, *np.conjuncts]:
                count = _count(item, ids) if item.i in ids else None
                if count is None or count.amount is None:
                    continue
                used.add(item.i)
                if role not in out:
                    out[role] = count.as_count()
                break
    return out, used
