"""Every image one build draws: a static image per map figure and per place, and the cards.

:func:`render_images` is pure (data in, PNG bytes out) and draws each picture
once: a place's map serves as the static map of every event page there and,
with a panel of text, as their shared card. Events placed only by coordinates
share one overview of the region, on which their page sets a pin
(:func:`event_static`). Cards of authored pages, whose titles only MkDocs
knows, come from :func:`page_card` with a map this module already drew.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from builder.images import cards
from builder.images.static_map import Frame, describe, png, render_spec
from builder.maps.areas import Geography
from builder.maps.document import MapSpec
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


@dataclass
class SiteImages:
    """What :func:`render_images` made."""

    files: dict[str, bytes]
    """Every PNG, keyed by site path."""
    figures: dict[str, StaticImage]
    """The static image of each map in the specs, by map name."""
    events: dict[str, EventStatic]
    """The static map and card of each located event page, by event id."""
    specs: dict[str, MapSpec]
    """The maps cards may show, by name."""
    data: Dataset = field(repr=False)
    """The dataset the maps draw."""
    geography: Geography = field(repr=False)
    """The geometry the maps draw."""
    node_modules: Path = field(repr=False)
    """Where the typeface is installed."""
    card_maps: dict[str, Image.Image] = field(default_factory=dict, repr=False)
    """Maps drawn at card size so far, by name: each is drawn once, when a card first needs it."""

    def card_map(self, name: str) -> Image.Image:
        """The map ``name`` at the size of a card's map, drawn on first use."""
        if name not in self.card_maps:
            self.card_maps[name] = render_spec(
                self.specs[name], self.data, self.geography, self.node_modules, cards.MAP_SIZE
            )
        return self.card_maps[name]


def _place_alt(name: str) -> str:
    return f"Static map of {name}, marked in red, with the region around it."


def render_images(
    data: Dataset,
    geography: Geography,
    specs: dict[str, MapSpec],
    node_modules: Path,
    site_name: str,
) -> SiteImages:
    """Draw the figures' static maps, each place's map and card, and the home card."""
    files: dict[str, bytes] = {}
    figures: dict[str, StaticImage] = {}
    for name, spec in sorted(specs.items()):
        path = f"{STATIC_DIR}/{name}.png"
        files[path] = png(render_spec(spec, data, geography, node_modules, FIGURE_SIZE))
        figures[name] = StaticImage(path, describe(spec), *FIGURE_SIZE)
    events: dict[str, EventStatic] = {}
    places: dict[str, StaticImage] = {}
    region: StaticImage | None = None
    region_frame = Frame.fit(REGION_BOUNDS, *cards.MAP_SIZE, max_zoom=7)
    for event_id, event in data.chronological():
        point = data.coordinates(event)
        if point is None:
            continue
        if event.place:
            if event.place not in places:
                # One picture per place: its card, which the event page shows cropped to
                # the map (assets/css/static-maps.css), so each place costs one drawing.
                place = data.places[event.place]
                image = cards.place_image(event.place, data, geography, node_modules)
                path = cards.card_path("places", event.place)
                files[path] = cards.compose(image, place.name, site_name, node_modules)
                places[event.place] = StaticImage(path, _place_alt(place.name), *cards.CARD_SIZE)
            events[event_id] = EventStatic(
                places[event.place],
                None,
                places[event.place].path,
                f"{site_name}: map of {data.places[event.place].name}",
                cropped=True,
            )
            continue
        if region is None:
            overview = MapSpec(
                "Map: the region", (39.0, 67.0), 5, REGION_BOUNDS, [], "", max_zoom=7
            )
            path = f"{STATIC_DIR}/places/{REGION}.png"
            files[path] = png(render_spec(overview, data, geography, node_modules, cards.MAP_SIZE))
            region = StaticImage(
                path,
                "Static map of the region; the pin marks the event's location.",
                *cards.MAP_SIZE,
            )
        pin = cards.pin_position(point, region_frame)
        events[event_id] = EventStatic(
            region, pin, HOME_CARD, f"{site_name}: map of where the story opens"
        )
    return SiteImages(files, figures, events, specs, data, geography, node_modules)


def page_card(
    images: SiteImages, map_name: str | None, title: str, site_name: str, node_modules: Path
) -> bytes:
    """The card of a page that places ``map_name`` first (the region's map when None)."""
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
    sources: dict[str, str], images: SiteImages, site_name: str, node_modules: Path
) -> dict[str, tuple[str, str, bytes]]:
    """The cards of authored pages, given their Markdown by source path: for each, the card's
    site path, its description and its PNG. The home page's is :data:`HOME_CARD`."""
    made: dict[str, tuple[str, str, bytes]] = {}
    for src_uri, markdown in sorted(sources.items()):
        title = page_title(markdown) or site_name
        name = card_map(src_uri, markdown)
        slug = "home" if src_uri == "index.md" else src_uri.removesuffix(".md").replace("/", "-")
        slug = slug.removesuffix("-index")
        alt = f"{title}: {images.specs[name].title.removeprefix('Map: ') if name in images.specs else 'map'}"
        made[src_uri] = (
            cards.card_path("pages", slug),
            f"{site_name}: {alt}",
            page_card(images, name, title, site_name, node_modules),
        )
    return made
