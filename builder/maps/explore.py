"""The explore map: one map document that the explore page (``explore/``) drives.

The document carries no events of its own. The explore page reads the record
from the published ``data/events.geojson`` and hands the events to
``assets/js/explore-map.js`` in this document, which draws them on Leaflet's
canvas renderer and shows or hides them as the reader chooses a period and
filters. What the document carries is how to draw each event the way every
other map does: the site's colours and status styles, and, for events known
only roughly, the area that stands for their place. Areas are keyed by what the
export already gives (place name and location precision), so the record is not
copied a second time.
"""

from __future__ import annotations

from typing import Any

from builder.html.sanitize import script_json, text
from builder.maps.areas import Geography, event_shape_key
from builder.maps.document import MapSpec, assemble
from builder.maps.features import bounds, lookup_tables
from builder.maps.style import AREA_RADIUS_KM, CATEGORY_COLOURS, PIN_PRECISIONS, STATUS_STYLES
from builder.record.validate import Dataset

EXPLORE_MAP_PATH = "maps/explore.html"
"""Site path of the explore map document."""

EXPLORE_MAP_JS = "assets/js/explore-map.js"
"""Site-relative path of the script inside the document that the explore page calls."""

SYMBOLS_ELEMENT_ID = "dr-explore-symbols"
"""Id of the JSON element holding how each place and precision is drawn."""

MAX_ZOOM = 8
"""Closest zoom the map frames a view at."""


def symbol_key(place_name: str | None, precision: str | None) -> str:
    """How the page names a place's symbol: ``<place name>|<precision>`` as the export gives them."""
    return f"{place_name or ''}|{precision or ''}"


def area_symbols(data: Dataset, geography: Geography) -> dict[str, dict[str, Any]]:
    """For every place and precision an event uses that is not drawn as a pin: its area.

    Each entry is ``{"shape": key}`` (an outline from the shared shapes table)
    or ``{"radius_km": r}`` (a circle standing for a place known only to that
    precision), exactly as :func:`builder.maps.features.event_feature` draws it.
    """
    symbols: dict[str, dict[str, Any]] = {}
    for _, event in data.chronological():
        precision = data.precision(event)
        if precision is None or precision in PIN_PRECISIONS:
            continue
        place = data.places[event.place].name if event.place else None
        key = symbol_key(place, precision)
        if key in symbols:
            continue
        shape = event_shape_key(event, precision, data.places, geography)
        symbols[key] = {"shape": shape} if shape else {"radius_km": AREA_RADIUS_KM[precision]}
    return dict(sorted(symbols.items()))


def record_bounds(data: Dataset) -> list[list[float]]:
    """The box around every located event: the map's opening view before the page frames it."""
    points = [p for _, ev in data.chronological() if (p := data.coordinates(ev)) is not None]
    return bounds(points, pad_km=60)


def _symbols(areas: dict[str, Any], shapes: dict[str, Any]) -> dict[str, Any]:
    return {
        "areas": areas,
        "shapes": shapes,
        "statusStyles": STATUS_STYLES,
        "colours": CATEGORY_COLOURS,
        "maxZoom": MAX_ZOOM,
    }


def explore_map(data: Dataset, geography: Geography) -> str:
    """The explore map document: basemap, styles and areas, no events until the page sends them."""
    symbols = area_symbols(data, geography)
    shapes = sorted({s["shape"] for s in symbols.values() if "shape" in s})
    # lookup_tables takes features; only their shape keys matter for the shapes table.
    tables = lookup_tables([{"properties": {"shape": key}} for key in shapes], data, geography)
    spec = MapSpec(
        title="Map of the record: the events of the period and filters you choose",
        center=(38.0, 66.0),
        zoom=5,
        bounds=record_bounds(data),
        max_zoom=MAX_ZOOM,
        legend="",
        layers=[],
        extra_html=[
            f'<script type="application/json" id="{SYMBOLS_ELEMENT_ID}">'
            f"{script_json(_symbols(symbols, tables['shapes']))}</script>",
            # Before the map's own script: it wraps DR.finish to learn of the map.
            f'<script src="../{text(EXPLORE_MAP_JS)}"></script>',
        ],
        # The page sends the events as soon as the frame has loaded.
        when_near=False,
    )
    return assemble(spec, data, geography)
