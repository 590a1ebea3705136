"""A store of 1,000+ articles for the web load bench (bench/web_load.py), from a smaller
store that was ingested and merged for real.

    sitrep --db /tmp/s400.db ingest corpus-400.jsonl && sitrep --db /tmp/s400.db kb merge
    .venv/bin/python bench/web_store.py /tmp/s400.db /tmp/s1200.db --copies 2

``DEST`` is a copy of ``SRC`` (SQLite) plus ``--copies`` copies of every article: each
copy has a new id, a title marked "(copy k)", the line "(copy k)" appended to its text
(every stored offset stays valid), a publication date of its own (the originals get
one too: 2020-01-01 plus one day per article), and every record of the original
(entities, mentions, events, quotes, timexes, sources, full-text index) under the new
id. A copy joins the KB entities and events of its original, as a second report of the
same story would, so the KB's popular entities are reported in (copies + 1) times as
many articles: the entity pages get heavier, not lighter. Merging 1,000 articles for
real takes about half an hour on 2 busy cores; this takes seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

SKIP = {"articles", "schema_version", "kb_entities", "kb_events", "corrections"}


def columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]


def article_tables(db: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'kb_fts_%' AND name NOT LIKE 'sqlite_%'")]
    return [n for n in names if n not in SKIP and "article_id" in columns(db, n)]


def copy_articles(db: sqlite3.Connection, copies: int) -> int:
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY seq")]
    day0 = dt.date(2020, 1, 1)
    n = len(ids)
    db.executemany("UPDATE articles SET published = ? WHERE id = ?",
                   [((day0 + dt.timedelta(days=i)).isoformat(), a) for i, a in enumerate(ids)])
    db.execute("CREATE TEMP TABLE idmap (old TEXT, new TEXT, k INTEGER, published TEXT)")
    rows = []
    for k in range(1, copies + 1):
        for i, a in enumerate(ids):
            new = hashlib.sha256(f"{a}/copy{k}".encode()).hexdigest()[:len(a)]
            rows.append((a, new, k, (day0 + dt.timedelta(days=k * n + i)).isoformat()))
    db.executemany("INSERT INTO idmap VALUES (?, ?, ?, ?)", rows)
    cols = [c for c in columns(db, "articles") if c != "seq"]
    picked = {c: f"a.{c}" for c in cols}
    picked.update(id="m.new", title="coalesce(a.title, '') || ' (copy ' || m.k || ')'",
                  text="a.text || char(10) || char(10) || '(copy ' || m.k || ')'", published="m.published")
    db.execute(f"INSERT INTO articles ({', '.join(cols)}) SELECT {', '.join(picked[c] for c in cols)} "
               "FROM idmap m JOIN articles a ON a.id = m.old ORDER BY m.k, a.seq")
    for table in article_tables(db):
        tcols = [c for c in columns(db, table) if not (c == "seq" and table == "article_sources")]
        sel = ["m.new" if c == "article_id" else f't."{c}"' for c in tcols]
        db.execute(f'INSERT INTO "{table}" ({", ".join(tcols)}) SELECT {", ".join(sel)} '
                   f'FROM idmap m JOIN "{table}" t ON t.article_id = m.old')
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'kb_fts'").fetchone():
        db.execute("INSERT INTO kb_fts (article_id, title, body) SELECT m.new, a.title, a.text "
                   "FROM idmap m JOIN articles a ON a.id = m.new")
    db.execute("UPDATE kb_entity_members SET published = (SELECT published FROM articles a "
               "WHERE a.id = kb_entity_members.article_id)")
    db.execute("UPDATE kb_entities SET n_articles = (SELECT count(DISTINCT article_id) "
               "FROM kb_entity_members m WHERE m.kb_id = kb_entities.kb_id)")
    db.execute("UPDATE kb_events SET n_articles = (SELECT count(DISTINCT article_id) "
               "FROM kb_event_members m WHERE m.kb_event_id = kb_events.kb_event_id)")
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dest")
    ap.add_argument("--copies", type=int, default=2)
    args = ap.parse_args()
    src = sqlite3.connect(args.src)
    dest_path = Path(args.dest)
    dest_path.unlink(missing_ok=True)
    with sqlite3.connect(dest_path) as dest:
        src.backup(dest)
    src.close()
    db = sqlite3.connect(dest_path)
    with db:
        added = copy_articles(db, args.copies)
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"{args.dest}: {total} articles ({added} copies added)")
    db.close()


if __name__ == "__main__":
    main()
