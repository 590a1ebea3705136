"""The SIPRI-style arms-transfer register: one row per item, register fields filled."""

from __future__ import annotations

import csv
import io

from sitrep.export import exporters
from sitrep.export.sipri import COLUMNS
from sitrep.model import Analysis, Article, Entity, Event, Evidence


def _export(events: list[Event], fmt: str = "sipri") -> list[dict[str, str]]:
    ents = [Entity(id="e1", name="Russia", type="COUNTRY"), Entity(id="e2", name="Belarus", type="COUNTRY"),
            Entity(id="e9", name="Tor", type="WEAPON_SYSTEM")]
    art = Article(text="x" * 50, published="2021-09-13", url="https://example.org/a")
    buf = io.BytesIO()
    exporters.get(fmt)([Analysis(article=art, entities=ents, events=events)], buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))


def test_one_row_per_item_with_register_fields() -> None:
    items = [
        {"name": "planes", "entity": None, "category": "fixed-wing aircraft", "quantity": 10,
         "quantity_text": "about 10", "approximate": True},
        {"name": "helicopters", "entity": None, "category": "helicopter", "quantity": None,
         "quantity_text": "several dozen", "approximate": True},
        {"name": "Tor", "entity": "e9", "category": "surface-to-air missile system", "quantity": 1,
         "quantity_text": "a", "approximate": False},
    ]
    deal = Event(id="v1", type="arms_transfer", status="agreed",
                 args={"supplier": "e1", "recipient": "e2", "items": items, "delivery_by": "2025",
                       "value": {"amount": 1_000_000_000, "currency": "USD", "mod": "MORE_THAN"}},
                 evidence=[Evidence(0, 5, "xxxxx")])
    other = Event(id="v2", type="meeting", status="asserted", args={})
    rows = _export([deal, other])
    assert list(rows[0]) == list(COLUMNS)
    assert [r["Designation"] for r in rows] == ["planes", "helicopters", "Tor"]
    first = rows[0]
    assert (first["Supplier"], first["Recipient"]) == ("Russia", "Belarus")
    assert first["Number ordered"] == "10" and rows[1]["Number ordered"] == "several dozen"
    assert first["Year of order"] == "2021" and first["Delivery years"] == "2025"
    assert "number approximate" in first["Comments"] and "more than 1,000,000,000 USD" in first["Comments"]
    assert rows[2]["Description"] == "surface-to-air missile system"
    assert first["Source"] == "https://example.org/a"
    assert len({r["Deal"] for r in rows}) == 1 and first["Number delivered"] == ""  # agreed, not delivered


def test_the_deal_value_is_on_one_row_so_a_sum_counts_each_deal_once() -> None:
    items = [{"name": n, "entity": None, "category": "tank", "quantity": 5, "quantity_text": "5",
              "approximate": False} for n in ("T-72", "T-90", "BMP-3")]
    deal = Event(id="v1", type="arms_transfer", status="asserted",
                 args={"supplier": "e1", "recipient": "e2", "items": items,
                       "value": {"amount": 1_000_000_000, "currency": "USD"}})
    rows = _export([deal])
    assert len(rows) == 3
    assert sum(float(r["Value"] or 0) for r in rows) == 1_000_000_000
    assert [r["Number delivered"] for r in rows] == ["5", "5", "5"]
    assert sum("deal value" in r["Comments"] for r in rows) == 1


def test_only_orders_and_deliveries_between_two_parties_unless_all_deals() -> None:
    pair, same = {"supplier": "e1", "recipient": "e2"}, {"supplier": "e1", "recipient": "e1"}
    planned = Event(id="v1", type="arms_transfer", status="planned", args=pair)
    own = Event(id="v2", type="arms_transfer", status="agreed", args=same)
    denied = Event(id="v3", type="arms_transfer", status="negated", args=pair)
    assert _export([planned, own, denied]) == []
    assert [r["Deal"][-2:] for r in _export([planned, own, denied], "sipri-all")] == ["v1", "v2"]


def test_a_desired_purchase_has_no_order_year_and_no_items_gives_one_row() -> None:
    wish = Event(id="v1", type="arms_transfer", status="desired",
                 args={"supplier": "e1", "recipient": "e2", "date": "2021-09-12"})
    assert _export([wish]) == []
    rows = _export([wish], "sipri-all")
    assert len(rows) == 1
    assert rows[0]["Designation"] == "" and rows[0]["Year of order"] == "" and rows[0]["Status"] == "desired"
