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


# the GDELT 2.0 event table's columns, in the codebook's order (GDELT-Event_Codebook-V2.0)
OFFICIAL = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
    "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName",
    "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat",
    "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]


def _read(fmt: str, a: Analysis | None = None) -> list[list[str]]:
    buf = io.BytesIO()
    exporters.get(fmt)([a or _analysis()], buf)
    return list(csv.reader(io.StringIO(buf.getvalue().decode("utf-8")), delimiter="\t"))


def _rows(a: Analysis | None = None) -> list[dict[str, str]]:
    """The table read as code written for GDELT reads it: no header, the official columns."""
    return [dict(zip(OFFICIAL, r, strict=True)) for r in _read("gdelt", a)]


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


def test_the_table_is_gdelts_61_columns_with_no_header() -> None:
    assert list(COLUMNS) == OFFICIAL and len(OFFICIAL) == 61
    raw = _read("gdelt")
    assert len(raw) == 4 and all(len(r) == 61 for r in raw)
    assert raw[0][0].isdigit()  # no header row: GLOBALEVENTID is an integer
    ids = [int(r["GLOBALEVENTID"]) for r in _rows()]
    assert len(set(ids)) == 4 and ids == [int(r["GLOBALEVENTID"]) for r in _rows()]  # stable


def test_actors_dates_codes_and_geo_are_filled() -> None:
    deal, emergency, visit, election = _rows()
    assert (deal["Actor1Name"], deal["Actor1CountryCode"], deal["Actor1Code"]) == ("RUSSIA", "RUS", "RUS")
    assert (deal["Actor2Name"], deal["Actor2CountryCode"]) == ("BELARUS", "BLR")
    assert (deal["SQLDATE"], deal["MonthYear"], deal["Year"]) == ("20210913", "202109", "2021")
    assert deal["FractionDate"].startswith("2021.69")
    assert (deal["EventCode"], deal["EventBaseCode"], deal["EventRootCode"], deal["QuadClass"]) == (
        "062", "062", "06", "2")
    assert float(deal["GoldsteinScale"]) == 7.4 and deal["IsRootEvent"] == "1"
    assert deal["DATEADDED"] == "20210913000000" and deal["SOURCEURL"] == "https://example.org/a"
    assert (deal["Actor1Geo_Type"], deal["Actor1Geo_CountryCode"]) == ("1", "RS")  # FIPS 10-4
    assert 40 < float(deal["Actor1Geo_Lat"]) < 70 and deal["Actor1Geo_FeatureID"]
    assert emergency["SQLDATE"] == "20210902" and emergency["ActionGeo_CountryCode"] == "PL"
    assert emergency["ActionGeo_FullName"] == "Poland" and float(emergency["GoldsteinScale"]) == -5.0
    assert visit["Actor1CountryCode"] == "RUS" and visit["EventCode"] == "036"
    assert visit["Actor1Type1Code"] == "" and visit["Actor1Name"] == "VLADIMIR PUTIN"
    assert election["EventCode"] == "" and election["GoldsteinScale"] == ""


def test_a_city_is_a_world_city_with_its_coordinates_and_adm1() -> None:
    a = _analysis()
    a.entities.append(Entity(id="e5", name="Minsk", type="CITY", attributes={"country": "Belarus"}))
    a.events[0].args["place"] = "e5"
    deal = _rows(a)[0]
    assert (deal["ActionGeo_Type"], deal["ActionGeo_FullName"]) == ("4", "Minsk, Belarus")
    assert deal["ActionGeo_CountryCode"] == "BO" and deal["ActionGeo_ADM1Code"].startswith("BO")
    assert abs(float(deal["ActionGeo_Lat"]) - 53.9) < 0.1 and abs(float(deal["ActionGeo_Long"]) - 27.57) < 0.1


def test_the_sidecar_keeps_sitreps_fields_by_globaleventid() -> None:
    a = _analysis()
    a.events.append(Event(id="v5", type="other", status="planned", args={"actor": "e3"}, label="job cuts",
                          evidence=[Evidence(43, 49, TEXT[43:49])]))
    head, *side = _read("gdelt-sitrep", a)
    assert head == ["GLOBALEVENTID", "SitrepType", "SitrepStatus", "Confidence", "SitrepLabel", "Evidence"]
    by_id = {r[0]: r for r in side}
    main = _rows(a)
    assert set(by_id) == {r["GLOBALEVENTID"] for r in main}
    other = by_id[main[-1]["GLOBALEVENTID"]]
    assert other[1:3] == ["other", "planned"] and other[4] == "job cuts"
    assert main[-1]["EventCode"] == "" and main[-1]["Actor1Name"] == "POLAND"
    assert by_id[main[0]["GLOBALEVENTID"]][5] == TEXT[0:41]
