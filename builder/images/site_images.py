"""Every image one build draws: a static image per map figure and per place, and the cards.

:func:`render_images` is pure (data in, PNG bytes out) and draws each picture
once: a place's map serves as the static map of every event page there and,
with a panel of text, as their shared card. Events placed only by coordinates
share one overview of the region, on which their page sets a pin
(:class:`EventStatic`). Cards of authored pages, whose titles only MkDocs
knows, come from :func:`page_card` with a map this module already drew.

Each edition has its own images, with its own words (issue 21): a picture is drawn
once without words and each language writes its labels on a copy, so the Russian
images cost their words, not a second drawing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.messages import formatted, message
from builder.images import cards
from builder.images.static_map import (
    MAP_TITLE_PREFIXES,
    Drawing,
    Frame,
    describe,
    draw_spec,
    label_drawing,
    png,
)
from builder.maps.areas import Geography
from builder.maps.document import MapSpec
from builder.maps.words import name as name_in
from builder.record.validate import Dataset

STATIC_DIR = "maps/static"
"""Site folder of the static map images."""

FIGURE_SIZE = (1200, 630)
"""Pixel size of a map figure's static image (shown at the figure's width)."""

REGION_BOUNDS = [[33.5, 55.0], [45.5, 80.0]]
"""What the overview for events placed only by coordinates shows: the story's region."""

REGION = "_region"
"""Slug of that overview among the place images (no place id starts with ``_``)."""

HOME_CARD = cards.card_path("pages", "home")
"""The home page's card, which pages without a map of their own share."""

HOME_MAP = "story-opening"
"""The map on the home page's card and the story page's: where the story opens."""

FALLBACK_MAP = "regional"
"""The map on the card of a chapter that places no map: the whole region's events."""


@dataclass(frozen=True)
class StaticImage:
    """A static map as a page shows it."""

    path: str
    """Site path of the PNG."""
    alt: str
    """Its written description."""
    width: int
    """Width in pixels."""
    height: int
    """Height in pixels."""


@dataclass(frozen=True)
class EventStatic:
    """The static map of one event page: its place's image, or the overview with a pin."""

    image: StaticImage
    """The image."""
    pin: tuple[float, float] | None
    """Where to set the pin on it (percent from the left and the top), or None."""
    card: str
    """Site path of the card its page shares."""
    card_alt: str
    """What the card shows, for ``og:image:alt``."""
    cropped: bool = False
    """Whether :attr:`image` is the place's card, which the page crops to its map."""


@dataclass(frozen=True)
class EditionWords:
    """What another edition's images say: its maps' specs and its site's name, in its language."""

    specs: dict[str, MapSpec]
    """The spec of every map in the English specs, its words in the edition's language."""
    site_name: str
    """The edition's own name (its configuration's ``site_name``), on its cards."""


@dataclass
class SiteImages:
    """What :func:`render_images` made, in one language; :meth:`of` gives the others'."""

    files: dict[str, bytes]
    """Every PNG, keyed by site path."""
    figures: dict[str, StaticImage]
    """The static image of each map in the specs, by map name."""
    events: dict[str, EventStatic]
    """The static map and card of each located event page, by event id."""
    specs: dict[str, MapSpec]
    """The maps cards may show, by name, their words in :attr:`lang`."""
    data: Dataset = field(repr=False)
    """The dataset the maps draw."""
    geography: Geography = field(repr=False)
    """The geometry the maps draw."""
    node_modules: Path = field(repr=False)
    """Where the typeface is installed."""
    card_maps: dict[str, Image.Image] = field(default_factory=dict, repr=False)
    """Maps with their words, at card size, drawn so far by name: each when a card first
    needs it."""
    lang: Language = DEFAULT_LANGUAGE
    """The language of the images' words."""
    drawings: dict[str, Drawing] = field(default_factory=dict, repr=False)
    """The card maps without words, by name: one dictionary shared by every language, so
    each map is drawn once and each language writes its words on a copy."""
    editions: dict[Language, SiteImages] = field(default_factory=dict, repr=False)
    """The same images in each other language :func:`render_images` was given."""
    key: str = ""
    """The build cache's key of what these images were drawn from ("" outside the cache):
    the pages' cards, drawn later from the same pictures, are kept under keys made from it."""
    drawn: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    """Pictures a previous build drew from the same inputs, by :func:`drawn_key`: taken
    as they are instead of being drawn again (the build cache's ``images`` stage)."""

    def all_files(self) -> dict[str, bytes]:
        """Every PNG in every language, by :func:`drawn_key`: what the cache keeps."""
        return {
            drawn_key(lang, path): content
            for lang in (self.lang, *self.editions)
            for path, content in self.of(lang).files.items()
        }

    def of(self, lang: Language) -> SiteImages:
        """These images in ``lang``; a ``KeyError`` for a language they were not drawn in."""
        return self if lang == self.lang else self.editions[lang]

    def card_map(self, name: str) -> Image.Image:
        """The map ``name`` at the size of a card's map with its words, drawn on first use."""
        if name not in self.card_maps:
            if name not in self.drawings:
                self.drawings[name] = draw_spec(
                    self.specs[name], self.data, self.geography, cards.MAP_SIZE
                )
            self.card_maps[name] = label_drawing(
                self.drawings[name], self.specs[name], self.node_modules, self.lang
            )
        return self.card_maps[name]


def drawn_key(lang: Language, path: str) -> str:
    """How a picture is named among those a build keeps for the next: language and site path."""
    return f"{lang}:{path}"


def _all_drawn(made: Mapping[Language, SiteImages], path: str) -> bool:
    return all(drawn_key(lang, path) in images.drawn for lang, images in made.items())


def render_images(
    data: Dataset,
    geography: Geography,
    specs: dict[str, MapSpec],
    node_modules: Path,
    site_name: str,
    editions: Mapping[Language, EditionWords] | None = None,
    drawn: Mapping[str, bytes] | None = None,
) -> SiteImages:
    """Draw the figures' static maps, each place's map and card, and the overview of the
    region, in English and in each language of ``editions``.

    Each picture is drawn once without words (:func:`~builder.images.static_map.draw_spec`);
    each language writes its own on a copy. The result is the English images; their
    :meth:`SiteImages.of` gives each edition's, at the same site paths. A picture found in
    ``drawn`` (:meth:`SiteImages.all_files` of a build from the same inputs) is not drawn
    again; everything else about the images (paths, descriptions, pins) is made as ever."""
    words = {DEFAULT_LANGUAGE: EditionWords(specs, site_name), **(editions or {})}
    drawings: dict[str, Drawing] = {}
    made = {
        lang: SiteImages(
            {},
            {},
            {},
            own.specs,
            data,
            geography,
            node_modules,
            lang=lang,
            drawings=drawings,
            drawn=drawn or {},
        )
        for lang, own in words.items()
    }
    for name, spec in sorted(specs.items()):
        path = f"{STATIC_DIR}/{name}.png"
        if _all_drawn(made, path):
            for lang, images in made.items():
                images.files[path] = images.drawn[drawn_key(lang, path)]
        else:
            drawing = draw_spec(spec, data, geography, FIGURE_SIZE)
            for lang, images in made.items():
                images.files[path] = png(
                    label_drawing(drawing, images.specs[name], node_modules, lang)
                )
        for images in made.values():
            images.figures[name] = StaticImage(
                path, describe(images.specs[name], images.lang), *FIGURE_SIZE
            )
    places: dict[str, dict[Language, StaticImage]] = {}
    region: dict[Language, StaticImage] = {}
    region_frame = Frame.fit(REGION_BOUNDS, *cards.MAP_SIZE, max_zoom=7)
    for event_id, event in data.chronological():
        point = data.coordinates(event)
        if point is None:
            continue
        if event.place:
            if event.place not in places:
                places[event.place] = _place_images(event.place, made, words)
            for lang, images in made.items():
                image = places[event.place][lang]
                place = name_in(data.places[event.place], lang)
                alt = formatted(
                    "image.card.place_alt", lang, site=words[lang].site_name, place=place
                )
                images.events[event_id] = EventStatic(image, None, image.path, alt, cropped=True)
            continue
        if not region:
            region = _region_images(made)
        pin = cards.pin_position(point, region_frame)
        for lang, images in made.items():
            alt = formatted("image.card.region_alt", lang, site=words[lang].site_name)
            images.events[event_id] = EventStatic(region[lang], pin, HOME_CARD, alt)
    english = made.pop(DEFAULT_LANGUAGE)
    english.editions.update(made)
    return english


def _place_images(
    place_id: str, made: dict[Language, SiteImages], words: dict[Language, EditionWords]
) -> dict[Language, StaticImage]:
    """One picture per place and language: its card, which the event page shows cropped to
    the map (assets/css/static-maps.css), so each place costs one drawing."""
    english = made[DEFAULT_LANGUAGE]
    data, geography, node_modules = english.data, english.geography, english.node_modules
    path = cards.card_path("places", place_id)
    found = {}
    if _all_drawn(made, path):
        for lang, images in made.items():
            images.files[path] = images.drawn[drawn_key(lang, path)]
    else:
        specs = {lang: cards.place_spec(place_id, data, geography, lang) for lang in made}
        drawing = draw_spec(specs[DEFAULT_LANGUAGE], data, geography, cards.MAP_SIZE)
        for lang, images in made.items():
            image = label_drawing(drawing, specs[lang], node_modules, lang)
            images.files[path] = cards.compose(
                image, name_in(data.places[place_id], lang), words[lang].site_name, node_modules
            )
    for lang in made:
        place = name_in(data.places[place_id], lang)
        alt = formatted("image.alt.place", lang, place=place)
        found[lang] = StaticImage(path, alt, *cards.CARD_SIZE)
    return found


def _region_images(made: dict[Language, SiteImages]) -> dict[Language, StaticImage]:
    """The overview of the region in each language, on which event pages set their pin."""
    english = made[DEFAULT_LANGUAGE]
    overview = MapSpec("Map: the region", (39.0, 67.0), 5, REGION_BOUNDS, [], "", max_zoom=7)
    path = f"{STATIC_DIR}/places/{REGION}.png"
    found = {}
    if _all_drawn(made, path):
        for lang, images in made.items():
            images.files[path] = images.drawn[drawn_key(lang, path)]
    else:
        drawing = draw_spec(overview, english.data, english.geography, cards.MAP_SIZE)
        for lang, images in made.items():
            images.files[path] = png(label_drawing(drawing, overview, english.node_modules, lang))
    for lang in made:
        found[lang] = StaticImage(path, message("image.alt.region", lang), *cards.MAP_SIZE)
    return found


def page_card(
    images: SiteImages, map_name: str | None, title: str, site_name: str, node_modules: Path
) -> bytes:
    """The card of a page that places ``map_name`` first (the region's map when None), its
    map's words in the language of ``images``."""
    name = map_name if map_name in images.specs else FALLBACK_MAP
    return cards.compose(images.card_map(name), title, site_name, node_modules)


_MAP_DIRECTIVE = re.compile(r"^\[\[map ([a-z0-9-]+)\]\]\s*$", re.MULTILINE)
_HEADING = re.compile(r"^# +(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n(?:.*\n)*?---\n")
_FRONT_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*[\"']?(.+?)[\"']?\s*\n(?:.*\n)*?---\n")


def page_title(markdown: str) -> str | None:
    """A page's title as its reader sees it: its first ``#`` heading, else its front matter's.

    The heading is looked for after the front matter: a YAML comment there (``# ...``) is
    not a heading (the maps page's card once took one for its title)."""
    front = _FRONT_TITLE.match(markdown)
    body = markdown[front.end() :] if front else _FRONT_MATTER.sub("", markdown, count=1)
    heading = _HEADING.search(body)
    if heading:
        return heading.group(1).strip()
    return front.group(1).strip() if front else None


def card_map(src_uri: str, markdown: str) -> str:
    """Which map a page's card shows: the home page's and the story's open the story; any
    other page shows the first map it places, and a chapter without one the whole region."""
    if src_uri in ("index.md", "story/index.md"):
        return HOME_MAP
    first = _MAP_DIRECTIVE.search(markdown)
    return first.group(1) if first else FALLBACK_MAP


def page_cards(
    sources: dict[str, str],
    images: SiteImages,
    site_name: str,
    node_modules: Path,
    drawn: Mapping[str, bytes] | None = None,
) -> dict[str, tuple[str, str, bytes]]:
    """The cards of authored pages, given their Markdown by source path: for each, the card's
    site path, its description and its PNG. The home page's is :data:`HOME_CARD`.

    The cards speak the language of ``images`` (``images.of(lang)``): their maps' words and
    descriptions; their titles are the pages' own, in whatever language the page is. A card
    found in ``drawn`` (by site path: the cards of a build from the same pages and images)
    is not drawn again."""
    drawn = drawn or {}
    made: dict[str, tuple[str, str, bytes]] = {}
    for src_uri, markdown in sorted(sources.items()):
        title = page_title(markdown) or site_name
        name = card_map(src_uri, markdown)
        slug = "home" if src_uri == "index.md" else src_uri.removesuffix(".md").replace("/", "-")
        slug = slug.removesuffix("-index")
        lang = images.lang
        if name in images.specs:
            shown = images.specs[name].title
            for prefix in MAP_TITLE_PREFIXES.get(lang, ()):
                shown = shown.removeprefix(prefix)
            alt = formatted("image.card.page_alt", lang, site=site_name, title=title, map=shown)
        else:
            alt = formatted("image.card.page_alt_plain", lang, site=site_name, title=title)
        path = cards.card_path("pages", slug)
        picture = drawn.get(path) or page_card(images, name, title, site_name, node_modules)
        made[src_uri] = (path, alt, picture)
    return made
