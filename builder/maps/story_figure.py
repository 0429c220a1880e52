"""A static SVG figure of the story's map, for readers without JavaScript.

The live story map needs JavaScript. This figure shows the same geography at
a glance, drawn from the same data: the countries of ``data/geo/``, the
Afghanistan–Tajikistan border, the range ring around the factory and a dot
with a name for every town or site the story's events are placed at. The
projection is equirectangular, with longitudes shrunk by the cosine of the
middle latitude, which is near enough at the scale of the region.
"""

from __future__ import annotations

import math
from typing import Any

from builder.html.sanitize import text
from builder.maps import factory
from builder.maps.areas import Geography, area_shape
from builder.maps.features import located_features
from builder.maps.style import BORDER_STYLE, PIN_PRECISIONS, RING_STYLE
from builder.record.validate import Dataset

STORY_FIGURE_PATH = "maps/story.svg"
"""Site path of the static figure."""

WIDTH = 800
"""Width of the figure in SVG units (its height follows from the region's shape)."""

EXTENT = (29.0, 44.0, 46.0, 82.0)
"""(south, west, north, east) of the figure: Iran to Kyrgyzstan, Afghanistan to Kazakhstan."""


class _Projection:
    def __init__(self, extent: tuple[float, float, float, float]) -> None:
        south, west, north, east = extent
        self.west, self.north = west, north
        self.scale_x = math.cos(math.radians((south + north) / 2))
        self.unit = WIDTH / ((east - west) * self.scale_x)
        self.height = round((north - south) * self.unit)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (
            round((lon - self.west) * self.scale_x * self.unit, 1),
            round((self.north - lat) * self.unit, 1),
        )

    def path(self, rings: list[list[tuple[float, float]]], closed: bool) -> str:
        parts = []
        for ring in rings:
            points = [self.xy(lat, lon) for lat, lon in ring]
            if not points:
                continue
            parts.append(
                "M" + "L".join(f"{x:g} {y:g}" for x, y in points) + ("Z" if closed else "")
            )
        return "".join(parts)


FIGURE_HEIGHT = _Projection(EXTENT).height
"""Height of the figure in SVG units, for the page's ``<img>``."""


def _polygon_rings(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [[(lat, lon) for lon, lat, *_ in ring] for polygon in polygons for ring in polygon]


def story_figure(data: Dataset, geography: Geography) -> str:
    """The SVG document of the static story map."""
    projection = _Projection(EXTENT)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {projection.height}" '
        f'width="{WIDTH}" height="{projection.height}" role="img" '
        'aria-labelledby="story-figure-title" font-family="sans-serif">',
        '<title id="story-figure-title">The places of the story</title>',
        f'<rect width="{WIDTH}" height="{projection.height}" fill="#dfe9f0"/>',
    ]
    countries = sorted(key for key in geography.areas if key in geography.countries)
    for key in countries:
        rings = _polygon_rings(geography.areas[key]["geometry"])
        parts.append(
            f'<path d="{projection.path(rings, True)}" fill="#f4f1ea" stroke="#8c8c8c" '
            'stroke-width="1"/>'
        )
    for feature in geography.provinces.values():
        rings = _polygon_rings(feature["geometry"])
        parts.append(
            f'<path d="{projection.path(rings, True)}" fill="none" stroke="#8c8c8c" '
            'stroke-width="0.8" stroke-dasharray="2 3"/>'
        )
    border = [[(lat, lon) for lat, lon in geography.border_latlngs]]
    if geography.has_border:
        parts.append(
            f'<path d="{projection.path(border, False)}" fill="none" '
            f'stroke="{BORDER_STYLE["color"]}" stroke-width="3"/>'
        )
    reach = factory.reach(data, geography)
    if reach is not None:
        ring = [[(lat, lon) for lon, lat in factory.ring_lonlats(reach.centre, reach.range_km)]]
        parts.append(
            f'<path d="{projection.path(ring, True)}" fill="{RING_STYLE["color"]}" '
            f'fill-opacity="0.06" stroke="{RING_STYLE["color"]}" stroke-width="2" '
            'stroke-dasharray="8 6"/>'
        )
    for key in countries:
        name = geography.areas[key]["properties"].get("name")
        if not name:
            continue
        lat, lon = area_shape([key], geography)["label"]
        x, y = projection.xy(lat, lon)
        if 0 < x < WIDTH and 0 < y < projection.height:
            parts.append(
                f'<text x="{x:g}" y="{y:g}" font-size="15" fill="#6b6b6b" '
                f'text-anchor="middle" letter-spacing="1">{text(str(name).upper())}</text>'
            )
    in_story = [e for step in (data.story.steps if data.story else []) for e in step.events]
    places: dict[str, tuple[float, float]] = {}
    for feature in located_features(data, geography, in_story):
        event = data.events[feature["id"]]
        if event.place and data.precision(event) in PIN_PRECISIONS:
            place = data.places[event.place]
            places.setdefault(place.name.split(",")[-1].strip(), (place.lat, place.lon))
    for name, (lat, lon) in sorted(places.items()):
        x, y = projection.xy(lat, lon)
        parts.append(
            f'<circle cx="{x:g}" cy="{y:g}" r="5" fill="#b2182b" stroke="#ffffff" '
            'stroke-width="1.5"/>'
            f'<text x="{x + 8:g}" y="{y + 5:g}" font-size="15" fill="#222222" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{text(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts) + "\n"
