"""sipri exporter: arms transfers in the fields of SIPRI's Arms Transfers Database
trade register, one row per item (weapon designation) of each arms_transfer event.

Columns: Supplier, Recipient, Designation, Description, Number ordered, Year of
order, Delivery years, Comments, Source — SIPRI's register fields — then Sitrep's
Status, Value, Currency and Evidence. "Number ordered" is the count when the report
gives one, else its words ("dozens"); "Year of order" is the deal's year
(the article's year for a deal reported as agreed or done); "Delivery years" is
the delivery deadline ("by 2030" -> "2030"). An arms transfer without named items is
one row with an empty designation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from sitrep.export import exporter
from sitrep.model import Analysis, Entity, Event

COLUMNS = (
    "Supplier", "Recipient", "Designation", "Description", "Number ordered", "Year of order",
    "Delivery years", "Comments", "Source", "Status", "Value", "Currency", "Evidence",
)
ORDERED = {"asserted", "agreed", "historical"}


def _name(val: Any, entities: dict[str, Entity]) -> str:
    if isinstance(val, dict):
        val = val.get("entity")
    if not val:
        return ""
    ent = entities.get(str(val))
    return ent.name if ent else str(val)


def _order_year(v: Event, a: Analysis) -> str:
    """The deal's year; empty for a transfer only wished for, planned or expected."""
    if v.status not in ORDERED:
        return ""
    date = str(v.args.get("date") or "")
    if date[:4].isdigit():
        return date[:4]
    return (a.article.published or "")[:4]


def _comments(v: Event, item: dict[str, Any] | None) -> str:
    parts = [f"status: {v.status}"]
    if item and item.get("approximate"):
        parts.append("number approximate")
    value = v.args.get("value")
    if isinstance(value, dict) and value.get("amount"):
        mod = f"{value['mod'].lower().replace('_', ' ')} " if value.get("mod") else ""
        parts.append(f"deal value {mod}{value['amount']:,} {value.get('currency') or ''}".strip())
    return "; ".join(parts)


def sipri_rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        entities = {e.id: e for e in a.entities}
        for v in a.events:
            if v.type != "arms_transfer":
                continue
            items = v.args.get("items") or [None]
            value = v.args.get("value") if isinstance(v.args.get("value"), dict) else {}
            for item in items:
                qty = item.get("quantity") if item else None
                yield {
                    "Supplier": _name(v.args.get("supplier"), entities),
                    "Recipient": _name(v.args.get("recipient"), entities),
                    "Designation": (item or {}).get("name") or "",
                    "Description": (item or {}).get("category") or "",
                    "Number ordered": qty if qty is not None else (item or {}).get("quantity_text") or "",
                    "Year of order": _order_year(v, a),
                    "Delivery years": str(v.args.get("delivery_by") or "")[:4],
                    "Comments": _comments(v, item),
                    "Source": a.article.url or a.article.source,
                    "Status": v.status,
                    "Value": (value or {}).get("amount") or "",
                    "Currency": (value or {}).get("currency") or "",
                    "Evidence": " | ".join(e.text.replace("\n", " ") for e in v.evidence),
                }


@exporter("sipri")
def export_sipri(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    """Write the SIPRI-style register (CSV with a header row) to ``out``."""
    buf = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in sipri_rows(analyses):
        writer.writerow(row)
    buf.flush()
    buf.detach()
