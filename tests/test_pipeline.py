from sitrep import Article, analyze
from sitrep.model import Analysis, article_id
from sitrep.registry import stages


def test_every_stage_is_registered():
    assert {"entities", "timexes", "quotes", "events"} <= set(stages)


def test_article_id_ignores_whitespace_differences():
    assert article_id("A  b\n c") == article_id("A b c")
    assert article_id("A b c") != article_id("A b d")


def test_analyze_returns_a_record_that_round_trips():
    art = Article(text="Russia and Belarus launched military drills on Friday.", source="t")
    rec = analyze(art).to_dict()
    assert rec["article"]["id"] == art.id
    assert Analysis.from_dict(rec).to_dict() == rec


def test_non_english_article_is_not_analysed():
    art = Article(text="Президент сказал это.", source="t", language="ru")
    res = analyze(art)
    assert res.article.analysis == "skipped: language ru"
    assert res.entities == [] and res.events == []
