"""Entities across articles -> one KB entity.

Two article entities are the same KB entity when the extractor linked both to one
reference id (``Entity.kb_id``, e.g. a Wikidata id from the gazetteer), or else when
they share type family and normalized name. Ids are derived from the merge key, so
two merges running at once agree on them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from typing import Any

from sqlalchemy import Connection, delete, select

from sitrep.kb import schema as k
from sitrep.kb.sql import like_escape
from sitrep.model import Analysis, Entity

FAMILIES = {
    "COUNTRY": "place", "CITY": "place", "REGION": "place",
    "ORG": "org", "MILITARY_UNIT": "org", "BLOC": "org",
}
_LEAD_THE = re.compile(r"^the\s+", re.I)


def normalize_name(name: str) -> str:
    """Case, accents, typographic quotes/dashes, a leading "the" and punctuation folded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = _LEAD_THE.sub("", text.strip())
    text = re.sub(r"'s$", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


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
        kb = kb_id_for(key) if key.startswith("ref:") else _short_form_of(conn, key) or kb_id_for(key)
        mapping[ent.id] = kb
        rows.append({"article_id": art.id, "entity_id": ent.id, "kb_id": kb, "name": ent.name,
                     "role": (ent.attributes or {}).get("role"), "published": art.published})
        _ensure_entity(conn, kb, key, ent)
    if rows:
        conn.execute(k.kb_entity_members.insert(), rows)
    for kb in set(mapping.values()):
        refresh_entity(conn, kb)
    return mapping


# people only: for organizations a prefix is as often a different body ("EADS" vs
# "EADS North America") as a short name, so they merge by reference id or exact name
SHORT_FORM_FAMILIES = ("PERSON:",)


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
