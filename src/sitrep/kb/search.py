"""Full-text search over articles: an FTS5 table on SQLite (filled when the KB merges
an article), ``to_tsvector`` / ``websearch_to_tsquery`` on PostgreSQL. The user's
words are passed as bound parameters, each quoted as an FTS5 string, so no query
syntax from the user reaches the engine.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from sitrep.model import Article
from sitrep.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)


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


def fts5_query(query: str) -> str:
    """Every word of the query, each a quoted FTS5 string (implicit AND)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def search(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    if not _WORD.search(query):
        return []
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            ensure_index(conn)
            rows = conn.execute(text(
                "SELECT f.article_id, a.title, a.published, a.outlet, "
                "snippet(kb_fts, 2, '[', ']', ' … ', 12) AS snippet "
                "FROM kb_fts f JOIN articles a ON a.id = f.article_id "
                "WHERE kb_fts MATCH :q ORDER BY rank LIMIT :n OFFSET :o"),
                {"q": fts5_query(query), "n": limit, "o": offset}).mappings().all()
        else:
            rows = conn.execute(text(
                "SELECT id AS article_id, title, published, outlet, "
                "ts_headline('english', text, websearch_to_tsquery('english', :q), "
                "'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet "
                "FROM articles WHERE to_tsvector('english', coalesce(title,'') || ' ' || text) "
                "@@ websearch_to_tsquery('english', :q) "
                "ORDER BY ts_rank(to_tsvector('english', text), websearch_to_tsquery('english', :q)) DESC "
                "LIMIT :n OFFSET :o"), {"q": query, "n": limit, "o": offset}).mappings().all()
    return [dict(r) for r in rows]
