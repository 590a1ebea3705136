"""gdelt exporter: events as a GDELT-style event table (tab-separated, one row per event).

Columns follow the GDELT 2.0 event table where Sitrep has the field (ids, date,
actors with their country codes, CAMEO event code / base code / root code, quad
class, number of mentions, action place, source url); fields Sitrep does not
compute (Goldstein scale, tone, actor type codes) are left empty rather than
invented. Sitrep's own fields follow: type, status, confidence and the evidence.
CAMEO codes come from ``extract/events/data/cameo.yaml``; types CAMEO cannot code
(election, appointment, other) get an empty code. Planned, expected and desired
events take the type's "intent" code (CAMEO 03x) when it has one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import pycountry

from sitrep.export import exporter
from sitrep.extract.events.lexicon import lexicon
from sitrep.model import Analysis, Entity, Event

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor2Name", "Actor2CountryCode",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "DATEADDED", "SOURCEURL", "SitrepType", "SitrepStatus", "Confidence", "Evidence", "SitrepLabel",
)
INTENT = {"planned", "expected", "desired"}
ACTOR1 = ("actor", "supplier", "participants")
ACTOR2 = ("target", "recipient")


def cameo(event_type: str, status: str) -> tuple[str, str, str, str]:
    """(event code, base code, root code, quad class) for a type and status; empty
    strings where CAMEO has no code."""
    table = lexicon().cameo
    entry = table.get(event_type)
    if not entry:
        return "", "", "", ""
    code = str(entry.get("intent") if status in INTENT and entry.get("intent") else entry["code"])
    root = code[:2]
    return code, code[:3], root, str(table["quad_class"].get(root, ""))


def country_code(ent: Entity | None, entities: dict[str, Entity]) -> str:
    """ISO 3166 alpha-3 (GDELT's actor country code) for a country or its citizen."""
    if ent is None:
        return ""
    name = ent.name if ent.type == "COUNTRY" else str(ent.attributes.get("country") or "")
    if not name:
        return ""
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        try:
            return str(pycountry.countries.search_fuzzy(name)[0].alpha_3)
        except LookupError:
            return ""


def _first(args: dict[str, Any], roles: tuple[str, ...],
           entities: dict[str, Entity]) -> tuple[str, Entity | None]:
    for role in roles:
        val = args.get(role)
        if isinstance(val, list):
            val = val[0] if val else None
        if isinstance(val, dict):
            val = val.get("entity")
        if val:
            ent = entities.get(str(val))
            return (ent.name if ent else str(val)), ent
    return "", None


def _actors(v: Event, entities: dict[str, Entity]) -> tuple[str, Entity | None, str, Entity | None]:
    n1, e1 = _first(v.args, ACTOR1, entities)
    if v.args.get("participants") and not any(v.args.get(r) for r in ACTOR2):
        parts = v.args["participants"]
        n2, e2 = _first({"p": parts[1:]}, ("p",), entities) if len(parts) > 1 else ("", None)
    else:
        n2, e2 = _first(v.args, ACTOR2, entities)
    return n1, e1, n2, e2


def event_rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        entities = {e.id: e for e in a.entities}
        day = (a.article.published or "")[:10].replace("-", "")
        for v in a.events:
            code, base, root, quad = cameo(v.type, v.status)
            n1, e1, n2, e2 = _actors(v, entities)
            _pn, place = _first(v.args, ("place",), entities)
            date = next((str(v.args[k]) for k in ("date", "start") if v.args.get(k)), "")
            yield {
                "GLOBALEVENTID": f"{a.article.id[:16]}-{v.id}",
                "SQLDATE": date.replace("-", "")[:8] if date[:4].isdigit() else day,
                "Actor1Name": n1, "Actor1CountryCode": country_code(e1, entities),
                "Actor2Name": n2, "Actor2CountryCode": country_code(e2, entities),
                "IsRootEvent": "1", "EventCode": code, "EventBaseCode": base, "EventRootCode": root,
                "QuadClass": quad, "GoldsteinScale": "", "NumMentions": len(v.evidence),
                "NumSources": len(a.article.sources) or 1, "NumArticles": 1,
                "ActionGeo_FullName": place.name if place else "",
                "ActionGeo_CountryCode": country_code(place, entities),
                "DATEADDED": day, "SOURCEURL": a.article.url or a.article.source,
                "SitrepType": v.type, "SitrepStatus": v.status, "Confidence": v.confidence,
                "Evidence": " | ".join(e.text.replace("\t", " ").replace("\n", " ") for e in v.evidence),
                "SitrepLabel": v.label or "",  # the free label of an `other` event ("job cuts")
            }


@exporter("gdelt")
def export_gdelt(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    """Write the GDELT-style table (TSV with a header row) to ``out``."""
    buf = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    for row in event_rows(analyses):
        writer.writerow(row)
    buf.flush()
    buf.detach()
