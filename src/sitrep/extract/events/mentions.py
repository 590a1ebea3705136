"""Finding event triggers in a parsed article: verbs, nouns and multi-word nouns
from the per-type lexicons, each checked against its licensing context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.extract.events.labelled import appointee_ok, clause_demand, has_post, other_noun, other_verb
from sitrep.extract.events.lexicon import Lexicon, lexicon
from sitrep.extract.events.resolve import PLACE_TYPES, Resolver
from sitrep.extract.events.slots import existential_goods, is_relative
from sitrep.extract.events.typetable import EventTypeSpec, spec_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Spec = dict[str, Any]  # a type's trigger lexicon (triggers.yaml)
DEFINITE = {"the", "this", "that", "these", "those", "such", "its", "his", "her", "their", "our"}


@dataclass(slots=True)
class EventMention:
    """One mention of an event in one clause, before mentions merge into events."""

    type: str
    trigger: Token
    head: Token                   # the verb carrying tense and arguments (light verb for nouns)
    nominal: bool
    direction: str | None = None  # arms transfers: whose action the verb is ("recipient"/"supplier")
    anaphoric: bool = False       # a definite noun that can refer back ("the exercises")
    args: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    evidence: tuple[int, int] = (0, 0)
    confidence: float = 0.5
    label: str | None = None
    name: str | None = None       # a named event ("Exercise Cold Response")
    distinct: bool = False        # marked as another instance ("previous deployments")
    suppressed: bool = False
    words: tuple[int, int] | None = None  # token range of a multi-word trigger ("letter of offer")

    @property
    def sent_start(self) -> int:
        return self.trigger.sent.start


PUBLIC_SPEAKERS = frozenset({"PERSON", "COUNTRY", "BLOC"})


def _dated(tok: Token) -> bool:
    """A date inside the noun phrase before its head ("the February 2020 pact")."""
    return any(t.ent_type_ == "DATE" and t.i < tok.i for c in tok.lefts for t in c.subtree)


def _has_infinitive(tok: Token) -> bool:
    """ "called on all sides to resume the talks": a to-infinitive of what is asked."""
    return any(t.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
               for t in tok.subtree if t is not tok)


def _clause_subjects(tok: Token, depth: int = 3) -> list[Token]:
    """The active subject of a verb, or of the clause a conjoined verb or a participle
    hangs from ("X blamed Y and called on Z", "X missed it, announcing that")."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if subj or depth == 0 or tok.dep_ not in ("advcl", "xcomp", "conj") or tok.head is tok:
        return subj
    return _clause_subjects(tok.head, depth - 1)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _subtree_lemmas(tok: Token) -> set[str]:
    return {_lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}


def _has_weapon_entity(tok: Token, resolver: Resolver) -> bool:
    for t in tok.subtree:
        ent = resolver.index.entity_at(t.idx, t.idx + len(t.text))
        if ent is not None and ent.type == "WEAPON_SYSTEM":
            return True
    return False


def _objects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "nsubjpass")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _context_ok(tok: Token, cue: str, lex: Lexicon, resolver: Resolver, scope: list[Token]) -> bool:
    cues = lex.cues(cue)
    dual = False
    for t in scope:
        found = _subtree_lemmas(t) & cues
        if cue == "weapons" and _has_weapon_entity(t, resolver):
            return True
        if found and (cue != "weapons" or found - lex.cues("dual_use")):
            return True
        dual = dual or bool(found)
    # planes or helicopters alone: a military word in the sentence makes them weapons
    return dual and bool({_lemma(t) for t in tok.sent} & lex.cues("military"))


def light_verb(noun: Token, lex: Lexicon, etype: str | None = None) -> Token | None:
    """The verb a trigger noun is the object or subject of, when it adds no meaning (the
    shared list, and ``etype``'s own: "won a contract" for an arms transfer)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "be in talks", "take part in the exercises"
    elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return None
    own = lex.spec(etype).get("light_verbs", []) if etype else []
    if head.pos_ in ("VERB", "AUX") and (_lemma(head) in lex.cues("light_verbs") or _lemma(head) in own):
        return head
    return None


def transfer_side(noun: Token, lv: Token | None, lex: Lexicon, spec: dict[str, Any]) -> str:
    """Which side of a two-sided event (an arms transfer) the subject of the noun's light
    verb is on (its lexicon ``spec``, ``light_verb_sides``): "took delivery" recipient, "won
    a contract" supplier; else the noun's own side ("purchase" recipient, "sale" supplier)."""
    lemma = _lemma(noun)
    if lv is not None:
        for group in spec.get("light_verb_sides", {}).values():
            if lemma not in group.get("nouns", []):
                continue
            for side in ("recipient", "supplier"):
                if _lemma(lv) in group.get(side, []):
                    return side
            if _lemma(lv) in group.get("signers", []) and any(
                    c.dep_ == "acl" and _lemma(c) in spec.get("goods_verbs", []) for c in noun.children):
                return "supplier"
    return "recipient" if lemma in lex.cues("recipient_nouns") else "supplier"


def _licensed(verb: Token, spec: dict[str, Any]) -> bool:
    """A licence among the verb's prepositional phrases ("under licence", "under a licence from X")."""
    words = set(spec.get("licence_words", []))
    return any(_lemma(t) in words for c in verb.children if c.dep_ == "prep" for t in c.subtree)


def verb_side(verb: Token, spec: dict[str, Any]) -> str:
    """The subject's side of a transfer verb; a two-way verb ("lease") by its "from"/"to"."""
    lemma = _lemma(verb)
    if lemma in spec.get("goods_subject_verbs", []):
        return "goods"
    if lemma in spec.get("licensed_verbs", []):
        return "licensee"
    if lemma in spec.get("two_way_verbs", []):
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
        if "from" in preps and "to" not in preps and not any(c.dep_ == "dative" for c in verb.children):
            return "recipient"
    return "recipient" if lemma in spec.get("recipient_verbs", []) else "supplier"


class TriggerFinder:
    def __init__(self, doc: Doc, resolver: Resolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self.lex = lexicon()
        self.used: set[int] = set()
        self.seen_types: set[str] = set()
        self.sent_types: dict[int, set[str]] = {}  # sentence start -> types found in it

    def find(self) -> list[EventMention]:
        out: list[EventMention] = []
        for sent in self.doc.sents:
            out.extend(self._phrases(sent))
            for tok in sent:
                if tok.i in self.used:
                    continue
                found = self._verb(tok) if tok.pos_ in ("VERB", "AUX") else (
                    self._noun(tok) if tok.pos_ in ("NOUN", "PROPN") else None)
                if found is not None:
                    out.append(found)
                    self.seen_types.add(found.type)
                    self.sent_types.setdefault(sent.start, set()).add(found.type)
        return sorted(out, key=lambda m: m.trigger.i)

    # -- multi-word nouns
    def _phrases(self, sent: Span) -> list[EventMention]:
        out = []
        lemmas = [_lemma(t) for t in sent]
        for i in range(len(lemmas)):
            for words, etype in self.lex.phrases:
                if tuple(lemmas[i: i + len(words)]) == words:
                    toks = list(sent[i: i + len(words)])
                    if any(t.i in self.used for t in toks):
                        continue
                    head = min(toks, key=lambda t: len(list(t.ancestors)))
                    self.used.update(t.i for t in toks)
                    found = self._nominal(head, etype)
                    found.words = (toks[0].i, toks[-1].i + 1)
                    out.append(found)
                    break
        return out

    # -- verbs
    def _verb(self, tok: Token) -> EventMention | None:
        lemma = _lemma(tok)
        contents = self._contents(tok)
        if contents is not None:
            return contents
        for etype in self.lex.verb_types.get(lemma, []):
            spec = self.lex.spec(etype)
            if spec_of(etype).labelled:
                label = other_verb(tok, self.lex, self.resolver)
                if label is None:
                    continue
                return EventMention(type=etype, trigger=tok, head=tok, nominal=False, label=label)
            if self._verb_ok(tok, etype, spec):
                direction = verb_side(tok, spec) if spec_of(etype).sides else None
                again = any(c.lower_ == "again" for c in tok.children)  # another instance
                return EventMention(type=etype, trigger=tok, head=tok, nominal=False, direction=direction,
                                    distinct=again)
        return None

    def _verb_ok(self, tok: Token, etype: str, spec: dict[str, Any]) -> bool:
        lemma = _lemma(tok)
        rules = spec_of(etype)
        objs = _objects(tok)
        obj_lemmas = {_lemma(o) for o in objs}
        if obj_lemmas & set(spec.get("object_not", [])) or self._market_rally(tok, spec):
            return False
        if any(c.dep_ == "prep" and c.lower_ in spec.get("prep_not", []) for c in tok.children):
            return False
        if lemma in spec.get("needs_post", []) and not has_post(tok):
            return False
        if lemma in spec.get("appointee_verbs", []) and not appointee_ok(tok):
            return False
        if lemma in spec.get("phrasal", {}):
            particle = spec["phrasal"][lemma]
            return any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in tok.children)
        if lemma in spec.get("intransitive_only", []) and any(c.dep_ == "dobj" for c in tok.children):
            subj = [t for c in tok.children if c.dep_ == "nsubj" for t in c.subtree]
            return any(_lemma(t) in self.lex.cues("crowds") for t in subj)  # "thousands rallied outside ..."

        if rules.no_gerund_pcomp and tok.tag_ == "VBG" and tok.dep_ == "pcomp":
            return False
        if rules.gerund_needs_place and tok.tag_ == "VBG" and not any(self._is_place(o) for o in objs):
            return False  # "an executive overseeing engineering": a job, not a visit
        has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)
        if lemma in spec.get("needs_object", []) and not has_object:
            return False
        if lemma in spec.get("needs_subject", []) and not _clause_subjects(tok):
            return False
        if lemma in spec.get("needs_agent", []) and not self._agent_or_intent(tok):
            return False
        if lemma in spec.get("needs_partner", []) and not self._partner(tok):
            return False
        if lemma in spec.get("public_speaker", []) and not self._public_speaker(tok):
            return False
        if lemma in spec.get("needs_clause", []) and not clause_demand(tok):
            return False
        if lemma in spec.get("needs_claim_object", []):
            claims = self.lex.cues("claim_nouns")
            said = [o for o in objs if o.dep_ in ("dobj", "nsubjpass")]
            if tok.dep_ == "relcl" and not said:
                said = [tok.head]  # "a charge New Delhi rejected"
            return any(_lemma(o) in claims for o in said)
        if lemma in spec.get("needs_entity_object", []):
            if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in c.children)
                   for o in [tok, *objs] for c in o.children):
                return True  # "accused its rival of stealing secrets"
            return any(self.resolver.at_token(o) is not None or o.pos_ == "PRON" for o in objs
                       if o.dep_ in ("dobj", "nsubjpass"))
        if lemma in spec.get("needs_prep", {}):
            want = spec["needs_prep"][lemma]
            wants = {want} if isinstance(want, str) else set(want)
            if not _has_infinitive(tok):  # "called the ministry on Monday" asks nothing
                wants -= set(spec.get("prep_needs_infinitive", []))
            # "asked X for relief": the parser may hang the "for" under the object
            near = [*tok.children, *(g for c in tok.children if c.dep_ == "dobj" for g in c.children)]
            return any((c.dep_ == "prep" and c.lower_ in wants) or any(
                g.dep_ == "mark" and g.lower_ in wants for g in c.children) for c in near)
        if lemma in spec.get("needs_context_verbs", []):
            return _context_ok(tok, "weapons", self.lex, self.resolver, objs)
        if rules.verb_check is not None:
            return VERB_CHECKS[rules.verb_check](self, tok, spec, objs, obj_lemmas)
        return True

    def _agent_or_intent(self, tok: Token) -> bool:
        """ "threatened to strike", "X threatened retaliation": a to-clause of what someone
        would do, or a named subject; not "decisions that threaten stability"."""
        if any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in tok.children):
            return True
        return any(self.resolver.at_token(c) is not None for c in tok.children if c.dep_ == "nsubj")

    def _partner(self, tok: Token) -> bool:
        """ "spoke by phone with X": a named person, state or bloc on the other side
        ("spoke with reporters" is a briefing, not talks)."""
        objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"]
        heads = objs + [a for o in objs for a in o.children if a.dep_ in ("appos", "conj")]
        ents = [self.resolver.at_token(h) for h in heads]
        return any(e is not None and e.type in PUBLIC_SPEAKERS for e in ents)

    def _public_speaker(self, tok: Token) -> bool:
        """The speaker is a person, a state or a bloc (a firm announcing its plans is no
        statement); a participle ("..., announcing that") speaks for its clause's subject."""
        subj = _clause_subjects(tok)
        ents = [self.resolver.at_token(c) for c in subj]
        return any(e is not None and e.type in PUBLIC_SPEAKERS for e in ents)

    def _signed_object_ok(self, tok: Token, spec: Spec, objs: list[Token], obj_lemmas: set[str]) -> bool:
        """A signing verb counts when what is signed is one of the type's nouns ("signed a treaty")."""
        nouns = set(spec.get("nouns", []))
        return bool(obj_lemmas & nouns) or any(_lemma(o) in self.lex.cues("quantifier_nouns") and any(
            _lemma(p) in nouns for p in o.subtree) for o in objs)

    def _territory_ok(self, tok: Token, spec: Spec, objs: list[Token], obj_lemmas: set[str]) -> bool:
        """Land or a place is taken ("seized the town", "captured Norwick")."""
        direct = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(self._is_place(o) or self._territory(o) for o in direct)

    def _transfer_ok(self, tok: Token, spec: Spec, objs: list[Token], obj_lemmas: set[str]) -> bool:
        """A transfer verb needs a weapon object, and not fire, ordnance dropped or troops."""
        if _lemma(tok) in spec.get("goods_subject_verbs", []):
            return self._arrival_ok(tok)
        if _lemma(tok) in spec.get("licensed_verbs", []) and not _licensed(tok, spec):
            return False  # "the plant builds tanks": making, not a transfer
        direct = [o for o in objs if o.dep_ in ("dobj", "nsubjpass") and not is_relative(o)]
        if tok.dep_ == "relcl" and not direct:
            objs = [o for o in objs if not is_relative(o)] + [tok.head]  # "the howitzers that X supplies"
            obj_lemmas = {_lemma(o) for o in objs}
        elif not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in tok.children) and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            return False  # "workers transferred to another programme"
        if _subtree_lemmas(tok) & set(spec.get("fire_words", [])):
            return False
        if obj_lemmas & set(spec.get("message_nouns", [])):
            return False  # "received notification of arms sales": word of a deal, the noun carries it
        if _lemma(tok) in spec.get("light_verbs", []) and obj_lemmas & set(spec.get("nouns", [])):
            return False  # "received a contract", "placed an order": the noun carries the event
        to_someone = any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children)
        if obj_lemmas & set(spec.get("strike_objects", [])) and not to_someone:
            return False
        troops = [o for o in objs if _lemma(o) in self.lex.cues("personnel")]
        if troops and not any(_has_weapon_entity(o, self.resolver) for o in troops):
            return False  # "providing 125 soldiers" is a deployment ("36 Gripen fighters" is not)
        return _context_ok(tok, "weapons", self.lex, self.resolver, objs)

    def _contents(self, tok: Token) -> EventMention | None:
        """ "It includes 70 howitzers" right after a deal was reported: what the deal holds
        (a pronoun subject of a descriptive verb, weapons as its object) joins that deal."""
        if tok.lemma_.lower() not in self.lex.status["descriptive"] or tok.lemma_.lower() == "be":
            return None
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj or subj[0].lower_ not in ("it", "this", "they", "these"):
            return None
        prev = self.doc[tok.sent.start - 1].sent if tok.sent.start > 0 else None
        before = self.sent_types.get(prev.start, set()) if prev is not None else set()
        for etype in sorted(before):
            if not spec_of(etype).sides:
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs and _context_ok(tok, "weapons", self.lex, self.resolver, objs):
                return EventMention(type=etype, trigger=tok, head=tok, nominal=False, direction="contents",
                                    anaphoric=True)
        return None

    def _arrival_ok(self, tok: Token) -> bool:
        """Goods that arrive ("the first tanks arrived in Norland"): weapons as the subject, not troops."""
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(_lemma(t) in self.lex.cues("personnel") for s in subj for t in s.subtree):
            return False
        return _context_ok(tok, "weapons", self.lex, self.resolver, subj)

    def _deployment_ok(self, tok: Token, spec: Spec, objs: list[Token], obj_lemmas: set[str]) -> bool:
        """Forces are moved: an intransitive "deploy", or troops, units or ships as object or subject."""
        if _lemma(tok) in ("deploy", "redeploy") and not any(c.dep_ == "dobj" for c in tok.children):
            return True  # "the wing will be deploying again"
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        return _context_ok(tok, "forces", self.lex, self.resolver, objs + subj) or any(
            (e := self.resolver.at_token(s)) is not None and e.type == "MILITARY_UNIT" for s in subj)

    def _territory(self, obj: Token) -> bool:
        """ "the town", "30% of territory": the object or its "of" part names land."""
        heads = [obj, *[p for c in obj.children if c.lower_ == "of" for p in c.children]]
        words = {_lemma(t) for h in heads for t in [h, *h.children] if t.dep_ in ("compound", "pobj", "dobj",
                                                                                  "nsubjpass") or t == h}
        return bool(words & self.lex.cues("territory"))

    def _is_place(self, tok: Token) -> bool:
        ent = self.resolver.at_token(tok)
        return ent is not None and ent.type in PLACE_TYPES

    # -- nouns
    def _noun(self, tok: Token) -> EventMention | None:
        lemma = _lemma(tok)
        if tok.ent_type_ in ("DATE", "TIME"):
            return None
        for etype in self.lex.noun_types.get(lemma, []):
            named = self._named(tok, etype)
            if named is not None:
                return named
            if tok.pos_ == "PROPN" and spec_of(etype).no_proper_noun and not self._names_goods(tok):
                continue  # "Secretary for Acquisition": a title, not a purchase
            if spec_of(etype).labelled:
                owner = tok.head if tok.dep_ == "compound" else tok  # "bankruptcy protection"
                label = other_noun(tok, self.lex, light_verb(owner, self.lex), self.resolver)
                if label is None:
                    continue
                self.used.add(tok.i)
                m = self._nominal(tok, etype)
                m.label = label
                lv = light_verb(owner, self.lex) if owner is not tok else None
                m.head = lv if lv is not None else m.head  # "Acme filed for bankruptcy protection"
                return m
            if self._noun_ok(tok, etype):
                self.used.add(tok.i)
                return self._nominal(tok, etype)
        return None

    def _names_goods(self, tok: Token) -> bool:
        """A capitalised deal noun with goods as its "of" ("the Foreign Military Sale of three
        helicopters"): the deal, not a title."""
        goods = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        weapons = self.lex.cues("weapons")
        return any(_has_weapon_entity(g, self.resolver) or _lemma(g) in weapons for g in goods)

    def _named(self, tok: Token, etype: str) -> EventMention | None:
        """A capitalised trigger opening a name ("Exercise Cold Response 22") is that event."""
        head = tok.head
        if not spec_of(etype).named or not (
                tok.pos_ == "PROPN" and tok.dep_ == "compound" and head.pos_ == "PROPN" and head.i > tok.i):
            return None
        name_toks = [t for t in head.subtree if tok.i <= t.i and (t.i <= head.i or t.dep_ == "nummod")]
        self.used.update(t.i for t in name_toks)
        m = self._nominal(head, etype)
        m.name = self.doc[name_toks[0].i: name_toks[-1].i + 1].text
        m.anaphoric = True
        return m

    def _market_rally(self, tok: Token, spec: dict[str, Any]) -> bool:
        return _lemma(tok) in spec.get("market_words", []) and bool(
            {_lemma(t) for t in tok.sent} & self.lex.cues("markets"))

    def _noun_ok(self, tok: Token, etype: str) -> bool:
        spec = self.lex.spec(etype)
        rules = spec_of(etype)
        lemma = _lemma(tok)
        if self._market_rally(tok, spec):
            return False
        if lemma in spec.get("plural_only", []) and tok.tag_ not in ("NNS", "NNPS"):
            return False
        if any(_lemma(c) in self.lex.cues("noun_not_compound") for c in tok.children if c.dep_ == "compound"):
            return False
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            return False  # "attack planners", "election commission"
        lv = light_verb(tok, self.lex, etype)
        scope = [tok] + ([lv] if lv is not None and tok.dep_ in ("nsubj", "nsubjpass") else [])
        if tok.dep_ == "nsubj" and _lemma(tok.head) in self.lex.status["descriptive"]:
            scope.append(tok.head)  # "the package included ... tanks"
        scope += existential_goods(tok)  # "in that package there will be 18 howitzers"
        if rules.noun_check is not None:
            return NOUN_CHECKS[rules.noun_check](self, tok, rules, spec, lv, scope)
        if lemma in spec.get("needs_complement", []):
            return any((c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children))
                       or (c.dep_ == "prep" and c.lower_ in ("for", "on")) for c in tok.children)
        if lemma in spec.get("needs_context_nouns", []):
            if lv is not None and _lemma(lv) in self.lex.cues("attack_light_verbs"):
                return True
            if rules.context_cue == "labour":
                return self._labour(tok, lv)
            cue = rules.context_cue or ("weapons" if lemma == "fire" else "military")
            return _context_ok(tok, cue, self.lex, self.resolver, [tok])
        return True

    def _labour(self, tok: Token, lv: Token | None) -> bool:
        """A strike by workers: "workers went on strike", "a national strike", "the union called a strike"."""
        on = tok.dep_ == "pobj" and tok.head.lower_ == "on"
        verb = lv if lv is not None else tok.head.head if on else None
        scope = [tok] + ([verb] if verb is not None else [])
        if verb is not None and _lemma(verb) in ("go", "be", "remain", "stay") and tok.head.lower_ == "on":
            return True  # "went on strike", "are on strike"
        return _context_ok(tok, "labour", self.lex, self.resolver, scope)

    def _transfer_noun_ok(self, tok: Token, rules: EventTypeSpec, spec: dict[str, Any], lv: Token | None,
                          scope: list[Token]) -> bool:
        """A deal noun with weapons in its phrase (or its light verb's "for"/"of": "placed an
        order with X for 48 howitzers"), or a deal noun after a deal was reported."""
        lemma = _lemma(tok)
        if lv is not None:
            preps = [c for c in lv.children if c.dep_ == "prep"]
            preps += [g for c in preps if c.lower_ == "worth" for g in c.children if g.dep_ == "prep"]
            scope = scope + [p for c in preps if c.lower_ in ("for", "of")
                             for p in c.children if p.dep_ == "pobj"]
        if lemma == "order" and tok.head.lower_ == "in":
            return False  # "in order to"
        if any(c.dep_ == "acl" and self._carries_event(c, spec) for c in tok.children):
            return False  # "a contract to buy jets": the verb carries the event
        if lemma in spec.get("anaphoric_nouns", []) and rules.type in self.seen_types:
            return True  # "the contract" after an arms deal was reported
        if self._to_a_force(tok):
            return True  # "the delivery of $25 million in assistance to the Kestovian army"
        return _context_ok(tok, "weapons", self.lex, self.resolver, scope)

    def _to_a_force(self, noun: Token) -> bool:
        """Goods sent to an armed force (a military unit named as the "to" of the noun's phrase)."""
        return any((e := self.resolver.at_token(p)) is not None and e.type == "MILITARY_UNIT"
                   for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "to" for p in t.children)

    def _carries_event(self, verb: Token, spec: Spec) -> bool:
        """A trigger verb in a deal noun's clause ("to buy"; "to build" only under licence)."""
        lemma = _lemma(verb)
        if lemma in spec.get("licensed_verbs", []) and not _licensed(verb, spec):
            return False
        return lemma in self.lex.verb_types

    def _signed_noun_ok(self, tok: Token, rules: EventTypeSpec, spec: dict[str, Any], lv: Token | None,
                        scope: list[Token]) -> bool:
        """A treaty noun counts as the object of a signing verb ("signed an accord"), or
        dated as a past deal is recalled ("the 2015 nuclear deal", "the September accord")."""
        return (lv is not None and _lemma(lv) in spec.get("sign_verbs", [])) or _dated(tok)

    def _military_noun_ok(self, tok: Token, rules: EventTypeSpec, spec: dict[str, Any], lv: Token | None,
                          scope: list[Token]) -> bool:
        """A military cue in the phrase, or the type was already reported ("the drills")."""
        return rules.type in self.seen_types or _context_ok(tok, "military", self.lex, self.resolver, scope)

    def _nominal(self, tok: Token, etype: str) -> EventMention:
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "nummod", "amod")}
        referring = bool(dets & DEFINITE) or tok.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "poss" for c in tok.children)
        distinct = bool(dets & self.lex.cues("non_anaphoric") - {"a", "an", "one"})
        anaphoric = referring and not (dets & self.lex.cues("non_anaphoric"))
        lv = light_verb(tok, self.lex, etype)
        direction = transfer_side(tok, lv, self.lex, self.lex.spec(etype)) if spec_of(etype).sides else None
        return EventMention(type=etype, trigger=tok, head=lv if lv is not None else tok, nominal=True,
                            direction=direction, anaphoric=anaphoric, distinct=distinct)


# the named checks of event_types.yaml (`verb_check`, `noun_check`)
VERB_CHECKS = {
    "transfer": TriggerFinder._transfer_ok,
    "forces": TriggerFinder._deployment_ok,
    "territory": TriggerFinder._territory_ok,
    "signed_object": TriggerFinder._signed_object_ok,
}
NOUN_CHECKS = {
    "transfer": TriggerFinder._transfer_noun_ok,
    "signed": TriggerFinder._signed_noun_ok,
    "military": TriggerFinder._military_noun_ok,
}
