"""A filter value that cannot mean anything is an error naming it, never an empty success."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from sitrep.filters import EventFilter, FilterError, check_page


@pytest.mark.parametrize("params", [
    {"since": "not-a-date"}, {"until": "2021-13"}, {"type": "nonsense"}, {"status": "maybe"},
    {"size": "-5"}, {"size": "0"}, {"size": "501"}, {"page": str(10**18)}, {"page": "0"},
    {"actor": "a" * 60_000}, {"place": "Kyiv\x00"}, {"since": "2021-09", "until": "2021-08"},
])
def test_api_answers_422_naming_the_parameter(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, (params, r.text)
    name = next(iter(params)) if len(params) == 1 else "until"
    assert r.json()["parameter"] == name and "invalid" in r.json()["detail"]


def test_other_endpoints_and_pages_check_too(client: TestClient) -> None:
    assert client.get("/api/entities", params={"type": "NONSENSE"}).status_code == 422
    assert client.get("/api/articles", params={"size": "-1"}).status_code == 422
    assert client.get("/api/search", params={"q": "word " * 200}).status_code == 422
    assert client.get("/api/events.csv", params={"status": "maybe"}).status_code == 422
    page = client.get("/events", params={"since": "yesterday"})
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "yesterday" in page.text
    assert client.get("/api/events", params={"since": "2021", "type": "arms_transfer"}).status_code == 200


def test_the_cli_exits_2_naming_the_value(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.cli import main

    db = str(tmp_path / "x.db")
    for args in (["events", "--since", "not-a-date"], ["kb", "events", "--until", "2021-9"],
                 ["kb", "timeline", "--since", "soon"], ["events", "--status", "maybe"],
                 ["kb", "events", "--limit", "-5"]):
        r = CliRunner().invoke(main, ["--db", db, *args])
        assert r.exit_code == 2, (args, r.output)
        assert "Invalid value" in r.output


def test_the_filter_keeps_good_values_and_empties_blanks() -> None:
    f = EventFilter(type="", actor="Russia", since="2021-09-13")
    assert f.kwargs() == {"type": None, "actor": "Russia", "place": None, "status": None,
                          "since": "2021-09-13", "until": None}
    with pytest.raises(FilterError, match="invalid since"):
        EventFilter(since="2021-02-31x")
    assert check_page(3, 20) == (20, 40)
