"""Border geometry and the competing figures for the Afghanistan–Tajikistan border.

Pure functions over GeoJSON mappings; loading takes an explicit path. Lengths are
geodesic, on the WGS84 ellipsoid, via :class:`pyproj.Geod`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyproj import Geod

_GEOD = Geod(ellps="WGS84")

COUNTRY_FILE = "countries.geojson"
"""The simplified outlines of whole countries, ids ``country-<iso3 in lower case>``."""

AREA_FILES: tuple[str, ...] = (
    "afghanistan-provinces.geojson",
    "afghanistan-tajikistan-border.geojson",
    "afghanistan-northern-borders.geojson",
    COUNTRY_FILE,
)
"""Files in ``data/geo/`` whose Feature ids a place may name as its ``area``."""

LINE_TYPES = frozenset({"LineString", "MultiLineString"})
"""Geometry types drawn as a band along the line when a place names them as its area."""


@dataclass(frozen=True)
class BorderFigure:
    """One length given for the border, with where it comes from."""

    label: str
    """Short name readers see, e.g. ``The article``."""
    km: float
    """Length in kilometres."""
    source: str | None
    """Id in ``data/sources.yaml`` that gives the figure, or None when no listed source does."""
    note: str
    """What the figure is and how far to trust it."""


ARTICLE_FIGURE = BorderFigure(
    label="The article",
    km=1300.0,
    source="gosselin-malo-2022",
    note="A rounded figure, given without a source of its own.",
)
"""The length the article gives for the Afghanistan–Tajikistan border."""

OFFICIAL_FIGURE = BorderFigure(
    label="Tajikistan's foreign ministry",
    km=1344.15,
    source="mfa-tajikistan-2013-03-01",
    note="The official length: 1,135.3 km of it along rivers, 189.85 km over land, 19 km across a lake.",
)
"""The official length, as Tajikistan's foreign ministry states it (1,344.15 km)."""

BORDER_FIGURES: tuple[BorderFigure, ...] = (ARTICLE_FIGURE, OFFICIAL_FIGURE)
"""The published figures; :func:`border_figures` adds the one measured on our line."""


def load_geojson(path: Path) -> dict[str, Any]:
    """Read a GeoJSON file from ``path`` and return it as a mapping."""
    with Path(path).open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or "type" not in data:
        raise ValueError(f"{path} is not a GeoJSON object")
    return data


def line_coordinates(geojson: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Return every line in a GeoJSON object as lists of (lon, lat) pairs.

    Accepts a FeatureCollection, a Feature, a LineString or a MultiLineString;
    other geometry types are ignored.
    """
    kind = geojson.get("type")
    if kind == "FeatureCollection":
        return [line for f in geojson.get("features", []) for line in line_coordinates(f)]
    if kind == "Feature":
        geometry = geojson.get("geometry")
        return line_coordinates(geometry) if geometry else []
    if kind == "LineString":
        return [[(float(x), float(y)) for x, y, *_ in geojson["coordinates"]]]
    if kind == "MultiLineString":
        return [[(float(x), float(y)) for x, y, *_ in part] for part in geojson["coordinates"]]
    return []


def border_length_km(geojson: dict[str, Any]) -> float:
    """Return the geodesic length (WGS84) of all lines in ``geojson``, in kilometres."""
    lines = line_coordinates(geojson)
    if not lines:
        raise ValueError("no LineString or MultiLineString found")
    metres = 0.0
    for line in lines:
        if len(line) < 2:
            continue
        lons = [p[0] for p in line]
        lats = [p[1] for p in line]
        metres += _GEOD.line_length(lons, lats)
    return metres / 1000.0


def load_areas(geo_dir: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every Feature with an id in the :data:`AREA_FILES` under ``geo_dir``.

    Returns feature id -> (file name, Feature). A missing file is skipped (a
    dataset may come without geometry); a file that is not GeoJSON raises ValueError.
    """
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for name in AREA_FILES:
        path = Path(geo_dir) / name
        if not path.is_file():
            continue
        for feature in load_geojson(path).get("features", []):
            if isinstance(feature, dict) and isinstance(feature.get("id"), str):
                found.setdefault(feature["id"], (name, feature))
    return found


def country_area_id(code: str) -> str:
    """The id of a country's outline in :data:`COUNTRY_FILE`: ``TKM`` -> ``country-tkm``."""
    return f"country-{code.lower()}"


def is_line(feature: dict[str, Any]) -> bool:
    """Whether a Feature's geometry is a line (a border) rather than a polygon (a province)."""
    return (feature.get("geometry") or {}).get("type") in LINE_TYPES


def load_border(path: Path) -> dict[str, Any]:
    """Read the derived border file and check that it holds at least one line."""
    data = load_geojson(path)
    if not line_coordinates(data):
        raise ValueError(f"{path} holds no line geometry")
    return data


def measured_figure(geojson: dict[str, Any]) -> BorderFigure:
    """Return the border length measured on the derived 1:10m line, as a figure."""
    return BorderFigure(
        label="Measured on the 1:10m Natural Earth line",
        km=round(border_length_km(geojson), 1),
        source=None,
        note=(
            "Our own measurement on the generalised line in "
            "data/geo/afghanistan-tajikistan-border.geojson; see data/geo/PROVENANCE.md."
        ),
    )


def border_figures(geojson: dict[str, Any]) -> list[BorderFigure]:
    """Return the article's, the official and the measured figure, in that order."""
    return [*BORDER_FIGURES, measured_figure(geojson)]


def why_they_differ(measured_km: float | None = None) -> str:
    """Explain in plain words why the border's published and measured lengths differ."""
    measured = f" (about {measured_km:,.0f} km)" if measured_km is not None else ""
    return (
        "For most of its length the border follows the Panj and Amu Darya rivers. "
        "A line drawn for a 1:10m "
        "world map keeps only some of the river's bends, cutting across its meanders, "
        f"so it measures shorter{measured} than the boundary surveyed along the river. "
        "The article rounds to 1,300 km; Tajikistan's foreign ministry gives 1,344 km."
    )
