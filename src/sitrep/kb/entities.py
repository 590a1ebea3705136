"""Entities across articles -> one KB entity.

Two article entities are the same KB entity when the extractor linked both to one
reference id (``Entity.kb_id``, e.g. a Wikidata id from the gazetteer), or else when
they share type family and normalized name. Ids are derived from the merge key, so
two merges running at once agree on them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from sqlalchemy import Connection, delete, select

from sitrep.kb import schema as k
from sitrep.kb.entitykeys import FAMILIES, entity_keys, lookup_key, normalize_name
from sitrep.kb.sql import like_escape
from sitrep.model import Analysis, Entity


def merge_key(entity: Entity) -> str:
    if entity.kb_id:
        return f"ref:{entity.kb_id}"
    return f"{FAMILIES.get(entity.type, entity.type)}:{normalize_name(entity.name)}"


def kb_id_for(key: str) -> str:
    if key.startswith("ref:"):
        return key[4:]
    return "kb:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def merge_entities(conn: Connection, analysis: Analysis) -> dict[str, str]:
    """Write the article's entity memberships; returns entity id -> kb id."""
    art = analysis.article
    conn.execute(delete(k.kb_entity_members).where(k.kb_entity_members.c.article_id == art.id))
    mapping: dict[str, str] = {}
    rows = []
    for ent in analysis.entities:
        key = merge_key(ent)
        keys = entity_keys(ent)
        kb = find_entity(conn, ent, keys, taken=set(mapping.values())) or kb_id_for(key)
        mapping[ent.id] = kb
        rows.append({"article_id": art.id, "entity_id": ent.id, "kb_id": kb, "name": ent.name,
                     "role": (ent.attributes or {}).get("role"), "published": art.published})
        _ensure_entity(conn, kb, key, ent)
        _file_keys(conn, kb, keys)
    if rows:
        conn.execute(k.kb_entity_members.insert(), rows)
    for kb in set(mapping.values()):
        refresh_entity(conn, kb)
    return mapping


def _kbs_by_key(conn: Connection, key: str) -> set[str]:
    ke, e = k.kb_entity_keys, k.kb_entities
    found = {r.kb_id for r in conn.execute(select(ke.c.kb_id).where(ke.c.key == key))}
    found |= {r.kb_id for r in conn.execute(select(e.c.kb_id).where(e.c.key == key))}
    if not found:
        return found
    live = {r.kb_id for r in conn.execute(select(e.c.kb_id).where(e.c.kb_id.in_(found)))}
    return live


def _refs_of(conn: Connection, kb: str) -> set[str]:
    ke = k.kb_entity_keys
    refs = {r.key[4:] for r in conn.execute(select(ke.c.key).where(ke.c.kb_id == kb, ke.c.key.like("ref:%")))}
    return refs | ({kb} if not kb.startswith("kb:") else set())


def find_entity(conn: Connection, ent: Entity, keys: list[str], taken: set[str]) -> str | None:
    """The KB entity this article entity is: by reference id, then by name, then (when
    exactly one KB entity answers) by alias, acronym, company core, armed service or bare
    name, then a person's surname or spelling variant; None for a new one. A KB entity
    linked to another reference id is never joined, nor, by the weaker keys, one another
    entity of this article has already joined (the extractor kept the two apart)."""
    if ent.kb_id:
        hit = _kbs_by_key(conn, f"ref:{ent.kb_id}") or _kbs_by_key_id(conn, ent.kb_id)
        if hit:
            return sorted(hit)[0]

    def fits(kb: str) -> bool:
        return not ent.kb_id or not (_refs_of(conn, kb) - {ent.kb_id})

    primary = next(key for key in keys if not key.startswith("ref:"))
    hits = sorted(kb for kb in _kbs_by_key(conn, primary) if fits(kb))
    if hits:
        return hits[0]
    for key in keys[keys.index(primary) + 1:]:
        hits = sorted(kb for kb in _kbs_by_key(conn, lookup_key(key)) if kb not in taken and fits(kb))
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None  # two KB entities answer: do not guess
    if ent.kb_id:
        return None
    return _short_form_of(conn, primary) or _spelling_variant(conn, primary)


def _kbs_by_key_id(conn: Connection, kb: str) -> set[str]:
    e = k.kb_entities
    return {r.kb_id for r in conn.execute(select(e.c.kb_id).where(e.c.kb_id == kb))}


def _file_keys(conn: Connection, kb: str, keys: list[str]) -> None:
    from sitrep.kb.sql import insert_ignore

    if keys:
        conn.execute(insert_ignore(conn, k.kb_entity_keys), [{"key": key[:200], "kb_id": kb} for key in keys])


# people only: for organizations a prefix is as often a different body ("EADS" vs
# "EADS North America") as a short name, so they merge by reference id or exact name
SHORT_FORM_FAMILIES = ("PERSON:",)
MIN_VARIANT = 6  # surnames shorter than this are too often another person at one letter off


def _short_form_of(conn: Connection, key: str) -> str | None:
    """The one KB person whose full name this surname stands for ("Putin" -> "Vladimir
    Putin"); else None."""
    if not key.startswith(SHORT_FORM_FAMILIES):
        return None
    e = k.kb_entities
    if conn.execute(select(e.c.kb_id).where(e.c.key == key)).first():
        return None
    family, name = key.split(":", 1)
    if not name:
        return None
    pattern = f"{family}:% {like_escape(name)}"
    rows = conn.execute(select(e.c.kb_id).where(e.c.key.like(pattern, escape="\\")).limit(2)).all()
    return rows[0].kb_id if len(rows) == 1 else None


def _spelling_variant(conn: Connection, key: str) -> str | None:
    """The one KB person of the same given name whose surname is this one at one edit or
    one swap of two letters ("Mevlut Cavusolgu" -> "Mevlut Cavusoglu"); else None."""
    if not key.startswith(SHORT_FORM_FAMILIES):
        return None
    family, name = key.split(":", 1)
    words = name.split()
    if len(words) < 2 or len(words[-1]) < MIN_VARIANT:
        return None
    e = k.kb_entities
    pattern = f"{family}:{like_escape(' '.join(words[:-1]))} %"
    found = set()
    for r in conn.execute(select(e.c.kb_id, e.c.key).where(e.c.key.like(pattern, escape="\\")).limit(50)):
        other = r.key.split(":", 1)[1].split()
        if len(other) == len(words) and one_edit(other[-1], words[-1]):
            found.add(r.kb_id)
    return found.pop() if len(found) == 1 else None


def one_edit(a: str, b: str) -> bool:
    """a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _ensure_entity(conn: Connection, kb: str, key: str, ent: Entity) -> None:
    exists = conn.execute(select(k.kb_entities.c.kb_id).where(k.kb_entities.c.kb_id == kb)).first()
    if not exists:
        from sitrep.kb.sql import insert_ignore

        conn.execute(insert_ignore(conn, k.kb_entities), {
            "kb_id": kb, "name": ent.name, "type": ent.type, "key": key, "aliases": [], "n_articles": 0,
        })


def refresh_entity(conn: Connection, kb: str) -> None:
    """Recompute name, type, aliases and article count of a KB entity from its members."""
    m = k.kb_entity_members
    rows = conn.execute(select(m.c.article_id, m.c.name).where(m.c.kb_id == kb)).all()
    if not rows:
        conn.execute(delete(k.kb_entities).where(k.kb_entities.c.kb_id == kb))
        conn.execute(delete(k.kb_entity_keys).where(k.kb_entity_keys.c.kb_id == kb))
        return
    names = Counter(r.name for r in rows)
    # the canonical name: the most frequent, longer names first on ties
    name = max(names, key=lambda n: (names[n], len(n)))
    aliases = sorted(n for n in names if n != name)
    conn.execute(k.kb_entities.update().where(k.kb_entities.c.kb_id == kb).values(
        name=name, aliases=aliases, n_articles=len({r.article_id for r in rows})))


def entity_row(conn: Connection, kb: str) -> dict[str, Any] | None:
    row = conn.execute(select(k.kb_entities).where(k.kb_entities.c.kb_id == kb)).first()
    return dict(row._mapping) if row else None
