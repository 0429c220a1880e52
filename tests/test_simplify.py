"""Shapes as map documents draw them: thinned to what a pixel can show, never reshaped."""

from __future__ import annotations

import itertools
import math

from builder.geometry.simplify import DRAWN_DECIMALS, DRAWN_TOLERANCE, drawn_line


def _distance_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _wiggly_ring(n: int = 400) -> list[list[float]]:
    ring = [
        [
            37.0 + math.sin(i / n * 2 * math.pi) + 0.001 * math.sin(i),
            68.0 + math.cos(i / n * 2 * math.pi),
        ]
        for i in range(n)
    ]
    return [*ring, ring[0]]


def test_a_drawn_line_keeps_every_original_vertex_within_the_tolerance():
    ring = _wiggly_ring()
    drawn = drawn_line(ring)
    assert len(drawn) < len(ring) / 2
    slack = DRAWN_TOLERANCE + 2 * 0.5 * 10**-DRAWN_DECIMALS
    for vertex in ring:
        nearest = min(
            _distance_to_segment(vertex, drawn[i], drawn[i + 1]) for i in range(len(drawn) - 1)
        )
        assert nearest <= slack


def test_a_drawn_ring_stays_a_closed_polygon_however_small():
    tiny = [[37.0, 68.0], [37.0001, 68.0], [37.0001, 68.0001], [37.0, 68.0001], [37.0, 68.0]]
    assert drawn_line(tiny) == tiny
    big = drawn_line(_wiggly_ring())
    assert big[0] == big[-1]
    assert len(big) >= 4


def test_drawn_vertices_are_rounded_and_never_repeated_in_a_row():
    line = [[37.00011, 68.00012], [37.00014, 68.00013], [37.5, 68.5], [38.0, 69.0004]]
    drawn = drawn_line(line)
    assert drawn[0] == [37.0, 68.0]
    assert all(a != b for a, b in itertools.pairwise(drawn))
    assert all(round(x, DRAWN_DECIMALS) == x for vertex in drawn for x in vertex)
