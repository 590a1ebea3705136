"""Syntactic slots of a trigger: who acts (agent), who undergoes (patient), and
prepositional complements; passive, nominal and light-verb forms included."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitrep.extract.events.mentions import EventMention

SUBJ = ("nsubj", "csubj")
CONTROL_DEPS = {"xcomp", "pcomp", "advcl", "acl", "conj", "prep", "ccomp", "acomp"}  # acomp: "is due to meet"
NOUN_AGENT_MODS = ("poss", "compound", "amod", "nmod", "npadvmod")
LOCATIVE = ("in", "at", "near")
CLAUSAL = ("relcl", "advcl", "ccomp", "appos")
VALUE_PREPS = ("worth",)  # a value phrase the parser hangs the rest of the phrase on


@dataclass(slots=True)
class Slots:
    agent: list[Token] = field(default_factory=list)
    patient: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    modifiers: list[Token] = field(default_factory=list)  # noun modifiers ("NATO-led", "French")

    def add_preps(self, tok: Token, *, skip: set[int] | None = None) -> None:
        for prep in (c for c in tok.children if c.dep_ in ("prep", "agent") or _to_dative(c)):
            if skip and prep.i in skip:
                continue
            name = prep.lower_
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.lower_ == "ahead":
                continue
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                self.preps.setdefault(name, []).extend(objs)
            if name in VALUE_PREPS:  # "won an order worth $1 billion for 60 jets": the "for" is the order's
                self.add_preps(prep, skip=skip)


def _to_dative(tok: Token) -> bool:
    """ "supply missiles to the army" parsed with "to" as a dative: a "to" phrase all the same."""
    return tok.dep_ == "dative" and tok.pos_ == "ADP"


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether a clause (relative, adverbial...) lies between ``tok`` and ``top``."""
    cur = tok
    while cur != top and cur.head != cur:
        if cur.dep_ in CLAUSAL:
            return True
        cur = cur.head
    return False


def existential_goods(noun: Token) -> list[Token]:
    """What a noun holds by an existential clause it locates ("in that package there will
    be 18 howitzers"): the clause's attribute or subject."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "within") or verb.lemma_.lower() != "be":
        return []
    if not any(c.dep_ == "expl" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in ("attr", "nsubj") and c.pos_ != "PRON"]


def is_relative(tok: Token) -> bool:
    """A relative pronoun ("that", "which") standing for the noun its clause modifies."""
    return tok.tag_ in ("WDT", "WP") or (tok.lower_ == "that" and tok.pos_ in ("SCONJ", "PRON", "DET"))


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def controller(verb: Token) -> Token | None:
    """The understood subject of a clause without one ("Ankara planned to buy", "thanked
    Paris for agreeing to supply", "who was criticised for cracking down")."""
    tok = verb
    via_for = False
    for _ in range(6):
        subj = [c for c in tok.children if c.dep_ in (*SUBJ, "nsubjpass")]
        if subj and tok != verb:
            s = subj[0]
            if s.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                return tok.head
            if via_for and (objs := [c for c in tok.children if c.dep_ == "dobj"]) and not is_passive(tok) \
                    and not _claims(objs[0]):  # "took credit for attacking": the subject did it
                return objs[0]
            return s
        if subj:
            return subj[0]
        # "took part in a plot to sell": a plan noun's clause is controlled by who has the plan,
        # its possessor first ("the government's decision to supply")
        owner = [c for c in tok.children if c.dep_ == "poss"] if tok != verb and tok.pos_ == "NOUN" else []
        if owner and verb.dep_ in ("acl", "xcomp") and verb.head == tok:
            return owner[0]
        from_acl = tok != verb and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr", "pobj")
        if (tok.dep_ not in CONTROL_DEPS and not from_acl) or tok.head == tok:
            return None
        # "sentenced X on charges for attempting to sell": the "for" of a noun of the
        # object's verb is still the object's doing
        via_for = (tok.dep_ == "pcomp" and tok.head.lower_ == "for") or (
            via_for and tok.pos_ == "NOUN" and tok.dep_ == "pobj")
        tok = tok.head
        if tok.dep_ == "prep":
            tok = tok.head
    return None


def _claims(obj: Token) -> bool:
    from sitrep.extract.events.lexicon import lexicon

    return obj.lemma_.lower() in lexicon().cues("claim_of_nouns")


def nested_places(slots: Slots, nps: list[Token], gov: Token | None = None) -> None:
    """Where the event happened when the trigger has no locative of its own: the one that
    hangs off its object or its prepositional complements ("killed 13 people in X",
    "talks with officials in X", "an attack on a train in X", "near a convoy in X")."""
    preps = slots.preps.items() if gov is None else [
        (p.lower_, [o for o in p.children if o.dep_ == "pobj"]) for p in gov.children if p.dep_ == "prep"]
    nps = nps + [o for prep, objs in preps if prep not in ("by", "agent") for o in objs]
    for obj in nps:
        for prep in (t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in LOCATIVE):
            if not _has_place(slots, prep.lower_) and not _in_clause(prep, obj):
                slots.preps[prep.lower_] = [p for p in prep.children if p.dep_ == "pobj"]


def _has_place(slots: Slots, prep: str) -> bool:
    """Whether the trigger's own ``prep`` phrase names something other than a time
    ("meet Erdogan in Turkey in January": "in January" leaves the place open)."""
    return any(t.ent_type_ not in ("DATE", "TIME") for t in slots.preps.get(prep, []))


def verb_slots(verb: Token) -> Slots:
    slots = Slots()
    passive = is_passive(verb)
    for c in verb.children:
        if c.dep_ in SUBJ:
            slots.agent.append(c)
        elif c.dep_ == "nsubjpass" or c.dep_ == "dobj" or (c.dep_ == "dative" and not _to_dative(c)):
            slots.patient.append(c)
        elif c.dep_ == "agent":
            slots.agent.extend(p for p in c.children if p.dep_ == "pobj")
    if not slots.agent and not passive:
        ctl = controller(verb)
        if ctl is not None:
            slots.agent.append(ctl)
    if not slots.patient and not passive:
        slots.patient.extend(_shared_objects(verb))
    slots.add_preps(verb)
    _inner_against(slots, verb)
    nested_places(slots, slots.patient + (slots.agent if passive else []))
    gov = verb
    # "is expected in Oslo to sign"; "detonated a bomb near X, killing four": the
    # participle's event happens where its governing clause does
    while (gov.dep_ == "xcomp" or (gov.dep_ == "advcl" and gov.tag_ == "VBG")) and gov.head != gov:
        gov = gov.head
        for prep in gov.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE and not _has_place(slots, prep.lower_):
                slots.preps[prep.lower_] = [p for p in prep.children if p.dep_ == "pobj"]
        if not any(_has_place(slots, p) for p in LOCATIVE):
            nested_places(slots, [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")], gov)
    return slots


def _shared_objects(verb: Token) -> list[Token]:
    """The object a verb shares with the verb coordinated after it ("has been attacking and
    fighting Kenyan troops"): the later verb's, when it has no subject of its own."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if any(c.dep_ in (*SUBJ, "nsubjpass") for c in conj.children):
            continue
        objs = [c for c in conj.children if c.dep_ == "dobj"]
        if objs:
            return objs
    return []


# prepositions that name who an act is aimed at wherever the clause's parse hangs them:
# on the object ("threatening retaliation against X") or on a verb of its complement
# ("threatened to use force against X")
AIMED = ("against",)


def _inner_against(slots: Slots, verb: Token) -> None:
    """Give the trigger an ``against`` phrase of its object or of its infinitive complement
    (and that complement's object) when it has none of its own."""
    inner = [c for c in verb.children if c.dep_ == "dobj"]
    for x in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")):
        inner.append(x)
        inner.extend(c for c in x.children if c.dep_ == "dobj")
    for prep_name in AIMED:
        if prep_name in slots.preps:
            continue
        objs = [p for t in inner for c in t.children if c.dep_ == "prep" and c.lower_ == prep_name
                for p in c.children if p.dep_ == "pobj"]
        if objs:
            slots.preps[prep_name] = objs


def _undergoer(noun: Token) -> Token | None:
    """The subject of "received fire", "fought off attacks", "came under attack"."""
    from sitrep.extract.events.lexicon import lexicon

    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in lexicon().cues("undergo_verbs"):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj:
        return subj[0]
    return controller(verb)


def _claimant(noun: Token) -> Token | None:
    """Who claims an event noun: the subject of "X claimed the bombing", "X claimed (took,
    accepted) responsibility (credit) for the attack" (context.yaml ``claim_verbs``,
    ``claim_of_nouns``); a claim is the claimant's own act."""
    from sitrep.extract.events.lexicon import lexicon

    lex = lexicon()
    obj = noun
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and _claims(prep.head):
        obj = prep.head
    elif noun.dep_ != "dobj":
        return None
    verb = obj.head
    if obj.dep_ != "dobj" or verb.lemma_.lower() not in lex.cues("claim_verbs"):
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return subj[0] if subj else controller(verb)


def noun_slots(mention: EventMention) -> Slots:
    noun = mention.trigger
    slots = verb_slots(mention.head) if mention.head != noun else Slots()
    claimant = _claimant(noun)
    if claimant is not None:
        slots.agent.append(claimant)
    undergoer = _undergoer(noun) if mention.head == noun else None
    if undergoer is not None:  # ... and "from X" on that verb is who attacked
        slots.patient.append(undergoer)
        for prep in (c for c in undergoer.head.children if c.dep_ == "prep" and c.lower_ == "from"):
            slots.agent.extend(p for p in prep.children if p.dep_ == "pobj")
    if mention.head != noun:
        slots.patient = [p for p in slots.patient if p != noun]
    for c in noun.children:
        if c.dep_ == "poss":
            slots.agent.append(c)
        elif c.dep_ in NOUN_AGENT_MODS:
            slots.modifiers.append(c)
    slots.add_preps(noun)
    for conj in (c for c in noun.conjuncts if c.i > noun.i):  # "sanctions and other measures against X"
        for prep_name in AIMED:
            objs = [p for c in conj.children if c.dep_ == "prep" and c.lower_ == prep_name
                    for p in c.children if p.dep_ == "pobj"]
            if objs and prep_name not in slots.preps:
                slots.preps[prep_name] = objs
    if noun.dep_ == "dobj" and mention.head == noun:  # "observe the exercises in X": X == their place too
        for prep in noun.head.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE and prep.lower_ not in slots.preps:
                slots.preps[prep.lower_] = [p for p in prep.children if p.dep_ == "pobj"]
    of = slots.preps.pop("of", [])
    slots.patient.extend(of)
    by = slots.preps.pop("by", [])
    slots.agent.extend(by)
    nested_places(slots, of)
    # a "by" phrase parsed onto the governing active verb belongs to the noun
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if gov is not None and not is_passive(gov) and gov != mention.head:
        for prep in gov.children:
            if prep.dep_ == "prep" and prep.lower_ == "by" and prep.i > noun.i:
                slots.agent.extend(p for p in prep.children if p.dep_ == "pobj")
    return slots


def slots_of(mention: EventMention) -> Slots:
    return noun_slots(mention) if mention.nominal else verb_slots(mention.trigger)
