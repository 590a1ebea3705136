"""Offline map data: the shipped world outline (Natural Earth via npm world-atlas) as
SVG paths in an equirectangular projection, a country's own outline (countries are
drawn as areas), and the coordinates of places from ``sitrep.places``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

WIDTH, HEIGHT = 960, 480


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180.0) * WIDTH / 360.0, (90.0 - lat) * HEIGHT / 180.0


@lru_cache(maxsize=1)
def _topology() -> dict[str, Any]:
    raw = resources.files("sitrep.web").joinpath("static", "world", "countries-110m.json").read_text("utf-8")
    return json.loads(raw)


@lru_cache(maxsize=1)
def _arcs() -> list[list[tuple[float, float]]]:
    topo = _topology()
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts: list[tuple[float, float]] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _ring(indexes: list[int]) -> list[tuple[float, float]]:
    arcs = _arcs()
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc[1:] if pts else arc)
    return pts


def _polygons(geom: dict[str, Any]) -> list[list[list[tuple[float, float]]]]:
    if geom.get("type") == "Polygon":
        return [[_ring(r) for r in geom["arcs"]]]
    if geom.get("type") == "MultiPolygon":
        return [[_ring(r) for r in poly] for poly in geom["arcs"]]
    return []


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, list[list[list[tuple[float, float]]]]]:
    """ISO numeric code -> polygons (lists of rings of lon/lat)."""
    geoms = _topology()["objects"]["countries"]["geometries"]
    return {str(g.get("id")): _polygons(g) for g in geoms if g.get("id")}


def _ring_path(ring: list[tuple[float, float]]) -> str:
    """An SVG subpath; a ring jumping across the antimeridian is cut there (no line across)."""
    out, prev = [], None
    cut = False
    for lon, lat in ring:
        x, y = project(lon, lat)
        jump = prev is not None and abs(lon - prev) > 180
        cut = cut or jump
        out.append(f"{'M' if prev is None or jump else 'L'}{x:.1f},{y:.1f}")
        prev = lon
    return "".join(out) + ("" if cut else "Z")


@lru_cache(maxsize=1)
def world_path() -> str:
    """One SVG path drawing every country outline."""
    return "".join(_ring_path(ring) for polys in country_shapes().values() for poly in polys
                   for ring in poly if len(ring) > 2)


def country_path(name: str) -> str | None:
    """The SVG path of a country's outline (countries are drawn as areas, not points)."""
    from sitrep.places import country

    place = country(name)
    polys = country_shapes().get(place.numeric) if place is not None else None
    if not polys:
        return None
    return "".join(_ring_path(ring) for poly in polys for ring in poly if len(ring) > 2)


@lru_cache(maxsize=4096)
def place_point(name: str, type_: str, country: str | None = None) -> tuple[float, float] | None:
    """(lon, lat) of a place entity from the gazetteers the entity stage uses
    (``sitrep.places``: a city in its country when known; a country's population centre)."""
    from sitrep.places import locate

    place = locate(name, type_, country)
    if place is None or place.lat is None or place.lon is None:
        return None
    return place.lon, place.lat
