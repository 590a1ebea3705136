"""An entity that fills the items role through a generic slot becomes an item record
(a bare entity there once crashed event coreference)."""

from __future__ import annotations

from sitrep import Article
from sitrep.pipeline import get_pipeline

TEXT = ("The Indian warship INS Mysore deployed its Marine Commandos near the Gulf of Aden on "
        "Saturday. The navy deployed the Marine Commandos after a rescue call, officials said.")


def test_entity_in_the_items_role_is_an_item_record():
    res = get_pipeline().analyze(Article(text=TEXT, source="t", published="2008-11-15"))
    assert res.article.analysis is None, res.article.analysis
    items = [i for ev in res.events for i in ev.args.get("items", [])]
    assert all(isinstance(i, dict) and i.get("name") for i in items)
