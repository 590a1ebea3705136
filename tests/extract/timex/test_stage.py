"""The stage in the pipeline, the DCT handling and the eval readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.eval.meantime_timex import read_meantime
from sitrep.eval.tempeval import GoldDoc, GoldTimex, TempevalReport, read_tml, score_doc
from sitrep.extract.stages import STAGES
from sitrep.extract.timex import parse_dct
from sitrep.model import Article, Timex


def test_stage_is_in_the_pipeline() -> None:
    (st,) = [s for s in STAGES if s.name == "timexes"]
    assert st.assigns == "timexes" and st.requires == ()


@pytest.mark.parametrize(("published", "expected"), [
    ("2021-09-13", "2021-09-13"), ("2021-09-13T22:10:00Z", "2021-09-13"),
    ("2021-09-13T22:10:00+03:00", "2021-09-13"), (None, None), ("", None), ("yesterday", None),
    ("2021-02-30", None),
])
def test_parse_dct(published: str | None, expected: str | None) -> None:
    d = parse_dct(published)
    assert (d.isoformat() if d else None) == expected


def test_pipeline_without_publication_date_never_guesses(pipeline) -> None:
    art = Article(text="The talks ended yesterday. They resume on Friday and last three days.")
    out = pipeline.analyze(art).timexes
    assert [(t.text, t.value) for t in out] == [
        ("yesterday", "XXXX-XX-XX"), ("Friday", "XXXX-WXX-5"), ("three days", "P3D")]


def test_pipeline_records_the_anchor(pipeline) -> None:
    art = Article(text="Troops crossed on 30 November 2020. The following day, the city fell.",
                  published="2021-09-13")
    t = pipeline.analyze(art).timexes[-1]
    assert (t.value, t.anchor) == ("2020-12-01", "2020-11-30")


def test_eve_of_a_dated_event(pipeline) -> None:
    art = Article(text="On Friday, the army launched drills. On the eve of the drills, Putin spoke.",
                  published="2021-09-13")
    eve = [t for t in pipeline.analyze(art).timexes if "eve" in t.text]
    assert [(t.text, t.value) for t in eve] == [("the eve of the drills", "2021-09-09")]


def test_read_tml(tmp_path: Path) -> None:
    f = tmp_path / "a.tml"
    f.write_text('<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">'
                 'March 22, 2013</TIMEX3></DCT><TEXT>It fell <TIMEX3 tid="t1" type="DATE" '
                 'value="2013-03-21">yesterday</TIMEX3>, <EVENT eid="e1">said</EVENT> a man.</TEXT></TimeML>')
    doc = read_tml(f)
    assert doc.dct == "2013-03-22"
    assert doc.text == "It fell yesterday, said a man."
    assert doc.timexes == [GoldTimex(8, 17, "yesterday", "DATE", "2013-03-21")]


def test_read_tml_names_the_bad_file(tmp_path: Path) -> None:
    f = tmp_path / "broken.tml"
    f.write_text("<TimeML><TEXT>unclosed")
    with pytest.raises(InputError, match=r"broken\.tml"):
        read_tml(f)


def test_read_meantime_names_the_bad_file() -> None:
    with pytest.raises(InputError, match=r"x\.xml"):
        read_meantime("x.xml", b"<Document>")


def test_meantime_test_documents_are_skipped() -> None:
    xml = b'<Document doc_id="100911"><token t_id="1" sentence="0">A</token></Document>'
    assert read_meantime("a.xml", xml) is None


def test_score_doc_counts_relaxed_strict_and_values() -> None:
    gold = GoldDoc("d", "x" * 50, "2013-03-22", [GoldTimex(0, 10, "", "DATE", "2013-03-21"),
                                                 GoldTimex(20, 30, "", "DURATION", "P3D"),
                                                 GoldTimex(40, 45, "", "DATE", "2013")])
    found = [Timex(0, 10, "", "DATE", "2013-03-21"), Timex(25, 35, "", "DURATION", "P2D"),
             Timex(46, 48, "", "DATE", "2012")]
    rep = TempevalReport()
    score_doc(rep, gold, found)
    assert (rep.gold, rep.system, rep.relaxed, rep.strict, rep.value_right) == (3, 3, 2, 1, 1)
    assert rep.value_f1 == pytest.approx(rep.f1 * 0.5)
