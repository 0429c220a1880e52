"""The real geometry the maps draw: the border lines and the Afghan provinces.

Shapes come from ``data/geo/`` (see its PROVENANCE.md). A place known only to
a province or a region names its shape in ``data/places.yaml`` (its ``area``:
feature ids in ``data/geo/``): provinces are drawn as their polygons, border
lines as a band along them, a country as its outline. An event known only to
its country but placed on a finer place (a capital, say) is drawn as that
country's outline too. Anything else without an area falls back to a circle
sized by precision (see :data:`builder.maps.style.AREA_RADIUS_KM`).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.geometry import geo
from builder.geometry.simplify import drawn_line
from builder.i18n import Language, geonames
from builder.i18n.messages import MESSAGES, formatted, message
from builder.maps.label import band_label, polygon_label
from builder.record.schema import Event, Place

GEO_DIR = Path(__file__).resolve().parents[2] / "data" / "geo"
"""Default folder of the derived GeoJSON files."""

BORDER_FILE = "afghanistan-tajikistan-border.geojson"
"""The Afghanistan–Tajikistan border line (Natural Earth 1:10m)."""

PROVINCES_FILE = "afghanistan-provinces.geojson"
"""Badakhshan, Takhar and Kunduz province polygons."""

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius, for quick great-circle distances (geodesic figures use pyproj)."""


@dataclass(frozen=True)
class Geography:
    """The border line and province polygons, in Leaflet's (lat, lon) order."""

    border: dict[str, Any]
    """The border as read from GeoJSON."""
    border_latlngs: list[list[float]]
    """The border line's vertices as [lat, lon]."""
    provinces: dict[str, dict[str, Any]]
    """Province GeoJSON Features keyed by HASC code."""
    border_bbox: tuple[float, float, float, float]
    """The border's (south, west, north, east) extent."""
    areas: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Every Feature places may name as their ``area``, keyed by feature id."""
    countries: frozenset[str] = frozenset()
    """Ids among :attr:`areas` that are whole countries' outlines (``country-tkm``)."""
    shapes: dict[tuple[str, ...], dict[str, Any]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Each :func:`area_shape` made so far, by its ids: every map, the story page and the
    images ask for the same few shapes, each simplified once. Read, never changed."""

    @property
    def has_border(self) -> bool:
        """Whether the border line is available (a dataset may come without data/geo)."""
        return bool(self.border_latlngs)

    def border_collection(self, label: str) -> dict[str, Any]:
        """The border as a FeatureCollection with a tooltip label; empty without a border."""
        features = [
            {"type": "Feature", "geometry": f["geometry"], "properties": {"label": label}}
            for f in self.border.get("features", [])
            if f.get("geometry")
        ]
        return {"type": "FeatureCollection", "features": features}

    def border_lines(self, label: str, lang: Language = "en") -> dict[str, Any]:
        """Every border line among the areas, in one FeatureCollection, each with its name.

        ``label`` follows each line's name in its tooltip, e.g. a note on scale.
        """
        features = [
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {"label": f"{_line_name(key, feature, lang)}{label}"},
            }
            for key, feature in sorted(self.areas.items())
            if geo.is_line(feature)
        ]
        return {"type": "FeatureCollection", "features": features}

    def province_name(self, hasc: str, lang: Language = "en") -> str:
        """The province's name, e.g. ``Badakhshan``, ``Бадахшан``."""
        english = str(self.provinces[hasc]["properties"]["name"])
        key = f"map.province.{hasc}"
        return english if lang == "en" or key not in MESSAGES else message(key, lang)


def _line_name(key: str, feature: dict[str, Any], lang: Language) -> str:
    """A border line's name in ``lang``, by its id; the file's English name for unknown ids."""
    english = str(feature["properties"]["name"])
    message_key = f"map.border.{key}"
    return english if lang == "en" or message_key not in MESSAGES else message(message_key, lang)


@functools.lru_cache(maxsize=4)
def load_geography(geo_dir: Path = GEO_DIR) -> Geography:
    """Read the border and the provinces from ``geo_dir`` once per process.

    A dataset without ``geo/`` (a test fixture, a fresh fork) still builds: the
    maps then draw no border or provinces and fall back to circles.
    """
    if not (geo_dir / BORDER_FILE).is_file() or not (geo_dir / PROVINCES_FILE).is_file():
        empty = {"type": "FeatureCollection", "features": []}
        return Geography(border=empty, border_latlngs=[], provinces={}, border_bbox=(0, 0, 0, 0))
    border = geo.load_border(geo_dir / BORDER_FILE)
    lines = geo.line_coordinates(border)
    latlngs = [[lat, lon] for line in lines for lon, lat in line]
    provinces = geo.load_geojson(geo_dir / PROVINCES_FILE)
    by_code = {f["properties"]["hasc"]: f for f in provinces["features"]}
    lats = [p[0] for p in latlngs]
    lons = [p[1] for p in latlngs]
    bbox = (min(lats), min(lons), max(lats), max(lons))
    found = geo.load_areas(geo_dir)
    areas = {key: feature for key, (_, feature) in found.items()}
    countries = frozenset(key for key, (name, _) in found.items() if name == geo.COUNTRY_FILE)
    return Geography(
        border=border,
        border_latlngs=latlngs,
        provinces=by_code,
        border_bbox=bbox,
        areas=areas,
        countries=countries,
    )


def _polygons_latlngs(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [
        [drawn_line([[lat, lon] for lon, lat, *_ in ring]) for ring in polygon]
        for polygon in polygons
    ]


def has_shape(place: Place, geography: Geography) -> bool:
    """Whether :func:`place_shape` draws this place as polygons, a band or a country."""
    return bool(place.area) and all(a in geography.areas for a in place.area or [])


def area_shape(ids: list[str], geography: Geography) -> dict[str, Any]:
    """The drawable shape of the area features ``ids``, for ``map-layers.js``.

    Border lines become ``{"kind": "band", "latlngs": [line, ...]}``, provinces
    ``{"kind": "polygon", "latlngs": [polygon, ...]}`` and country outlines
    ``{"kind": "country", "latlngs": [polygon, ...]}``, all in
    (lat, lon) order. Each carries ``label``, the [lat, lon] its always-visible
    label is centred on (see :mod:`builder.maps.label`).
    """
    made = geography.shapes.get(tuple(ids))
    if made is not None:
        return made
    shape = _area_shape(ids, geography)
    geography.shapes[tuple(ids)] = shape
    return shape


def _area_shape(ids: list[str], geography: Geography) -> dict[str, Any]:
    features = [geography.areas[a] for a in ids]
    lines = [geo.is_line(f) for f in features]
    if all(lines):
        latlngs = [
            drawn_line([[lat, lon] for lon, lat in line])
            for f in features
            for line in geo.line_coordinates(f)
        ]
        return {"kind": "band", "latlngs": latlngs, "label": band_label(latlngs)}
    if any(lines):
        raise ValueError(f"{', '.join(ids)}: area mixes lines and polygons")
    polygons = [polygon for f in features for polygon in _polygons_latlngs(f["geometry"])]
    shape: dict[str, Any] = {"kind": "polygon", "latlngs": polygons}
    if all(a in geography.countries for a in ids):
        shape["kind"] = "country"
    shape["label"] = polygon_label(polygons)
    return shape


def place_shape(place: Place, geography: Geography) -> dict[str, Any] | None:
    """The drawable shape of a place (see :func:`area_shape`); None when it has none."""
    if not has_shape(place, geography):
        return None
    return area_shape(list(place.area or []), geography)


def event_shape_key(
    event: Event, precision: str | None, places: dict[str, Place], geography: Geography
) -> str | None:
    """Which shape stands for an event: its place's id, its country's outline id, or None.

    A place with an area is drawn as that area. An event known only to its
    country (``precision`` is the event's, which may be coarser than its
    place's) is drawn as the outline of the place's country when
    ``data/geo/`` has it, even if the place is a city.
    """
    place = places.get(event.place) if event.place else None
    if place is None:
        return None
    if has_shape(place, geography):
        return event.place
    outline = geo.country_area_id(place.country)
    if precision == "country" and outline in geography.countries:
        return outline
    return None


def shape_for_key(key: str, places: dict[str, Place], geography: Geography) -> dict[str, Any]:
    """The shape :func:`event_shape_key` named: a place's, or a bare country outline's."""
    if key in places and has_shape(places[key], geography):
        return area_shape(list(places[key].area or []), geography)
    return area_shape([key], geography)


def country_name(
    key: str, places: dict[str, Place], geography: Geography, lang: Language = "en"
) -> str | None:
    """The country's name when the shape :func:`event_shape_key` named is a country outline."""
    ids = list(places[key].area or []) if key in places else [key]
    if not ids or not all(a in geography.countries for a in ids):
        return None
    if lang == "en":
        return " and ".join(str(geography.areas[a]["properties"]["name"]) for a in ids)
    return message("map.and", lang).join(
        geonames.country_name(str(geography.areas[a]["properties"]["iso_a3"]), lang) for a in ids
    )


def shape_points(shape: dict[str, Any] | None) -> list[tuple[float, float]]:
    """Every (lat, lon) vertex of a shape from :func:`place_shape`, for fitting the view."""
    if shape is None:
        return []
    if shape["kind"] == "band":
        return [(lat, lon) for line in shape["latlngs"] for lat, lon in line]
    # Polygons and countries: every ring of every polygon.
    return [(lat, lon) for polygon in shape["latlngs"] for ring in polygon for lat, lon in ring]


def province_features(geography: Geography, lang: Language = "en") -> list[dict[str, Any]]:
    """The province polygons as GeoJSON Features labelled with their names."""
    return [
        {
            "type": "Feature",
            "geometry": geography.provinces[code]["geometry"],
            "properties": {
                "label": formatted("map.province", lang, name=geography.province_name(code, lang))
            },
        }
        for code in sorted(geography.provinces)
    ]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points on a sphere, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def near_border(point: tuple[float, float], km: float, geography: Geography) -> bool:
    """Whether a (lat, lon) point lies within ``km`` of a vertex of the border line.

    The line's vertices lie a few km apart, so a point may be up to about half
    that spacing nearer than measured: enough to tell near from far. A bounding
    box test and a flat-earth distance (exact to well under 1 % at this scale)
    keep this fast for ten thousand events.
    """
    if not geography.has_border:
        return False
    lat, lon = point
    south, west, north, east = geography.border_bbox
    km_per_lon = 111.32 * max(0.1, math.cos(math.radians(lat)))
    margin_lat = km / 110.57
    margin_lon = km / km_per_lon
    if not (south - margin_lat <= lat <= north + margin_lat):
        return False
    if not (west - margin_lon <= lon <= east + margin_lon):
        return False
    limit = km * km
    for b_lat, b_lon in geography.border_latlngs:
        dy = (lat - b_lat) * 110.57
        dx = (lon - b_lon) * km_per_lon
        if dx * dx + dy * dy <= limit:
            return True
    return False
