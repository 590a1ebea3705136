"""Arguments of one event mention: entity roles from the slots, items, money, counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.extract.events.casualties import casualty_counts
from sitrep.extract.events.lexicon import lexicon
from sitrep.extract.events.literals import find_money, parse_count
from sitrep.extract.events.resolve import PLACE_TYPES, Ref, Resolver, is_weaponish
from sitrep.extract.events.slots import Slots, existential_goods, is_relative, slots_of
from sitrep.extract.events.typetable import spec_of
from sitrep.model import Entity
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.extract.events.mentions import EventMention


DEFINITE = {"the", "these", "those", "this", "that", "its", "their", "his", "her", "our", "all"}


def _entity_item(ent: Entity) -> dict[str, Any]:
    """An entity in the items role, in the same shape as the items of a weapon phrase."""
    return {"name": ent.name, "entity": ent.id, "category": ent.attributes.get("category"),
            "quantity": None, "quantity_text": None, "approximate": False}


def admits(etype: str, role: str, ref: Any) -> bool:
    """Whether ``ref`` may fill ``role`` of an ``etype`` event: an entity of a type the role
    accepts, or a literal name where the role is not a place."""
    accepted = lexicon().accepts(etype, role)
    if accepted is None:
        return True
    if isinstance(ref, Entity):
        return ref.type in accepted
    if isinstance(ref, str):
        return not accepted <= set(PLACE_TYPES)
    return False


def enforce_types(etype: str, args: dict[str, Any]) -> None:
    """Drop the arguments (from any source: slots, fallbacks, dates' neighbours) whose
    entity type their role does not accept."""
    for role in list(args):
        val = args[role]
        if role == "items" or not isinstance(val, Entity | str | list):
            continue
        if isinstance(val, list):
            kept = [v for v in val if not isinstance(v, Entity | str) or admits(etype, role, v)]
            if kept:
                args[role] = kept
            else:
                del args[role]
        elif not admits(etype, role, val):
            del args[role]


def _add(etype: str, args: dict[str, Any], role: str | None, refs: list[Ref]) -> None:
    if not role or not refs:
        return
    if role != "items":
        refs = [r for r in refs if admits(etype, role, r)]
        if not refs:
            return
    if role == "items":  # items are records, never bare entities (coreference reads their fields)
        items = args.setdefault("items", [])
        known = {i.get("entity") for i in items}
        items.extend(_entity_item(r) for r in refs if isinstance(r, Entity) and r.id not in known)
        return
    lex = lexicon()
    if role in lex.roles["place_roles"]:
        order = ("CITY", "FACILITY", "REGION", "COUNTRY")  # most specific first
        places = [r for r in refs if isinstance(r, Entity) and r.type in order]
        if not places:
            return
        best = min(places, key=lambda e: order.index(e.type))
        cur = args.get(role)
        if isinstance(cur, Entity) and cur.type in order and order.index(cur.type) <= order.index(best.type):
            return
        args[role] = best
        return
    if role in lex.roles["single"]:
        args.setdefault(role, refs[0])
    else:
        cur = args.setdefault(role, [])
        cur.extend(r for r in refs if r not in cur)


def entity_args(m: EventMention, slots: Slots, res: Resolver) -> dict[str, Any]:
    lex = lexicon()
    roles = lex.role_map(m.type, m.trigger.lemma_.lower(), m.label)
    rules = spec_of(m.type)
    args: dict[str, Any] = {}
    if rules.sides:
        return _arms_args(m, slots, res)
    for tok in slots.agent:
        _add(m.type, args, roles.get("agent"), res.refs(tok))
    for tok in slots.patient:
        if is_weaponish(tok, res) and not rules.weapon_target:
            continue
        if roles.get("patient") == "topic":
            named: list[Entity | str] = [r for r in res.refs(tok, subtree=False) if isinstance(r, Entity)]
            if named and all(admits(m.type, "target", r) for r in named) and rules.addressee_target:
                _add(m.type, args, "target", named)  # "warned Washington": whom, not what
            else:
                args.setdefault("topic", topic_text(tok))
        else:
            wide = tok.lemma_.lower() in lex.cues("group_nouns") | lex.cues("territory")
            _add(m.type, args, roles.get("patient"), res.refs(tok, subtree=wide))
    if rules.target_from_clause_subject and "target" not in args and not m.nominal:
        for clause in (c for c in m.trigger.children if c.dep_ in ("advcl", "ccomp", "xcomp")):
            for subj in (s for s in clause.children if s.dep_ == "nsubj"):
                _add(m.type, args, "target", res.refs(subj, subtree=False))
    for prep, toks in slots.preps.items():
        role = roles.get(prep)
        for tok in toks:
            if role == "topic":
                if tok.ent_type_ not in ("DATE", "TIME"):  # "signed on September 12": a date
                    args.setdefault("topic", topic_text(tok))
            elif role == "weapon":
                args.setdefault("weapon", res.refs(tok)[0] if res.refs(tok) else tok.text)
            elif role == "place":
                _add(m.type, args, role, [*res.refs(tok), *res.inside(tok, places=True)])
            else:
                _add(m.type, args, role, res.refs(tok))
    if rules.target_from_claim_owner and "target" not in args:
        _add(m.type, args, "target", _claim_owner(m, slots, res))
    if rules.target_from_patient_owner and "target" not in args:  # "demanded Bashir's ouster"
        _add(m.type, args, "target", _owners([t for p in slots.patient for t in (p, *p.conjuncts)], res))
    if roles.get("agent") == "target" or rules.person_target:
        _person_target(args, slots, res)
    place, actor = args.get("place"), args.get("actor")
    if actor is not None and actor == place and getattr(actor, "type", "") != "COUNTRY":
        del args["actor"]  # a town is where it happened, not who did it
    if actor is not None and actor == args.get("target"):
        del args["actor"]  # the victim is not who attacked, the sanctioned not who sanctions
    if rules.co_participants:
        _add(m.type, args, "participants", _co_participants(m, slots, res))
    agent = roles.get("agent")
    if m.nominal and agent and not args.get(agent):  # "the ISIL attack"
        for tok in slots.modifiers:
            _add(m.type, args, agent, [r for r in res.refs(tok, subtree=False) if isinstance(r, Entity)])
    return args


def _co_participants(m: EventMention, slots: Slots, res: Resolver) -> list[Ref]:
    """Who else takes part: the "with" of the agreement signed ("signed a trade agreement
    with X"), and the subject of the clause a fronted "after/following talks with X" opens."""
    out: list[Ref] = []
    for tok in slots.patient:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
            out.extend(r for p in prep.children if p.dep_ == "pobj" for r in res.refs(p))
    noun = m.trigger
    prep = noun.head
    if m.nominal and noun.dep_ in ("pobj", "dobj") and prep.lower_ in lexicon().cues("framing_preps"):
        verb = prep.head
        if prep.i < verb.i and verb.pos_ in ("VERB", "AUX"):
            out.extend(r for c in verb.children if c.dep_ == "nsubj" for r in res.refs(c))
    return out


def _claim_owner(m: EventMention, slots: Slots, res: Resolver) -> list[Ref]:
    """Whom a rejection answers: the owner of what is rejected ("rejected Pakistan's
    allegation", "its offer", "the allegations made by X", "a charge X rejected")."""
    claims = lexicon().cues("claim_nouns")
    said = [t for t in slots.patient if t.lemma_.lower() in claims]
    if not said and m.trigger.dep_ == "relcl" and m.trigger.head.lemma_.lower() in claims:
        said = [m.trigger.head]
    return _owners(said, res)


def _owners(nouns: list[Token], res: Resolver) -> list[Ref]:
    """The possessor, "of" or "by" party of event nouns ("X's allegation", "the ouster of X")."""
    out: list[Ref] = []
    for noun in nouns:
        if res.at_token(noun) is not None:
            continue  # a named party, not an event noun
        for c in noun.children:
            if c.dep_ == "poss":
                out.extend(res.refs(c, subtree=False))
            elif c.dep_ == "acl":
                out.extend(r for a in c.children if a.dep_ == "agent"
                           for p in a.children if p.dep_ == "pobj" for r in res.refs(p, subtree=False))
            elif c.dep_ == "prep" and c.lower_ in ("by", "of"):
                out.extend(r for p in c.children if p.dep_ == "pobj" for r in res.refs(p, subtree=False))
    return out


def _person_target(args: dict[str, Any], slots: Slots, res: Resolver) -> None:
    """The person appointed or leaving: "appointed John Smith chief officer", "the chief
    executive of Initech, Bill Lumbergh, stepped down" (a person inside the slot wins)."""
    cur = args.get("target")
    if isinstance(cur, Entity) and cur.type == "PERSON":
        return
    for tok in [*slots.patient, *slots.agent]:
        people = [e for t in tok.subtree if (e := res.at_token(t)) is not None and e.type == "PERSON"]
        if people:
            args["target"] = people[0]
            return


def _arms_args(m: EventMention, slots: Slots, res: Resolver) -> dict[str, Any]:
    args: dict[str, Any] = {}
    other = "supplier" if m.direction == "recipient" else "recipient"
    spec = lexicon().spec(m.type)
    weapons: list[Token] = []
    unwrap = set(spec.get("goods_nouns", []))
    goods, beneficiaries = _deal_clause(m) if m.nominal else ([], [])
    if m.direction == "contents":  # "It includes 70 howitzers": only what the deal holds
        weapons.extend(t for p in slots.patient for t in _goods_inside(p, unwrap, beneficiaries))
        slots = Slots()
        beneficiaries = []
    elif m.direction == "goods":  # "the tanks arrived in Norland": the subject is what is sent
        weapons.extend(t for a in slots.agent for t in _goods_inside(a, unwrap, beneficiaries))
        for tok in [*slots.preps.get("in", []), *slots.preps.get("at", [])]:
            _party(m, args, "recipient", [tok], res)
    elif m.direction == "licensee":  # "X will build 40 jets under licence from Y": X builds
        for tok in slots.agent:
            refs = _party_refs(tok, res)
            _add(m.type, args, "contractor", [r for r in refs if _is_firm(r)])
            _add(m.type, args, "recipient", [res.state_of(r) for r in refs if not _is_firm(r)])
    else:
        agents = slots.agent
        if not m.nominal and m.trigger.dep_ == "acl" and m.trigger.tag_ == "VBG":
            agents = [m.trigger.head]  # "a boat smuggling rifles": the boat, not who stopped it
        for tok in agents:
            _party(m, args, m.direction, [tok], res)
    if not m.nominal and m.trigger.dep_ == "relcl" and all(is_relative(p) for p in slots.patient):
        slots.patient = []
        weapons.append(m.trigger.head)  # "the S-300 that Kestovia is supplying"
    told = m.nominal and m.head.lemma_.lower() in spec.get("addressee_verbs", [])
    patients = [p for p in slots.patient if p.i in _goods_of(m) or not told]  # "notified Congress of a sale"
    described = []
    descriptive = lexicon().status["descriptive"]
    if m.nominal and m.trigger.dep_ == "nsubj" and m.trigger.head.lemma_.lower() in descriptive:
        described = [c for c in m.trigger.head.children if c.dep_ in ("dobj", "attr")]
    if m.nominal:
        described += existential_goods(m.trigger)
    included = [t for p in INCLUDING for t in slots.preps.get(p, [])]  # "sell arms, including 200 missiles"
    own = slots.preps.get("with", []) + slots.preps.get("of", [])
    for tok in patients + own + described + goods + included:
        if is_weaponish(tok, res) or any(is_weaponish(t, res) for t in tok.subtree):
            weapons.extend(_goods_inside(tok, unwrap, beneficiaries))
        else:
            _party(m, args, other, [tok], res)
    for tok in slots.preps.get("for", []):  # "an order for 48 howitzers", "for the navy"
        if is_weaponish(tok, res) or any(is_weaponish(t, res) for t in tok.subtree):
            weapons.extend(_goods_inside(tok, unwrap, beneficiaries))
        else:
            beneficiaries.append(tok)
    for tok in beneficiaries:
        _party(m, args, "recipient", [tok], res)
    contracts = spec.get("light_verb_sides", {}).get("contracts", {}).get("nouns", [])
    awarded = m.nominal and m.direction == "supplier" and m.trigger.lemma_.lower() in contracts
    licence = slots.preps.get("under", [])  # "under licence from Y for the army"
    licensors = [p for t in licence for p in _pobjs(t, ("from", "with"))]
    for tok in (p for t in [*licence, *licensors] for p in _pobjs(t, ("for",))):
        _party(m, args, "recipient", [tok], res)
    for prep, role in (("from", "recipient" if awarded else "supplier"), ("to", "recipient")):
        nested = [*_nested(weapons, prep), *(licensors if prep == "from" else []), *_in_phrase(m, prep)]
        for tok in [*slots.preps.get(prep, []), *nested]:
            _party(m, args, role, [tok], res)
    if m.direction == "licensee" and "recipient" not in args and isinstance(args.get("contractor"), Entity):
        _add(m.type, args, "recipient", [res.state_of(args["contractor"])])  # its own state's licence
    for tok in slots.modifiers:
        _party(m, args, "supplier" if m.direction == "supplier" else "recipient", [tok], res)
    for w in weapons:  # "two boats, built by X,": X builds
        makers = [p for c in w.children if c.dep_ == "acl" and c.lemma_.lower() in spec.get("goods_verbs", [])
                  for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        firms = [r for t in makers for r in res.refs(t, subtree=False) if _is_firm(r)]
        _add(m.type, args, "contractor", firms)
    for w in weapons:
        origin = _weapon_origin(w, res)
        if origin is not None:
            _add(m.type, args, "supplier", [res.state_of(origin)])
        items = weapon_items(w, res)
        if items:
            args.setdefault("items", []).extend(items)
    return args


def _goods_inside(tok: Token, unwrap: set[str], beneficiaries: list[Token]) -> list[Token]:
    """The goods of a phrase of making or sending, or of a partitive ("the production of
    32 jets for Norland", "the first of four batteries"): its "of" objects; its "for"/"to"
    objects join the beneficiaries."""
    if tok.lemma_.lower() not in unwrap:
        return [tok]
    inner = _pobjs(tok, ("of",))
    if not inner:
        return [tok]
    beneficiaries.extend([*_pobjs(tok, ("for", "to")), *(p for i in inner for p in _pobjs(i, ("for",)))])
    return [t for i in inner for t in _goods_inside(i, unwrap, beneficiaries)]


def _pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


def _goods_of(m: EventMention) -> set[int]:
    """Tokens inside the trigger noun's own phrase (what a notification is about)."""
    return {t.i for t in m.trigger.subtree}


def _party_refs(tok: Token, res: Resolver) -> list[Ref]:
    """Who a party phrase names; with no name, the state of its nationality word ("the
    Norwegian navy", "the Polish defence ministry")."""
    refs = res.refs(tok, subtree=False)
    named = [e for c in tok.children if c.dep_ == "appos" and (e := res.at_token(c)) is not None]
    # "the Revolutionary Armed Forces of Colombia (FARC)": its name, also where only a part
    # of the long name is an entity ("Fuerzas Armadas ... de Colombia (the FARC)")
    if named and (res.at_token(tok) is None or (_parenthesised(tok) and not _covered(tok, res))):
        return list(named)
    if tok.lemma_.lower() not in lexicon().cues("state_bodies") or any(isinstance(r, Entity) for r in refs):
        return refs
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i:
            ent = res.at_token(c)
            if ent is not None and ent.type == "COUNTRY":
                return [ent]
    for p in _pobjs(tok, ("of",)):  # "the government of Kestovia"
        ent = res.at_token(p)
        if ent is not None and ent.type == "COUNTRY":
            return [ent]
    return refs  # a body named by its title alone ("the Coastguard")


def _party(m: EventMention, args: dict[str, Any], role: str | None, toks: list[Token], res: Resolver) -> None:
    """A side of a transfer as the register codes it (the state a person, city or firm
    belongs to); a firm on the supplier side is also kept as the ``contractor``."""
    own = res.at_token(m.trigger)  # "the Foreign Military Sale": the deal's own name is no party
    if m.words is not None:  # nor a name inside a multi-word trigger ("Letter of Offer and Acceptance")
        toks = [t for t in toks if not m.words[0] <= t.i < m.words[1]]
    refs = [r for tok in toks for r in _party_refs(tok, res) if own is None or r != own]
    if role == "supplier":
        firms: list[Ref] = [r for r in refs if _is_firm(r)]
        _add(m.type, args, "contractor", firms)
    sides = [s for r in refs if (s := _side(r, res)) is not None]
    _add(m.type, args, role, sides)


def _side(ref: Ref, res: Resolver) -> Ref | None:
    """The party a reference stands for on a side of a transfer: the state of an official
    (a person whose role is a public office, or a city or a state body), the person
    in their own name when they hold no office (a dealer, a broker: the register names
    them), an armed group in its own name, and nothing for an official whose state the
    text does not give."""
    category = str(ref.attributes.get("category") or "") if isinstance(ref, Entity) else ""
    if category in lexicon().cues("non_state_categories"):
        return ref  # "to the FARC": an armed group is its own side, not its country's
    if not (isinstance(ref, Entity) and ref.type == "PERSON"):
        return res.state_of(ref)
    if not is_official(ref):
        return ref
    state = res.state_of(ref)
    return None if state is ref else state


def is_official(person: Entity) -> bool:
    """Whether a person's role (the entity stage's ``role``) names a public office."""
    role = str(person.attributes.get("role") or "").lower().replace("-", " ")
    return bool(set(role.split()) & lexicon().cues("office_words"))


def _parenthesised(tok: Token) -> bool:
    """Whether an appositive in parentheses follows ``tok`` ("... (FARC)")."""
    return any(c.dep_ == "appos" and c.i > tok.i and tok.doc[c.left_edge.i - 1].text == "("
               for c in tok.children if c.left_edge.i > 0)


def _covered(tok: Token, res: Resolver) -> bool:
    """Whether the entity found at ``tok`` spans the whole name before it (its compounds)."""
    left = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "flat", "nmod")])
    doc = tok.doc
    ent = res.index.entity_at(doc[left].idx, tok.idx + len(tok.text))
    if ent is None:
        return False
    return any(m.start is not None and m.start <= doc[left].idx and m.end is not None
               and m.end >= tok.idx + len(tok.text) for m in ent.mentions)


def _is_firm(ref: Ref) -> bool:
    """A company (an organisation that is not a government body or force)."""
    return isinstance(ref, Entity) and ref.type == "ORG" and not _is_body(ref)


def _is_body(ent: Entity) -> bool:
    """A government body or force rather than a company ("the Defence Ministry")."""
    words = set(ent.name.lower().replace("-", " ").split())
    return bool(words & lexicon().cues("state_bodies"))


def _deal_clause(m: EventMention) -> tuple[list[Token], list[Token]]:
    """The goods and the beneficiary of a deal noun's own clause: "a contract to build six
    frigates for the navy" (objects of its goods verb, and that verb's "for"/"to")."""
    verbs = set(lexicon().spec(m.type).get("goods_verbs", []))
    goods: list[Token] = []
    for_whom: list[Token] = []
    for acl in (c for c in m.trigger.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs):
        goods.extend(c for c in acl.children if c.dep_ in ("dobj", "nsubjpass"))
        for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in ("for", "to")):
            for_whom.extend(p for p in prep.children if p.dep_ == "pobj")
        for obj in goods:  # "six frigates for the navy"
            for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"):
                for_whom.extend(p for p in prep.children if p.dep_ == "pobj")
    return goods, for_whom


def _in_phrase(m: EventMention, prep: str) -> list[Token]:
    """ "to X" / "from X" deeper in a deal noun's own phrase, not in a clause of it ("the
    delivery of $25 million in assistance to the army")."""
    if not m.nominal:
        return []
    out: list[Token] = []
    for t in m.trigger.subtree:
        if t.dep_ != "prep" or t.lower_ != prep or t.head == m.trigger:
            continue
        path = [a for a in t.ancestors if a.i != m.trigger.i and m.trigger in a.ancestors]
        if not any(a.dep_ in ("acl", "relcl", "advcl", "ccomp") for a in path):
            out.extend(p for p in t.children if p.dep_ == "pobj")
    return out


def _nested(weapons: list[Token], prep: str) -> list[Token]:
    """ "to X" / "from X" inside an item phrase, however deep the parser hangs it ("the
    export of 40 tanks to Ukraine", "weapons, including 20,000 rifles to the FARC"), but not
    inside a clause of the phrase nor inside a hyphenated name ("surface-to-air")."""
    out: list[Token] = []
    for w in weapons:
        for c in w.subtree:
            if c.dep_ not in ("prep", "dative") or c.lower_ != prep or _hyphenated(c):
                continue
            if any(a.dep_ in ("acl", "relcl", "advcl", "ccomp") for a in _path_up(c, w)):
                continue
            out.extend(p for p in c.children if p.dep_ == "pobj" and p not in out)
    return out


def _hyphenated(tok: Token) -> bool:
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].text == "-") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-")


def _path_up(tok: Token, top: Token) -> list[Token]:
    """The tokens from ``tok``'s head up to (not including) ``top``."""
    out: list[Token] = []
    cur = tok
    while cur != top and cur.head != cur:
        cur = cur.head
        if cur != top:
            out.append(cur)
    return out


def _weapon_origin(tok: Token, res: Resolver) -> Ref | None:
    """The country in "French rifles" / "France's Rafale" (the weapon's supplier)."""
    for t in tok.subtree:
        if t.dep_ in ("amod", "poss", "compound") and t.i < tok.i:
            ent = res.at_token(t)
            if ent is not None and ent.type == "COUNTRY":
                return ent
    return None


def weapon_items(tok: Token, res: Resolver) -> list[dict[str, Any]]:
    """Items named in a weapon noun phrase and its conjuncts (generic nouns skipped)."""
    heads = _heads(tok)
    for h in [tok, *heads]:  # "weapons, including 200 missiles and 20,000 rifles": the named parts
        for inc in _pobjs(h, INCLUDING):
            heads.extend(x for x in _heads(inc) if x not in heads)
    out = []
    for head in heads:
        item = _item(head, res)
        if item is not None:
            out.append(item)
    return out


INCLUDING = ("including", "like")


def _heads(tok: Token, depth: int = 0) -> list[Token]:
    """The item nouns of a noun phrase: the noun and its conjuncts, and through a
    quantifier noun the nouns it counts ("a number of tanks", "hundreds of missiles")."""
    out: list[Token] = []
    for h in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
        inner = _pobjs(h, ("of",)) if h.lemma_.lower() in lexicon().cues("quantifier_nouns") else []
        if inner and depth < 3:
            out.extend(x for i in inner for x in _heads(i, depth + 1) if x not in out)
        elif h not in out:
            out.append(h)
    return out


def _item(head: Token, res: Resolver) -> dict[str, Any] | None:
    lex = lexicon()
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("cc", "punct", "conj")]
    left = [t for t in left if not any(a.dep_ == "conj" and a.i > head.i for a in t.ancestors)]
    doc = head.doc
    np = doc[left[0].i: head.i + 1] if left else doc[head.i: head.i + 1]
    ent = next((e for t in np if (e := res.index.entity_at(t.idx, t.idx + len(t.text)))
                and e.type == "WEAPON_SYSTEM"), None)
    lemmas = "".join(t.lemma_.lower() + t.whitespace_ for t in np).strip()
    category = lex.category(lemmas.replace(" - ", "-").replace("- ", "-").split())
    if category is None and ent is not None:
        category = ent.attributes.get("category")
    if ent is None and (head.lemma_.lower() in lex.cues("generic_weapons") or category is None):
        return None
    lead = next((t for t in np if t.lower_ not in DEFINITE), np[0])  # "these two boats": two
    counted = doc[lead.i: head.i + 1]
    count = parse_count(counted.text, counted.start_char)
    quantity = count.amount if count else None
    single = _single(np, head) if count is None else None  # "this C-130 aircraft", "a frigate": one
    if single is not None:
        quantity = 1
    return {
        "name": ent.name if ent else _item_name(head, res),
        "entity": ent.id if ent else None,
        "category": category,
        "quantity": int(quantity) if quantity is not None and float(quantity).is_integer() else quantity,
        "quantity_text": count.text if count else single,
        "approximate": bool(count and (count.mod == "APPROX" or count.amount is None)),
    }


SINGLE_DETS = ("a", "an", "this", "that", "one")


def _single(np: Span, head: Token) -> str | None:
    """The determiner that counts one item of a singular noun phrase ("this C-130
    aircraft", "a frigate"), or None (a plural, a bare or generic "the F-35 jet")."""
    if head.tag_ not in ("NN", "NNP"):
        return None
    det = np[0]
    return det.text if det.lower_ in SINGLE_DETS and det.dep_ in ("det", "nummod") else None


def _item_name(head: Token, res: Resolver) -> str:
    """An item's name: its head with the words right before it that say which kind
    ("Island-class patrol boats", "towed howitzers"), without counts, determiners or a
    named party ("Kestovian tanks": Kestovia is the origin, not the kind)."""
    doc, i = head.doc, head.i
    while i > 0:
        t = doc[i - 1]
        chain = _hyphen_chain(t)
        if chain is not None and res.at_token(t) is None:  # "surface-to-air missiles"
            i = chain
            continue
        kind = t.dep_ in ("compound", "amod", "nmod") or (t.text == "-" and i - 1 > 0)
        if not kind or t.like_num or t.pos_ in ("DET", "NUM", "PRON") or not t.i <= t.head.i <= head.i \
                or res.at_token(t) is not None:
            break
        i -= 1
    while i < head.i and doc[i].text == "-":
        i += 1
    return doc[i: head.i + 1].text


def _hyphen_chain(last: Token) -> int | None:
    """The first index of a hyphen-joined word ending at ``last`` ("surface-to-air",
    "ship-to-shore"), when it is one (at least one hyphen, no spaces inside)."""
    doc = last.doc
    i = last.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return i if i < last.i and not last.like_num else None


def topic_text(tok: Token) -> str:
    """A noun phrase as a topic: determiners and quantifier heads dropped ("a series of X" -> X)."""
    lex = lexicon()
    if tok.lemma_.lower() in lex.cues("quantifier_nouns"):
        inner = [p for prep in tok.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        if inner:
            tok = inner[0]
    toks = [t for t in tok.subtree if t.dep_ not in ("det", "punct") or t.i > tok.i]
    clausal = ("relcl", "acl")
    toks = [t for t in toks
            if not (t.dep_ in clausal or any(a.dep_ in clausal and a.i > tok.i for a in t.ancestors))]
    return " ".join(t.text for t in toks).strip()


def literal_args(m: EventMention, scope: list[Token], res: Resolver) -> dict[str, Any]:
    """Money, personnel and casualty counts found in the mention's clause tokens."""
    args: dict[str, Any] = {}
    lex = lexicon()
    if not scope:
        return args
    doc = scope[0].doc
    start, end = scope[0].idx, scope[-1].idx + len(scope[-1].text)
    rules = spec_of(m.type)
    if rules.takes_value:
        money = find_money(doc_text(doc)[start:end], start)
        if money:
            args["value"] = money[0].as_money()
    ids = {t.i for t in scope}
    counted: set[int] = set()
    if rules.takes_casualties:
        casualties, counted = casualty_counts(scope)
        args.update(casualties)
    for tok in scope:
        if tok.i in counted:
            continue
        lemma = tok.lemma_.lower()
        if lemma not in lex.cues("personnel") and lemma not in lex.cues("victims"):
            continue
        left = [t for t in tok.lefts if t.i in ids]
        if not left:
            continue
        first = min(t.left_edge.i for t in left)
        count = parse_count(doc[first: tok.i].text, doc[first].idx)
        if count is None or count.amount is None:
            continue
        role = _count_role(tok, m)
        if role:
            args.setdefault(role, count.as_count())
    return args


def _count_role(tok: Token, m: EventMention) -> str | None:
    lex = lexicon()
    verb = tok.head
    vl = verb.lemma_.lower()
    rules = spec_of(m.type)
    if rules.takes_casualties and vl in ("kill", "die") and tok.lemma_.lower() in lex.cues("victims"):
        return "killed"
    if rules.takes_casualties and vl in ("wound", "injure", "hurt"):
        return "injured"
    troops = tok.lemma_.lower() in lex.cues("personnel")
    if rules.takes_personnel and troops:
        return "personnel"
    return None


def mention_args(m: EventMention, scope: list[Token], res: Resolver) -> dict[str, Any]:
    slots = slots_of(m)
    args = entity_args(m, slots, res)
    if m.name:
        args["name"] = m.name
    for k, v in literal_args(m, scope, res).items():
        args.setdefault(k, v)
    return args
