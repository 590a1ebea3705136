"""Building entities: candidates grouped into clusters, then into Entity records."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.entities import aliases, towns
from sitrep.extract.entities.clusters import Cluster, MentionSpan
from sitrep.extract.entities.data import lexicon
from sitrep.extract.entities.gazetteer import Gazetteer
from sitrep.extract.entities.recognize import Cand, country_before
from sitrep.model import Article, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


# how a candidate's kind shows on its mention
KIND_OF = {"capital": "name", "city": "name", "seat": "metonym"}


def _key(c: Cand, doc: Doc) -> str:
    if c.entry is not None:
        return f"{c.entry.type}:{c.entry.name.lower()}"
    if c.source == "pattern":
        return f"{c.type}:{c.name}"
    text = re.sub(r"^(the|The)\s+", "", c.name or doc[c.ts : c.te].text)
    return f"{c.type}:{text.lower()}"


def cluster_things(doc: Doc, cands: list[Cand], gz: Gazetteer | None = None) -> list[Cluster]:
    """Everything but people: one cluster per gazetteer entry, pattern name or text."""
    out: dict[str, Cluster] = {}
    for c in cands:
        if c.type == "PERSON":
            continue
        key = _key(c, doc)
        cl = out.get(key)
        if cl is None:
            entry = c.entry
            attrs = dict(entry.attrs()) if entry else {}
            attrs.update({k: v for k, v in c.attrs.items() if k != "metonym"})
            attrs.pop("iso", None)
            name = entry.name if entry else (c.name or doc[c.ts : c.te].text)
            if gz is not None and c.type in ("CITY", "REGION") and "country" not in attrs:
                country = (gz.cities.get(name) or (gz.regions.get(name, ""), 0))[0] or _town_country(name, gz)
                if country:
                    attrs["country"] = country
            cl = out[key] = Cluster(key, name, c.type, entry.kb_id if entry else None, attrs)
        span = doc[_with_country(doc, c, gz) : c.te]
        kind = "metonym" if "metonym" in c.attrs else KIND_OF.get(c.kind, c.kind)
        cl.add(MentionSpan(span.start_char, span.end_char, span.text, span.root.i, kind))
        cl.forms.append(span.text)
        if c.type == "WEAPON_SYSTEM":
            _weapon_phrase(doc, c, cl, gz)
    merged = aliases.short_company_names(aliases.merge_acronyms(list(out.values())))
    if gz is None:
        return merged
    return aliases.country_short_forms(merged, lambda t: gz.country_of(t) is not None)


def _town_country(name: str, gz: Gazetteer) -> str:
    """The country of a town only the GeoNames ``cities1000`` list knows ("Tessalit")."""
    iso = towns.country_code(name)
    entry = gz.by_iso.get(iso)
    return entry.name if entry else ""


def _with_country(doc: Doc, c: Cand, gz: Gazetteer | None) -> int:
    """Where an organization's mention starts: "U.S. State Department", "China's State
    Council" take in the country the table gives the organization."""
    country = c.entry.attrs().get("country") if c.entry is not None else None
    if gz is None or not country or c.type not in ("ORG", "MILITARY_UNIT"):
        return c.ts
    entry, start = country_before(doc, c.ts, gz)
    return start if entry is not None and entry.name == country else c.ts


def _weapon_phrase(doc: Doc, c: Cand, cl: Cluster, gz: Gazetteer | None = None) -> None:
    """"a Tor surface-to-air missile system", "S-400 air defense systems": the whole phrase;
    with the user's or maker's country before it too ("Turkish F-16 jets", "U.S. Patriot
    missiles")."""
    last = None
    for t in doc[c.te : min(len(doc), c.te + 8)]:
        nxt = doc[t.i + 1].text if t.i + 1 < len(doc) else ""
        hyphenated = "-" in (t.text, nxt, doc[t.i - 1].text)
        if not hyphenated and (t.is_punct or t.is_space or t.pos_ not in ("NOUN", "ADJ", "PROPN")):
            break
        cue = t.lower_ in lexicon.WEAPON_CUE_NOUNS or t.lower_ in lexicon.EQUIPMENT_CLASSES
        if cue and t.pos_ == "NOUN":
            last = t.i
    country_start = c.ts
    if gz is not None:
        entry, at = country_before(doc, c.ts, gz)
        country_start = at if entry is not None and doc[c.ts - 1].tag_ != "POS" else c.ts
    if last is None:
        if country_start < c.ts:
            span = doc[country_start : c.te]
            cl.add(MentionSpan(span.start_char, span.end_char, span.text, c.te - 1, "description"))
        return
    start = c.ts - 1 if c.ts > 0 and doc[c.ts - 1].lower_ in ("a", "an") else c.ts
    for first in dict.fromkeys((start, country_start)):
        span = doc[first : last + 1]
        cl.add(MentionSpan(span.start_char, span.end_char, span.text, last, "description"))


def drop_inside_titles(things: list[Cluster], people: list[Cluster]) -> list[Cluster]:
    """"Secretary of State Antony Blinken": spaCy's "State" organization is part of a title."""
    titles = [(m.start, m.end) for p in people for m in p.mentions if m.kind == "title"]
    out = []
    for cl in things:
        if cl.type not in ("COUNTRY", "CITY", "REGION"):
            cl.mentions = [m for m in cl.mentions if not _inside_any(m, titles)]
        if cl.mentions:
            out.append(cl)
    return out


def _inside_any(m: MentionSpan, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)


def add_metadata(article: Article, clusters: list[Cluster], gz: Gazetteer) -> None:
    """Authors and agency named only in the byline (mentions without offsets).

    The outlet is the article's publisher (``article.outlet``, often read from the url): it
    names an entity the text mentions ("VOA" -> Voice of America) but makes none of its own
    (the gold sets list an outlet known only from the url as optional at most)."""
    for author in article.authors:
        _meta(clusters, author, "PERSON", "byline", gz, role="journalist")
    if article.agency:
        _meta(clusters, article.agency, "ORG", "byline", gz)
    if article.outlet:
        _meta(clusters, article.outlet, "ORG", "byline", gz, create=False)


def _meta(clusters: list[Cluster], text: str, typ: str, fld: str, gz: Gazetteer, role: str = "",
          create: bool = True) -> None:
    entry = next((e for _k, e in gz.lookup(text) if e.type in ("ORG", typ)), None)
    name = entry.name if entry else text
    for cl in clusters:
        if cl.name == name or text in cl.forms:
            cl.attributes.setdefault(f"in_{fld}", "true")
            return
    short = next((c for c in clusters if c.type == "ORG" and aliases.is_acronym(c.name)
                  and c.name in aliases.initials(name)), None)
    if short is not None and typ == "ORG":  # "VOA" in the body, "Voice of America" in the byline
        short.key, short.name = f"{fld}:{name}", name
        short.attributes.setdefault(f"in_{fld}", "true")
        short.mentions.append(MentionSpan(-1, -1, text, -1, fld))
        short.forms.append(text)
        return
    if not create:
        return
    attrs = dict(entry.attrs()) if entry else {}
    if role:
        attrs["role"] = role
    cl = Cluster(f"{fld}:{name}", name, entry.type if entry else typ, entry.kb_id if entry else None, attrs)
    cl.mentions.append(MentionSpan(-1, -1, text, -1, fld))
    cl.forms.append(text)
    clusters.append(cl)


def cluster_order(c: Cluster) -> tuple[int, int]:
    """First mention first; entities named only in the byline or url last."""
    body = [m.start for m in c.mentions if m.start >= 0]
    return (0, min(body)) if body else (1, 0)


def to_entities(clusters: list[Cluster]) -> list[Entity]:
    """Entity records in order of first mention, ids e1, e2, ..."""
    out = []
    for n, cl in enumerate(sorted(clusters, key=cluster_order), 1):
        mentions = []
        for m in sorted(cl.mentions, key=lambda m: (m.start, -m.end)):
            if m.start < 0:
                mentions.append(Mention(None, None, m.text, field=m.kind))
            else:
                mentions.append(Mention(m.start, m.end, m.text))
        attrs = {k: v for k, v in cl.attributes.items() if v}
        out.append(Entity(f"e{n}", cl.name, cl.type, cl.kb_id, attrs, mentions))
    return out
