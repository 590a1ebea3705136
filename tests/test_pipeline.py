import pytest

from sitrep import Article, analyze
from sitrep.config import Settings
from sitrep.errors import PipelineError
from sitrep.extract.component import Component, check_stages
from sitrep.extract.stages import STAGES
from sitrep.model import Analysis, article_id
from sitrep.pipeline import Pipeline


def test_the_stages_in_order_and_their_requirements_check():
    assert [s.name for s in STAGES] == ["entities", "timexes", "quotes", "events"]
    assert check_stages(STAGES)[-1] == {"name": "events", "requires": ["entities", "timexes", "quotes"],
                                        "assigns": "events"}


class Claims(Component):
    """A toy stage with a new kind of record: every sentence naming a country."""

    name = "claims"
    assigns = "claims"
    requires = ("entities",)

    def __call__(self, ctx):  # type: ignore[no-untyped-def]
        countries = [e for e in ctx.entities if e.type == "COUNTRY"]
        return [{"sentence": s.text, "countries": sorted({e.name for e in countries})}
                for s in ctx.doc.sents if countries]


class ClaimCount(Component):
    name = "claim_count"
    assigns = "claim_count"
    requires = ("claims",)

    def __call__(self, ctx):  # type: ignore[no-untyped-def]
        return [len(ctx.records("claims"))]


def test_a_new_stage_with_a_new_kind_of_record_is_one_class_and_one_list_entry():
    pipe = Pipeline(Settings(), stages=[*STAGES, Claims, ClaimCount])
    res = pipe.analyze(Article(text="Poland bought tanks. Germany objected.", source="t"))
    assert res.extra["claim_count"] == [2]
    assert res.extra["claims"][0] == {"sentence": "Poland bought tanks.", "countries": ["Germany", "Poland"]}
    assert res.entities and Analysis.from_dict(res.to_dict()).extra == res.extra


def test_a_stage_whose_requirement_no_earlier_stage_assigns_is_refused_when_built():
    with pytest.raises(PipelineError, match="'claim_count' requires claims"):
        Pipeline(Settings(), stages=[*STAGES, ClaimCount, Claims])
    with pytest.raises(PipelineError, match="no stage named 'nonsense'"):
        Pipeline(Settings(stages=("nonsense",)))


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


def test_an_articles_analysis_status_is_an_enum_with_a_reason():
    from sitrep.model import AnalysisState, AnalysisStatus

    art = Article(text="Президент сказал это.", source="t", language="ru")
    res = analyze(art)
    assert res.article.status == AnalysisStatus(AnalysisState.SKIPPED, "language ru")
    done = analyze(Article(text="Talks in Vienna.", source="v"))
    assert done.article.status.state is AnalysisState.ANALYSED
    failed = AnalysisStatus.failed("ValueError: stage bug")
    assert AnalysisStatus.parse(failed.text()) == failed and failed.text() == "failed: ValueError: stage bug"
