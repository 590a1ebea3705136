"""Server-side SVG geometry for the timeline chart and the map (no JS library, no CDN)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from sitrep.kb.queries import KbEvent
from sitrep.timespan import interval
from sitrep.web.geo import country_path, place_point, project


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    label: str
    href: str
    kind: str


def _day(value: str | None) -> date | None:
    """Where a value sits on the axis: its first day (sitrep.timespan)."""
    iv = interval(value)
    return iv[0] if iv else None


def timeline(events: list[KbEvent], width: int = 900, row: int = 26) -> dict[str, object]:
    """Dots per event type (rows) along a date axis; events without a date are left out."""
    dated = [(d, e) for e in events if (d := _day(e.date_start))]
    types = sorted({e.type for _, e in dated})
    if not dated:
        return {"dots": [], "rows": [], "ticks": [], "width": width, "height": 60}
    lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((hi - lo).days, 1)
    left, right = 150, width - 20

    def x(d: date) -> float:
        return left + (d - lo).days * (right - left) / span

    dots = [Dot(x(d), 30 + types.index(e.type) * row, f"{e.type} {e.date_start} ({e.n_articles} reports)",
                f"/events/{quote(e.kb_event_id)}", e.type) for d, e in dated]
    years = sorted({d.year for d, _ in dated})
    ticks = [(x(date(y, 1, 1)) if date(y, 1, 1) >= lo else left, str(y)) for y in years]
    rows = [(30 + i * row, t) for i, t in enumerate(types)]
    return {"dots": dots, "rows": rows, "ticks": ticks, "width": width, "height": 50 + len(types) * row}


@dataclass(frozen=True, slots=True)
class Area:
    path: str
    label: str
    href: str
    count: int


def _place_ref(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("entity")
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def map_marks(events: list[KbEvent]) -> tuple[list[Dot], list[Area]]:
    """Where events happened: a dot per event at its town or region, and each country
    named as the place of events shaded as an area (with how many)."""
    dots: list[Dot] = []
    by_country: dict[str, tuple[str, list[KbEvent]]] = {}
    for e in events:
        for h in e.members:
            ent = h.entities.get(_place_ref(h.event.args.get("place")) or "")
            if ent is None:
                continue
            if ent.type == "COUNTRY":
                if (path := country_path(ent.name)) is not None:
                    by_country.setdefault(ent.name, (path, []))[1].append(e)
                    break
                continue
            pt = place_point(ent.name, ent.type, str(ent.attributes.get("country") or "") or None)
            if pt:
                px, py = project(*pt)
                dots.append(Dot(px, py, f"{e.type} in {ent.name}", f"/events/{quote(e.kb_event_id)}", e.type))
                break
    areas = [Area(path, f"{len(evs)} event(s) in {name}", f"/events?place={quote(name)}", len(evs))
             for name, (path, evs) in sorted(by_country.items())]
    return dots, areas
