"""sipri exporter: arms transfers in the fields of SIPRI's Arms Transfers Database
trade register, one row per deal and weapon designation.

Columns: Deal (one id per deal: the rows of one deal share it), Supplier, Recipient,
Designation, Description, Number ordered, Year of order, Delivery years, Number
delivered, Comments, Source — SIPRI's register fields — then Sitrep's Status, Value,
Currency and Evidence. The deal value is on the deal's first row only, so a sum over
the Value column counts each deal once. ``sipri`` holds what the register holds:
orders and deliveries (status asserted, agreed or historical) between two different
parties; ``sipri-all`` adds the desired, planned, expected and hypothetical deals.
"Number ordered" is the count when the report gives one, else its words
("dozens"); "Year of order" is the deal's year (the article's year for a deal
reported as agreed or done); "Delivery years" is the delivery deadline ("by 2030" ->
"2030"). An arms transfer without named items is one row with an empty designation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from sitrep.model import Analysis, Entity, Event

COLUMNS = (
    "Deal", "Supplier", "Recipient", "Designation", "Description", "Number ordered", "Year of order",
    "Delivery years", "Number delivered", "Comments", "Source", "Status", "Value", "Currency", "Evidence",
)
ORDERED = {"asserted", "agreed", "historical"}
# a transfer reported as done (the spec: delivered = asserted)
DELIVERED = {"asserted", "historical"}


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


def _comments(v: Event, item: dict[str, Any] | None, first: bool) -> str:
    parts = [f"status: {v.status}"]
    if item and item.get("approximate"):
        parts.append("number approximate")
    value = v.args.get("value")
    if first and isinstance(value, dict) and value.get("amount"):
        mod = f"{value['mod'].lower().replace('_', ' ')} " if value.get("mod") else ""
        parts.append(f"deal value {mod}{value['amount']:,} {value.get('currency') or ''}".strip())
    return "; ".join(parts)


def sipri_rows(analyses: Iterable[Analysis], *, all_deals: bool = False) -> Iterator[dict[str, Any]]:
    for a in analyses:
        entities = {e.id: e for e in a.entities}
        for v in a.events:
            if v.type != "arms_transfer" or v.status == "negated":
                continue
            supplier = _name(v.args.get("supplier"), entities)
            recipient = _name(v.args.get("recipient"), entities)
            if not all_deals and (v.status not in ORDERED or (supplier and supplier == recipient)):
                continue
            items = v.args.get("items") or [None]
            value = v.args.get("value") if isinstance(v.args.get("value"), dict) else {}
            for n, item in enumerate(items):
                qty = item.get("quantity") if item else None
                ordered = qty if qty is not None else (item or {}).get("quantity_text") or ""
                yield {
                    "Deal": f"{a.article.id[:12]}-{v.id}",
                    "Supplier": supplier,
                    "Recipient": recipient,
                    "Designation": (item or {}).get("name") or "",
                    "Description": (item or {}).get("category") or "",
                    "Number ordered": ordered,
                    "Year of order": _order_year(v, a),
                    "Delivery years": str(v.args.get("delivery_by") or "")[:4],
                    "Number delivered": ordered if v.status in DELIVERED else "",
                    "Comments": _comments(v, item, first=n == 0),
                    "Source": a.article.url or a.article.source,
                    "Status": v.status,
                    "Value": ((value or {}).get("amount") or "") if n == 0 else "",
                    "Currency": ((value or {}).get("currency") or "") if n == 0 else "",
                    "Evidence": " | ".join(e.text.replace("\n", " ") for e in v.evidence),
                }


def _write(rows: Iterable[dict[str, Any]], out: BinaryIO) -> None:
    buf = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    buf.flush()
    buf.detach()


def export_sipri(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    """Write the SIPRI-style register (CSV with a header row): orders and deliveries."""
    _write(sipri_rows(analyses), out)


def export_sipri_all(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    """The register with the desired, planned, expected and hypothetical deals too."""
    _write(sipri_rows(analyses, all_deals=True), out)
