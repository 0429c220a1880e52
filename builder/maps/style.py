"""How the maps draw things: colours by category, line and fill by status, area sizes.

One place for every visual convention, so the legends, the text versions and
the charts describe exactly what is drawn.
"""

from __future__ import annotations

from typing import Any

CATEGORY_COLOURS: dict[str, str] = {
    "drone-production": "#b2182b",
    "drone-acquisition": "#ef8a62",
    "drone-use": "#762a83",
    "diplomacy": "#2166ac",
    "trade": "#1b7837",
    "military": "#4d4d4d",
    "conflict": "#e08214",
}
"""One colour per category, shared by maps and charts (colour-blind-safe diverging set)."""

STATUS_STYLES: dict[str, dict[str, Any]] = {
    "confirmed": {"fillOpacity": 0.9, "dashArray": None, "weight": 2},
    "reported": {"fillOpacity": 0.6, "dashArray": None, "weight": 2},
    "claimed": {"fillOpacity": 0.25, "dashArray": "3 3", "weight": 2},
    "disputed": {"fillOpacity": 0.15, "dashArray": "4 2", "weight": 2},
    "denied": {"fillOpacity": 0.0, "dashArray": "2 4", "weight": 2},
}
"""How status shows on a map: the weaker the claim, the emptier and more dashed the shape."""

STATUS_MEANINGS: dict[str, str] = {
    "confirmed": "Confirmed: solid outline, filled",
    "reported": "Reported: solid outline, half filled",
    "claimed": "Claimed by one side: dashed outline, faint fill",
    "disputed": "Disputed: dashed outline, fainter fill",
    "denied": "Claimed and denied: dotted outline, no fill",
}
"""Legend text for each status, in the order of :data:`STATUS_STYLES`."""

PIN_PRECISIONS = frozenset({"exact", "locality"})
"""Precisions drawn as a pin: a known site, or a town the point stands for."""

AREA_RADIUS_KM: dict[str, float] = {"district": 25, "province": 80, "region": 150, "country": 300}
"""Radius of the circle that stands for a place known only to this precision and without a shape."""

PRECISION_PHRASES: dict[str, str] = {
    "exact": "exact site",
    "locality": "the point stands for the whole town or city",
    "district": "approximate: somewhere in this district",
    "province": "approximate: somewhere in this province",
    "region": "approximate: somewhere in this region",
    "country": "approximate: somewhere in this country",
}
"""How each location precision is explained to readers next to a place name."""

BORDER_STYLE: dict[str, Any] = {"color": "#5e3c99", "weight": 4, "opacity": 0.9}
"""The Afghanistan–Tajikistan border line."""

RING_STYLE: dict[str, Any] = {
    "color": "#b2182b",
    "weight": 3,
    "fillColor": "#b2182b",
    "fillOpacity": 0.06,
    "dashArray": "8 6",
}
"""The drone's range ring."""

PROVINCE_STYLE: dict[str, Any] = {
    "color": "#666666",
    "weight": 1,
    "fillOpacity": 0.04,
    "dashArray": "2 3",
}
"""Context outlines of the Afghan provinces named in the story."""


def category_label(category: str) -> str:
    """A category id as readers see it: ``drone-production`` -> ``Drone production``."""
    return category.replace("-", " ").capitalize()
