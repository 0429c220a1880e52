"""Line simplification shared by the geodata scripts and the maps' drawn shapes.

One Douglas–Peucker for everything: ``scripts/derive_basemap.py`` and
``scripts/derive_geo.py`` simplify Natural Earth with it, and
:func:`drawn_line` thins the shapes a map document carries to what its
closest zoom can show.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
"""A vertex as two plain degrees, in whichever order the caller keeps (lon, lat or lat, lon)."""

DRAWN_TOLERANCE = 0.004
"""Degrees a drawn shape may move: under a pixel at zoom 8, the closest any map goes, and
the same as the basemap's own close-up borders (``DETAIL_TOLERANCE`` in
``scripts/derive_basemap.py``), so a shape is no coarser than the land under it."""

DRAWN_DECIMALS = 3
"""Decimals kept in a drawn vertex (about 100 m): below :data:`DRAWN_TOLERANCE`."""


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Keep the vertices of a line that lie more than ``tolerance`` from its simplified form.

    Classic Douglas–Peucker in plain degrees, iterative so long arcs need no
    deep recursion. Both ends are always kept; for a closed line (first
    position equal to the last) the distance is measured from that one point.
    Ties keep the first vertex found, so the result depends only on the input.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        span = math.hypot(dx, dy)
        farthest, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if span == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / span
            if distance > farthest:
                farthest, index = distance, i
        if index > 0 and farthest > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def drawn_line(points: Sequence[Sequence[float]]) -> list[list[float]]:
    """A line or ring as a map draws it: simplified at :data:`DRAWN_TOLERANCE`, rounded.

    The shapes' full detail stays in ``data/geo/`` for measuring and for
    point-in-polygon checks; a map document needs only what it can show, and
    carried every vertex at 1:10m (the locator and the story map went over
    their weight budget on it). A ring stays closed; one too small to keep
    four positions is returned whole.
    """
    line = [(float(p[0]), float(p[1])) for p in points]
    ring = len(line) > 3 and line[0] == line[-1]
    rounded = [
        [round(a, DRAWN_DECIMALS), round(b, DRAWN_DECIMALS)]
        for a, b in douglas_peucker(line, DRAWN_TOLERANCE)
    ]
    # Rounding may make neighbours equal: one of each is enough.
    drawn = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
    if ring and len(drawn) < 4:
        # Smaller than a pixel at any zoom: drawn as it is, rather than as a broken polygon.
        return [list(p) for p in line]
    return drawn
