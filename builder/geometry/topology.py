"""Reading TopoJSON: arcs decoded to degrees, rings stitched from arc references.

The one TopoJSON reader of the project, used by ``scripts/derive_geo.py`` and
``scripts/derive_basemap.py`` (the browser reads the basemap with npm's
``topojson-client``). Pure functions over the parsed JSON; no TopoJSON library.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from builder.geometry.simplify import Point

Topology = Mapping[str, Any]
"""A parsed TopoJSON file (``json.load`` output): its members are read as the format defines."""

Position = TypeVar("Position", tuple[float, float], tuple[int, int])
"""A vertex in degrees (decoded) or in quantized integer units (encoded)."""

Geometry = Mapping[str, Any]
"""One geometry object of a topology: ``type``, ``arcs`` and optional ``id`` / ``properties``."""


def decode_arcs(topology: Topology) -> list[list[Point]]:
    """Decode a topology's arcs into (lon, lat) positions, undoing quantization and deltas."""
    if "transform" not in topology:
        return [[(float(p[0]), float(p[1])) for p in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_index(ref: int) -> int:
    """The arc a reference points at; a negative ref ``~i`` means arc ``i`` reversed."""
    return ref if ref >= 0 else ~ref


def polygons(geometry: Geometry) -> list[list[list[int]]]:
    """A Polygon's or MultiPolygon's arc references: polygons, each a list of rings."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def arcs_used(geometry: Geometry) -> set[int]:
    """Every arc index the rings of ``geometry`` use."""
    return {arc_index(ref) for polygon in polygons(geometry) for ring in polygon for ref in ring}


def shared_arcs(topology: Topology, first: str, second: str, obj: str = "countries") -> list[int]:
    """Indices of the arcs that geometries ``first`` and ``second`` of ``obj`` share, sorted."""
    geometries = {g.get("id"): g for g in topology["objects"][obj]["geometries"]}
    return sorted(arcs_used(geometries[first]) & arcs_used(geometries[second]))


def stitch(refs: Sequence[int], arc: Callable[[int], Sequence[Position]]) -> list[Position]:
    """Join the arcs ``refs`` name into one line, reversing negative refs, joints kept once.

    ``arc`` gives an arc's positions by index (``decoded.__getitem__``, a function
    that simplifies each arc once, or quantized arcs being written), so neighbours
    stitched from one arc share its line.
    """
    ring: list[Position] = []
    for ref in refs:
        points = list(arc(arc_index(ref)))
        if ref < 0:
            points.reverse()
        ring.extend(points if not ring else points[1:])
    return ring
