"""The in-memory name index of a SQLite store (sitrep.store.names) finds, for every
name, exactly the entities the SQL name match finds, and follows the store's writes."""

from __future__ import annotations

from pathlib import Path

from sitrep.model import Analysis, Article, Entity, Mention
from sitrep.store import open_store
from sitrep.store.queries import entities_named, find_event_keys, find_quotes, named_pairs

NAMES = ["Recep Tayyip Erdoğan", "Mevlüt Çavuşoğlu", "Vladimir  Putin", "UN", "Lukashenko",
         "ÇAVUŞOĞLU Mevlüt", "O'Neil_Smith 100%", "Ştefan cel Mare", "ΑΘΗΝΑ"]
MENTIONS = {"Vladimir  Putin": ["Putin", "President Putin"], "UN": ["the U.N.", "United Nations"],
            "Recep Tayyip Erdoğan": ["ERDOGAN", "Erdoğan\tsaid"]}
ASKED = ["erdogan", "Erdoğan", "ERDOĞAN", "Tayyip", "recep tayyip", "Çavuşoğlu", "cavusoglu",
         "çavuşoğlu mevlüt",
         "Putin", "vladimir putin", "Vladimir  Putin", "president putin", "un", "UN", "Q9", "q9", "u.n.",
         "Alexander Lukashenko", "lukashenko", "ashenko", "100%", "o'neil_smith", "ştefan", "αθηνα", "ΑΘΗΝΑ",
         "  united   nations  ", "nations", "said", "the", "Mare", "xyz"]


def _report(i: int) -> Analysis:
    ents = []
    for j, name in enumerate(NAMES, 1):
        mentions = [Mention(None, None, name)] + [Mention(None, None, m) for m in MENTIONS.get(name, [])]
        ents.append(Entity(id=f"e{j}", name=name, type="PERSON", kb_id="Q9" if name == "UN" else None,
                           mentions=mentions))
    return Analysis(article=Article(text=f"Report {i} on talks.", source=f"r{i}.md"), entities=ents)


def test_the_index_matches_what_the_sql_matches(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "n.db")) as store:
        store.add(_report(1))
        with store.read() as conn:
            for name in ASKED:
                sql = sorted({(r[0], r[1]) for r in conn.execute(entities_named(name))})
                assert named_pairs(store, name) == sql, name
        assert named_pairs(store, "Erdoğan") and named_pairs(store, "xyz") == []
        store.add(_report(2))  # a write: the next match sees the new article
        assert len(named_pairs(store, "erdogan") or []) == 2
        assert find_event_keys(store, actor="nobody at all") == []
        assert find_quotes(store, speaker="nobody at all") == []
