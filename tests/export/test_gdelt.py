"""The GDELT-style event table: CAMEO codes by type and status, actors, places, evidence."""

from __future__ import annotations

import csv
import io

import pytest

from sitrep.export import exporters
from sitrep.export.gdelt import COLUMNS, cameo
from sitrep.model import Analysis, Article, Entity, Event, Evidence

TEXT = "Russia agreed to supply Belarus with jets. Poland declared a state of emergency."


def _analysis() -> Analysis:
    ents = [Entity(id="e1", name="Russia", type="COUNTRY"), Entity(id="e2", name="Belarus", type="COUNTRY"),
            Entity(id="e3", name="Poland", type="COUNTRY"),
            Entity(id="e4", name="Vladimir Putin", type="PERSON", attributes={"country": "Russia"})]
    events = [
        Event(id="v1", type="arms_transfer", status="agreed", args={"supplier": "e1", "recipient": "e2"},
              evidence=[Evidence(0, 41, TEXT[0:41])], confidence=0.8),
        Event(id="v2", type="emergency_declaration", status="asserted",
              args={"actor": "e3", "place": "e3", "date": "2021-09-02"},
              evidence=[Evidence(43, 79, TEXT[43:79])]),
        Event(id="v3", type="visit", status="planned", args={"actor": "e4", "place": "e2"},
              evidence=[Evidence(0, 6, "Russia")]),
        Event(id="v4", type="election", status="planned", args={}, evidence=[Evidence(0, 6, "Russia")]),
    ]
    art = Article(text=TEXT, published="2021-09-13", url="https://example.org/a")
    return Analysis(article=art, entities=ents, events=events)


def _rows() -> list[dict[str, str]]:
    buf = io.BytesIO()
    exporters.get("gdelt")([_analysis()], buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8")), delimiter="\t"))


@pytest.mark.parametrize(("etype", "status", "code", "root", "quad"), [
    ("arms_transfer", "agreed", "062", "06", "2"),
    ("arms_transfer", "planned", "0312", "03", "1"),
    ("attack", "asserted", "190", "19", "4"),
    ("meeting", "asserted", "040", "04", "1"),
    ("emergency_declaration", "asserted", "1724", "17", "4"),
    ("election", "planned", "", "", ""),
])
def test_cameo_codes_by_type_and_status(etype: str, status: str, code: str, root: str, quad: str) -> None:
    got = cameo(etype, status)
    assert (got[0], got[2], got[3]) == (code, root, quad)


def test_every_cameo_code_has_a_quad_class() -> None:
    from sitrep.extract.events.lexicon import lexicon
    from sitrep.model import EVENT_TYPES

    table = lexicon().cameo
    for etype in EVENT_TYPES:
        assert etype in table, etype
        for status in ("asserted", "planned"):
            code, _base, _root, quad = cameo(etype, status)
            assert (code == "") == (quad == ""), etype


def test_table_has_gdelt_columns_and_one_row_per_event() -> None:
    rows = _rows()
    assert list(rows[0]) == list(COLUMNS)
    assert [r["SitrepType"] for r in rows] == ["arms_transfer", "emergency_declaration", "visit", "election"]


def test_actors_places_and_dates() -> None:
    deal, emergency, visit, election = _rows()
    assert (deal["Actor1Name"], deal["Actor1CountryCode"]) == ("Russia", "RUS")
    assert (deal["Actor2Name"], deal["Actor2CountryCode"]) == ("Belarus", "BLR")
    assert deal["SQLDATE"] == "20210913" and deal["EventCode"] == "062"
    assert emergency["SQLDATE"] == "20210902" and emergency["ActionGeo_CountryCode"] == "POL"
    assert visit["Actor1CountryCode"] == "RUS" and visit["EventCode"] == "036"
    assert election["EventCode"] == "" and election["GoldsteinScale"] == ""
    assert deal["Evidence"] == TEXT[0:41] and deal["SOURCEURL"] == "https://example.org/a"


def test_other_events_keep_their_label_and_no_cameo_code() -> None:
    a = _analysis()
    a.events.append(Event(id="v5", type="other", status="planned", args={"actor": "e3"}, label="job cuts",
                          evidence=[Evidence(43, 49, TEXT[43:49])]))
    buf = io.BytesIO()
    exporters.get("gdelt")([a], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8")), delimiter="\t"))
    other = rows[-1]
    assert other["SitrepType"] == "other" and other["SitrepLabel"] == "job cuts"
    assert other["EventCode"] == "" and other["Actor1Name"] == "Poland"
    assert rows[0]["SitrepLabel"] == ""
