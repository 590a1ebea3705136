"""Full-text search over articles: an FTS5 table on SQLite (filled when the KB merges
an article), ``to_tsvector`` / ``websearch_to_tsquery`` (configuration 'simple') on
PostgreSQL.

The query language is the same on both (:func:`parse`): words and ``"quoted phrases"``
must all occur (AND), ``OR`` between two terms takes either, ``-term`` or ``NOT term``
excludes. A term is token-exact: a word written with punctuation inside is the phrase
of its parts ("S-400" is the phrase "s 400", never "400" alone, so "the company's 1,400
employees" does not match). The parsed query is rebuilt for each engine and passed as a
bound parameter: no query syntax from the user reaches the engine as such.

A query is bounded (#18): it is parsed in one pass, at most :data:`MAX_TERMS` terms are
used (the rest are dropped and counted in ``Query.dropped``), a phrase keeps its first
:data:`MAX_PHRASE` words, and each search runs under a time limit of
:data:`SEARCH_SECONDS` (:class:`~sitrep.store.deadline.QueryTimeout` after it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from sitrep.model import Article
from sitrep.store import Store
from sitrep.store.deadline import time_limit

_WORD = re.compile(r"\w+", re.UNICODE)

# terms (required and excluded) one query may use, words one phrase may hold, seconds
# one search may run
MAX_TERMS = 32
MAX_PHRASE = 12
SEARCH_SECONDS = 5.0


def ensure_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS kb_fts USING fts5(article_id UNINDEXED, title, body)"))


def index_article(conn: Connection, article: Article) -> None:
    """(Re)index one article (SQLite; PostgreSQL searches the articles table directly)."""
    if conn.dialect.name != "sqlite":
        return
    ensure_index(conn)
    conn.execute(text("DELETE FROM kb_fts WHERE article_id = :a"), {"a": article.id})
    conn.execute(text("INSERT INTO kb_fts (article_id, title, body) VALUES (:a, :t, :b)"),
                 {"a": article.id, "t": article.title or "", "b": article.text})


@dataclass(frozen=True, slots=True)
class Query:
    """``any_of``: groups of terms joined by OR, all groups required; ``none_of``: excluded.
    A term is a tuple of tokens that must occur in a row."""

    any_of: tuple[tuple[tuple[str, ...], ...], ...]
    none_of: tuple[tuple[str, ...], ...]
    dropped: int = 0  # terms left out beyond MAX_TERMS

    @property
    def n_terms(self) -> int:
        return sum(len(g) for g in self.any_of) + len(self.none_of)


_PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse(query: str) -> Query:
    """The query's terms, in one pass; repeats dropped ("the the the" is "the"), then
    at most MAX_TERMS terms kept in query order (the rest counted in ``dropped``)."""
    items: list[tuple[bool, list[tuple[str, ...]]]] = []  # (excluded?, OR-ed terms)
    last_group: list[tuple[str, ...]] | None = None
    join_next = negate_next = False
    for m in _PIECE.finditer(query):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        if word in ("OR", "|"):
            join_next = last_group is not None
            continue
        if word in ("NOT", "AND"):
            negate_next = word == "NOT"
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            neg, word = "-", word[1:]
        term = _term(phrase if phrase is not None else word or "")
        if not term:
            continue
        if neg or negate_next:
            items.append((True, [term]))
        elif join_next and last_group is not None:
            last_group.append(term)
        else:
            last_group = [term]
            items.append((False, last_group))
        join_next = negate_next = False
    return _capped(items)


def _capped(items: list[tuple[bool, list[tuple[str, ...]]]]) -> Query:
    groups: list[tuple[tuple[str, ...], ...]] = []
    excluded: list[tuple[str, ...]] = []
    seen: set[tuple[bool, tuple[tuple[str, ...], ...]]] = set()
    used = dropped = 0
    for negated, terms in items:
        key = (negated, tuple(dict.fromkeys(terms)))
        if key in seen:
            continue
        seen.add(key)
        kept = key[1][:max(0, MAX_TERMS - used)]
        dropped += len(key[1]) - len(kept)
        used += len(kept)
        if kept and negated:
            excluded.extend(kept)
        elif kept:
            groups.append(kept)
    return Query(tuple(groups), tuple(excluded), dropped)


def _term(piece: str) -> tuple[str, ...]:
    """The first MAX_PHRASE words of a piece, lower case."""
    words = []
    for m in _WORD.finditer(piece):
        words.append(m.group().lower())
        if len(words) == MAX_PHRASE:
            break
    return tuple(words)


def _quoted(term: tuple[str, ...]) -> str:
    return '"' + " ".join(term) + '"'


def fts5_query(query: str | Query) -> str:
    """The FTS5 MATCH expression: quoted phrases, OR groups, NOT for the exclusions."""
    q = parse(query) if isinstance(query, str) else query
    required = " AND ".join("(" + " OR ".join(_quoted(t) for t in g) + ")" for g in q.any_of)
    if q.none_of and required:
        required += " NOT (" + " OR ".join(_quoted(t) for t in q.none_of) + ")"
    return required


def websearch_query(query: str | Query) -> str:
    """The same query for PostgreSQL's ``websearch_to_tsquery``."""
    q = parse(query) if isinstance(query, str) else query
    parts = [" or ".join(_quoted(t) for t in g) for g in q.any_of]
    return " ".join([*parts, *("-" + _quoted(t) for t in q.none_of)])


# PostgreSQL's parser reads "S-400" as "s" and the number -400; the words are split on
# every character that is not a letter or digit first, as FTS5's unicode61 does, and
# the 'simple' configuration keeps every token as written (no stop words, no stems)
_PG_WORDS = ("to_tsvector('simple', regexp_replace(coalesce(title, '') || ' ' || text, "
             "'[^[:alnum:]]+', ' ', 'g'))")


def search(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    parsed = parse(query)
    if not parsed.any_of:  # nothing required (empty, or only exclusions)
        return []
    with time_limit(SEARCH_SECONDS), store.read() as conn:
        if conn.dialect.name == "sqlite":
            ensure_index(conn)
            rows = conn.execute(text(
                "SELECT f.article_id, a.title, a.published, a.outlet, "
                "snippet(kb_fts, 2, '[', ']', ' … ', 12) AS snippet "
                "FROM kb_fts f JOIN articles a ON a.id = f.article_id "
                "WHERE kb_fts MATCH :q ORDER BY rank LIMIT :n OFFSET :o"),
                {"q": fts5_query(parsed), "n": limit, "o": offset}).mappings().all()
        else:
            rows = conn.execute(text(
                "WITH q AS (SELECT websearch_to_tsquery('simple', :q) AS q) "
                "SELECT id AS article_id, title, published, outlet, "
                "ts_headline('simple', text, q.q, 'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet "
                f"FROM articles, q WHERE {_PG_WORDS} @@ q.q "
                f"ORDER BY ts_rank({_PG_WORDS}, q.q) DESC, id LIMIT :n OFFSET :o"),
                {"q": websearch_query(parsed), "n": limit, "o": offset}).mappings().all()
    return [dict(r) for r in rows]
