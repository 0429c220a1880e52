"""Folium made reproducible, self-hosted and lean.

Folium names every element with random hex and loads Leaflet, jQuery,
Bootstrap and Font Awesome from four CDNs. Maps here load only Leaflet, from
the site's own copy, and name elements from a counter so that two builds of
the same data give the same bytes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

import branca.element
import folium

LEAFLET_JS = "assets/vendor/leaflet/leaflet.js"
"""Site-relative path of the self-hosted Leaflet script."""

LEAFLET_CSS = "assets/vendor/leaflet/leaflet.css"
"""Site-relative path of the self-hosted Leaflet stylesheet."""

MAPS_DIR = "maps"
"""Site folder holding one standalone HTML document per map (embedded in iframes)."""

TILES = "OpenStreetMap"
"""Map tiles: the one request readers' browsers make to another host."""


class SiteMap(folium.Map):
    """A folium Map that loads only Leaflet, from the site's own copy."""

    default_js: ClassVar[list[tuple[str, str]]] = [("leaflet", f"../{LEAFLET_JS}")]
    default_css: ClassVar[list[tuple[str, str]]] = [("leaflet_css", f"../{LEAFLET_CSS}")]


@contextmanager
def counted_ids(prefix: str) -> Iterator[None]:
    """Within the block, name branca elements ``<prefix>_<n>`` from a counter."""
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]

    def _next_id(cls: type) -> str:
        return f"{prefix}_{next(counter)}"

    branca.element.Element._generate_id = classmethod(_next_id)  # type: ignore[method-assign]
    try:
        yield
    finally:
        branca.element.Element._generate_id = original  # type: ignore[method-assign]


def new_map(*, center: tuple[float, float], zoom: int, title: str) -> SiteMap:
    """A map with OpenStreetMap tiles, scroll-zoom off so the page still scrolls."""
    fmap = SiteMap(
        location=list(center),
        zoom_start=zoom,
        tiles=TILES,
        control_scale=True,
        scrollWheelZoom=False,
        prefer_canvas=False,
    )
    fmap.get_root().header.add_child(
        branca.element.Element(f"<title>{branca.element.escape(title)}</title>"), name="title"
    )
    return fmap


def render(fmap: folium.Map) -> str:
    """Render a map once to a standalone HTML document (folium is not idempotent)."""
    # Folium's <html> has no language; screen readers need one (axe html-has-lang).
    return fmap.get_root().render().replace("<html>", '<html lang="en">', 1)
