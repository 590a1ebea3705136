"""Long articles analysed in segments (issue #18): the parse in pieces of at most
``Settings.segment_chars``, the stages over the whole, every offset into article.text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.config import Settings
from sitrep.model import Analysis, Article
from sitrep.nlp.loader import load_nlp
from sitrep.nlp.segments import parse_segmented, segment_bounds
from sitrep.pipeline import Pipeline, stage_seconds
from tests.conftest import EVAL, require

STORIES = EVAL / "voa" / "voa_stories.jsonl"


def voa_report(chars: int, stories: int | None = None) -> str:
    """A report of at least ``chars`` characters: VOA stories (unlabelled; the first
    ``stories`` of them) as its paragraphs, repeated as often as it takes."""
    require(STORIES.is_file(), f"VOA stories at {STORIES}")
    lines = STORIES.read_text(encoding="utf-8").splitlines()[:stories]
    paras = [json.loads(line)["text"] for line in lines]
    out, size = ["Annual report on the region"], 0
    while size < chars:
        para = paras[len(out) % len(paras)]
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out)


def offset_errors(analysis: Analysis) -> list[str]:
    """Every record whose span's text is not article.text[start:end]."""
    text, bad = analysis.article.text, []

    def check(kind: str, start: int | None, end: int | None, got: str) -> None:
        if start is not None and end is not None and text[start:end] != got:
            bad.append(f"{kind} {start}:{end} {got!r} != {text[start:end]!r}")

    for ent in analysis.entities:
        for m in ent.mentions:
            if m.field == "body":
                check("mention", m.start, m.end, m.text)
    for tx in analysis.timexes:
        check("timex", tx.start, tx.end, tx.text)
    for q in analysis.quotes:
        check("quote", q.start, q.end, q.text)
        for span in (q.cue_span, q.speaker_mention):
            if span is not None:
                check("quote span", span.start, span.end, span.text)
    for ev in analysis.events:
        for e in ev.evidence:
            check("evidence", e.start, e.end, e.text)
        if ev.trigger is not None:
            check("trigger", ev.trigger.start, ev.trigger.end, ev.trigger.text)
    return bad


def test_segments_are_the_text_cut_at_paragraphs_then_sentences_then_spaces() -> None:
    paras = ["First paragraph here. " * 4, "Second one. " * 3, "Third. " * 2]
    text = "\n\n".join(p.strip() for p in paras)
    bounds = segment_bounds(text, 100)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(text[b - 2 : b] == "\n\n" for _, b in bounds[:-1])  # whole paragraphs
    long_para = "A sentence that ends. " * 20  # 440 characters, no paragraph break
    cut = segment_bounds(long_para, 100)
    assert all(long_para[b - 2 : b] == ". " for _, b in cut[:-1]) and len(cut) == 5
    words = "word " * 60  # no sentence end: cut at spaces
    assert all(words[b - 1] == " " for _, b in segment_bounds(words, 32)[:-1])
    assert segment_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    assert segment_bounds(text, len(text)) == [(0, len(text))]


def test_segments_always_cover_the_text_within_the_limit() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(["a", "bc ", " ", "\n", "\n\n", ". ", "x" * rng.randint(1, 40)])
                       for _ in range(rng.randint(0, 200)))
        limit = rng.choice([1, 3, 17, 60, 500])
        bounds = segment_bounds(text, limit)
        assert "".join(text[a:b] for a, b in bounds) == text
        assert all(0 < b - a <= limit for a, b in bounds)
        assert all(a == prev_end for (a, _), (_, prev_end) in zip(bounds[1:], bounds, strict=False))


def test_a_doc_parsed_in_segments_has_the_texts_offsets() -> None:
    text = voa_report(12_000)
    doc = parse_segmented(load_nlp(), text, 2_000)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)


def test_a_long_article_is_analysed_in_segments_as_one_article(pipeline) -> None:
    text = voa_report(20_000, stories=3)  # each story two or three times
    seg = Pipeline(Settings(segment_chars=3_000))
    assert seg.nlp is pipeline.nlp  # one model per process
    result = seg.analyze(Article(text=text, source="long"))
    assert result.article.analysis is None
    assert result.entities and result.quotes and result.events and result.timexes
    assert offset_errors(result) == []
    # one entity per article: a name met in the first and the last segments is one entity
    keys = [(e.type, e.name) for e in result.entities]
    assert len(keys) == len(set(keys))
    spread = max(result.entities, key=lambda e: len(e.mentions))
    starts = sorted(m.start for m in spread.mentions if m.start is not None)
    assert starts[0] < 3_000 and starts[-1] > len(text) - 6_000


def test_an_article_under_the_segment_size_is_parsed_whole(pipeline, monkeypatch: pytest.MonkeyPatch,
                                                          reference_article: Path) -> None:
    import sitrep.pipeline as pl

    def refuse(*args: object) -> None:
        raise AssertionError("segmented")

    monkeypatch.setattr(pl, "parse_segmented", refuse)
    art = Article(text=reference_article.read_text(encoding="utf-8"), source="ref")
    result = pipeline.analyze(art)
    assert result.article.analysis is None and result.entities


def test_the_stage_time_limit_grows_with_the_segments() -> None:
    s = Settings(article_seconds=10, segment_chars=1_000)
    assert stage_seconds(Article(text="a" * 900, source="t"), s) == 10
    assert stage_seconds(Article(text="a" * 2_500, source="t"), s) == 30
    assert stage_seconds(Article(text="a" * 2_500, source="t"), s.with_(article_seconds=0)) == 0


def test_an_article_over_spacys_max_length_is_extracted(tmp_path: Path) -> None:
    """Past spaCy's 1,000,000-character max_length (E088 before segments); the slowest
    test here (docs/benchmarks.md gives its time), the parse most of it."""
    text = voa_report(1_050_000)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(path)])
    assert res.exit_code == 0, res.output
    assert res.exception is None
    (line,) = [ln for ln in res.output.splitlines() if ln.startswith("{")]
    analysis = Analysis.from_dict(json.loads(line))
    assert analysis.article.analysis is None
    assert len(analysis.article.text) > 1_000_000
    assert analysis.entities and analysis.events and analysis.quotes
    assert offset_errors(analysis) == []
