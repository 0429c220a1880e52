"""The site's own basemap: one TopoJSON file that every map document fetches and caches.

``data/geo/basemap.topo.json`` is derived from Natural Earth by
``scripts/derive_geo.py`` (see ``data/geo/PROVENANCE.md``); the build serves it
as is at :data:`BASEMAP_PATH`, and ``assets/js/basemap.js`` draws it under every
Leaflet map. With it, no map asks a tile server for its geography.
"""

from __future__ import annotations

from pathlib import Path

BASEMAP_SOURCE = Path(__file__).resolve().parents[2] / "data" / "geo" / "basemap.topo.json"
"""The committed, derived basemap file."""

BASEMAP_PATH = "assets/geo/basemap.topo.json"
"""Site path of the basemap; ``basemap.js`` finds it at ``../geo/`` from its own address."""

BASEMAP_JS = "assets/js/basemap.js"
"""Site-relative path of the script that draws the basemap into every map."""

BASEMAP_CSS = "assets/css/basemap.css"
"""Site-relative path of the basemap's styles (water colour, place names)."""

TOPOJSON_JS = "assets/vendor/topojson-client/topojson-client.min.js"
"""Site-relative path of the self-hosted topojson-client (see :mod:`builder.html.assets`)."""


def basemap_files(source: Path = BASEMAP_SOURCE) -> dict[str, bytes]:
    """The basemap file keyed by its site path, bytes unchanged."""
    return {BASEMAP_PATH: source.read_bytes()}


def head_tags(prefix: str) -> str:
    """``<link>`` and ``<script>`` tags that give a hand-made Leaflet page the basemap.

    Folium maps made with :func:`builder.maps.base.new_map` load these already. A page
    that builds its own Leaflet map (a story page, say) puts this after Leaflet's own
    tags; ``prefix`` leads from the page to the site root (``"../"``). Every
    ``L.map`` the page creates afterwards is drawn on the basemap, and
    ``window.DRBasemap.drawn`` settles once it is.
    """
    return (
        f'<link rel="stylesheet" href="{prefix}{BASEMAP_CSS}">'
        f'<script src="{prefix}{TOPOJSON_JS}"></script>'
        f'<script src="{prefix}{BASEMAP_JS}"></script>'
    )
