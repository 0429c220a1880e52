"""Events as map features: one GeoJSON Feature each, with what a popup shows.

Feature properties carry plain text only (Markdown is rendered, sanitised and
reduced to text), which ``map-layers.js`` puts on the page with
``textContent``. Sources and shapes are shared lookup tables written once per
document, so ten thousand events do not repeat the same source ten thousand times.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import nh3

from builder import dates
from builder.exports import event_url
from builder.maps.areas import Geography, has_shape, place_shape
from builder.maps.style import (
    AREA_RADIUS_KM,
    CATEGORY_COLOURS,
    PIN_PRECISIONS,
    PRECISION_PHRASES,
    STATUS_STYLES,
)
from builder.sanitize import markdown_html
from builder.schema import Event
from builder.validate import Dataset


def plain_text(markdown: str) -> str:
    """Editor Markdown as plain text: rendered, sanitised, tags dropped, entities decoded."""
    stripped = nh3.clean(markdown_html(markdown), tags=set())
    return " ".join(html.unescape(stripped).split())


def where(event: Event, data: Dataset) -> str | None:
    """Place and precision as readers see them, e.g. ``Takhar province (approximate: ...)``."""
    point = data.coordinates(event)
    precision = data.precision(event)
    if point is None or precision is None:
        return None
    name = data.places[event.place].name if event.place else f"{point[0]:.2f}, {point[1]:.2f}"
    return f"{name} ({PRECISION_PHRASES[precision]})"


def actor_names(ids: Iterable[str], data: Dataset) -> list[str]:
    """Names of actors by id (the id itself if unknown)."""
    return [data.actors[i].name if i in data.actors else i for i in ids]


def event_feature(event_id: str, data: Dataset, geography: Geography) -> dict[str, Any] | None:
    """The event as a Point Feature, with the area it stands for; None when it has no place."""
    event = data.events[event_id]
    point = data.coordinates(event)
    precision = data.precision(event)
    if point is None or precision is None:
        return None
    properties: dict[str, Any] = {
        "id": event_id,
        "title": event.title,
        "date": dates.display(event.date)
        + (f" to {dates.display(event.end_date)}" if event.end_date else ""),
        "status": event.status,
        "category": event.category,
        "summary": plain_text(event.summary),
        "where": where(event, data),
        "sources": list(event.sources),
        "url": event_url(event_id),
    }
    if event.claimed_by:
        properties["claimed_by"] = actor_names(event.claimed_by, data)
    if event.denied_by:
        properties["denied_by"] = actor_names(event.denied_by, data)
    if precision not in PIN_PRECISIONS:
        properties["approximate"] = PRECISION_PHRASES[precision]
        if event.place and has_shape(event.place, geography):
            properties["shape"] = event.place
        else:
            properties["radius_km"] = AREA_RADIUS_KM[precision]
    return {
        "type": "Feature",
        "id": event_id,
        "geometry": {"type": "Point", "coordinates": [round(point[1], 5), round(point[0], 5)]},
        "properties": properties,
    }


def located_features(
    data: Dataset, geography: Geography, event_ids: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Features of the given events (default: all), in chronological order, unlocated skipped."""
    wanted = None if event_ids is None else set(event_ids)
    features = []
    for event_id, _ in data.chronological():
        if wanted is not None and event_id not in wanted:
            continue
        feature = event_feature(event_id, data, geography)
        if feature is not None:
            features.append(feature)
    return features


def collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    """Wrap features in a GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection", "features": features}


def lookup_tables(
    features: list[dict[str, Any]], data: Dataset, geography: Geography
) -> dict[str, Any]:
    """What ``DR.setup`` needs: the sources and shapes these features use, and the styles."""
    source_ids = sorted({s for f in features for s in f["properties"]["sources"]})
    shape_ids = sorted({f["properties"]["shape"] for f in features if "shape" in f["properties"]})
    return {
        "sources": {
            sid: {
                "title": data.sources[sid].title,
                "publisher": data.sources[sid].publisher,
                "date": dates.display(data.sources[sid].date),
                "url": str(data.sources[sid].url),
            }
            for sid in source_ids
        },
        "shapes": {pid: place_shape(pid, geography) for pid in shape_ids},
        "statusStyles": STATUS_STYLES,
        "colours": CATEGORY_COLOURS,
    }


def bounds(points: Iterable[tuple[float, float]], pad_km: float = 0.0) -> list[list[float]]:
    """The [[south, west], [north, east]] box around (lat, lon) points, widened by ``pad_km``."""
    pts = list(points)
    if not pts:
        return [[30.0, 55.0], [45.0, 80.0]]
    pad = pad_km / 111.0
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return [
        [round(min(lats) - pad, 4), round(min(lons) - pad, 4)],
        [round(max(lats) + pad, 4), round(max(lons) + pad, 4)],
    ]


def feature_points(features: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """The (lat, lon) of each feature's point."""
    return [(f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0]) for f in features]
