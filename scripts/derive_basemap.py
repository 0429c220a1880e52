"""Derive the site's own basemap, ``data/geo/basemap.topo.json``, from Natural Earth.

Called by ``scripts/derive_geo.py`` (which fetches the ``world-atlas`` tarball);
see ``data/geo/PROVENANCE.md`` for what the file holds and why.

The file is one TopoJSON topology, quantized and delta-encoded, with two levels
of detail drawn by ``docs/assets/js/basemap.js``:

* ``countries`` / ``borders``: Natural Earth 1:50m, every country that reaches
  into :data:`OVERVIEW_BOX`, clipped to it, simplified at
  :data:`OVERVIEW_TOLERANCE`: the regional view and anything zoomed out.
* ``countries_detail`` / ``borders_detail``: Natural Earth 1:10m, clipped to
  :data:`DETAIL_BOX` (the Afghan–Tajik frontier and its neighbours, where the
  close maps look), simplified at :data:`DETAIL_TOLERANCE`; drawn from zoom
  :data:`DETAIL_ZOOM` on, over the overview. ``borders_outside_detail`` is the
  overview's border lines outside that box, so no line is drawn twice.
* ``places``: country names, capitals and the two rivers of the border, as
  points with a name, a kind and the zoom from which they are labelled.

Every country polygon carries ``group``: ``focus`` (Afghanistan, Tajikistan),
``neighbour`` (every country sharing a border with either, found from the
topology) or ``other``. Land is the union of the country polygons; water (the
Caspian, the Arabian Sea, the Gulf) is what no country covers.

Country outlines are simplified one shared arc at a time (Douglas–Peucker, as
for ``countries.geojson``), so neighbours keep one identical line. Rings that
leave a box are clipped (Sutherland–Hodgman) into rings of their own; border
lines that leave it are cut where they cross it.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# One simplifier and one TopoJSON reader for both derived files and the maps' drawn shapes.
from builder.geometry.simplify import douglas_peucker
from builder.geometry.topology import (
    arc_index,
    arcs_used,
    decode_arcs,
    polygons,
    shared_arcs,
    stitch,
)
from builder.i18n.geonames import country_name

Point = tuple[float, float]
Box = tuple[float, float, float, float]
"""(west, south, east, north) in degrees."""

OVERVIEW_BOX: Box = (30.0, 18.0, 100.0, 60.0)
"""Wide enough for the regional map on a wide screen: all of Kazakhstan and Iran, the Caucasus,
Pakistan and western China, with margin for a view wider than the data."""

DETAIL_BOX: Box = (50.0, 25.0, 82.0, 46.0)
"""Afghanistan, Tajikistan, Kyrgyzstan, Uzbekistan and Turkmenistan whole, eastern Iran,
northern Pakistan and southern Kazakhstan: where the factory, border, deployments and
locator maps zoom in."""

OVERVIEW_TOLERANCE = 0.03
"""Degrees: at zoom 5, where the overview is drawn closest, a pixel spans about 0.034°."""

DETAIL_TOLERANCE = 0.004
"""Degrees: at zoom 8, the closest any map goes, a pixel spans about 0.0043°."""

DETAIL_ZOOM = 6
"""The zoom from which ``basemap.js`` draws the 1:10m level inside :data:`DETAIL_BOX`."""

QUANTUM = 0.002
"""Degrees per quantization step (about 200 m): below both tolerances."""

FOCUS = {"004": "AFG", "762": "TJK"}
"""Afghanistan and Tajikistan: the countries the story is about."""

ALPHA3: dict[str, str] = {
    "004": "AFG", "762": "TJK", "860": "UZB", "795": "TKM", "417": "KGZ", "398": "KAZ",
    "364": "IRN", "586": "PAK", "156": "CHN", "643": "RUS", "356": "IND", "031": "AZE",
    "792": "TUR", "368": "IRQ", "682": "SAU", "496": "MNG", "268": "GEO", "051": "ARM",
    "512": "OMN", "784": "ARE", "414": "KWT", "634": "QAT", "048": "BHR", "760": "SYR",
    "400": "JOR", "524": "NPL", "064": "BTN", "887": "YEM", "422": "LBN", "376": "ISR",
    "818": "EGY", "196": "CYP", "050": "BGD", "104": "MMR", "729": "SDN", "232": "ERI",
    "275": "PSE", "144": "LKA", "462": "MDV",
}  # fmt: skip
"""ISO 3166 alpha-3 codes of the numeric ids world-atlas uses, for the countries in the box."""

COUNTRY_LABELS: list[tuple[str, str, float, float, int, int | None]] = [
    ("AFG", "Afghanistan", 66.0, 33.6, 4, 5),
    ("TJK", "Tajikistan", 70.9, 38.9, 5, 5),
    # Closer in (zoom 5 on, after the main points), the two names sit either side of the border, where the close maps look;
    # basemap.js shows the first of a country's points that fits the view and is free.
    ("AFG", "Afghanistan", 69.6, 36.3, 5, None),
    ("AFG", "Afghanistan", 67.3, 36.2, 5, None),
    ("AFG", "Afghanistan", 70.9, 35.3, 5, None),
    ("TJK", "Tajikistan", 72.9, 38.4, 5, None),
    ("TJK", "Tajikistan", 70.3, 39.3, 5, None),
    ("TJK", "Tajikistan", 69.0, 37.75, 5, None),
    ("UZB", "Uzbekistan", 63.6, 41.9, 4, None),
    ("TKM", "Turkmenistan", 59.0, 39.3, 4, None),
    ("KGZ", "Kyrgyzstan", 74.6, 41.6, 5, None),
    ("KAZ", "Kazakhstan", 67.5, 48.3, 3, None),
    ("IRN", "Iran", 54.5, 32.2, 3, None),
    ("PAK", "Pakistan", 69.3, 29.2, 4, None),
    ("CHN", "China", 84.0, 39.5, 3, None),
    ("RUS", "Russia", 62.0, 56.5, 3, None),
    ("IND", "India", 77.5, 24.5, 4, None),
]
"""Country names drawn on the map: alpha-3, name, label point (lon, lat), first and last zoom
shown (None: no last). Label points are chosen by hand inside each country's outline (a test
checks they are)."""

CAPITALS: list[tuple[str, str, float, float, int]] = [
    ("AFG", "Kabul", 69.2075, 34.5553, 4),
    ("TJK", "Dushanbe", 68.7870, 38.5598, 4),
    ("UZB", "Tashkent", 69.24, 41.30, 5),
    ("TKM", "Ashgabat", 58.38, 37.95, 5),
    ("KGZ", "Bishkek", 74.59, 42.87, 5),
    ("KAZ", "Astana", 71.45, 51.17, 5),
    ("IRN", "Tehran", 51.3890, 35.6892, 4),
    ("PAK", "Islamabad", 73.06, 33.69, 5),
]
"""Capitals the story names or that orient a reader: alpha-3, name, lon, lat, first zoom shown.
Kabul, Dushanbe and Tehran use the points of ``data/places.yaml``; the others are city
centres to 0.01° (about 1 km), for placing a label only."""

RIVERS: list[tuple[str, str, float, int]] = [
    ("Panj", "afghanistan-tajikistan", 69.9, 6),
    ("Amu Darya", "afghanistan-uzbekistan", 67.2, 6),
]
"""River names set on the border line they form: name, border id, the longitude of the
border vertex the label goes to, first zoom shown."""


def inside(p: Point, box: Box) -> bool:
    """Whether ``p`` lies in ``box`` (edges included)."""
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def clip_ring(ring: Sequence[Point], box: Box) -> list[Point]:
    """Sutherland–Hodgman: the part of a closed ring inside ``box``, closed again (or empty)."""
    west, south, east, north = box
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    points = list(ring[:-1]) if ring and ring[0] == ring[-1] else list(ring)
    for keeps, cross in edges:
        if not points:
            break
        out: list[Point] = []
        previous = points[-1]
        for current in points:
            if keeps(current):
                if not keeps(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif keeps(previous):
                out.append(cross(previous, current))
            previous = current
        points = out
    return [*points, points[0]] if len(points) >= 3 else []


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _segment_inside(a: Point, b: Point, box: Box) -> tuple[float, float] | None:
    """Liang–Barsky: the parameter interval of segment a->b inside ``box``, or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - box[0]),
        (dx, box[2] - a[0]),
        (-dy, a[1] - box[1]),
        (dy, box[3] - a[1]),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return t0, t1


def split_line(points: Sequence[Point], box: Box, *, keep_inside: bool) -> list[list[Point]]:
    """The pieces of a line inside ``box`` (or outside it, with ``keep_inside=False``)."""
    pieces: list[list[Point]] = []
    current: list[Point] = []

    def at(a: Point, b: Point, t: float) -> Point:
        return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

    def add(p: Point) -> None:
        if not current or current[-1] != p:
            current.append(p)

    def close() -> None:
        nonlocal current
        if len(current) >= 2:
            pieces.append(current)
        current = []

    for a, b in itertools.pairwise(points):
        span = _segment_inside(a, b, box)
        if keep_inside:
            intervals = [span] if span else []
        elif span is None:
            intervals = [(0.0, 1.0)]
        else:
            intervals = [iv for iv in ((0.0, span[0]), (span[1], 1.0)) if iv[1] > iv[0]]
        for t0, t1 in intervals:
            if t0 > 0:
                close()
            add(at(a, b, t0))
            add(at(a, b, t1))
            if t1 < 1:
                close()
        if not intervals:
            close()
    close()
    return pieces


def ring_area(ring: Sequence[Point]) -> float:
    """Planar signed area in square degrees, positive when counter-clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def point_in_ring(p: Point, ring: Sequence[Point]) -> bool:
    """Even-odd test of ``p`` against a closed ring."""
    x, y = p
    hit = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def _box_of(points: Iterable[Point]) -> Box:
    xs, ys = zip(*points, strict=True)
    return (min(xs), min(ys), max(xs), max(ys))


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _within(a: Box, b: Box) -> bool:
    return b[0] <= a[0] and a[2] <= b[2] and b[1] <= a[1] and a[3] <= b[3]


class TopologyWriter:
    """Collects arcs (source arcs once, clipped pieces as new arcs) and writes quantized TopoJSON."""

    def __init__(self, box: Box, quantum: float):
        """Quantize positions to ``quantum`` degrees from the south-west corner of ``box``."""
        self.origin = (box[0], box[1])
        self.quantum = quantum
        self.arcs: list[list[tuple[int, int]]] = []
        self._shared: dict[tuple[int, int], int] = {}

    def q(self, p: Point) -> tuple[int, int]:
        """A position in quantized integer units."""
        return (
            round((p[0] - self.origin[0]) / self.quantum),
            round((p[1] - self.origin[1]) / self.quantum),
        )

    def _add(self, points: Sequence[Point]) -> int:
        quantized: list[tuple[int, int]] = []
        for p in points:
            qp = self.q(p)
            if not quantized or quantized[-1] != qp:
                quantized.append(qp)
        if len(quantized) == 1:
            quantized.append(quantized[0])
        self.arcs.append(quantized)
        return len(self.arcs) - 1

    def shared(self, level: int, source_ref: int, points: Sequence[Point]) -> int:
        """The output reference of source arc ``source_ref`` (reversed if negative) at ``level``."""
        key = (level, arc_index(source_ref))
        if key not in self._shared:
            self._shared[key] = self._add(points)
        out = self._shared[key]
        return out if source_ref >= 0 else ~out

    def new(self, points: Sequence[Point]) -> int:
        """A new arc of its own (a clipped ring or piece of line)."""
        return self._add(points)

    def ring_points(self, refs: Sequence[int]) -> list[tuple[int, int]]:
        """The quantized positions of a ring given as output arc references."""
        return stitch(refs, self.arcs.__getitem__)

    def encoded_arcs(self) -> list[list[list[int]]]:
        """Arcs delta-encoded, as TopoJSON stores them."""
        out = []
        for arc in self.arcs:
            x0 = y0 = 0
            encoded = []
            for x, y in arc:
                encoded.append([x - x0, y - y0])
                x0, y0 = x, y
            out.append(encoded)
        return out

    def transform(self) -> dict[str, list[float]]:
        """The topology's ``transform``."""
        return {"scale": [self.quantum, self.quantum], "translate": list(self.origin)}


def neighbours_of(topology: dict[str, Any], ids: Iterable[str]) -> set[str]:
    """Ids of the countries sharing an arc with any of ``ids`` (``ids`` left out)."""
    wanted = set(ids)
    used: dict[str, set[int]] = {}
    for g in topology["objects"]["countries"]["geometries"]:
        if g.get("id"):
            used.setdefault(g["id"], set()).update(arcs_used(g))
    focus_arcs = set().union(*(used[i] for i in wanted))
    return {cid for cid, arcs in used.items() if cid not in wanted and arcs & focus_arcs}


def add_level(
    writer: TopologyWriter,
    level: int,
    topology: dict[str, Any],
    box: Box,
    tolerance: float,
    groups: dict[str, str],
) -> tuple[list[dict[str, Any]], list[int], dict[int, list[Point]]]:
    """Add one level's countries and borders to ``writer``.

    Returns the country geometries, the output arcs of the border lines, and the
    simplified source arcs that are borders between two countries (by source index),
    for cutting the overview's borders around the detail box.
    """
    decoded = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    simplified: dict[int, list[Point]] = {}

    def arc(index: int) -> list[Point]:
        if index not in simplified:
            simplified[index] = douglas_peucker(decoded[index], tolerance)
        return simplified[index]

    min_area = 4 * tolerance * tolerance
    users: dict[int, set[int]] = {}
    countries = []
    for number, g in enumerate(geometries):
        parts = polygons(g)
        all_refs = [r for polygon in parts for ring in polygon for r in ring]
        if not all_refs:
            continue
        extent = _box_of(p for r in all_refs for p in decoded[arc_index(r)])
        if not _overlaps(extent, box):
            continue
        for r in all_refs:
            users.setdefault(arc_index(r), set()).add(number)
        out_polygons = []
        for polygon in parts:
            out_rings = []
            for refs in polygon:
                ring = stitch(refs, arc)
                if abs(ring_area(ring)) < min_area:
                    continue
                if _within(_box_of(ring), box):
                    out_rings.append([writer.shared(level, r, arc(arc_index(r))) for r in refs])
                    continue
                clipped = clip_ring(ring, box)
                if clipped and abs(ring_area(clipped)) >= min_area:
                    out_rings.append([writer.new(clipped)])
            if out_rings and out_rings[0]:
                out_polygons.append(out_rings)
        if not out_polygons:
            continue
        cid = g.get("id")
        props: dict[str, Any] = {"name": g.get("properties", {}).get("name", "")}
        props["group"] = groups.get(cid or "", "other")
        entry: dict[str, Any] = (
            {"type": "Polygon", "arcs": out_polygons[0]}
            if len(out_polygons) == 1
            else {"type": "MultiPolygon", "arcs": out_polygons}
        )
        if cid:
            entry["id"] = ALPHA3.get(cid, cid)
        entry["properties"] = props
        countries.append(entry)
    border_sources: dict[int, list[Point]] = {}
    border_arcs: list[int] = []
    for index in sorted(users):
        if len(users[index]) < 2:
            continue
        points = arc(index)
        border_sources[index] = points
        if _within(_box_of(points), box):
            border_arcs.append(writer.shared(level, index, points))
        else:
            border_arcs.extend(
                writer.new(piece) for piece in split_line(points, box, keep_inside=True)
            )
    return countries, border_arcs, border_sources


def _outside_detail(writer: TopologyWriter, overview_borders: dict[int, list[Point]]) -> list[int]:
    """The overview's border lines cut to what lies in the overview box but outside the detail box."""
    arcs: list[int] = []
    for index, points in overview_borders.items():
        extent = _box_of(points)
        if _within(extent, OVERVIEW_BOX) and not _overlaps(extent, DETAIL_BOX):
            arcs.append(writer.shared(0, index, points))
            continue
        for piece in split_line(points, OVERVIEW_BOX, keep_inside=True):
            for part in split_line(piece, DETAIL_BOX, keep_inside=False):
                arcs.append(writer.new(part))
    return arcs


def _shared_arc_points(topology: dict[str, Any], first: str, second: str) -> list[Point]:
    decoded = decode_arcs(topology)
    return [p for index in shared_arcs(topology, first, second) for p in decoded[index]]


BORDER_PAIRS = {"afghanistan-tajikistan": ("004", "762"), "afghanistan-uzbekistan": ("004", "860")}
"""Natural Earth ids of the two countries whose shared arcs make each border a river label sits on."""


CAPITAL_ZONES: dict[str, str] = {
    "Kabul": "Asia/Kabul",
    "Dushanbe": "Asia/Dushanbe",
    "Tashkent": "Asia/Tashkent",
    "Ashgabat": "Asia/Ashgabat",
    "Bishkek": "Asia/Bishkek",
    "Tehran": "Asia/Tehran",
}
"""Capitals that give their name to a time zone: CLDR names each zone's city in every
language, which gives the capital's Russian name."""

RUSSIAN_NAMES: dict[str, str] = {
    "Astana": "Астана",
    "Islamabad": "Исламабад",
    "Panj": "Пяндж",
    "Amu Darya": "Амударья",
}
"""Russian names CLDR does not hold (no time zone is named after these capitals, and CLDR
names no rivers), written here as Russian reference works spell them."""


def russian_name(place: dict[str, Any]) -> str:
    """A labelled place's Russian name: CLDR's for countries and zone cities, else ours."""
    if place["kind"] == "country":
        return country_name(place["country"], "ru")
    zone = CAPITAL_ZONES.get(place["name"])
    if zone is not None:
        return str(Locale.parse("ru").time_zones[zone]["city"])
    return RUSSIAN_NAMES[place["name"]]


def places(detail: dict[str, Any]) -> list[dict[str, Any]]:
    """Country names, capitals and river names as labelled points (unquantized lon/lat).

    Each has its English ``name`` and its Russian ``name_ru`` (see :func:`russian_name`),
    which ``basemap.js`` shows on a page whose language is Russian.
    """
    out: list[dict[str, Any]] = []
    for iso, name, lon, lat, zoom, last in COUNTRY_LABELS:
        place = {"name": name, "kind": "country", "country": iso, "at": (lon, lat), "zoom": zoom}
        if last is not None:
            place["maxZoom"] = last
        out.append(place)
    for iso, name, lon, lat, zoom in CAPITALS:
        out.append(
            {"name": name, "kind": "capital", "country": iso, "at": (lon, lat), "zoom": zoom}
        )
    for name, border, lon, zoom in RIVERS:
        line = _shared_arc_points(detail, *BORDER_PAIRS[border])
        at = min(line, key=lambda p: (abs(p[0] - lon), p[1]))
        out.append({"name": name, "kind": "river", "border": border, "at": at, "zoom": zoom})
    for place in out:
        place["name_ru"] = russian_name(place)
    return out


def derive(overview: dict[str, Any], detail: dict[str, Any], source: str) -> dict[str, Any]:
    """The basemap topology from Natural Earth's 1:50m and 1:10m country topologies."""
    focus = set(FOCUS)
    groups_overview = {cid: "focus" for cid in focus}
    groups_overview.update({cid: "neighbour" for cid in neighbours_of(overview, focus)})
    groups_detail = {cid: "focus" for cid in focus}
    groups_detail.update({cid: "neighbour" for cid in neighbours_of(detail, focus)})
    writer = TopologyWriter(OVERVIEW_BOX, QUANTUM)
    countries, borders, overview_borders = add_level(
        writer, 0, overview, OVERVIEW_BOX, OVERVIEW_TOLERANCE, groups_overview
    )
    outside = _outside_detail(writer, overview_borders)
    countries_detail, borders_detail, _ = add_level(
        writer, 1, detail, DETAIL_BOX, DETAIL_TOLERANCE, groups_detail
    )
    points = []
    for place in places(detail):
        at = place.pop("at")
        points.append({"type": "Point", "coordinates": list(writer.q(at)), "properties": place})
    ordered = sorted(countries, key=lambda g: g.get("id", "~"))
    ordered_detail = sorted(countries_detail, key=lambda g: g.get("id", "~"))
    return {
        "type": "Topology",
        "bbox": list(OVERVIEW_BOX),
        "transform": writer.transform(),
        "properties": {
            "source": source,
            "licence": "Natural Earth: public domain; world-atlas packaging: ISC",
            "overview": {
                "box": list(OVERVIEW_BOX),
                "scale": "1:50m",
                "tolerance": OVERVIEW_TOLERANCE,
            },
            "detail": {
                "box": list(DETAIL_BOX),
                "scale": "1:10m",
                "tolerance": DETAIL_TOLERANCE,
                "fromZoom": DETAIL_ZOOM,
            },
        },
        "objects": {
            "countries": {"type": "GeometryCollection", "geometries": ordered},
            "borders": {"type": "MultiLineString", "arcs": [[a] for a in borders]},
            "borders_outside_detail": {
                "type": "MultiLineString",
                "arcs": [[a] for a in outside],
            },
            "countries_detail": {"type": "GeometryCollection", "geometries": ordered_detail},
            "borders_detail": {"type": "MultiLineString", "arcs": [[a] for a in borders_detail]},
            "places": {"type": "GeometryCollection", "geometries": points},
        },
        "arcs": writer.encoded_arcs(),
    }
