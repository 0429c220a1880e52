"""Static renders of the maps: the same subject, basemap and styles as the Leaflet map, as a PNG.

A map document needs JavaScript; a feed reader, a web archive, print and a
reader with scripts off get this instead. :func:`render_spec` draws a map's
:class:`~builder.maps.document.MapSpec` (the very spec its document is built
from) on the site's basemap (``data/geo/basemap.topo.json``, its simplified
1:50m overview), in Web Mercator, framed on the spec's bounds as the document
frames its opening view. Pillow draws; nothing runs a browser, nothing is
fetched, and the output depends only on the input: no metadata, no clock.

Shapes are drawn at twice the size and reduced, which smooths their edges;
text is drawn at the final size so it stays crisp. The two are apart: the
drawing without words (:func:`draw_spec`) is the same in every language, and
:func:`label_drawing` writes one language's words on a copy of it. The image is
then reduced to a palette of at most :data:`PALETTE_COLOURS` colours, which keeps
a map of ten thousand events a few tens of kilobytes.
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
from PIL import Image, ImageDraw

from builder.geometry.basemap import BASEMAP_SOURCE
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.formats import display_number
from builder.i18n.messages import MESSAGES, counted, formatted, message
from builder.images.fonts import FontFamily, family
from builder.maps.areas import Geography, shape_for_key
from builder.maps.document import MapSpec
from builder.maps.style import CATEGORY_COLOURS, STATUS_STYLES, category_label
from builder.record.validate import Dataset

SCALE = 2
"""Shapes are drawn at this multiple of the final size, then reduced (smooth edges)."""

PNG_COMPRESSION = 4
"""zlib level of the PNGs: level 9 and Pillow's ``optimize`` made them about 10 % smaller at
four times the cost."""

PALETTE_COLOURS = 96
"""Colours kept in the final PNG: far more than the map uses, far fewer than the file could."""

WATER = (0xDD, 0xE6, 0xEC)
"""The basemap's colours, as ``assets/js/basemap.js`` draws them."""
LAND = {"focus": (0xE3, 0xDC, 0xCD), "neighbour": (0xEC, 0xE8, 0xE0), "other": (0xF4, 0xF2, 0xEE)}
COUNTRY_EDGE = (0x8F, 0x8F, 0x8F)
LABEL_INK = (0x5F, 0x5F, 0x5F)
HALO = (255, 255, 255)

PIN_RADIUS = 7
"""Radius of an event's pin in pixels, as ``map-layers.js`` draws a located event."""

LABEL_SIZE = 15
"""Pixel size of the map's place names (12 px on screen, larger for an image read scaled)."""

Point = tuple[float, float]
RGB = tuple[int, int, int]


def _hex(colour: str) -> RGB:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _mercator(lat: float, lon: float) -> Point:
    """Web Mercator in units of the world's width: x from 0 (180° W) to 1, y down from the top."""
    lat = max(-85.0, min(85.0, lat))
    x = (lon + 180.0) / 360.0
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2
    return x, y


@dataclass(frozen=True)
class Frame:
    """Where the map's subject lands in the image: a Mercator view fitted to bounds."""

    width: int
    """Image width in pixels."""
    height: int
    """Image height in pixels."""
    left: float
    """Mercator x at the image's left edge."""
    top: float
    """Mercator y at the image's top edge."""
    scale: float
    """Pixels per Mercator unit (256 * 2**zoom, as Leaflet counts)."""

    @classmethod
    def fit(
        cls,
        bounds: Sequence[Sequence[float]],
        width: int,
        height: int,
        *,
        pad: int = 24,
        max_zoom: float = 8,
    ) -> Frame:
        """The frame that shows ``bounds`` ([[south, west], [north, east]]) whole, centred."""
        (south, west), (north, east) = bounds
        x0, y1 = _mercator(south, west)
        x1, y0 = _mercator(north, east)
        span_x, span_y = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y, 256 * 2**max_zoom)
        centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
        return cls(
            width, height, centre_x - width / 2 / scale, centre_y - height / 2 / scale, scale
        )

    @property
    def zoom(self) -> float:
        """The Leaflet zoom level this frame corresponds to."""
        return math.log2(self.scale / 256)

    def xy(self, lat: float, lon: float) -> Point:
        """Pixel position of a (lat, lon) point in the final image."""
        x, y = _mercator(lat, lon)
        return (x - self.left) * self.scale, (y - self.top) * self.scale

    def km_to_px(self, km: float, lat: float) -> float:
        """Pixels that ``km`` on the ground spans at latitude ``lat``."""
        return km / (40075.016686 * math.cos(math.radians(lat))) * self.scale

    def contains(self, point: Point, margin: float = 0) -> bool:
        """Whether a pixel position lies in the image (widened by ``margin``)."""
        x, y = point
        return -margin <= x <= self.width + margin and -margin <= y <= self.height + margin


# --- the basemap -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Basemap:
    """The basemap's overview level decoded: country rings, border lines and place labels."""

    countries: tuple[tuple[str, tuple[tuple[Point, ...], ...]], ...]
    """(group, outer rings as (lat, lon)) per country."""
    borders: tuple[tuple[Point, ...], ...]
    """Country borders as (lat, lon) lines."""
    places: tuple[dict[str, Any], ...]
    """Place labels: properties with ``lat`` and ``lon`` added."""
    source: Path = BASEMAP_SOURCE
    """The file it was read from."""


def _arcs(topology: dict[str, Any]) -> list[list[Point]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((y * scale_y + shift_y, x * scale_x + shift_x))
        decoded.append(points)
    return decoded


def _line(arcs: list[list[Point]], indexes: Iterable[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


@functools.lru_cache(maxsize=2)
def load_basemap(source: Path = BASEMAP_SOURCE) -> Basemap:
    """Decode the overview level of the committed basemap once per process."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    transform = topology["transform"]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry.get("arcs", [])
        rings = tuple(tuple(_line(arcs, polygon[0])) for polygon in polygons if polygon)
        countries.append((str(geometry["properties"].get("group", "other")), rings))
    borders: list[tuple[Point, ...]] = []
    for geometry in topology["objects"]["borders"].get(
        "geometries", [topology["objects"]["borders"]]
    ):
        lines = geometry.get("arcs", [])
        if geometry.get("type") == "LineString":
            lines = [lines]
        borders.extend(tuple(_line(arcs, line)) for line in lines)
    places = []
    for geometry in topology["objects"]["places"]["geometries"]:
        x, y = geometry["coordinates"]
        if "transform" in topology and isinstance(x, int):
            x = x * transform["scale"][0] + transform["translate"][0]
            y = y * transform["scale"][1] + transform["translate"][1]
        places.append({**geometry["properties"], "lat": y, "lon": x})
    return Basemap(tuple(countries), tuple(borders), tuple(places), source)


# --- drawing -----------------------------------------------------------------------------------


def _dashes(points: Sequence[Point], pattern: Sequence[float]) -> Iterator[list[Point]]:
    """The drawn pieces of a polyline dashed by ``pattern`` (on, off, on... in pixels)."""
    if not pattern or sum(pattern) <= 0:
        yield list(points)
        return
    index, left, on = 0, pattern[0], True
    piece: list[Point] = [points[0]] if points else []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        length = math.hypot(bx - ax, by - ay)
        done = 0.0
        while length - done > left:
            done += left
            t = done / length
            cut = (ax + (bx - ax) * t, ay + (by - ay) * t)
            if on:
                piece.append(cut)
                yield piece
                piece = []
            else:
                piece = [cut]
            on = not on
            index = (index + 1) % len(pattern)
            left = pattern[index]
        left -= length - done
        if on:
            piece.append((bx, by))
    if on and len(piece) > 1:
        yield piece


def _dash_pattern(style: dict[str, Any]) -> list[float]:
    dash = style.get("dashArray")
    if not dash:
        return []
    return [float(v) * SCALE for v in str(dash).replace(",", " ").split()]


Box = tuple[float, float, float, float]
"""A box in the final image's pixels: left, top, right, bottom."""


@dataclass(frozen=True)
class Drawing:
    """A map drawn without its words, at its final size: the same in every language.

    :func:`draw_spec` makes it once; :func:`label_drawing` writes one language's words on a
    copy, clear of :attr:`boxes`."""

    image: Image.Image
    """The drawing (RGB), never written on: each language labels its own copy."""
    frame: Frame
    """Where the map's subject lands in it."""
    boxes: tuple[Box, ...]
    """The boxes of the pins and circles drawn, which labels must not cover."""


class Canvas:
    """A picture being drawn: shapes at :data:`SCALE` times the frame, then text at 1x."""

    def __init__(self, frame: Frame, background: RGB | None = WATER) -> None:
        """Start a blank sea of ``frame``'s size (transparent, for a sprite, without one)."""
        self.frame = frame
        size = (frame.width * SCALE, frame.height * SCALE)
        self.image = (
            Image.new("RGB", size, background)
            if background is not None
            else Image.new("RGBA", size, (0, 0, 0, 0))
        )
        self.draw = ImageDraw.Draw(self.image, "RGBA")
        self.solid = ImageDraw.Draw(self.image)
        """Opaque drawing, which needs no blending (the basemap)."""
        self.boxes: list[Box] = []
        """Boxes of text and pins already placed, at 1x, so labels do not collide."""

    @classmethod
    def over(cls, drawing: Drawing) -> Canvas:
        """A canvas for words on a copy of ``drawing`` (already at the final size), which
        knows the drawing's boxes; the drawing itself stays without words."""
        canvas = cls.__new__(cls)
        canvas.frame = drawing.frame
        canvas.image = drawing.image.copy()
        canvas.draw = ImageDraw.Draw(canvas.image, "RGBA")
        canvas.solid = ImageDraw.Draw(canvas.image)
        canvas.boxes = list(drawing.boxes)
        return canvas

    def _px(self, points: Iterable[Sequence[float]]) -> list[Point]:
        latlon = numpy.asarray([(p[0], p[1]) for p in points], dtype=float).reshape(-1, 2)
        return self._px_mercator(_mercator_array(latlon))

    def _px_mercator(self, projected: numpy.ndarray) -> list[Point]:
        """Pixel positions, at the drawing's scale, of points already in Mercator units."""
        frame = self.frame
        xs = (projected[:, 0] - frame.left) * (frame.scale * SCALE)
        ys = (projected[:, 1] - frame.top) * (frame.scale * SCALE)
        return list(zip(xs.tolist(), ys.tolist(), strict=True))

    def visible(self, box: tuple[float, float, float, float]) -> bool:
        """Whether a Mercator box (x0, y0, x1, y1) touches the frame."""
        frame = self.frame
        right = frame.left + frame.width / frame.scale
        bottom = frame.top + frame.height / frame.scale
        return box[0] <= right and box[2] >= frame.left and box[1] <= bottom and box[3] >= frame.top

    def fill_projected(self, ring: numpy.ndarray, fill: RGB) -> None:
        """Fill a ring given in Mercator units (the basemap's, projected once per process)."""
        points = self._px_mercator(ring)
        if len(points) > 2:
            self.solid.polygon(points, fill=fill)

    def line_projected(self, line: numpy.ndarray, colour: RGB, weight: float) -> None:
        """Stroke a line given in Mercator units."""
        points = self._px_mercator(line)
        if len(points) > 1:
            self.solid.line(points, fill=colour, width=max(1, round(weight * SCALE)))

    def polygon(
        self,
        rings: Iterable[Sequence[Sequence[float]]],
        *,
        fill: RGB | None,
        fill_opacity: float = 1.0,
        edge: RGB | None = None,
        weight: float = 1.0,
        opacity: float = 1.0,
        dash: Sequence[float] = (),
    ) -> None:
        """Fill and outline (lat, lon) rings."""
        for ring in rings:
            points = self._px(ring)
            if len(points) < 3:
                continue
            if fill is not None and fill_opacity > 0:
                self.draw.polygon(points, fill=(*fill, round(255 * fill_opacity)))
            if edge is not None and weight > 0:
                self.line([*ring, ring[0]], colour=edge, weight=weight, opacity=opacity, dash=dash)

    def line(
        self,
        points: Sequence[Sequence[float]],
        *,
        colour: RGB,
        weight: float,
        opacity: float = 1.0,
        dash: Sequence[float] = (),
    ) -> None:
        """Stroke a (lat, lon) polyline ``weight`` pixels wide."""
        pixels = self._px(points)
        ink = (*colour, round(255 * opacity))
        for piece in _dashes(pixels, dash):
            if len(piece) > 1:
                self.draw.line(piece, fill=ink, width=max(1, round(weight * SCALE)), joint="curve")

    def circle(
        self,
        lat: float,
        lon: float,
        radius: float,
        *,
        fill: RGB,
        fill_opacity: float,
        edge: RGB,
        weight: float = 2,
        dash: Sequence[float] = (),
    ) -> None:
        """A circle of ``radius`` pixels around a point."""
        x, y = self.frame.xy(lat, lon)
        self.circle_px(
            x, y, radius, fill=fill, fill_opacity=fill_opacity, edge=edge, weight=weight, dash=dash
        )

    def stamp(self, x: float, y: float, sprite: Image.Image) -> None:
        """Blend an RGBA ``sprite`` (at the drawing's scale) centred on a final-image position."""
        left = round(x * SCALE - sprite.width / 2)
        top = round(y * SCALE - sprite.height / 2)
        self.image.paste(sprite, (left, top), sprite)
        half = sprite.width / SCALE / 2
        self.boxes.append((x - half, y - half, x + half, y + half))

    def frame_px(self, latlon: numpy.ndarray) -> list[Point]:
        """Pixel positions in the final image of (lat, lon) rows."""
        return [(x / SCALE, y / SCALE) for x, y in self._px_mercator(_mercator_array(latlon))]

    def circle_px(
        self,
        x: float,
        y: float,
        radius: float,
        *,
        fill: RGB,
        fill_opacity: float,
        edge: RGB,
        weight: float = 2,
        dash: Sequence[float] = (),
    ) -> None:
        """A circle of ``radius`` pixels around a pixel position of the final image."""
        r = radius * SCALE
        box = (x * SCALE - r, y * SCALE - r, x * SCALE + r, y * SCALE + r)
        if fill_opacity > 0:
            self.draw.ellipse(box, fill=(*fill, round(255 * fill_opacity)))
        if dash:
            steps = max(24, round(radius))
            ring = [
                (
                    x * SCALE + r * math.cos(2 * math.pi * i / steps),
                    y * SCALE + r * math.sin(2 * math.pi * i / steps),
                )
                for i in range(steps + 1)
            ]
            for piece in _dashes(ring, dash):
                self.draw.line(piece, fill=edge, width=round(weight * SCALE))
        else:
            self.draw.ellipse(box, outline=edge, width=round(weight * SCALE))
        self.boxes.append((x - radius, y - radius, x + radius, y + radius))

    def finish(self) -> Image.Image:
        """Reduce the shapes to the final size; text is drawn on the result."""
        self.image = self.image.reduce(SCALE)
        self.draw = ImageDraw.Draw(self.image, "RGBA")
        return self.image

    def label(
        self,
        point: Point,
        text: str,
        font: FontFamily,
        *,
        ink: RGB = LABEL_INK,
        anchor: str = "middle",
        force: bool = False,
    ) -> bool:
        """Write ``text`` at a pixel point unless it would overlap what is placed; say if it was."""
        width = font.length(text)
        height = font.fonts[0][1].size * 1.2
        x, y = point
        # Beside a point: clear of a pin's sprite (its ring is PIN_RADIUS + 2 across half),
        # so a label can name the pin it stands beside.
        left = x - width / 2 if anchor == "middle" else x + PIN_RADIUS + 4
        top = y - height / 2
        box = (left - 2, top - 2, left + width + 2, top + height + 2)
        inside = box[0] >= 2 and box[1] >= 2 and box[2] <= self.frame.width - 2
        inside = inside and box[3] <= self.frame.height - 2
        clash = any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in self.boxes
        )
        if not force and (clash or not inside):
            return False
        font.draw(self.draw, (left, top), text, ink, stroke=2, stroke_fill=HALO)
        self.boxes.append(box)
        return True


def draw_basemap(canvas: Canvas, basemap: Basemap) -> None:
    """The land by group and the country borders, as ``basemap.js`` draws its overview;
    shapes outside the frame are skipped."""
    projected = _projected_basemap(basemap.source)
    for group, ring, box in projected.rings:
        if canvas.visible(box):
            canvas.fill_projected(ring, LAND.get(group, LAND["other"]))
    for line, box in projected.lines:
        if canvas.visible(box):
            canvas.line_projected(line, COUNTRY_EDGE, 0.8)


def _mercator_array(latlon: numpy.ndarray) -> numpy.ndarray:
    """:func:`_mercator` for an array of (lat, lon) rows."""
    lat = numpy.radians(numpy.clip(latlon[:, 0], -85.0, 85.0))
    x = (latlon[:, 1] + 180.0) / 360.0
    y = (1 - numpy.log(numpy.tan(lat) + 1 / numpy.cos(lat)) / math.pi) / 2
    return numpy.column_stack((x, y))


def _box(projected: numpy.ndarray) -> tuple[float, float, float, float]:
    low, high = projected.min(axis=0), projected.max(axis=0)
    return float(low[0]), float(low[1]), float(high[0]), float(high[1])


@dataclass(frozen=True)
class _ProjectedBasemap:
    rings: tuple[tuple[str, numpy.ndarray, tuple[float, float, float, float]], ...]
    lines: tuple[tuple[numpy.ndarray, tuple[float, float, float, float]], ...]


@functools.lru_cache(maxsize=2)
def _projected_basemap(source: Path) -> _ProjectedBasemap:
    """The basemap in Mercator units with each shape's box: projected once per process."""
    basemap = load_basemap(source)
    rings = []
    for group, country in basemap.countries:
        for ring in country:
            projected = _mercator_array(numpy.asarray(ring, dtype=float))
            rings.append((group, projected, _box(projected)))
    lines = []
    for line in basemap.borders:
        projected = _mercator_array(numpy.asarray(line, dtype=float))
        lines.append((projected, _box(projected)))
    return _ProjectedBasemap(tuple(rings), tuple(lines))


def place_name(place: dict[str, Any], lang: Language = DEFAULT_LANGUAGE) -> str:
    """A basemap label's name in ``lang`` (its ``name_<lang>``), English where it has none:
    as ``assets/js/basemap.js`` names it in the browser."""
    own = place.get(f"name_{lang}") if lang != DEFAULT_LANGUAGE else None
    return own if isinstance(own, str) and own else str(place["name"])


def basemap_labels(
    canvas: Canvas, basemap: Basemap, node_modules: Path, lang: Language = DEFAULT_LANGUAGE
) -> None:
    """Country and capital names in ``lang`` shown at the frame's zoom, where they fit."""
    zoom = canvas.frame.zoom
    named: set[str] = set()
    regular = family(node_modules, 400, LABEL_SIZE)
    strong = family(node_modules, 700, LABEL_SIZE)
    for place in basemap.places:
        shown = place.get("zoom", 0) <= zoom + 0.5 and zoom - 0.5 <= place.get("maxZoom", 99)
        if not shown or place.get("kind") == "river":
            continue
        point = canvas.frame.xy(place["lat"], place["lon"])
        if not canvas.frame.contains(point):
            continue
        name = place_name(place, lang)
        if place.get("kind") == "capital":
            x, y = point
            # On an event's pin the name stands beside the pin: no dot drawn over it.
            on_pin = any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in canvas.boxes)
            if canvas.label(point, name, regular, anchor="right") and not on_pin:
                canvas.draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=HALO, outline=(85, 85, 85))
        elif name not in named:
            # A country may offer several spots for its name: one name is enough.
            spaced = " ".join(name.upper())
            if canvas.label(point, spaced, strong, ink=(77, 77, 77)):
                named.add(name)


def _geojson_features(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        return []
    if data.get("type") == "FeatureCollection":
        return list(data.get("features", []))
    if data.get("type") == "Feature":
        return [data]
    return []


def _latlng_rings(geometry: dict[str, Any]) -> tuple[list[list[Point]], list[list[Point]]]:
    """(polygon outer rings, lines) of a GeoJSON geometry, as (lat, lon)."""
    kind, coords = geometry.get("type"), geometry.get("coordinates", [])

    def flip(line: Sequence[Sequence[float]]) -> list[Point]:
        return [(float(p[1]), float(p[0])) for p in line]

    if kind == "Polygon":
        return [flip(coords[0])], []
    if kind == "MultiPolygon":
        return [flip(polygon[0]) for polygon in coords], []
    if kind == "LineString":
        return [], [flip(coords)]
    if kind == "MultiLineString":
        return [], [flip(line) for line in coords]
    return [], []


def draw_shapes(canvas: Canvas, layer: dict[str, Any]) -> None:
    """A ``shapes`` layer: GeoJSON polygons and lines in the layer's Leaflet style."""
    style = layer.get("style", {})
    colour = _hex(style.get("color", "#3388ff"))
    fill = _hex(style.get("fillColor", style.get("color", "#3388ff")))
    for feature in _geojson_features(layer.get("geojson")):
        polygons, lines = _latlng_rings(feature.get("geometry") or {})
        canvas.polygon(
            polygons,
            fill=fill if style.get("fill", True) else None,
            fill_opacity=float(style.get("fillOpacity", 0.2)),
            edge=colour,
            weight=float(style.get("weight", 3)),
            opacity=float(style.get("opacity", 1.0)),
            dash=_dash_pattern(style),
        )
        for line in lines:
            canvas.line(
                line,
                colour=colour,
                weight=float(style.get("weight", 3)),
                opacity=float(style.get("opacity", 1.0)),
                dash=_dash_pattern(style),
            )


_shapes: dict[str, Any] = {}


def shape_of(key: str, data: Dataset, geography: Geography) -> dict[str, Any]:
    """:func:`~builder.maps.areas.shape_for_key`, simplified once per build, not once per image."""
    if _shapes.get("_for") != (id(data), id(geography)):
        _shapes.clear()
        _shapes["_for"] = (id(data), id(geography))
    if key not in _shapes:
        _shapes[key] = shape_for_key(key, data.places, geography)
    return dict(_shapes[key])


def draw_events(
    canvas: Canvas, features: list[dict[str, Any]], data: Dataset, geography: Geography
) -> None:
    """Events as the maps draw them: areas and circles first, then pins, coloured by category."""
    shapes: dict[str, dict[str, Any]] = {}
    drawn: set[tuple[str, str, str]] = set()
    pins = []
    for feature in features:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        colour = _hex(CATEGORY_COLOURS.get(props.get("category", ""), "#4d4d4d"))
        status = STATUS_STYLES.get(props.get("status", ""), STATUS_STYLES["reported"])
        dash = _dash_pattern(status)
        opacity = float(status["fillOpacity"])
        if "shape" in props:
            key = props["shape"]
            # Ten events in one country would stack ten fills into an opaque block.
            seen = (key, props.get("category", ""), props.get("status", ""))
            if key in geography.countries or key.endswith("-country"):
                seen = (key, "", "")
            if seen in drawn:
                continue
            drawn.add(seen)
            if key not in shapes:
                shapes[key] = shape_of(key, data, geography)
            shape = shapes[key]
            if shape["kind"] == "band":
                for line in shape["latlngs"]:
                    canvas.line(line, colour=colour, weight=9, opacity=0.35)
            else:
                canvas.polygon(
                    [polygon[0] for polygon in shape["latlngs"]],
                    fill=colour,
                    fill_opacity=min(opacity, 0.3) if shape["kind"] != "country" else 0.07,
                    edge=colour,
                    weight=2,
                    dash=dash or ([5.0 * SCALE, 4.0 * SCALE] if shape["kind"] == "country" else []),
                )
        elif "radius_km" in props:
            radius = canvas.frame.km_to_px(float(props["radius_km"]), lat)
            canvas.circle(
                lat,
                lon,
                radius,
                fill=colour,
                fill_opacity=min(opacity, 0.3),
                edge=colour,
                dash=dash,
            )
        else:
            pins.append((lat, lon, props.get("category", ""), props.get("status", "")))
    draw_pins(canvas, pins)


def draw_pins(canvas: Canvas, pins: list[tuple[float, float, str, str]]) -> None:
    """Pins at (lat, lon) by category and status, projected at once; a pin identical to one
    already drawn at the same pixel is drawn once (ten thousand events cost little)."""
    if not pins:
        return
    projected = canvas.frame_px(numpy.asarray([(lat, lon) for lat, lon, _, _ in pins]))
    seen: set[tuple[int, int, str, str]] = set()
    for (x, y), (_, _, category, status) in zip(projected, pins, strict=True):
        key = (round(x), round(y), category, status)
        if key in seen or not canvas.frame.contains((x, y), margin=PIN_RADIUS):
            continue
        seen.add(key)
        canvas.stamp(x, y, _pin_sprite(category, status))


def forget_basemap() -> None:
    """Let go of the basemap decoded and projected for drawing (:func:`load_basemap`): once
    the build has drawn its images and cards it draws nothing more, and under
    ``mkdocs serve`` the next build decodes the file again."""
    load_basemap.cache_clear()
    _projected_basemap.cache_clear()


@functools.lru_cache(maxsize=64)
def _pin_sprite(category: str, status: str) -> Image.Image:
    """One pin of a category and status, drawn once at the drawing's scale (RGBA)."""
    style = STATUS_STYLES.get(status, STATUS_STYLES["reported"])
    colour = _hex(CATEGORY_COLOURS.get(category, "#4d4d4d"))
    side = (PIN_RADIUS + 2) * 2
    canvas = Canvas(Frame(side, side, 0.0, 0.0, 1.0), background=None)
    canvas.circle_px(
        side / 2,
        side / 2,
        PIN_RADIUS,
        fill=colour,
        fill_opacity=float(style["fillOpacity"]),
        edge=colour,
        dash=_dash_pattern(style),
    )
    return canvas.image


def draw_labels(canvas: Canvas, layer: dict[str, Any], node_modules: Path) -> None:
    """A ``labels`` layer: each item's heading beside its point, where it fits."""
    font = family(node_modules, 400, LABEL_SIZE)
    for item in layer.get("items", []):
        point = canvas.frame.xy(float(item["lat"]), float(item["lon"]))
        if not canvas.frame.contains(point):
            continue
        lines = "; ".join(map(str, item.get("lines", [])))
        words = f"{item.get('heading', '')}: {lines}" if lines else str(item.get("heading", ""))
        if canvas.label(point, words, font, anchor="right") and layer.get("dots"):
            x, y = point
            canvas.draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=(51, 51, 51), outline=HALO)


def draw_spec(
    spec: MapSpec,
    data: Dataset,
    geography: Geography,
    size: tuple[int, int],
    *,
    bounds: Sequence[Sequence[float]] | None = None,
) -> Drawing:
    """The map ``spec`` describes, as it opens, at ``size`` pixels, without its words: the
    basemap, the shapes and the events, which every language shares."""
    frame = Frame.fit(bounds or spec.bounds, *size, max_zoom=spec.max_zoom)
    canvas = Canvas(frame)
    draw_basemap(canvas, load_basemap())
    shown = [layer for layer in spec.layers if layer.show]
    for layer in shown:
        if layer.factory == "shapes":
            draw_shapes(canvas, layer.data)
    events = [f for layer in shown if layer.factory == "events" for f in layer.data["features"]]
    draw_events(canvas, events, data, geography)
    return Drawing(canvas.finish(), frame, tuple(canvas.boxes))


def label_drawing(
    drawing: Drawing, spec: MapSpec, node_modules: Path, lang: Language = DEFAULT_LANGUAGE
) -> Image.Image:
    """A copy of ``drawing`` with its words in ``lang``: the label layers of ``spec`` (the map's
    spec in that language) and the basemap's country and capital names, clear of the pins."""
    canvas = Canvas.over(drawing)
    for layer in spec.layers:
        if layer.show and layer.factory == "labels":
            draw_labels(canvas, layer.data, node_modules)
    basemap_labels(canvas, load_basemap(), node_modules, lang)
    return canvas.image


def render_spec(
    spec: MapSpec,
    data: Dataset,
    geography: Geography,
    node_modules: Path,
    size: tuple[int, int],
    *,
    bounds: Sequence[Sequence[float]] | None = None,
    lang: Language = DEFAULT_LANGUAGE,
) -> Image.Image:
    """The map ``spec`` describes, as it opens, at ``size`` pixels (RGB, before the palette),
    its words in ``lang`` (``spec`` being the map's spec in that language)."""
    drawing = draw_spec(spec, data, geography, size, bounds=bounds)
    return label_drawing(drawing, spec, node_modules, lang)


def png(image: Image.Image, colours: int = PALETTE_COLOURS) -> bytes:
    """``image`` as a small PNG: a palette of at most ``colours``, no metadata, same bytes each time."""
    paletted = image.convert("RGB").quantize(
        colors=colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    paletted.save(out, format="PNG", compress_level=PNG_COMPRESSION)
    return out.getvalue()


MAP_TITLE_PREFIXES: dict[Language, tuple[str, ...]] = {
    "en": ("Map: ", "Map of "),
    "ru": ("Карта: ",),
}
"""How a map's title starts in each language, left out where the description says it."""


def _category_name(category: str, lang: Language) -> str:
    key = f"ui.category.{category}"
    return message(key, lang) if key in MESSAGES else category_label(category)


def describe(spec: MapSpec, lang: Language = DEFAULT_LANGUAGE) -> str:
    """A written description of the static map in ``lang`` (``spec`` being the map's spec in
    that language), for its ``alt`` text."""
    shown = [layer for layer in spec.layers if layer.show]
    events = [f for layer in shown if layer.factory == "events" for f in layer.data["features"]]
    counts: dict[str, int] = {}
    for feature in events:
        category = feature["properties"].get("category", "")
        counts[category] = counts.get(category, 0) + 1
    title = spec.title
    for prefix in MAP_TITLE_PREFIXES.get(lang, ()):
        title = title.removeprefix(prefix)
    parts = [formatted("image.alt.static_map", lang, title=f"{title[:1].upper()}{title[1:]}")]
    drawn = [layer.name for layer in shown if layer.factory != "events"]
    if drawn:
        parts.append(formatted("image.alt.drawn", lang, layers="; ".join(drawn)))
    if counts:
        listed = ", ".join(
            formatted(
                "image.alt.category_count",
                lang,
                n=display_number(n, lang),
                category=_category_name(c, lang).lower(),
            )
            for c, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
        )
        events_counted = counted("image.alt.events", sum(counts.values()), lang)
        parts.append(formatted("image.alt.by_category", lang, events=events_counted, listed=listed))
    return " ".join(parts)
