"""Cross-article merging on hand-built reports (no pipeline run; the embedding model runs)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from sitrep import kb
from sitrep.kb import schema as k
from sitrep.store import Store
from tests.kb.conftest import deal_report, strike_report

REPORTS = [
    ("AFP", "A coalition air strike hit a crowded market in Mosul on Friday.", "2016-10-21", 12),
    ("Reuters", "An air strike by the coalition struck a busy market in Mosul on Friday.", "2016-10-21", 15),
]


def _add_all(store: Store) -> None:
    for outlet, sentence, date, killed in REPORTS:
        assert store.add(strike_report(outlet, sentence, date, killed))
    assert store.add(deal_report())


def test_one_mosul_and_one_islamic_state_across_reports(store: Store) -> None:
    _add_all(store)
    report = kb.merge(store)
    assert report.articles == 3
    _, mosul = kb.kb_entities(store, q="Mosul")
    assert [(e.name, e.n_articles) for e in mosul] == [("Mosul", 2)]
    _, isis = kb.kb_entities(store, q="Islamic State")
    assert [(e.kb_id, e.n_articles) for e in isis] == [("Q2429253", 2)]


def test_same_strike_merges_and_keeps_each_sources_numbers(store: Store) -> None:
    _add_all(store)
    kb.merge(store)
    total, attacks = kb.kb_events(store, type="attack")
    assert total == 1
    event = attacks[0]
    assert event.n_articles == 2
    killed = {v["value"] for v in event.arg_values()["killed"]}
    assert killed == {"12", "15"}  # per-source differences kept, not overwritten
    total_all, _ = kb.kb_events(store)
    assert total_all == 2  # the airline deal stays apart


def test_merge_is_incremental_and_idempotent(store: Store) -> None:
    _add_all(store)
    assert kb.merge(store).articles == 3
    assert kb.merge(store).articles == 0
    assert kb.pending(store) == []


def test_reanalysed_article_is_merged_again(store: Store) -> None:
    _add_all(store)
    kb.merge(store)
    changed = strike_report(*REPORTS[0])  # same text, a newer pipeline reads another number
    changed.events[0].args["killed"] = 20
    store.replace(changed)
    assert kb.pending(store) == [changed.article.id]
    kb.merge(store)
    _, attacks = kb.kb_events(store, type="attack")
    assert {v["value"] for v in attacks[0].arg_values()["killed"]} == {"20", "15"}


def test_queries_filter_by_actor_place_status_and_time(store: Store) -> None:
    _add_all(store)
    kb.merge(store)
    assert kb.kb_events(store, place="Mosul")[0] == 1
    assert kb.kb_events(store, actor="Boeing")[0] == 1
    assert kb.kb_events(store, status="agreed")[0] == 1
    assert kb.kb_events(store, since="2016-10-01", until="2016-10-31")[0] == 1
    assert kb.kb_events(store, until="2010")[0] == 1


def test_entity_profile_has_timeline_quotes_and_company(store: Store) -> None:
    _add_all(store)
    kb.merge(store)
    _, found = kb.kb_entities(store, q="Aeroflot")
    prof = kb.entity_profile(store, found[0].kb_id)
    assert prof is not None
    assert [g.type for g in prof.events] == ["arms_transfer"]
    assert len(prof.quotes_by) == 1
    assert {e.name for e, _ in prof.co_occurring} >= {"Boeing", "Moscow"}


def test_full_text_search_survives_query_syntax(store: Store) -> None:
    _add_all(store)
    kb.merge(store)
    hits = kb.search_articles(store, "Aeroflot Boeing")
    assert [h["title"] for h in hits] == ["Aeroflot buys Boeing jets"]
    for hostile in ['"', "NEAR(", "a OR", "*", "'; DROP TABLE articles; --"]:
        kb.search_articles(store, hostile)  # no syntax error reaches the user
    assert store.count() == 3


def test_ingest_and_merge_at_once_lose_nothing(store: Store) -> None:
    """Writers add reports while two merges run: every article ends up merged once."""
    reports = [strike_report(f"Outlet{i}", f"Report {i}: a coalition air strike hit Mosul on Friday.",
                             "2016-10-21", 10 + i) for i in range(6)]
    errors: list[BaseException] = []

    def ingest(batch: list) -> None:
        try:
            for r in batch:
                store.add(r)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def merge() -> None:
        try:
            kb.merge(store)
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(reports[:3],)),
               threading.Thread(target=ingest, args=(reports[3:],)), threading.Thread(target=merge),
               threading.Thread(target=merge)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    kb.merge(store)
    with store.engine.connect() as conn:
        merged = conn.execute(select(func.count()).select_from(k.kb_merged)).scalar_one()
        members = conn.execute(select(func.count()).select_from(k.kb_event_members)).scalar_one()
    assert merged == 6 and members == 6
    _, mosul = kb.kb_entities(store, q="Mosul")
    assert [(e.name, e.n_articles) for e in mosul] == [("Mosul", 6)]
