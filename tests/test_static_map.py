"""The static map renderer and the cards: framing, drawing, typeface, reproducible PNGs."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from builder import maps
from builder.images import cards, fonts, site_images, static_map
from builder.maps.areas import load_geography
from builder.maps.document import LayerSpec, MapSpec
from builder.maps.features import collection
from builder.maps.style import CATEGORY_COLOURS
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
DATA = load_dataset(ROOT / "data")
GEOGRAPHY = load_geography()


def _chunks(png: bytes) -> list[str]:
    """The chunk types of a PNG file, in order."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, found = 8, []
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        found.append(png[at + 4 : at + 8].decode("ascii"))
        at += 12 + length
    return found


def _one_event(lat: float, lon: float, category: str) -> MapSpec:
    pin = {
        "type": "Feature",
        "id": "x",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"category": category, "status": "confirmed"},
    }
    return MapSpec(
        "Map: one event",
        (lat, lon),
        6,
        [[lat - 3, lon - 4], [lat + 3, lon + 4]],
        [LayerSpec("events", "One (1)", collection([pin]))],
        "",
    )


def test_the_frame_holds_its_bounds_centred() -> None:
    frame = static_map.Frame.fit([[35.0, 60.0], [41.0, 75.0]], 1200, 630, pad=24)
    west_south = frame.xy(35.0, 60.0)
    east_north = frame.xy(41.0, 75.0)
    for x, y in (west_south, east_north):
        assert 23.9 <= x <= 1176.1
        assert 23.9 <= y <= 606.1
    # Centred on the box, one side touching its padding.
    assert abs((west_south[0] + east_north[0]) / 2 - 600) < 0.5
    assert abs((west_south[1] + east_north[1]) / 2 - 315) < 0.5
    assert min(west_south[0] - 24, 606 - west_south[1]) < 0.5


def test_a_point_alone_is_not_zoomed_past_the_maps_closest_zoom() -> None:
    frame = static_map.Frame.fit([[38.5, 68.8], [38.5, 68.8]], 700, 630, max_zoom=7)
    assert frame.zoom == pytest.approx(7)


def test_an_event_is_drawn_in_its_categorys_colour_where_it_is() -> None:
    spec = _one_event(37.0, 70.5, "diplomacy")  # no basemap label there
    image = static_map.render_spec(spec, DATA, GEOGRAPHY, NODE_MODULES, (600, 400))
    frame = static_map.Frame.fit(spec.bounds, 600, 400, max_zoom=spec.max_zoom)
    x, y = frame.xy(37.0, 70.5)
    colour = tuple(int(CATEGORY_COLOURS["diplomacy"][i : i + 2], 16) for i in (1, 3, 5))
    drawn = image.getpixel((round(x), round(y)))
    # The confirmed event's 0.9 fill lets a tenth of the land through.
    assert all(abs(a - b) <= 0.12 * 255 for a, b in zip(drawn, colour, strict=True)), drawn
    # Far from the pin: the basemap's land or water, never the category's colour.
    assert image.getpixel((5, 5)) in {static_map.WATER, *static_map.LAND.values()}


def test_the_basemap_is_drawn_from_our_geometry() -> None:
    basemap = static_map.load_basemap()
    names = {p["name"] for p in basemap.places}
    assert {"Afghanistan", "Tajikistan", "Dushanbe"} <= names
    assert len(basemap.countries) > 30
    groups = {group for group, _ in basemap.countries}
    assert groups == {"focus", "neighbour", "other"}


def test_dashes_cut_a_line_into_pieces_of_the_pattern() -> None:
    pieces = list(static_map._dashes([(0.0, 0.0), (100.0, 0.0)], [10.0, 5.0]))
    assert len(pieces) == 7
    assert pieces[0] == [(0.0, 0.0), (10.0, 0.0)]
    assert pieces[1][0] == (15.0, 0.0)


def test_pngs_carry_no_metadata_and_are_the_same_bytes_each_time() -> None:
    spec = maps.SPECS["factory"](DATA, GEOGRAPHY)
    first = static_map.png(static_map.render_spec(spec, DATA, GEOGRAPHY, NODE_MODULES, (600, 315)))
    second = static_map.png(static_map.render_spec(spec, DATA, GEOGRAPHY, NODE_MODULES, (600, 315)))
    assert first == second
    assert set(_chunks(first)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}


def test_the_typeface_draws_each_character_with_the_subset_that_holds_it() -> None:
    family = fonts.family(NODE_MODULES, 700, 40)
    latin = family.font_for("a")
    assert family.font_for("–") is latin  # general punctuation is in the latin subset
    assert family.font_for("ş") is not latin
    assert family.font_for("Ж") is not latin
    assert [run for _, run in family.runs("Şanlıurfa")] == ["Ş", "anlıurfa"]


def test_a_missing_typeface_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make setup"):
        fonts.family(tmp_path, 700, 12)


def test_a_long_title_shrinks_and_wraps_within_the_panel() -> None:
    title = "An extraordinarily long chapter title " * 4
    font, lines = cards._title_lines(title, NODE_MODULES)
    assert len(lines) <= cards.MAX_TITLE_LINES
    assert all(font.length(line) <= cards.PANEL_WIDTH - 2 * cards.MARGIN for line in lines)
    assert lines[-1].endswith("…")


def test_a_title_joined_by_an_en_dash_breaks_after_the_dash_at_the_largest_size() -> None:
    """ "Afghanistan–Tajikistan" is one word to a space-only wrap: too wide for the panel at
    every size but the smallest. After the dash it breaks, and keeps the largest size."""
    font, lines = cards._title_lines("Afghanistan–Tajikistan border", NODE_MODULES)
    assert font.fonts[0][1].size == cards.TITLE_SIZES[0]
    assert lines[0] == "Afghanistan–"
    assert " ".join(lines).replace("– ", "–") == "Afghanistan–Tajikistan border"


def test_a_page_card_takes_its_title_from_the_heading_not_a_front_matter_comment() -> None:
    markdown = (
        "---\ntitle: Maps\n# A note for editors, not a heading\nhide:\n  - toc\n---\n\n"
        "# The maps\n\nText.\n"
    )
    assert site_images.page_title(markdown) == "The maps"
    assert site_images.page_title("---\ntitle: Only here\n# a comment\n---\n\nText.\n") == (
        "Only here"
    )


def test_a_pin_alone_on_a_place_card_is_named_with_its_country() -> None:
    """A town's card can frame no country's name (Tehran's: a dot by the Caspian); the pin is
    named beside it, in the labels' ink, to the right of the pin."""
    spec = cards.place_spec("tehran", DATA, GEOGRAPHY)
    labels = [layer for layer in spec.layers if layer.factory == "labels"]
    assert [item["heading"] for layer in labels for item in layer.data["items"]] == ["Tehran, Iran"]
    image = cards.place_image("tehran", DATA, GEOGRAPHY, NODE_MODULES)
    frame = static_map.Frame.fit(spec.bounds, *cards.MAP_SIZE, max_zoom=spec.max_zoom)
    x, y = frame.xy(DATA.places["tehran"].lat, DATA.places["tehran"].lon)
    beside = image.crop((round(x) + 12, round(y) - 8, round(x) + 80, round(y) + 8))
    darkest = beside.convert("L").getextrema()[0]
    assert darkest < 120  # text, darker than any land or water of the basemap
    left = image.crop((round(x) - 80, round(y) - 8, round(x) - 12, round(y) + 8))
    assert left.convert("L").getextrema()[0] > darkest


def test_place_images_are_drawn_once_per_place_and_shared_by_its_events() -> None:
    made = site_images.render_images(
        DATA, GEOGRAPHY, maps.specs(DATA), NODE_MODULES, "Drone Race in Central Asia"
    )
    placed = {e.place for e in DATA.events.values() if e.place and DATA.coordinates(e)}
    place_cards = [p for p in made.files if p.startswith("assets/cards/places/")]
    assert len(place_cards) == len(placed)
    for event_id, event in DATA.events.items():
        if event.place and DATA.coordinates(event):
            assert made.events[event_id].card == cards.card_path("places", event.place)
    for path, png in made.files.items():
        with Image.open(io.BytesIO(png)) as image:
            expected = (
                site_images.FIGURE_SIZE
                if path.count("/") == 2 and path.startswith("maps/static/")
                else cards.MAP_SIZE
                if path.startswith("maps/static/places/")
                else cards.CARD_SIZE
            )
            assert image.size == expected, path


def test_an_event_placed_by_coordinates_gets_a_pin_on_the_overview() -> None:
    frame = static_map.Frame.fit(site_images.REGION_BOUNDS, *cards.MAP_SIZE, max_zoom=7)
    pin = cards.pin_position((38.56, 68.78), frame)
    assert pin is not None
    left, top = pin
    assert 0 < left < 100
    assert 0 < top < 100
    assert cards.pin_position((10.0, 10.0), frame) is None
