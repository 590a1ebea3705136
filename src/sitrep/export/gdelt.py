"""gdelt exporter: events as the GDELT 2.0 event table, and Sitrep's fields beside it.

``gdelt`` writes exactly the 61 tab-separated columns of the GDELT 2.0 event codebook,
in its order and with no header, so code written for GDELT reads it: GLOBALEVENTID (a
stable 60-bit integer from the article and event ids), SQLDATE ``YYYYMMDD`` (the first
day of the event's date, else the article's; a month-only date is its first day),
MonthYear, Year, FractionDate, the two actors (name upper-cased as GDELT writes them,
CAMEO country code = ISO 3166 alpha-3, type code from the actor's sector or kind,
actor code = country + type), IsRootEvent (1 when the event is stated in the lead
paragraph), CAMEO EventCode / BaseCode / RootCode and QuadClass
(``extract/events/data/cameo.yaml``; planned, expected and desired events take the
type's intent code, CAMEO 03x), GoldsteinScale from the CAMEO-to-Goldstein table,
NumMentions / NumSources / NumArticles, AvgTone (empty: Sitrep computes no tone), the
three geo blocks (type 1 country or 4 world city, full name, FIPS 10-4 country code,
ADM1 code, latitude, longitude, GeoNames feature id; ``sitrep.places``), DATEADDED
``YYYYMMDDHHMMSS`` and SOURCEURL. Types CAMEO cannot code (election, appointment,
other) get empty codes.

``gdelt-sitrep`` is the sidecar: GLOBALEVENTID and Sitrep's own fields (type, status,
confidence, label, evidence), tab-separated with a header.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, BinaryIO

from sitrep.model import Analysis, Entity, Event
from sitrep.places import Place, country, locate
from sitrep.timespan import interval

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
SIDECAR = ("GLOBALEVENTID", "SitrepType", "SitrepStatus", "Confidence", "SitrepLabel", "Evidence")
INTENT = {"planned", "expected", "desired"}
ACTOR1 = ("actor", "supplier", "participants")
ACTOR2 = ("target", "recipient")
# CAMEO actor type codes for the kinds of entity Sitrep has (a sector attribute wins)
TYPE_OF_KIND = {"MILITARY_UNIT": "MIL", "BLOC": "IGO"}
GOVERNMENT_ROLES = ("president", "minister", "prime minister", "chancellor", "king", "spokes",
                    "secretary", "ambassador", "governor", "premier", "leader")


def _cameo() -> dict[str, Any]:
    from sitrep.extract.events.lexicon import lexicon  # on first use: the CLI starts fast

    return lexicon().cameo


def cameo(event_type: str, status: str) -> tuple[str, str, str, str]:
    """(event code, base code, root code, quad class) for a type and status; empty
    strings where CAMEO has no code."""
    table = _cameo()
    entry = table.get(event_type)
    if not entry:
        return "", "", "", ""
    code = str(entry.get("intent") if status in INTENT and entry.get("intent") else entry["code"])
    root = code[:2]
    return code, code[:3], root, str(table["quad_class"].get(root, ""))


def goldstein(code: str) -> float | None:
    value = _cameo().get("goldstein", {}).get(code)
    return float(value) if value is not None else None


def country_code(ent: Entity | None) -> str:
    """ISO 3166 alpha-3 (GDELT's actor country code) for a country or what belongs to one."""
    where = _country_of(ent)
    return where.iso3 if where else ""


def _country_of(ent: Entity | None) -> Place | None:
    if ent is None:
        return None
    name = ent.name if ent.type == "COUNTRY" else str(ent.attributes.get("country") or "")
    return country(name) if name else None


def event_id(article_id: str, event: str) -> int:
    """GDELT's GLOBALEVENTID is an integer: a stable 60-bit one from the two ids."""
    return int(hashlib.sha256(f"{article_id}/{event}".encode()).hexdigest()[:15], 16)


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


def _type_code(ent: Entity | None) -> str:
    if ent is None:
        return ""
    sector = str(ent.attributes.get("sector") or "")
    if sector:
        return sector.upper()
    if ent.type in TYPE_OF_KIND:
        return TYPE_OF_KIND[ent.type]
    role = str(ent.attributes.get("role") or "").lower()
    return "GOV" if ent.type == "PERSON" and any(w in role for w in GOVERNMENT_ROLES) else ""


def _actor(prefix: str, name: str, ent: Entity | None) -> dict[str, Any]:
    iso3 = country_code(ent)
    kind = _type_code(ent)
    row = {f"{prefix}{c}": "" for c in _ACTOR}
    row.update({f"{prefix}Code": f"{iso3}{kind}", f"{prefix}Name": name.upper(),
                f"{prefix}CountryCode": iso3, f"{prefix}Type1Code": kind})
    return row


def _geo(prefix: str, ent: Entity | None) -> dict[str, Any]:
    row: dict[str, Any] = {f"{prefix}{c}": "" for c in _GEO}
    if ent is None:
        return row
    if ent.type in ("COUNTRY", "CITY", "REGION"):
        place = locate(ent.name, ent.type, str(ent.attributes.get("country") or "") or None)
    else:
        place = _country_of(ent)
    if place is None:
        return row
    state = country(place.iso2) if place.city else None
    row.update({
        f"{prefix}Type": 4 if place.city else 1,
        f"{prefix}FullName": f"{place.name}, {state.name}" if state else place.name,
        f"{prefix}CountryCode": place.fips, f"{prefix}ADM1Code": place.adm1,
        f"{prefix}Lat": f"{place.lat:.4f}" if place.lat is not None else "",
        f"{prefix}Long": f"{place.lon:.4f}" if place.lon is not None else "",
        f"{prefix}FeatureID": place.geonameid or "",
    })
    return row


def _day(v: Event, a: Analysis) -> date | None:
    for k in ("date", "start"):
        if iv := interval(str(v.args.get(k) or "")):
            return iv[0]
    iv = interval((a.article.published or "")[:10])
    return iv[0] if iv else None


def _in_lead(v: Event, text: str) -> bool:
    """GDELT's IsRootEvent: the event is stated in the article's first paragraph."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    return any(e.start < (len(text) if end < 0 else end) for e in v.evidence)


def event_rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        entities = {e.id: e for e in a.entities}
        added = (a.article.published or "")[:10].replace("-", "")
        for v in a.events:
            code, base, root, quad = cameo(v.type, v.status)
            n1, e1, n2, e2 = _actors(v, entities)
            _pn, place = _first(v.args, ("place",), entities)
            day = _day(v, a)
            score = goldstein(code) if code else None
            yield {
                "GLOBALEVENTID": event_id(a.article.id, v.id),
                "SQLDATE": day.strftime("%Y%m%d") if day else "",
                "MonthYear": day.strftime("%Y%m") if day else "",
                "Year": day.year if day else "",
                "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
                **_actor("Actor1", n1, e1), **_actor("Actor2", n2, e2),
                "IsRootEvent": 1 if _in_lead(v, a.article.text) else 0,
                "EventCode": code, "EventBaseCode": base, "EventRootCode": root, "QuadClass": quad,
                "GoldsteinScale": "" if score is None else score,
                "NumMentions": max(1, len(v.evidence)), "NumSources": len(a.article.sources) or 1,
                "NumArticles": 1, "AvgTone": "",
                **_geo("Actor1Geo_", e1), **_geo("Actor2Geo_", e2), **_geo("ActionGeo_", place),
                "DATEADDED": f"{added}000000" if len(added) == 8 else "",
                "SOURCEURL": a.article.url or a.article.source,
            }


def sidecar_rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        for v in a.events:
            yield {
                "GLOBALEVENTID": event_id(a.article.id, v.id), "SitrepType": v.type,
                "SitrepStatus": v.status, "Confidence": v.confidence,
                "SitrepLabel": v.label or "",  # the free label of an `other` event ("job cuts")
                "Evidence": " | ".join(e.text.replace("\t", " ").replace("\n", " ") for e in v.evidence),
            }


def _write(rows: Iterable[dict[str, Any]], out: BinaryIO, columns: tuple[str, ...], header: bool) -> None:
    buf = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(buf, fieldnames=columns, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_NONE, escapechar="\\")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({k: str(val).replace("\t", " ").replace("\n", " ") for k, val in row.items()})
    buf.flush()
    buf.detach()


def export_gdelt(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    """The GDELT 2.0 event table: 61 tab-separated columns, no header."""
    _write(event_rows(analyses), out, COLUMNS, header=False)


def export_gdelt_sidecar(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    """The sidecar of ``gdelt``: GLOBALEVENTID and Sitrep's status, confidence and evidence."""
    _write(sidecar_rows(analyses), out, SIDECAR, header=True)
