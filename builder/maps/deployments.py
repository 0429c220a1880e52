"""Taliban deployments: forces sent north, the camps Tajikistan alleges, the squads in two provinces.

Places known only to a province or a region are drawn as that area, never as
a pin: the fighters posted on the Central Asian frontier as a band along
Afghanistan's borders with Turkmenistan, Uzbekistan and Tajikistan, because
the sources give no positions. A claim that was denied is drawn dotted and
empty; a reported move is drawn solid. Forces on the Tajik side of the river
are a second layer.
"""

from __future__ import annotations

from typing import Any

from builder.i18n import Language
from builder.maps import text as tv
from builder.maps.areas import Geography, near_border, shape_for_key, shape_points
from builder.maps.document import MapSpec, assemble, events_layer, frontier_layer, provinces_layer
from builder.maps.features import bounds, feature_points, located_features
from builder.maps.legend import Swatch, legend_html, status_swatches
from builder.maps.style import BORDER_STYLE, CATEGORY_COLOURS
from builder.maps.words import say
from builder.record.validate import Dataset

TALIBAN = "taliban"
"""Actor id of the Taliban in data/actors.yaml."""

FORCE_CATEGORIES = frozenset({"military", "conflict"})
"""Categories of events about forces, deployments and threats."""

OPPOSITE_BAND_KM = 250
"""Other military events within this distance of the border form the 'other side' layer."""


def taliban_events(data: Dataset) -> list[str]:
    """Located, finer-than-country force events the Taliban take part in or are accused of."""
    return [
        event_id
        for event_id, event in data.chronological()
        if TALIBAN in event.actors
        and event.category in FORCE_CATEGORIES
        and data.coordinates(event) is not None
        and data.precision(event) != "country"
    ]


def other_side_events(data: Dataset, geography: Geography) -> list[str]:
    """Located military events near the border that do not involve the Taliban."""
    found = []
    for event_id, event in data.chronological():
        point = data.coordinates(event)
        if (
            point is None
            or TALIBAN in event.actors
            or event.category != "military"
            or data.precision(event) == "country"
        ):
            continue
        if near_border(point, OPPOSITE_BAND_KM, geography):
            found.append(event_id)
    return found


def drawn_points(
    features: list[dict[str, Any]], data: Dataset, geography: Geography
) -> list[tuple[float, float]]:
    """Every point the features occupy on the map: their points and their shapes' vertices."""
    points = feature_points(features)
    for feature in features:
        key = feature["properties"].get("shape")
        if key is not None:
            points += shape_points(shape_for_key(key, data.places, geography))
    return points


def frontier_points(geography: Geography) -> list[tuple[float, float]]:
    """Every vertex of Afghanistan's northern border lines, as (lat, lon)."""
    lines = geography.border_lines("")["features"]
    return [
        (lat, lon)
        for feature in lines
        for line in (
            [feature["geometry"]["coordinates"]]
            if feature["geometry"]["type"] == "LineString"
            else feature["geometry"]["coordinates"]
        )
        for lon, lat, *_ in line
    ]


def deployments_spec(data: Dataset, geography: Geography, lang: Language = "en") -> MapSpec:
    """Taliban forces and the claims about them, with the forces facing them."""
    taliban = located_features(data, geography, taliban_events(data), lang)
    others = located_features(data, geography, other_side_events(data, geography), lang)
    military = CATEGORY_COLOURS["military"]
    legend = legend_html(
        say("map.deployments.legend_title", lang),
        [
            (say("map.legend.status", lang), status_swatches(military, kind="area", lang=lang)),
            (
                say("map.legend.colours", lang),
                [
                    Swatch(
                        "area",
                        CATEGORY_COLOURS["military"],
                        say("map.deployments.forces", lang),
                        0.3,
                    ),
                    Swatch(
                        "area",
                        CATEGORY_COLOURS["conflict"],
                        say("map.deployments.threats", lang),
                        0.3,
                    ),
                    Swatch("band", military, say("map.deployments.band", lang)),
                    Swatch("line", BORDER_STYLE["color"], say("map.deployments.lines", lang)),
                ],
            ),
        ],
        [say("map.deployments.note", lang)],
    )
    spec = MapSpec(
        title=say("map.deployments.title", lang),
        center=(37.0, 69.0),
        zoom=6,
        # Every event, its shape and the whole northern frontier the forces were sent to.
        bounds=bounds(
            drawn_points(taliban + others, data, geography) + frontier_points(geography),
            pad_km=40,
        ),
        max_zoom=7,
        legend=legend,
        lang=lang,
        layers=[
            provinces_layer(geography, lang=lang),
            frontier_layer(geography, lang),
            events_layer(say("map.deployments.layer_others", lang), others, lang=lang),
            events_layer(say("map.deployments.layer_taliban", lang), taliban, lang=lang),
        ],
    )
    return spec


def deployments_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The deployments map document (see :func:`deployments_spec`)."""
    return assemble(deployments_spec(data, geography, lang), data, geography)


def text_version(data: Dataset, geography: Geography, prefix: str, lang: Language = "en") -> str:
    """The deployments and claims, then the forces facing them, as tables."""
    taliban = located_features(data, geography, taliban_events(data), lang)
    others = located_features(data, geography, other_side_events(data, geography), lang)
    return tv.wrap(
        say("map.deployments.text", lang),
        tv.events_table(
            say("map.deployments.text_taliban", lang, count=len(taliban)), taliban, prefix, lang
        )
        + tv.events_table(
            say("map.deployments.text_others", lang, count=len(others)), others, prefix, lang
        ),
    )
