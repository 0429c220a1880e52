"""Folium maps of the story: data in, standalone HTML documents out.

Each document is in ``maps/``: the factory and its reach, the border, the
Taliban deployments, the regional drone race, the locator that event pages
embed, and the story map the story page drives (with a light copy of its
opening for the home page), and the explore map the explore page drives. Events go on a map as GeoJSON data layers, never as one Marker
object each, so a map of ten thousand events stays small and fast. Popups,
tooltips and labels are built in the browser by ``assets/js/map-layers.js``
with ``textContent``: editor text never becomes HTML.

The pipeline uses :func:`embeds_for` and :func:`render_all`, both pure: data
in, strings out. :func:`embeds_for` gives each map embed its text version
(tables of what the map shows) for the dataset at hand.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Protocol

from builder.html.embeds import Embed
from builder.i18n import Language
from builder.i18n.messages import message
from builder.maps import border, deployments, explore, factory, locator, regional, story, text
from builder.maps.areas import GEO_DIR, Geography, load_geography
from builder.maps.document import MapSpec, assemble
from builder.maps.features import DETAILS_PATH, details
from builder.maps.style import CATEGORY_COLOURS, STATUS_STYLES
from builder.record.validate import Dataset

__all__ = [
    "CATEGORY_COLOURS",
    "EMBEDS",
    "STATUS_STYLES",
    "VIEWS",
    "details_document",
    "embeds_for",
    "render_all",
]


class MapRenderer(Protocol):
    """A map document renderer: ``factory_map(data, geography, lang="en")``."""

    def __call__(self, data: Dataset, geography: Geography, lang: Language = "en") -> str:
        """The map's standalone HTML document, its words in ``lang``."""


class TextRenderer(Protocol):
    """A map's text version renderer: ``text_version(data, geography, prefix, lang="en")``."""

    def __call__(
        self, data: Dataset, geography: Geography, prefix: str, lang: Language = "en"
    ) -> str:
        """The map's facts as escaped HTML tables, links relative via ``prefix``."""


class SpecMaker(Protocol):
    """What a map shows: ``factory_spec(data, geography, lang="en")``."""

    def __call__(self, data: Dataset, geography: Geography, lang: Language = "en") -> MapSpec:
        """The map's spec, its words in ``lang``."""


MAPS: dict[str, tuple[MapRenderer, TextRenderer]] = {
    "factory": (factory.factory_map, factory.text_version),
    "border": (border.border_map, border.text_version),
    "deployments": (deployments.deployments_map, deployments.text_version),
    "regional": (regional.regional_map, regional.text_version),
}
"""Every map placed in pages: its document renderer and its text-version renderer."""

SPECS: dict[str, SpecMaker] = {
    "factory": factory.factory_spec,
    "border": border.border_spec,
    "deployments": deployments.deployments_spec,
    "regional": regional.regional_spec,
    "story-opening": story.opening_spec,
}
"""What each map with a static image shows (its document and its static render share it):
the placed maps and the story's opening on the home page."""


def specs(data: Dataset, geo_dir: Path = GEO_DIR, lang: Language = "en") -> dict[str, MapSpec]:
    """The spec of every map in :data:`SPECS`, for ``data``, its words in ``lang``."""
    geography = load_geography(geo_dir)
    return {name: make(data, geography, lang) for name, make in SPECS.items()}


EMBEDS: dict[str, Embed] = {
    "map:factory": Embed(
        "map",
        "factory",
        "Map: the Ababil-2 drone factory in Dushanbe and its 200 km reach",
        "The factory's location and a ring 200 km around it, the drone's range as reported. "
        "Distances to nearby places are labelled.",
    ),
    "map:border": Embed(
        "map",
        "border",
        "Map: the Afghanistan–Tajikistan border and the events along it",
        "The border as drawn from Natural Earth data, with its measured length beside the "
        "published figures, and every event placed within 100 km of it.",
    ),
    "map:deployments": Embed(
        "map",
        "deployments",
        "Map: Taliban deployments on the northern border and the claims about them",
        "Areas show where forces were sent or camps were alleged; a denied claim is dotted "
        "and empty, a reported move solid.",
    ),
    "map:regional": Embed(
        "map",
        "regional",
        "Map of the regional drone race: every located event",
        "Every event with a known location, one layer per category. Filled shapes are "
        "confirmed or reported; hollow, dashed ones are claims. Areas stand for places known "
        "only roughly; a whole country, lightly shaded with a dashed edge, for events the "
        "sources tie only to a country.",
        height=600,
    ),
    "map:locator": Embed(
        "map",
        "locator",
        "Map: where the event took place",
        "Event pages embed maps/locator.html#<event-id> (builder.pages.events); one document serves all.",
        height=320,
    ),
}
"""Every map a page can place with ``[[map NAME]]`` (without its data-driven text version).

``locator`` is embedded per event page.
"""


VIEWS: dict[str, Embed] = {
    "map:story-opening": Embed(
        "map",
        "story-opening",
        "Map: the Ababil-2 factory in Dushanbe, the drone's reported 200 km range and the "
        "Afghanistan–Tajikistan border",
        "Where the story opens: the factory, a ring at the drone's reported range and the "
        "border with Afghanistan.",
        height=480,
    ),
    "map:story": Embed(
        "map",
        "story",
        "Map: the drone race in Central Asia, every step of the story on one map (shown on "
        "its own it opens at the first step; on our story page it follows the text)",
        "The story's map, which the story page moves from step to step.",
        height=560,
        beside="dr-story-map",
    ),
    "map:explore": Embed(
        "map",
        "explore",
        "Map of the regional drone race: every located event (the record's regional map; "
        "the explore page's map needs that page's timeline and filters, so this one stands "
        "in for it)",
        "The explore page's map, embedded as the regional map of every located event.",
        height=600,
        shows="regional",
        beside="dr-explore-frame",
    ),
}
"""Maps that pages lay out themselves and offer with ``[[embed map NAME]]``: the home page's
opening map, the story page's map and the explore page's (which embeds as the regional map:
on its own, the explore map document draws nothing)."""


def embeds_for(data: Dataset, geo_dir: Path = GEO_DIR, lang: Language = "en") -> dict[str, Embed]:
    """The map embeds, each placed map with its text version for ``data``, and the views, all
    in ``lang``.

    In another language than English, each embed's title and description are its
    ``map.embed.<name>.title`` and ``.description`` messages.
    """
    geography = load_geography(geo_dir)
    found = {}
    for key, embed in {**EMBEDS, **VIEWS}.items():
        if lang != "en":
            embed = replace(
                embed,
                title=message(f"map.embed.{embed.name}.title", lang),
                description=message(f"map.embed.{embed.name}.description", lang),
            )
        if key in EMBEDS and embed.name in MAPS:
            # Made now, while the events' features are at hand (the pipeline lets them go
            # after the maps), and once, whichever pages place it.
            text_version = MAPS[embed.name][1](data, geography, "", lang=lang)
            embed = replace(embed, alternative=partial(text.rebased, text_version))
        found[key] = embed
    return found


def render_all(
    data: Dataset,
    geo_dir: Path = GEO_DIR,
    made: dict[str, MapSpec] | None = None,
    lang: Language = "en",
) -> dict[str, str]:
    """Every map document and the shared popup details file, keyed by site path.

    ``made`` are the specs :func:`specs` gave, when the caller has them already (made
    in the same ``lang``). ``lang`` is the language of every word in the documents:
    the Russian edition calls this with ``lang="ru"`` and publishes the same paths
    under its own root (``ru/maps/...``).
    """
    from builder.maps.base import counted_ids  # folium only when rendering (assemble)

    geography = load_geography(geo_dir)
    made = made if made is not None else specs(data, geo_dir, lang)
    documents = {}
    for name in MAPS:
        with counted_ids(name):
            documents[f"maps/{name}.html"] = assemble(made[name], data, geography)
    documents[locator.LOCATOR_PATH] = locator.locator_map(data, geography, lang)
    with counted_ids("story"):
        documents[story.STORY_MAP_PATH] = story.story_map(data, geography, lang)
    with counted_ids("explore"):
        documents[explore.EXPLORE_MAP_PATH] = explore.explore_map(data, geography, lang)
    with counted_ids("opening"):
        documents[story.OPENING_MAP_PATH] = assemble(made["story-opening"], data, geography)
    documents[DETAILS_PATH] = details_document(data, geography, lang)
    return documents


def details_document(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The popup details file (``maps/details.json``) on its own, as :func:`render_all` writes it."""
    return json.dumps(
        details(data, geography, lang), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
