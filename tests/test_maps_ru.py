"""The maps in Russian: the same documents, every interface word and date in Russian.

Structure is tested, not bytes: the specs the documents are made from (title, legend,
layer names), the document's ``<html lang>`` and its ``#dr-strings`` table, the data the
layers and popups are built from.
"""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder import maps
from builder.i18n.front import front_strings
from builder.i18n.messages import MESSAGES
from builder.maps.areas import load_geography
from builder.maps.document import MapSpec
from builder.maps.features import located_features
from builder.record.validate import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent
FACTORY_EVENT = "ababil-2-factory-opens"
"""An event of the record dated 2022-05-17, confirmed, at the Dushanbe factory."""

INTERFACE_PREFIXES = ("map.", "status.", "ui.category.")
"""Messages whose English must not show in a Russian map's title, legend or layer names."""


class _Page(HTMLParser):
    """The document's <html> attributes, its JSON data elements, and its legend's text."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.json: dict[str, str] = {}
        self.legend: list[str] = []
        self.title = ""
        self._json_id: str | None = None
        self._in_legend = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "html":
            self.html = found
        if tag == "script" and found.get("type") == "application/json":
            self._json_id = found.get("id") or ""
            self.json[self._json_id] = ""
        if (tag == "details" and found.get("id") == "dr-legend") or (
            self._in_legend and tag == "details"
        ):
            self._in_legend += 1
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "script":
            self._json_id = None
        if tag == "details" and self._in_legend:
            self._in_legend -= 1
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._json_id is not None:
            self.json[self._json_id] += data
        if self._in_legend:
            self.legend.append(data)
        if self._in_title:
            self.title += data


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def russian(data: Dataset) -> dict[str, str]:
    return maps.render_all(data, lang="ru")


def translated(data: Dataset) -> Dataset:
    """The record as translators will leave it: every name and title with a Russian text.

    The Russian stands in for theirs (``Место 3``), so that any English left on a map is
    the interface's, not the record's.
    """

    def named(registry, word):
        return {
            key: registry[key].model_copy(update={"name_ru": f"{word} {i}"})
            for i, key in enumerate(sorted(registry))
        }

    events = {}
    for i, key in enumerate(sorted(data.events)):
        event = data.events[key]
        update = {"title_ru": f"Событие {i}", "summary_ru": f"Описание {i}"}
        if event.timeline_label:
            update["timeline_label_ru"] = f"Метка {i}"
        events[key] = event.model_copy(update=update)
    return dataclasses.replace(
        data,
        events=events,
        places=named(data.places, "Место"),
        actors=named(data.actors, "Участник"),
        systems=named(data.systems, "Аппарат"),
    )


@pytest.fixture(scope="module")
def specs(data: Dataset) -> dict[str, MapSpec]:
    return maps.specs(translated(data), lang="ru")


def _english_phrases() -> list[str]:
    """Known English interface phrases (without their fields) that Russian replaces."""
    phrases = set()
    for key, texts in MESSAGES.items():
        if not key.startswith(INTERFACE_PREFIXES) or texts["en"] == texts["ru"]:
            continue
        for part in re.split(r"\{\w+\}", texts["en"]):
            part = part.strip(" :;,.()")
            if len(part) >= 4 and re.search(r"[A-Za-z]{3}", part):
                phrases.add(part)
    return sorted(phrases)


def test_english_phrases_list_is_not_empty() -> None:
    # Guards the test below: an empty list would make it pass whatever the maps say.
    assert "How firm each report is" in _english_phrases()
    assert "Afghan provinces" in _english_phrases()


@pytest.mark.parametrize("name", ["factory", "border", "deployments", "regional", "story-opening"])
def test_russian_specs_have_no_english_interface_phrase(specs, name) -> None:
    spec = specs[name]
    labels = [
        text
        for layer in spec.layers
        if layer.factory == "labels"
        for item in layer.data["items"]
        for text in [item["heading"], *item["lines"]]
    ]
    tooltips = [
        feature["properties"]["label"]
        for layer in spec.layers
        if layer.factory == "shapes"
        for feature in (
            [layer.data["geojson"]]
            if layer.data["geojson"]["type"] == "Feature"
            else layer.data["geojson"]["features"]
        )
    ]
    shown = " | ".join(
        [spec.title, spec.legend, *(layer.name for layer in spec.layers), *labels, *tooltips]
    )
    assert spec.lang == "ru"
    assert "{" not in shown  # every field filled
    found = [
        p for p in _english_phrases() if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![a-z])", shown)
    ]
    assert found == []
    assert re.search("[а-яё]", spec.title)


def test_russian_legends_and_layers_say_it_in_russian(specs) -> None:
    regional = specs["regional"]
    assert (
        regional.title
        == "Карта: региональная гонка дронов, все события с известным местом по категориям"
    )
    assert "Насколько надёжно сообщение" in regional.legend
    assert "Подтверждено: сплошной контур, заливка" in regional.legend
    names = [layer.name for layer in regional.layers]
    assert any(n.startswith("Производство дронов (") for n in names)
    assert "Беспилотники по странам" in names
    border = specs["border"]
    assert any(layer.name == "Афгано-таджикская граница" for layer in border.layers)
    # The measured length, with a no-break space between thousands, as Russian writes it.
    assert "1\u00a0172\u00a0км" in border.title


@pytest.mark.parametrize(
    "path",
    [
        "maps/factory.html",
        "maps/border.html",
        "maps/deployments.html",
        "maps/regional.html",
        "maps/locator.html",
        "maps/story.html",
        "maps/explore.html",
        "maps/story-opening.html",
    ],
)
def test_russian_map_documents_say_their_language_and_carry_the_scripts_words(russian, path):
    page = _page(russian[path])
    assert page.html.get("lang") == "ru"
    strings = json.loads(page.json["dr-strings"])
    assert strings == front_strings("ru", ("ui.map.",))
    assert strings["ui.map.zoom_in"] == "Приблизить"
    assert re.search("[а-яё]", page.title)


def test_english_map_documents_stay_without_the_strings_element(data):
    english = maps.render_all(data)
    for path, html in english.items():
        if path.endswith(".html"):
            page = _page(html)
            assert page.html.get("lang") == "en"
            assert "dr-strings" not in page.json


def test_russian_popups_give_russian_dates_statuses_and_places(data):
    geography = load_geography()
    feature = next(
        f
        for f in located_features(data, geography, [FACTORY_EVENT], "ru")
        if f["id"] == FACTORY_EVENT
    )
    p = feature["properties"]
    assert p["date"] == "17 мая 2022 г."
    assert p["status_text"] == "подтверждено"
    # Not translated yet in the data: the English title is kept and marked as English.
    event = data.events[FACTORY_EVENT]
    if not getattr(event, "title_ru", None):
        assert p["title"] == event.title
        assert p["title_lang"] == "en"
    english = next(f for f in located_features(data, geography, [FACTORY_EVENT]))
    assert "title_lang" not in english["properties"]
    assert "status_text" not in english["properties"]
    assert english["properties"]["date"] == "17 May 2022"


def test_russian_popup_details_date_sources_the_russian_way(data, russian):
    details = json.loads(russian["maps/details.json"])
    dates = [s["date"] for s in details["sources"].values()]
    assert dates
    assert all(re.search(r"\d{4} г\.$", d) for d in dates)
    english = json.loads(maps.render_all(data)["maps/details.json"])
    assert english["sources"].keys() == details["sources"].keys()


def test_a_translated_place_name_is_used_on_the_russian_map(data):
    place_id = data.events[FACTORY_EVENT].place
    assert place_id is not None
    places = dict(data.places)
    places[place_id] = places[place_id].model_copy(update={"name_ru": "Завод «Абабиль-2», Душанбе"})
    named = dataclasses.replace(data, places=places)
    spec = maps.specs(named, lang="ru")["factory"]
    assert "Завод «Абабиль-2», Душанбе" in spec.title
    assert "Завод «Абабиль-2», Душанбе" in spec.legend


def test_basemap_names_every_place_in_russian():
    topology = json.loads((ROOT / "data/geo/basemap.topo.json").read_text(encoding="utf-8"))
    places = {
        g["properties"]["name"]: g["properties"]["name_ru"]
        for g in topology["objects"]["places"]["geometries"]
    }
    assert places["Tajikistan"] == "Таджикистан"
    assert places["Dushanbe"] == "Душанбе"
    assert places["Kyrgyzstan"] == "Кыргызстан"
    assert places["Panj"] == "Пяндж"
    assert all(re.fullmatch("[А-ЯЁа-яё -]+", name) for name in places.values())


def test_russian_text_versions_have_no_english_interface_phrase(data) -> None:
    embeds = maps.embeds_for(translated(data), lang="ru")
    for key, embed in embeds.items():
        assert re.search("[а-яё]", embed.title), key
        if embed.alternative is None:
            continue
        shown = re.sub(r"<[^>]+>", " | ", embed.alternative("../"))
        # Sources keep their own titles (a source is cited in its language): leave them out.
        for source in data.sources.values():
            shown = shown.replace(source.title, "")
        phrases = _english_phrases()
        found = [p for p in phrases if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![a-z])", shown)]
        assert found == [], key
        assert "{" not in shown


def test_every_embeds_english_caption_is_its_message(data) -> None:
    # The Russian captions are messages; their English must be the caption the site shows.
    for key, embed in {**maps.EMBEDS, **maps.VIEWS}.items():
        assert MESSAGES[f"map.embed.{embed.name}.title"]["en"] == embed.title, key
        assert MESSAGES[f"map.embed.{embed.name}.description"]["en"] == embed.description, key


def test_a_russian_page_places_a_map_with_russian_words_around_it(data) -> None:
    from builder.html import embeds
    from builder.html.held_html import release_all
    from builder.pages.common import embed_words
    from builder.pipeline import embeds_for

    where = embeds.Publication(
        site_url="https://example.org/ru/",
        site_name="Гонка",
        page_url="https://example.org/ru/maps/",
        words=embed_words("ru"),
    )
    placed = release_all(
        embeds.expand(
            "[[map regional]]\n\n[[chart timeline]]", embeds_for(data, "ru"), "../", where
        )
    )
    assert "Пропустить карту" in placed
    assert "Пропустить график" in placed
    assert "Открыть карту на весь экран" in placed
    assert "Таблица данных" in placed
    for english in ("Skip the map", "Open the map full screen", "Embed this", "Data table"):
        assert english not in placed


def test_the_words_around_embeds_have_their_english_as_messages() -> None:
    from builder.html import embeds

    assert MESSAGES["ui.embed.skip_map"]["en"] == embeds.SKIP_TEXT["map"]
    assert MESSAGES["ui.embed.skip_chart"]["en"] == embeds.SKIP_TEXT["chart"]
