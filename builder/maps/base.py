"""Folium made reproducible, self-hosted, safe and lean.

Folium names every element with random hex and loads Leaflet, jQuery,
Bootstrap and Font Awesome from four CDNs. Maps here load only Leaflet,
topojson-client, the site's own basemap and map scripts and styles, all from
the site itself, and name elements from a counter so that two builds of the
same data give the same bytes. Data reaches a document only through
:func:`builder.html.sanitize.script_json`.

Every map is drawn on the site's own basemap (:mod:`builder.geometry.basemap`): with
default settings no map asks any host but the site's own for anything.
OpenStreetMap's street map stays one click away in the layer switcher, off
when the map opens.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import branca.element
import folium
from folium.map import Layer
from folium.template import Template

from builder.geometry.basemap import BASEMAP_CSS, BASEMAP_JS, BASEMAP_PATH, TOPOJSON_JS
from builder.html.sanitize import script_json, text
from builder.i18n import Language
from builder.i18n.front import MAP_PREFIXES, strings_element
from builder.i18n.messages import message

LEAFLET_JS = "assets/vendor/leaflet/leaflet.js"
"""Site-relative path of the self-hosted Leaflet script."""

LEAFLET_CSS = "assets/vendor/leaflet/leaflet.css"
"""Site-relative path of the self-hosted Leaflet stylesheet."""

MAP_LAYERS_JS = "assets/js/map-layers.js"
"""Site-relative path of the script that builds event layers, popups and legends."""

MAP_DOCUMENT_CSS = "assets/css/map-document.css"
"""Site-relative path of the styles used inside map documents (legend, popups, labels)."""

SITE_ICON = "assets/images/favicon.svg"
"""Site-relative path of the site's icon (``theme.favicon`` in mkdocs.yml)."""

RBUSH_JS = "assets/vendor/rbush/rbush.min.js"
"""Site-relative path of the self-hosted R-tree that label placement checks boxes against."""

MAP_LABELS_JS = "assets/js/labels.js"
"""Site-relative path of the script that places map labels without collisions."""

MAP_LOADER_JS = "assets/js/map-loader.js"
"""The one script a map built on approach loads up front (see :func:`render`)."""

MAP_LAYOUT_CSS = "assets/css/map-layout.css"
"""Site-relative path of the map document's layout: the map pane, the legend beside or below it."""

MAPS_DIR = "maps"
"""Site folder holding one standalone HTML document per map (embedded in iframes)."""

TILES = "OpenStreetMap"
"""The street map a reader may switch on: tiles from openstreetmap.org, off by default."""

TILES_NAME = "Street map (loads tiles from openstreetmap.org)"
"""The opt-in street map's name in the layer switcher: says it asks another site."""

# Folium's viewport forbids pinch-zoom (WCAG 1.4.4); its <html> has no language.
_FOLIUM_VIEWPORT = """<meta name="viewport" content="width=device-width,
                initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />"""
_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'

LAYER_FACTORIES = frozenset({"events", "shapes", "labels"})
"""The layer builders of ``map-layers.js`` that :class:`DataLayer` may call."""


class SiteMap(folium.Map):
    """A folium Map that loads only Leaflet and the site's map script, from the site itself."""

    # Folium declares these per instance but reads them from the class: no ClassVar here.
    default_js: list[tuple[str, str]] = [  # noqa: RUF012
        ("leaflet", f"../{LEAFLET_JS}"),
        ("topojson_client", f"../{TOPOJSON_JS}"),
        # After Leaflet: it hooks into every L.Map made from then on.
        ("dr_basemap", f"../{BASEMAP_JS}"),
        ("dr_map_layers", f"../{MAP_LAYERS_JS}"),
        ("rbush", f"../{RBUSH_JS}"),
        ("dr_map_labels", f"../{MAP_LABELS_JS}"),
    ]
    default_css: list[tuple[str, str]] = [  # noqa: RUF012
        ("leaflet_css", f"../{LEAFLET_CSS}"),
        ("dr_basemap_css", f"../{BASEMAP_CSS}"),
        ("dr_map_css", f"../{MAP_DOCUMENT_CSS}"),
        ("dr_map_layout_css", f"../{MAP_LAYOUT_CSS}"),
    ]


class DataLayer(Layer):
    """A toggleable layer that ``map-layers.js`` builds in the browser from JSON data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = DR.{{ this.factory }}({{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(
        self, factory: str, data: Any, name: str, *, show: bool = True, control: bool = True
    ):
        """Build layer ``factory`` (see :data:`LAYER_FACTORIES`) from ``data``, named ``name``."""
        if factory not in LAYER_FACTORIES:
            raise ValueError(f"unknown layer factory {factory!r}")
        # Leaflet's layer control inserts names as HTML: escape them here.
        super().__init__(name=text(name), overlay=True, control=control, show=show)
        self._name = "dr_layer"
        self.factory = factory
        self.payload = script_json(data)


class MapCall(branca.element.MacroElement):
    """A call ``DR.<function>(map, data)`` run in document order (set-up first, finish last)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            DR.{{ this.function }}({{ this._parent.get_name() }}, {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, function: str, data: Any):
        """Call ``DR.function`` with the map and ``data`` serialised safely."""
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves it unannotated
        if function not in ("setup", "finish", "locate"):
            raise ValueError(f"unknown map function {function!r}")
        self._name = "dr_call"
        self.function = function
        self.payload = script_json(data)


@contextmanager
def counted_ids(prefix: str) -> Iterator[None]:
    """Within the block, name branca elements ``<prefix>_<n>`` from a counter."""
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]

    def _next_id(cls: type) -> str:
        return f"{prefix}_{next(counter)}"

    # Replacing a method on purpose (see the module's docstring).
    branca.element.Element._generate_id = classmethod(_next_id)  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        branca.element.Element._generate_id = original  # type: ignore[method-assign]  # restored


def preload_links() -> str:
    """``<link rel="preload">`` for every script and style a map document loads, and its basemap.

    Every document starts with its Content-Security-Policy meta tag, and after
    one Chromium's preload scanner asks for nothing ahead: each script was
    fetched only once the one before it had run, and the basemap only once
    ``basemap.js`` had. These hints, read by the parser just after the policy
    (which they obey), start every fetch at once. The basemap is fetched by
    ``fetch()`` with its default same-origin credentials, which ``crossorigin``
    matches, so the hint and the request share one download.
    """
    links = [f'<link rel="preload" href="{url}" as="script">' for _, url in SiteMap.default_js]
    links += [f'<link rel="preload" href="{url}" as="style">' for _, url in SiteMap.default_css]
    links.append(f'<link rel="preload" href="../{BASEMAP_PATH}" as="fetch" crossorigin>')
    return "".join(links)


def new_map(
    *, center: tuple[float, float], zoom: int, title: str, lang: Language = "en"
) -> SiteMap:
    """A map on the site's own basemap, scroll-zoom off so the page around it still scrolls.

    The basemap is drawn by ``basemap.js`` for every Leaflet map; the only tile
    layer is OpenStreetMap's street map, listed in the layer switcher and off.
    The view fits its subject exactly (no zoom snapping), so that no empty
    frame is left around it; ``map-layers.js`` adds a compact, metric scale.
    ``title`` is already in ``lang``; a map in a language other than English also
    carries the scripts' words in it (:mod:`builder.i18n.front`), from which
    ``map-layers.js`` names Leaflet's own controls.
    """
    fmap = SiteMap(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=False,
        scrollWheelZoom=False,
        prefer_canvas=False,
        zoom_snap=0,
    )
    # Opt-in only: with it off, the reader's browser contacts no other host.
    tiles_name = TILES_NAME if lang == "en" else message("map.tiles", lang)
    folium.TileLayer(TILES, name=tiles_name, overlay=True, control=True, show=False).add_to(fmap)
    _document(fmap).header.add_child(
        branca.element.Element(f"<title>{text(title)}</title>"), name="title"
    )
    # Opened on its own, a document without an icon makes the browser ask for
    # /favicon.ico, which the site does not have (and which lies outside a site
    # published under a path). The href is relative, like every asset here.
    _document(fmap).header.add_child(
        branca.element.Element(f'<link rel="icon" href="../{SITE_ICON}" type="image/svg+xml">'),
        name="icon",
    )
    if strings := strings_element(lang, MAP_PREFIXES):
        add_html(fmap, strings)
    _document(fmap).header.add_child(branca.element.Element(preload_links()), name="preload")
    return fmap


def _document(fmap: folium.Map) -> branca.element.Figure:
    """The HTML document folium renders the map in (its root, a branca ``Figure``)."""
    root = fmap.get_root()
    if not isinstance(root, branca.element.Figure):
        raise TypeError("folium's map is not rooted in a Figure: review map_base")
    return root


def add_layer_control(fmap: folium.Map) -> None:
    """The layer switcher, folded into one small button so it leaves the map free."""
    folium.LayerControl(collapsed=True).add_to(fmap)


def add_html(fmap: folium.Map, html: str) -> None:
    """Add trusted, already-escaped HTML (a legend, a message) to the document body."""
    _document(fmap).html.add_child(branca.element.Element(html))


_FOLIUM_SCRIPT_END = "</script>\n</html>"
"""How folium's document ends: its one script, which builds the map, then the document's end."""


def _draw_when_near(html: str) -> str:
    """Load the map's scripts and run folium's script only once the map nears the screen."""
    end = html.rfind(_FOLIUM_SCRIPT_END)
    start = html.rfind("<script>", 0, end)
    tags = [f'<script src="{url}"></script>' for _, url in SiteMap.default_js]
    if start < 0 or end < 0 or any(html.count(tag) != 1 for tag in tags):
        raise RuntimeError("folium's document template changed: review map_base.render")
    body = html[start + len("<script>") : end]
    sources = script_json([url for _, url in SiteMap.default_js])
    html = (
        f"{html[:start]}<script>DRLoader.whenNear({sources}, function () {{{body}}});\n{html[end:]}"
    )
    html = html.replace(tags[0], f'<script src="../{MAP_LOADER_JS}"></script>', 1)
    for tag in tags[1:]:
        html = html.replace(tag, "", 1)
    return html


def render(fmap: folium.Map, *, when_near: bool = False, lang: Language = "en") -> str:
    """Render a map once to a standalone HTML document (folium is not idempotent).

    With ``when_near``, the document loads ``map-loader.js`` alone, and Leaflet,
    the map scripts and folium's script (which builds the map) run only once the
    map's frame comes close to the reader's screen: a page of four maps loaded
    and drew all four at once, on one thread, and its first map appeared only
    when the last was done. The preload hints still fetch every script at once.
    ``lang`` is the document's language, set on its ``<html>`` (branca writes none).
    """
    html = fmap.get_root().render()
    if _FOLIUM_VIEWPORT not in html or "<html>" not in html:
        raise RuntimeError("folium's document template changed: review map_base.render")
    if when_near:
        html = _draw_when_near(html)
    html = _script_inside_body(html)
    return html.replace(_FOLIUM_VIEWPORT, _VIEWPORT).replace("<html>", f'<html lang="{lang}">', 1)


def _script_inside_body(html: str) -> str:
    """Close the body after folium's script, which its template writes after ``</body>``.

    A start tag after ``</body>`` is a parse error in HTML5 (browsers move it back
    into the body); the document is valid with the script where they put it.
    """
    body_end = html.rfind("</body>")
    script_end = html.rfind(_FOLIUM_SCRIPT_END)
    between = html[body_end + len("</body>") : script_end]
    if body_end < 0 or script_end < body_end or not between.lstrip().startswith("<script>"):
        raise RuntimeError("folium's document template changed: review map_base.render")
    script_end += len("</script>")
    script = html[body_end + len("</body>") : script_end]
    return f"{html[:body_end]}{script}\n</body>{html[script_end:]}"
