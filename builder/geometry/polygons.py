"""Point-in-polygon for the simplified polygons in ``data/geo/`` (provinces, countries).

Plain lon/lat geometry: right for these small shapes, which cross neither the
antimeridian nor a pole.
"""

from __future__ import annotations

from typing import Any


def polygon_rings(geometry: dict[str, Any]) -> list[list[list[tuple[float, float]]]]:
    """The rings of a Polygon or MultiPolygon as (lon, lat) pairs, one list per polygon.

    Other geometry types give an empty list.
    """
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        parts = geometry["coordinates"]
    else:
        return []
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in part] for part in parts]


def _in_ring(lon: float, lat: float, ring: list[tuple[float, float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(geometry: dict[str, Any], lon: float, lat: float) -> bool:
    """Whether a (lon, lat) point lies inside a Polygon or MultiPolygon (holes excluded).

    Even-odd ray casting in plain lon/lat: right for the small, simplified
    polygons in ``data/geo/``, which cross neither the antimeridian nor a pole.
    """
    return any(
        _in_ring(lon, lat, rings[0]) and not any(_in_ring(lon, lat, hole) for hole in rings[1:])
        for rings in polygon_rings(geometry)
    )
