"""Cards for sharing: a 1200×630 PNG per page kind, a static map with the site's name and a title.

Social networks and chat apps show a page's ``og:image`` beside its title. Each
card is the page's own map (:mod:`builder.images.static_map`) under a band in
the site's palette (Material's blue grey, its deep orange accent) that carries
the site's name and the page's title. Chapters and the home page have their
own; every event at one place shares that place's card, so ten thousand events
need no more cards than the gazetteer has places.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.geonames import country_name
from builder.i18n.messages import formatted
from builder.images.fonts import FontFamily, family
from builder.images.static_map import Frame, png, render_spec, shape_of
from builder.maps.areas import Geography, has_shape, shape_points
from builder.maps.document import LayerSpec, MapSpec
from builder.maps.features import bounds, collection
from builder.maps.words import name
from builder.record.validate import Dataset

CARD_SIZE = (1200, 630)
"""The size Open Graph and Twitter's large summary card expect (1.91:1)."""

CARD_DIR = "assets/cards"
"""Site folder of the cards."""

SITE_CARD = f"{CARD_DIR}/site.png"
"""The card of a page without a map of its own (and of an event without a named place)."""

BAND = (0x26, 0x32, 0x38)
"""Material's blue grey 900: the band behind the text."""
ACCENT = (0xFF, 0x6E, 0x40)
"""Material's deep orange A200, the site's accent: the site's name and the band's edge."""
PLACE_INK = "#b2182b"
"""How a card marks the place it is about: the story's red, as the factory's pin."""

PANEL_WIDTH = 500
"""Width of the text panel on the card's left; the map fills the rest."""

MAP_SIZE = (CARD_SIZE[0] - PANEL_WIDTH, CARD_SIZE[1])
"""Size of the map on a card, framed on its subject so no text covers it."""

MARGIN = 48
"""Space between the panel's edge and its text."""

TITLE_SIZES = (54, 46, 40, 34)
"""Title sizes tried in turn until the title fits in :data:`MAX_TITLE_LINES` lines."""
MAX_TITLE_LINES = 6

PLACE_HALF_SPAN_KM = 260.0
"""A place's card shows at least this much around it, so one town is seen in its region."""


def card_path(kind: str, slug: str) -> str:
    """Site path of a card: ``assets/cards/<kind>/<slug>.png``."""
    return f"{CARD_DIR}/{kind}/{slug}.png"


def _pieces(text: str, breaks: str = "–") -> list[tuple[str, str]]:
    """The title's words, each with what joins it to the one before: a space, or nothing
    after a dash in ``breaks``, where a line may also break ("Afghanistan–" / "Tajikistan
    border"); a one-letter word comes joined to the word after it."""
    pieces: list[tuple[str, str]] = []
    for word in text.split():
        parts = re.split(f"(?<=[{breaks}])", word)
        for i, piece in enumerate(parts):
            if piece:
                pieces.append((" " if i == 0 else "", piece))
    # A one-letter word stays with the next one, as Russian typesetting wants ("в" /
    # "Центральной Азии" left a preposition hanging at a line's end).
    bound: list[tuple[str, str]] = []
    for joint, piece in reversed(pieces):
        if bound and len(piece) == 1 and piece.isalpha() and bound[-1][0] == " ":
            bound[-1] = (joint, f"{piece} {bound[-1][1]}")
        else:
            bound.append((joint, piece))
    return bound[::-1]


def _wrap(text: str, font: FontFamily, width: float, breaks: str = "–") -> list[str]:
    lines: list[str] = []
    for joint, piece in _pieces(text, breaks):
        if lines and font.length(f"{lines[-1]}{joint}{piece}") <= width:
            lines[-1] = f"{lines[-1]}{joint}{piece}"
        else:
            lines.append(piece)
    return lines


def _title_lines(title: str, node_modules: Path) -> tuple[FontFamily, list[str]]:
    width = PANEL_WIDTH - 2 * MARGIN
    # A word too long for the panel at every size may break after its hyphen: the Russian
    # «Таджикско-кыргызская» is wider than the panel even at the smallest size.
    for breaks in ("–", "–-"):
        for size in TITLE_SIZES:
            font = family(node_modules, 700, size)
            lines = _wrap(title, font, width, breaks)
            if len(lines) <= MAX_TITLE_LINES and all(font.length(line) <= width for line in lines):
                return font, lines
    font = family(node_modules, 700, TITLE_SIZES[-1])
    lines = _wrap(title, font, width, "–-")[:MAX_TITLE_LINES]
    if len(lines) == MAX_TITLE_LINES:
        lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return font, lines


def compose(map_image: Image.Image, title: str, site_name: str, node_modules: Path) -> bytes:
    """The card: a panel with ``site_name`` and ``title`` beside ``map_image`` (:data:`MAP_SIZE`)."""
    card = Image.new("RGB", CARD_SIZE, BAND)
    if map_image.size != MAP_SIZE:
        raise ValueError(f"a card's map is {MAP_SIZE}, not {map_image.size}")
    card.paste(map_image.convert("RGB"), (PANEL_WIDTH, 0))
    draw = ImageDraw.Draw(card, "RGBA")
    draw.rectangle((PANEL_WIDTH - 6, 0, PANEL_WIDTH - 1, CARD_SIZE[1]), fill=ACCENT)
    name_font = family(node_modules, 700, 22)
    for i, line in enumerate(_wrap(site_name.upper(), name_font, PANEL_WIDTH - 2 * MARGIN)[:2]):
        name_font.draw(draw, (MARGIN, MARGIN + i * 30), line, ACCENT)
    font, lines = _title_lines(" ".join(title.split()), node_modules)
    line_height = round(font.fonts[0][1].size * 1.2)
    y = CARD_SIZE[1] - MARGIN - line_height * len(lines)
    for line in lines:
        font.draw(draw, (MARGIN, y), line, (255, 255, 255))
        y += line_height
    return png(card)


def place_spec(
    place_id: str, data: Dataset, geography: Geography, lang: Language = DEFAULT_LANGUAGE
) -> MapSpec:
    """A map of one place: its area drawn, or a pin, framed with its region around it; its
    words in ``lang`` (the drawing is the same in every language)."""
    place = data.places[place_id]
    place_name = name(place, lang)
    shape = shape_of(place_id, data, geography) if has_shape(place, geography) else None
    points = shape_points(shape) or [(place.lat, place.lon)]
    box = bounds(points, pad_km=30)
    half = PLACE_HALF_SPAN_KM / 111.0
    (south, west), (north, east) = box
    mid_lat, mid_lon = (south + north) / 2, (west + east) / 2
    framed = [
        [min(south, mid_lat - half), min(west, mid_lon - half)],
        [max(north, mid_lat + half), max(east, mid_lon + half)],
    ]
    layers: list[LayerSpec] = []
    if shape is not None and shape["kind"] == "band":
        geometry: dict[str, Any] = {
            "type": "MultiLineString",
            "coordinates": [[[lon, lat] for lat, lon in line] for line in shape["latlngs"]],
        }
        style: dict[str, Any] = {"color": PLACE_INK, "weight": 8, "opacity": 0.6}
        layers.append(
            LayerSpec("shapes", place_name, {"geojson": _feature(geometry), "style": style})
        )
    elif shape is not None:
        geometry = {
            "type": "MultiPolygon",
            "coordinates": [
                [[[lon, lat] for lat, lon in ring] for ring in polygon]
                for polygon in shape["latlngs"]
            ],
        }
        style = {"color": PLACE_INK, "weight": 3, "fillColor": PLACE_INK, "fillOpacity": 0.18}
        if shape["kind"] == "country":
            style["dashArray"] = "6 4"
        layers.append(
            LayerSpec("shapes", place_name, {"geojson": _feature(geometry), "style": style})
        )
    pin = {
        "type": "Feature",
        "id": place_id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {"category": "drone-production", "status": "confirmed"},
    }
    if shape is None:
        layers.append(LayerSpec("events", place_name, collection([pin])))
        # A pin alone can sit where no country's name is in the frame (Tehran's card showed
        # a dot by the Caspian and nothing else): name the place and its country beside it.
        country = country_name(place.country, lang)
        heading = place_name if country in place_name else f"{place_name}, {country}"
        item = {"lat": place.lat, "lon": place.lon, "heading": heading}
        layers.append(LayerSpec("labels", f"{place_name} named", {"items": [item]}))
    return MapSpec(
        title=formatted("image.place.title", lang, place=place_name),
        center=(place.lat, place.lon),
        zoom=6,
        bounds=framed,
        layers=layers,
        legend="",
        max_zoom=7,
    )


def _feature(geometry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": {}}


def place_image(
    place_id: str,
    data: Dataset,
    geography: Geography,
    node_modules: Path,
    lang: Language = DEFAULT_LANGUAGE,
) -> Image.Image:
    """The static map of one place at :data:`MAP_SIZE` (RGB, before the palette), its words
    in ``lang``."""
    spec = place_spec(place_id, data, geography, lang)
    return render_spec(spec, data, geography, node_modules, MAP_SIZE, lang=lang)


def pin_position(point: tuple[float, float], frame: Frame) -> tuple[float, float] | None:
    """Where a (lat, lon) point falls on a :data:`MAP_SIZE` map of ``frame``, in percent."""
    x, y = frame.xy(*point)
    if not frame.contains((x, y)):
        return None
    return round(100 * x / MAP_SIZE[0], 2), round(100 * y / MAP_SIZE[1], 2)
