"""Where a drawn shape's always-visible label goes: well inside the shape, not at its edge.

A place's point may sit anywhere in its area (a border band's point is a
halfway mark, a country's a spot inside it), so a label centred on the point
can hang off the map once the view is fitted to the shape. Polygons are
labelled at their pole of inaccessibility, the inside point farthest from the
edge (the "polylabel" search: cells over the polygon, refined best first);
bands at the point of their lines nearest the middle of their extent.

Distances are planar, with longitudes shrunk by the cosine of the middle
latitude, which is near enough at the scale of a country for placing a label.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections.abc import Sequence

import numpy

Ring = Sequence[Sequence[float]]
"""A closed ring of [lat, lon] positions."""

PRECISION = 0.05
"""The search stops when no cell can beat the best point by more than this (degrees of latitude,
about 5 km: plenty for placing a label)."""


class _Edges:
    """A polygon's edges as arrays, so one distance is a few vector operations.

    Every map of a build labels the same shapes; a pure-Python loop over each
    edge for each of the search's cells cost a third of a second per build.
    """

    def __init__(self, rings: list[list[tuple[float, float]]]) -> None:
        starts = [a for ring in rings for a in ring]
        ends = [b for ring in rings for b in ring[1:] + ring[:1]]
        self.ax, self.ay = (numpy.array(c, dtype=float) for c in zip(*starts, strict=True))
        bx, by = (numpy.array(c, dtype=float) for c in zip(*ends, strict=True))
        self.by = by
        self.dx, self.dy = bx - self.ax, by - self.ay
        self.length2 = self.dx * self.dx + self.dy * self.dy
        self.degenerate = self.length2 == 0
        self.safe_length2 = numpy.where(self.degenerate, 1.0, self.length2)
        self.safe_dy = numpy.where(self.dy == 0, 1.0, self.dy)

    def distance(self, x: float, y: float) -> float:
        """Signed distance from (x, y) to the edges: positive inside, negative outside."""
        rx, ry = x - self.ax, y - self.ay
        t = numpy.clip((rx * self.dx + ry * self.dy) / self.safe_length2, 0.0, 1.0)
        t[self.degenerate] = 0.0
        nearest = float(numpy.hypot(rx - t * self.dx, ry - t * self.dy).min())
        straddles = (self.ay > y) != (self.by > y)
        crossings = straddles & (x < self.ax + ry * self.dx / self.safe_dy)
        return nearest if int(crossings.sum()) % 2 else -nearest


def _area(ring: Ring) -> float:
    return abs(
        sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]], strict=True))
    )


def polygon_label(polygons: Sequence[Sequence[Ring]]) -> list[float]:
    """The [lat, lon] inside the largest polygon that lies farthest from its edges and holes.

    Every map of a build asks for the same few shapes: results are remembered
    by the largest polygon's coordinates.
    """
    largest = max(polygons, key=lambda polygon: _area(polygon[0]))
    key = tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in largest)
    return list(_pole(key))


@functools.lru_cache(maxsize=256)
def _pole(rings_latlon: tuple[tuple[tuple[float, float], ...], ...]) -> tuple[float, float]:
    lats = [p[0] for p in rings_latlon[0]]
    scale = math.cos(math.radians((min(lats) + max(lats)) / 2))
    # Work in (x, y) = (lon * scale, lat) so a degree east weighs what it does on the ground.
    rings = [[(p[1] * scale, p[0]) for p in ring] for ring in rings_latlon]
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    size = min(max(xs) - min(xs), max(ys) - min(ys))
    if size == 0:
        return (round(ys[0], 4), round(xs[0] / scale, 4))

    edges = _Edges(rings)

    def cell(x: float, y: float, half: float) -> tuple[float, float, float, float, float]:
        d = edges.distance(x, y)
        return (-(d + half * math.sqrt(2)), d, x, y, half)

    half = size / 2
    queue = [
        cell(x + half, y + half, half)
        for x in _steps(min(xs), max(xs), size)
        for y in _steps(min(ys), max(ys), size)
    ]
    heapq.heapify(queue)
    best = max(
        (cell(sum(xs) / len(xs), sum(ys) / len(ys), 0), *queue), key=lambda c: (c[1], -c[2], -c[3])
    )
    while queue:
        _, d, x, y, h = heapq.heappop(queue)
        if d > best[1]:
            best = (0.0, d, x, y, h)
        if d + h * math.sqrt(2) - best[1] <= PRECISION:
            continue
        h /= 2
        for dx in (-h, h):
            for dy in (-h, h):
                heapq.heappush(queue, cell(x + dx, y + dy, h))
    return (round(best[3], 4), round(best[2] / scale, 4))


def _steps(start: float, stop: float, step: float) -> list[float]:
    count = max(1, math.ceil((stop - start) / step))
    return [start + i * step for i in range(count)]


def band_label(lines: Sequence[Sequence[Sequence[float]]]) -> list[float]:
    """The [lat, lon] vertex of the lines nearest the centre of their bounding box."""
    points = [p for line in lines for p in line]
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    middle = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    scale = math.cos(math.radians(middle[0]))
    nearest = min(
        points, key=lambda p: (math.hypot(p[0] - middle[0], (p[1] - middle[1]) * scale), p[0])
    )
    return [round(nearest[0], 4), round(nearest[1], 4)]
