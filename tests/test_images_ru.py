"""The Russian edition's static maps and cards (issue 21): drawn once, labelled in Russian.

Each picture is drawn without words once; each language writes its labels on a copy. The
tests read what the renderer is asked to write (labels, card titles, descriptions), not
pixels.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from builder import maps
from builder.i18n.messages import MESSAGES, counted
from builder.images import cards, fonts, site_images, static_map
from builder.images.site_images import EditionWords
from builder.maps.areas import load_geography
from builder.maps.document import LayerSpec, MapSpec
from builder.maps.features import collection
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
DATA = load_dataset(ROOT / "data")
GEOGRAPHY = load_geography()
EN_NAME = "Drone Race in Central Asia"
RU_NAME = re.search(
    r"^site_name: (.+)$", (ROOT / "mkdocs.ru.yml").read_text(encoding="utf-8"), re.MULTILINE
)[1]
EN_SPECS = maps.specs(DATA)
RU_SPECS = maps.specs(DATA, lang="ru")


@pytest.fixture(scope="module")
def images() -> site_images.SiteImages:
    return site_images.render_images(
        DATA, GEOGRAPHY, EN_SPECS, NODE_MODULES, EN_NAME, {"ru": EditionWords(RU_SPECS, RU_NAME)}
    )


def _english_words() -> set[str]:
    """The English words of the images' own messages and of the category names: none may
    show in a Russian description."""
    texts = [
        entry["en"] for key, entry in MESSAGES.items() if key.startswith(("image.", "ui.category."))
    ]
    return {w.lower() for text in texts for w in re.findall(r"[A-Za-z]{3,}", text)}


def _english_in(text: str) -> list[str]:
    return [
        w
        for w in sorted(_english_words())
        if re.search(rf"(?<![A-Za-z]){w}(?![A-Za-z])", text.lower())
    ]


def _asked(monkeypatch: pytest.MonkeyPatch, drawing: static_map.Drawing, spec: MapSpec, lang):
    """The words a canvas is asked to write while ``spec`` labels ``drawing`` in ``lang``."""
    asked: list[str] = []
    real = static_map.Canvas.label

    def record(self: static_map.Canvas, point: Any, text: str, font: Any, **kw: Any) -> bool:
        asked.append(text)
        return real(self, point, text, font, **kw)

    with monkeypatch.context() as patch:
        patch.setattr(static_map.Canvas, "label", record)
        static_map.label_drawing(drawing, spec, NODE_MODULES, lang)
    return asked


def _items(spec: MapSpec) -> set[str]:
    """What a labels layer's items read as on the map: heading, then its lines."""
    found = set()
    for layer in spec.layers:
        if layer.factory == "labels":
            for item in layer.data["items"]:
                lines = "; ".join(map(str, item.get("lines", [])))
                found.add(f"{item['heading']}: {lines}" if lines else str(item["heading"]))
    return found


def _spaced(name: str) -> str:
    return " ".join(name.upper())


@pytest.mark.parametrize("name", sorted(EN_SPECS))
def test_the_russian_labels_are_the_russian_specs_and_the_basemaps_russian_names(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    drawing = static_map.draw_spec(EN_SPECS[name], DATA, GEOGRAPHY, site_images.FIGURE_SIZE)
    russian = set(_asked(monkeypatch, drawing, RU_SPECS[name], "ru"))
    english = set(_asked(monkeypatch, drawing, EN_SPECS[name], "en"))
    places = static_map.load_basemap().places
    ru_names = {p["name_ru"] for p in places}
    en_names = {p["name"] for p in places} - ru_names
    assert russian, name
    assert russian <= _items(RU_SPECS[name]) | ru_names | {_spaced(n) for n in ru_names}
    # At least one country and one capital, in the basemap's Russian (basemap.js's name_ru).
    assert russian & {_spaced(p["name_ru"]) for p in places if p.get("kind") == "country"}
    assert russian & {p["name_ru"] for p in places if p.get("kind") == "capital"}
    assert not russian & (en_names | {_spaced(n) for n in en_names} | _items(EN_SPECS[name]))
    assert english & en_names


def test_the_drawing_without_words_is_the_same_for_both_languages_specs() -> None:
    """The English drawing serves both: the Russian specs draw the same shapes and events."""

    def drawn(spec: MapSpec) -> list[Any]:
        """What the drawing takes from a spec: each shape's geometry and style, each event's
        place, shape, category and status; never a word."""
        found: list[Any] = []
        for layer in spec.layers:
            if layer.factory == "shapes":
                features = static_map._geojson_features(layer.data.get("geojson"))
                found.append(
                    (layer.show, layer.data.get("style"), [f["geometry"] for f in features])
                )
            elif layer.factory == "events":
                keys = ("category", "status", "shape", "radius_km")
                found.append(
                    [
                        (f["geometry"], [f["properties"].get(k) for k in keys])
                        for f in layer.data["features"]
                    ]
                )
        return found

    for name in EN_SPECS:
        assert drawn(RU_SPECS[name]) == drawn(EN_SPECS[name]), name
        assert RU_SPECS[name].bounds == EN_SPECS[name].bounds
        assert RU_SPECS[name].max_zoom == EN_SPECS[name].max_zoom


def test_a_label_keeps_clear_of_a_pin_on_the_copy_it_writes_on() -> None:
    pin = {
        "type": "Feature",
        "id": "x",
        "geometry": {"type": "Point", "coordinates": [70.5, 37.0]},
        "properties": {"category": "diplomacy", "status": "confirmed"},
    }
    spec = MapSpec(
        "Map: one event",
        (37.0, 70.5),
        6,
        [[34.0, 66.5], [40.0, 74.5]],
        [LayerSpec("events", "One (1)", collection([pin]))],
        "",
    )
    drawing = static_map.draw_spec(spec, DATA, GEOGRAPHY, (600, 400))
    assert drawing.boxes
    blank = drawing.image.tobytes()
    canvas = static_map.Canvas.over(drawing)
    font = fonts.family(NODE_MODULES, 400, static_map.LABEL_SIZE)
    on_pin = drawing.frame.xy(37.0, 70.5)
    assert not canvas.label(on_pin, "Душанбе", font)
    assert canvas.label((60.0, 60.0), "Душанбе", font)
    # The words went on the copy; the drawing stays without them, for the next language.
    assert canvas.image.tobytes() != blank
    assert drawing.image.tobytes() == blank
    assert len(canvas.boxes) == len(drawing.boxes) + 1


def test_each_picture_is_drawn_once_whatever_the_number_of_languages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real = site_images.draw_spec

    def counting(spec: MapSpec, *args: Any, **kwargs: Any) -> static_map.Drawing:
        calls.append(spec.title)
        return real(spec, *args, **kwargs)

    monkeypatch.setattr(site_images, "draw_spec", counting)
    english = site_images.render_images(DATA, GEOGRAPHY, EN_SPECS, NODE_MODULES, EN_NAME)
    alone = len(calls)
    calls.clear()
    both = site_images.render_images(
        DATA, GEOGRAPHY, EN_SPECS, NODE_MODULES, EN_NAME, {"ru": EditionWords(RU_SPECS, RU_NAME)}
    )
    assert len(calls) == alone
    assert set(both.of("ru").files) == set(english.files)
    calls.clear()
    both.card_map("regional")
    both.of("ru").card_map("regional")
    assert len(calls) == 1


def test_russian_images_sit_at_the_english_paths_with_their_own_pictures(images) -> None:
    russian = images.of("ru")
    assert russian.lang == "ru"
    assert set(russian.files) == set(images.files)
    for path in russian.files:
        # Every picture names at least one country or capital: no two languages' are alike.
        assert russian.files[path] != images.files[path], path
    assert {f.path for f in russian.figures.values()} == {f.path for f in images.figures.values()}


def test_russian_descriptions_have_no_english_word(images) -> None:
    russian = images.of("ru")
    texts = [f.alt for f in russian.figures.values()]
    texts += [e.image.alt for e in russian.events.values()]
    texts += [e.card_alt for e in russian.events.values()]
    assert texts
    for text in texts:
        assert re.search("[а-яё]", text), text
        assert _english_in(text) == [], text
    # The English ones say what they always said.
    assert all(_english_in(f.alt) for f in images.figures.values())


def test_a_russian_event_shares_its_places_russian_card_and_name(images) -> None:
    russian = images.of("ru")
    event_id, event = next(
        (i, e)
        for i, e in sorted(DATA.events.items())
        if e.place and DATA.places[e.place].name_ru and DATA.coordinates(e)
    )
    place = DATA.places[event.place]
    static = russian.events[event_id]
    assert static.card == images.events[event_id].card
    assert static.card_alt.startswith(RU_NAME)
    assert place.name_ru in static.card_alt
    assert place.name_ru in static.image.alt
    assert place.name not in static.card_alt


def test_a_place_card_is_titled_with_the_places_russian_name_under_the_russian_site_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    composed: list[tuple[str, str]] = []
    real = cards.compose

    def record(image: Any, title: str, site_name: str, node_modules: Path) -> bytes:
        composed.append((title, site_name))
        return real(image, title, site_name, node_modules)

    monkeypatch.setattr(cards, "compose", record)
    site_images.render_images(
        DATA, GEOGRAPHY, EN_SPECS, NODE_MODULES, EN_NAME, {"ru": EditionWords(RU_SPECS, RU_NAME)}
    )
    placed = {e.place for e in DATA.events.values() if e.place and DATA.coordinates(e)}
    russian = {title for title, site in composed if site == RU_NAME}
    english = {title for title, site in composed if site == EN_NAME}
    assert russian == {DATA.places[p].name_ru or DATA.places[p].name for p in placed}
    assert english == {DATA.places[p].name for p in placed}


def test_a_lone_pin_on_a_russian_place_card_is_named_in_russian() -> None:
    spec = cards.place_spec("tehran", DATA, GEOGRAPHY, "ru")
    assert _items(spec) == {f"{DATA.places['tehran'].name_ru}, Иран"}


def test_a_russian_chapter_card_has_the_russian_pages_title(
    monkeypatch: pytest.MonkeyPatch, images
) -> None:
    page = "chapters/iran-drone-diplomacy.md"
    english = (ROOT / "docs" / page).read_text(encoding="utf-8")
    russian = (ROOT / "docs" / "ru" / page).read_text(encoding="utf-8")
    titled: list[tuple[str, str]] = []
    real = cards.compose

    def record(image: Any, title: str, site_name: str, node_modules: Path) -> bytes:
        titled.append((title, site_name))
        return real(image, title, site_name, node_modules)

    monkeypatch.setattr(cards, "compose", record)
    made = site_images.page_cards({page: russian}, images.of("ru"), RU_NAME, NODE_MODULES)
    title = site_images.page_title(russian)
    assert title is not None
    assert title != site_images.page_title(english)
    assert titled == [(title, RU_NAME)]
    path, alt, _ = made[page]
    assert path == cards.card_path("pages", "chapters-iran-drone-diplomacy")
    assert alt.startswith(f"{RU_NAME}: {title}")
    assert _english_in(alt) == []


@pytest.mark.parametrize(("count", "words"), [(1, "1 событие"), (3, "3 события"), (5, "5 событий")])
def test_a_russian_description_counts_events_in_russian(count: int, words: str) -> None:
    pins = [
        {
            "type": "Feature",
            "id": f"e{i}",
            "geometry": {"type": "Point", "coordinates": [70.0 + i / 10, 37.0]},
            "properties": {"category": "trade", "status": "confirmed"},
        }
        for i in range(count)
    ]
    spec = MapSpec(
        "Карта: события",
        (37.0, 70.0),
        6,
        [[35.0, 66.0], [39.0, 74.0]],
        [LayerSpec("events", "События", collection(pins))],
        "",
    )
    alt = static_map.describe(spec, "ru")
    assert words in alt
    assert counted("image.alt.events", count, "ru") == words
    assert "торговля" in alt
    assert "trade" in static_map.describe(spec, "en").lower()


def test_a_one_letter_word_never_ends_a_title_line() -> None:
    title = "Гонка беспилотников в Центральной Азии и в регионе с Россией"
    for size in cards.TITLE_SIZES:
        font = fonts.family(NODE_MODULES, 700, size)
        lines = cards._wrap(title, font, cards.PANEL_WIDTH - 2 * cards.MARGIN)
        assert len(lines) > 1
        assert all(len(line.split()[-1]) > 1 for line in lines), lines


def test_a_word_wider_than_the_panel_breaks_after_its_hyphen() -> None:
    title = "Таджикско-кыргызская граница (район Исфары и Баткена)"
    font, lines = cards._title_lines(title, NODE_MODULES)
    assert all(font.length(line) <= cards.PANEL_WIDTH - 2 * cards.MARGIN for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    # A hyphen between a word and a figure ("Ababil-2") is never a break while it fits.
    font, lines = cards._title_lines("The Ababil-2 drone factory", NODE_MODULES)
    assert any("Ababil-2" in line for line in lines)
