"""The explore map: one map document that the explore page (``explore/``) drives.

The document carries no events of its own. The explore page reads the record
from ``data/explore.json`` (the published events, less what the page never shows)
and hands the events to
``assets/js/explore-map.js`` in this document, which draws them on Leaflet's
canvas renderer and shows or hides them as the reader chooses a period and
filters. What the document carries is how to draw each event the way every
other map does: the site's colours and status styles, and, for events known
only roughly, the area that stands for their place (a country's outline is
taken from the basemap file the map loads anyway, rather than carried twice). Areas are keyed by what the
export already gives (place name and location precision), so the record is not
copied a second time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builder.geometry.basemap import BASEMAP_SOURCE
from builder.geometry.simplify import douglas_peucker
from builder.html.sanitize import script_json, text
from builder.i18n import Language
from builder.maps.areas import Geography, country_name, event_shape_key, shape_for_key
from builder.maps.document import MapSpec, assemble
from builder.maps.features import bounds
from builder.maps.style import AREA_RADIUS_KM, CATEGORY_COLOURS, PIN_PRECISIONS, STATUS_STYLES
from builder.maps.words import say
from builder.record.validate import Dataset

EXPLORE_MAP_PATH = "maps/explore.html"
"""Site path of the explore map document."""

EXPLORE_MAP_JS = "assets/js/explore-map.js"
"""Site-relative path of the script inside the document that the explore page calls."""

SYMBOLS_ELEMENT_ID = "dr-explore-symbols"
"""Id of the JSON element holding how each place and precision is drawn."""

MAX_ZOOM = 8
"""Closest zoom the map frames a view at."""

AREA_TOLERANCE = 0.015
"""Degrees an area's outline may move here (about 1.5 km, two pixels at zoom 8): an area on
this map says only "somewhere in here", and the outlines were most of the page's weight."""

AREA_DECIMALS = 2
"""Decimals kept in an area's vertex (about 1 km), below :data:`AREA_TOLERANCE`."""


def basemap_country_names(source: Path = BASEMAP_SOURCE) -> set[str]:
    """Names of the countries drawn in detail in the basemap file (``countries_detail``)."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    return {g["properties"]["name"] for g in topology["objects"]["countries_detail"]["geometries"]}


def _thin(line: list[list[float]]) -> list[list[float]]:
    ring = len(line) > 3 and line[0] == line[-1]
    kept = douglas_peucker([(p[0], p[1]) for p in line], AREA_TOLERANCE)
    rounded = [[round(a, AREA_DECIMALS), round(b, AREA_DECIMALS)] for a, b in kept]
    thinned = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
    return line if ring and len(thinned) < 4 else thinned


def thinned_shape(shape: dict[str, Any]) -> dict[str, Any]:
    """A shape of :func:`builder.maps.areas.area_shape` with coarser lines for this map."""
    if shape["kind"] == "band":
        latlngs: list[Any] = [_thin(line) for line in shape["latlngs"]]
    else:
        latlngs = [[_thin(ring) for ring in polygon] for polygon in shape["latlngs"]]
    return {**shape, "latlngs": latlngs}


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


def explore_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The explore map document: basemap, styles and areas, no events until the page sends them.

    Places are keyed by their English names, as the events export (which the page sends)
    gives them, whatever ``lang``.
    """
    symbols = area_symbols(data, geography)
    keys = sorted({s["shape"] for s in symbols.values() if "shape" in s})
    on_basemap = basemap_country_names()
    shapes = {}
    for key in keys:
        shape = shape_for_key(key, data.places, geography)
        name = country_name(key, data.places, geography)
        if shape["kind"] == "country" and name in on_basemap:
            # The basemap the map has already fetched holds this outline: draw it from there.
            shapes[key] = {"kind": "country", "basemapCountry": name, "label": shape["label"]}
        else:
            shapes[key] = thinned_shape(shape)
    spec = MapSpec(
        title=say("map.explore.title", lang),
        center=(38.0, 66.0),
        zoom=5,
        bounds=record_bounds(data),
        max_zoom=MAX_ZOOM,
        legend="",
        layers=[],
        extra_html=[
            f'<script type="application/json" id="{SYMBOLS_ELEMENT_ID}">'
            f"{script_json(_symbols(symbols, shapes))}</script>",
            # Before the map's own script: it wraps DR.finish to learn of the map.
            f'<script src="../{text(EXPLORE_MAP_JS)}"></script>',
        ],
        # The page sends the events as soon as the frame has loaded.
        when_near=False,
        lang=lang,
    )
    return assemble(spec, data, geography)
