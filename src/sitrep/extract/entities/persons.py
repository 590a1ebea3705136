"""People: titles read from the text, surname linking, the leader table.

"Polish Prime Minister Mateusz Morawiecki" gives the role "Prime Minister of Poland"
and three mentions (the whole phrase, the title, the name); a later "Morawiecki" joins
the same person. The leader table fills the role, country and Wikidata id the text
omits; a role stated by the text wins unless it is only generic ("leader").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.entities import leaders
from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Gazetteer
from sitrep.extract.entities.recognize import Cand
from sitrep.extract.intervals import Intervals
from sitrep.nlp.doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def title_start(doc: Doc, ts: int, gz: Gazetteer) -> tuple[int, str | None]:
    """Where a title before the name at token ts begins, and the country it names."""
    i, country = ts, None
    while i > 0:
        prev = doc[i - 1]
        if prev.lower_ in lexicon.TITLE_WORDS:
            i -= 1
            continue
        if prev.lower_ in ("of", "for") and i >= 2 and i < ts and doc[i - 2].lower_ in lexicon.TITLE_WORDS:
            i -= 1  # "Secretary of State", "Minister for Defence"
            continue
        if i < ts and prev.tag_ == "POS" and i >= 2:
            entry = gz.country_of(doc[i - 2].text)
            if entry:
                country, i = entry.name, i - 2
            break
        entry = gz.country_of(prev.text) if i < ts else None
        if entry:
            country, i = entry.name, i - 1
        break
    if i < ts and doc[i].lower_ not in lexicon.TITLE_WORDS and not any(
        t.lower_ in lexicon.TITLE_WORDS for t in doc[i:ts]
    ):
        return ts, None
    return i, country


def role_from_title(doc: Doc, start: int, ts: int, country: str | None) -> str | None:
    words = [t.text for t in doc[start:ts] if t.lower_ in lexicon.TITLE_WORDS or t.lower_ in ("of", "for")]
    dropped = lexicon.HONORIFICS | lexicon.FORMER_WORDS
    words = [w for w in words if w.lower() not in dropped]
    if not words:
        return None
    role = " ".join(words)
    role = role[0].upper() + role[1:]
    return f"{role} of {leaders.of_country(country)}" if country else role


def _generic(role: str | None) -> bool:
    if not role:
        return True
    first = role.split(" of ")[0].lower()
    return all(w in lexicon.GENERIC_TITLES for w in first.split())


def _name_tokens(text: str) -> list[str]:
    """Name words for matching: typographic apostrophes folded, the Arabic article dropped
    ("al-Sudani" ~ "Sudani", "al-Rufay’i" ~ "al-Rufay'i")."""
    words = text.replace("\u2019s", "").replace("\u2019", "'").split()
    return [re.sub(r"^(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]r)-(?=\w)", "", w) for w in words if w]


ALIAS_AFTER = re.compile(
    r",?\s+(?:also\s+|better\s+|widely\s+)?known\s+(?:as|by\s+(?:his|her|the)\s+(?:nickname|nom de guerre|"
    r"alias|name))\s+((?:[A-Z][\w'\u2019\-]+\s?){1,3})")


def known_as(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """"al-Rufay'i, also known as Abu Khadija", "Mohamed, known by his nickname Farmajo":
    the alias is the same person."""
    text = doc_text(doc)
    people = [c for c in clusters if c.type == "PERSON"]
    drop: set[int] = set()
    for p in people:
        for m in list(p.mentions):
            if m.kind != "name" or m.start < 0:
                continue
            hit = ALIAS_AFTER.match(text, m.end)
            if hit is None:
                continue
            alias = hit.group(1).strip()
            for other in people:
                if other is not p and id(other) not in drop and alias in other.forms:
                    for x in other.mentions:
                        p.add(x)
                    p.forms.extend(other.forms)
                    drop.add(id(other))
            if alias not in p.forms:
                p.forms.append(alias)
                start = hit.start(1)
                p.add(MentionSpan(start, start + len(alias), alias, -1, "name"))
    return [c for c in clusters if id(c) not in drop]


def _same_person(short: list[str], full: list[str]) -> bool:
    """"Lukashenko" ~ "Alexander Lukashenko"; "Vladimir Putin" ~ "Putin"."""
    if not short or not full:
        return False
    if short == full:
        return True
    if len(short) < len(full):
        return short == full[-len(short):] or (len(short) == 1 and short[0] == full[0] and len(full) == 2)
    return False


def _matches(tokens: list[str], person: Cluster) -> bool:
    return any(_same_person(tokens, _name_tokens(f)) for f in person.forms)


def cluster_people(doc: Doc, cands: list[Cand], gz: Gazetteer, year: int | None,
                   countries: set[str]) -> list[Cluster]:
    people: list[Cluster] = []
    for c in sorted((c for c in cands if c.type == "PERSON"), key=lambda c: -(c.te - c.ts)):
        span = doc[c.ts : c.te]
        tokens = _name_tokens(span.text)
        target = next((p for p in people if _matches(tokens, p)), None)
        if target is None:
            target = Cluster(key=f"person:{span.text}", name=span.text, type="PERSON")
            people.append(target)
        target.forms.append(span.text)
        target.add(MentionSpan(span.start_char, span.end_char, span.text, span.root.i, "name"))
        _add_title(doc, c, target, gz)
        _add_premodifiers(doc, c, target)
        _add_appositive(doc, c, target, gz)
    for p in people:
        _link_table(p, year, countries, gz)
    return _merge_same_name(people)


def _merge_same_name(people: list[Cluster]) -> list[Cluster]:
    """Two clusters the leader table named alike ("Kim" and "Kim Jong Un") are one person."""
    by_name: dict[str, Cluster] = {}
    for p in people:
        first = by_name.setdefault(p.name, p)
        if first is not p:
            for m in p.mentions:
                first.add(m)
            first.forms.extend(p.forms)
            for k, v in p.attributes.items():
                first.attributes.setdefault(k, v)
            first.kb_id = first.kb_id or p.kb_id
    return list(by_name.values())


def _add_title(doc: Doc, c: Cand, person: Cluster, gz: Gazetteer) -> None:
    start, country = title_start(doc, c.ts, gz)
    if start == c.ts:
        return
    role = role_from_title(doc, start, c.ts, country)
    if role is None:
        return
    if not person.attributes.get("role") or _generic(person.attributes["role"]):
        person.attributes["role"] = role
    if any(t.lower_ in lexicon.FORMER_WORDS for t in doc[start : c.ts]):
        person.attributes["former"] = "true"
    if country:
        person.attributes.setdefault("country", country)
    lead = start + 1 if doc[start].lower_ == "the" else start
    full = doc[lead : c.te]
    person.add(MentionSpan(full.start_char, full.end_char, full.text, doc[c.te - 1].i, "title"))
    title = doc[lead : c.ts]
    if len(title) >= 2:
        person.add(MentionSpan(title.start_char, title.end_char, title.text, title.root.i, "title"))


def _add_premodifiers(doc: Doc, c: Cand, person: Cluster) -> None:
    """"former Turkish ambassador Mithat Rende", "local resident Abala Waro", "Turkey's
    presidential spokesman Ibrahim Kalin": the whole noun phrase before the name, as the
    parse gives it (its determiner left out), is a mention too."""
    start = premodifier_start(doc, c.ts, c.te)
    if start < c.ts:
        full = doc[start : c.te]
        person.add(MentionSpan(full.start_char, full.end_char, full.text, c.te - 1, "description"))


def premodifier_start(doc: Doc, ts: int, te: int) -> int:
    """The first token of the modifiers the parse attaches before the name at [ts, te)."""
    left = doc[ts:te].root.left_edge.i
    i = ts
    while i > left:
        prev = doc[i - 1]
        participle = prev.tag_ == "VBN" and prev.dep_ == "amod"  # "the banned X"
        if prev.is_space or (prev.pos_ in ("DET", "PRON", "VERB", "AUX", "CCONJ", "SCONJ", "NUM")
                             and not participle):
            break
        if prev.is_punct and prev.text not in ("-", "."):
            break
        if prev.pos_ == "ADP" and not (prev.lower_ == "of" and i < ts):
            break
        if i < ts and prev.pos_ == "NOUN" and prev.text.islower() and doc[i].text[:1].isupper():
            break  # "a charge Afghan foreign ministry spokesperson X rejected": a new phrase
        i -= 1
    while i < ts and (doc[i].pos_ == "ADP" or doc[i].is_punct or (i > 0 and not doc[i - 1].whitespace_)):
        i += 1  # not from inside "20-year-old"
    return i


def _add_appositive(doc: Doc, c: Cand, person: Cluster, gz: Gazetteer) -> None:
    """"Dmitry Peskov, the Kremlin spokesman, said": a description and the role it gives."""
    root = doc[c.ts : c.te].root
    for t in root.children:
        heads = lexicon.PERSON_DESCRIPTION_HEADS | lexicon.APPOSITIVE_HEADS
        if t.dep_ != "appos" or t.i < c.te or t.lemma_.lower() not in heads:
            continue
        start, end = t.left_edge.i, t.i + 1
        while end <= t.right_edge.i and not (doc[end].is_punct or doc[end].lower_ in lexicon.RELATIVE_WORDS):
            end += 1  # up to a relative clause: "a senior leader who masterminded ..."
        span = doc[start:end]
        if any(x.ent_type_ == "PERSON" or x.is_punct for x in span) or span[0].tag_ == "PRP$":
            return  # "X, his wife": someone else
        person.add(MentionSpan(span.start_char, span.end_char, span.text, t.i, "description"))
        if end > t.i + 1:  # "a senior fellow at the X": the noun phrase without its complement too
            short = doc[start : t.i + 1]
            person.add(MentionSpan(short.start_char, short.end_char, short.text, t.i, "description"))
        if _generic(person.attributes.get("role")):
            person.attributes["role"] = _appositive_role(span, gz, person)
        return


def _appositive_role(span: Span, gz: Gazetteer, person: Cluster) -> str:
    """"Poland's prime minister" -> "Prime Minister of Poland"; otherwise the phrase itself."""
    country = next((e.name for x in span if (e := gz.country_of(x.text))), None)
    if country:
        person.attributes.setdefault("country", country)
        head = doc_title(span)
        if head:
            return f"{head} of {leaders.of_country(country)}"
    words = [x.text for x in span if x.dep_ != "det"]
    role = " ".join(words)
    return role[:1].upper() + role[1:]


def doc_title(span: Span) -> str:
    """The title words of a phrase, capitalized: "prime minister" -> "Prime Minister"."""
    words = [x.text for x in span if x.lower_ in lexicon.TITLE_WORDS and x.lower_ not in lexicon.HONORIFICS]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _link_table(p: Cluster, year: int | None, countries: set[str], gz: Gazetteer) -> None:
    forms = sorted(set(p.forms), key=lambda f: -len(f.split()))
    p.name = forms[0] if forms else p.name
    row = leaders.lookup(forms, year, countries, p.attributes.get("country"))
    if row is None:
        return
    if len(p.name.split()) < len(row.name.split()):
        p.name = row.name
    p.kb_id = row.kb_id
    text_role = p.attributes.get("role")
    if _generic(text_role) or (text_role or "").lower() == row.role.lower():
        p.attributes["role"] = row.role_title()
    if p.attributes.get("former") and not p.attributes["role"].startswith("Former"):
        p.attributes["role"] = "Former " + p.attributes["role"]
    if row.country in gz.countries:
        p.attributes.setdefault("country", row.country)
    else:
        p.attributes.setdefault("organization", row.country)  # "Secretary General" of NATO


def propagate(doc: Doc, people: list[Cluster], taken: set[tuple[int, int]]) -> None:
    """Repeat mentions spaCy missed: a known person's full name or surname met again.

    ``taken`` holds the character spans already claimed by any entity (or overlapping
    one); a repeat inside them is left alone.
    """
    wanted: dict[str, Cluster] = {}
    for p in people:
        for form in p.forms:
            words = _name_tokens(form)
            if words and len(words[-1]) >= 4 and words[-1][0].isupper():
                wanted.setdefault(words[-1], p)
    claimed = Intervals(taken)
    for tok in doc:
        person = wanted.get(tok.text)
        if person is None:
            continue
        start, end = tok.idx, tok.idx + len(tok)
        if claimed.overlaps(start, end):
            continue
        taken.add((start, end))
        claimed.add(start, end)
        person.add(MentionSpan(start, end, tok.text, tok.i, "name"))
