"""The held-out articles and their gold files are well formed (no pipeline run here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitrep.eval.gold import locate
from sitrep.eval.golddir import article_for, gold_files
from sitrep.ingest import read_inputs
from tests.heldout.rebuild import rebuild
from tests.heldout.required import required_recall

HERE = Path(__file__).parent
GOLDS = gold_files(HERE)


def test_five_articles() -> None:
    assert len(GOLDS) == 5


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_every_gold_span_is_in_the_article(gold_path: Path) -> None:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    article = next(iter(read_inputs([str(article_for(gold_path))])))
    text = article.text
    assert article.published == gold["article"]["published"]
    assert article.title == gold["article"]["title"]
    for ent in gold["entities"]:
        assert all(m in text for m in ent["mentions"]), ent["name"]
    for key in ("timexes", "quotes"):
        for item in gold[key]:
            found = len(locate(text, item["text"], item.get("context")))
            # the dateline (optional) is metadata and may be outside the body
            assert found == 1 or (found == 0 and item.get("optional")), item["text"]
    for event in gold["events"]:
        assert all(ev in text for ev in event["evidence"]), event["id"]


def test_required_recall_excludes_optional_items() -> None:
    gold = {
        "timexes": [{"text": "May", "values": ["2020-05"], "optional": True},
                    {"text": "June", "values": ["2020-06"]}],
        "entities": [{"name": "Ann Lee", "type": "PERSON", "mentions": ["Lee"]}],
        "quotes": [], "events": [],
    }
    text = "In May Lee left; June came."
    record = {"article": {"text": text},
              "timexes": [{"start": 3, "end": 6, "text": "May"}],
              "entities": [{"name": "Lee", "type": "PERSON", "mentions": [{"text": "Lee"}]}]}
    got = required_recall(gold, record)
    assert got["timexes"] == (0, 1)
    assert got["entities"] == (1, 1)
    record["entities"][0]["type"] = "ORG"
    assert required_recall(gold, record)["entities"] == (0, 1)


def test_rebuild_joins_tokens_and_keeps_quotes_together() -> None:
    import xml.etree.ElementTree as ET

    words = [("0", "Title"), ("1", "May"), ("1", "2"), ("2", "\""), ("2", "We"), ("2", "won"),
             ("2", "."), ("3", "Then"), ("3", "more"), ("3", "."), ("3", "\""), ("4", "He"),
             ("4", "said"), ("4", "so"), ("4", ",")]
    root = ET.Element("Document", url="http://example.org/a")
    for sent, word in words:
        ET.SubElement(root, "token", sentence=sent).text = word
    out = rebuild(root).split("\n\n")
    assert out[:3] == ["Title", "By Wikinews", "May 2"]
    assert out[3] == "\"We won. Then more.\""
    assert out[4] == "He said so,"
    assert out[-2:] == ["Original url:", "<http://example.org/a>\n"]
