"""The factory and its reach: the Ababil-2 plant in Dushanbe and a 200 km ring around it.

Range and endurance come from ``data/systems.yaml`` with their sources. The
ring is geodesic: its vertices are computed on the WGS84 ellipsoid, so it is
200 km from the factory in every direction, not a circle drawn on the screen.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from pyproj import Geod

from builder.i18n import Language
from builder.maps import text as tv
from builder.maps.areas import Geography
from builder.maps.document import (
    LayerSpec,
    MapSpec,
    assemble,
    border_layer,
    events_layer,
    provinces_layer,
)
from builder.maps.features import bounds, located_features
from builder.maps.legend import Swatch, legend_html
from builder.maps.style import BORDER_STYLE, PIN_PRECISIONS, RING_STYLE
from builder.maps.words import date, name, number, say, short
from builder.record.schema import DroneSystem
from builder.record.validate import Dataset

FACTORY_SYSTEM = "ababil-2"
"""The drone whose factory and reach this map shows (an id in data/systems.yaml)."""

RING_VERTICES = 180
"""Vertices of the range ring: one every two degrees of bearing."""

CONTEXT_RADIUS_KM = 800
"""Places within this distance of the factory are labelled with their distance."""

MISSING = (
    f"The data has no located drone-production event for {FACTORY_SYSTEM} with a range in "
    "data/systems.yaml, so there is no factory or range ring to draw."
)
"""What the map and its text version say when the data cannot place the factory."""

_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class Reach:
    """What the drone reaches from its factory, all computed from the data."""

    system: DroneSystem
    """The drone type, with its sourced figures."""
    factory_event: str
    """Id of the event that places the factory."""
    centre: tuple[float, float]
    """The factory's (lat, lon)."""
    place_name: str
    """Name of the place the factory point stands for."""
    range_km: float
    """Radius of the ring: the system's range."""
    border_within_km: float
    """Length of the border line lying inside the ring."""
    border_total_km: float
    """Length of the whole border line (geodesic, WGS84)."""
    provinces: list[tuple[str, float, float]]
    """(province name, km to its nearest edge, share of its outline within range)."""
    distances: list[tuple[str, float, float, float]]
    """(place name, km, lat, lon) for places near the factory, nearest first."""


def factory_event(data: Dataset) -> str | None:
    """The first located production event of the system: where its factory is."""
    for event_id, event in data.chronological():
        if (
            event.category == "drone-production"
            and FACTORY_SYSTEM in event.systems
            and data.coordinates(event) is not None
        ):
            return event_id
    return None


def ring_lonlats(centre: tuple[float, float], radius_km: float) -> list[list[float]]:
    """A closed geodesic circle of ``radius_km`` around a (lat, lon) centre, as [lon, lat]."""
    lat, lon = centre
    bearings = [i * 360 / RING_VERTICES for i in range(RING_VERTICES)]
    lons, lats, _ = _GEOD.fwd(
        [lon] * RING_VERTICES, [lat] * RING_VERTICES, bearings, [radius_km * 1000] * RING_VERTICES
    )
    ring = [[round(x, 5), round(y, 5)] for x, y in zip(lons, lats, strict=True)]
    return [*ring, ring[0]]


def _geodesic_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(_GEOD.inv(a[1], a[0], b[1], b[0])[2]) / 1000


def reach(data: Dataset, geography: Geography, lang: Language = "en") -> Reach | None:
    """Compute the factory's position, the ring's radius and what lies within it.

    None when the data lacks the system, its range or a located factory event.
    Place and province names are in ``lang``.
    """
    system = data.systems.get(FACTORY_SYSTEM)
    event_id = factory_event(data)
    if system is None or system.range_km is None or event_id is None:
        return None
    event = data.events[event_id]
    centre = data.coordinates(event)
    assert centre is not None  # factory_event only returns located events
    radius = system.range_km.value
    line = geography.border_latlngs
    inside = [_geodesic_km(centre, (lat, lon)) <= radius for lat, lon in line]
    seg = [_geodesic_km((a[0], a[1]), (b[0], b[1])) for a, b in itertools.pairwise(line)]
    within = sum(s for s, (a, b) in zip(seg, itertools.pairwise(inside), strict=True) if a and b)
    distances = []
    for place in data.places.values():
        # Province and region points are not places one could reach: their areas are drawn.
        if place.precision not in PIN_PRECISIONS:
            continue
        km = _geodesic_km(centre, (place.lat, place.lon))
        if 5 < km <= CONTEXT_RADIUS_KM:
            distances.append((name(place, lang), km, place.lat, place.lon))
    provinces = []
    for code in sorted(geography.provinces):
        outline = [
            (lat, lon)
            for polygon in _polygons(geography.provinces[code]["geometry"])
            for lat, lon in polygon
        ]
        edge_km = [_geodesic_km(centre, p) for p in outline]
        share = sum(k <= radius for k in edge_km) / len(edge_km)
        province = say("map.province", lang, name=geography.province_name(code, lang))
        provinces.append((province, min(edge_km), share))
    return Reach(
        system=system,
        factory_event=event_id,
        centre=centre,
        place_name=(
            name(data.places[event.place], lang)
            if event.place
            else say("map.factory.the_factory_place", lang)
        ),
        range_km=radius,
        border_within_km=within,
        border_total_km=sum(seg),
        distances=sorted(distances, key=lambda item: (item[1], item[0])),
        provinces=provinces,
    )


def _polygons(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [[(lat, lon) for lon, lat, *_ in polygon[0]] for polygon in polygons]


def _source_name(data: Dataset, source_id: str, lang: Language = "en") -> str:
    source = data.sources[source_id]
    return f"{source.publisher}, {date(source.date, lang)}"


_UNITS: dict[str, str] = {"km": "км", "h": "ч"}
"""Russian abbreviations of the units ``data/systems.yaml`` uses."""


def _unit(unit: str, lang: Language) -> str:
    return _UNITS.get(unit, unit) if lang == "ru" else unit


def _figures(r: Reach, data: Dataset, lang: Language = "en") -> tuple[str, str | None]:
    rng = r.system.range_km
    assert rng is not None
    range_text = say(
        "map.factory.range",
        lang,
        value=short(rng.value, lang),
        unit=_unit(rng.unit, lang),
        source=_source_name(data, rng.source, lang),
    )
    end = r.system.endurance_h
    endurance = (
        say(
            "map.factory.endurance",
            lang,
            value=short(end.value, lang),
            unit=_unit(end.unit, lang),
            source=_source_name(data, end.source, lang),
        )
        if end
        else None
    )
    return range_text, endurance


def factory_spec(data: Dataset, geography: Geography, lang: Language = "en") -> MapSpec:
    """The factory, its geodesic range ring, the border and the places around it."""
    r = reach(data, geography, lang)
    if r is None:
        missing = (
            MISSING if lang == "en" else say("map.factory.missing", lang, system=FACTORY_SYSTEM)
        )
        return MapSpec(
            title=say("map.factory.missing_title", lang),
            center=(38.5, 68.8),
            zoom=5,
            bounds=bounds([]),
            legend=legend_html(say("map.factory.legend_title_missing", lang), [], [missing]),
            layers=[
                provinces_layer(geography, lang=lang),
                border_layer(geography, say("map.border", lang), lang=lang),
            ],
            lang=lang,
        )
    system = name(r.system, lang)
    radius = short(r.range_km, lang)
    factory_place = data.events[r.factory_event].place
    at_factory = [eid for eid, ev in data.events.items() if ev.place == factory_place]
    factory_features = located_features(data, geography, at_factory or [r.factory_event], lang)
    ring = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring_lonlats(r.centre, r.range_km)]},
        "properties": {"label": say("map.factory.ring_label", lang, name=system, km=radius)},
    }
    labels = [
        {
            "lat": lat,
            "lon": lon,
            "heading": place,
            "lines": [say("map.km", lang, km=number(km, lang))],
        }
        for place, km, lat, lon in r.distances
    ]
    range_text, endurance = _figures(r, data, lang)
    legend = legend_html(
        say("map.factory.legend_title", lang, name=system),
        [
            (
                say("map.legend.on_the_map", lang),
                [
                    Swatch(
                        "pin",
                        "#b2182b",
                        say("map.factory.swatch_factory", lang, name=system, place=r.place_name),
                    ),
                    Swatch(
                        "line",
                        RING_STYLE["color"],
                        say("map.factory.swatch_ring", lang, km=radius),
                        0,
                        "8 6",
                    ),
                    Swatch("line", BORDER_STYLE["color"], say("map.border", lang)),
                    Swatch(
                        "area", "#666666", say("map.factory.swatch_provinces", lang), 0.04, "2 3"
                    ),
                ],
            )
        ],
        [
            range_text + "." + (f" {endurance}." if endurance else ""),
            *(
                [
                    say(
                        "map.factory.border_within",
                        lang,
                        within=number(r.border_within_km, lang),
                        total=number(r.border_total_km, lang),
                    )
                ]
                if geography.has_border
                else []
            ),
            say("map.factory.round_trip", lang),
        ],
    )
    spec = MapSpec(
        # The place names the factory and its city already ("Ababil-2 drone factory, Dushanbe").
        title=say("map.factory.title", lang, place=r.place_name, km=radius),
        center=r.centre,
        zoom=6,
        # The whole ring and every place whose distance is labelled.
        bounds=bounds(
            [(lat, lon) for lon, lat in ring_lonlats(r.centre, r.range_km)]
            + [(lat, lon) for _, _, lat, lon in r.distances],
            pad_km=15,
        ),
        max_zoom=7,
        legend=legend,
        lang=lang,
        layers=[
            provinces_layer(geography, lang=lang),
            LayerSpec(
                "shapes",
                say("map.factory.layer_ring", lang, name=system, km=radius),
                {
                    "geojson": ring,
                    "style": RING_STYLE,
                    "className": "dr-ring",
                    "permanentLabels": False,
                },
            ),
            border_layer(geography, say("map.border", lang), lang=lang),
            LayerSpec(
                "labels",
                say("map.factory.layer_distances", lang),
                {"items": labels, "side": "right", "dots": True, "priority": 1},
                show=True,
            ),
            events_layer(say("map.factory.layer_factory", lang), factory_features, lang=lang),
        ],
    )
    return spec


def factory_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The factory map document (see :func:`factory_spec`)."""
    return assemble(factory_spec(data, geography, lang), data, geography)


def text_version(data: Dataset, geography: Geography, prefix: str, lang: Language = "en") -> str:
    """The factory's figures and the distances to places around it, as tables."""
    r = reach(data, geography, lang)
    heading = say("map.factory.text", lang)
    if r is None:
        missing = (
            MISSING if lang == "en" else say("map.factory.missing", lang, system=FACTORY_SYSTEM)
        )
        return tv.wrap(heading, tv.paragraph(missing))
    range_text, endurance = _figures(r, data, lang)
    event = data.events[r.factory_event]
    title = name(event, lang, "title")
    facts: list[list[tv.Cell]] = [
        [say("map.factory.text_factory", lang), (title, f"{prefix}events/{r.factory_event}/")],
        [
            say("map.factory.text_where", lang),
            say("map.factory.text_site", lang, place=r.place_name),
        ],
        [say("map.factory.text_range", lang), range_text],
    ]
    if endurance:
        facts.append([say("map.factory.text_endurance", lang), endurance])
    facts.append(
        [
            say("map.factory.text_border", lang),
            say(
                "map.factory.text_border_value",
                lang,
                within=number(r.border_within_km, lang),
                total=number(r.border_total_km, lang),
            ),
        ]
    )
    for province, nearest, share in r.provinces:
        key = "map.factory.text_partly" if share else "map.factory.text_out"
        facts.append([province, say(key, lang, km=number(nearest, lang))])
    yes, no = say("map.factory.text_yes", lang), say("map.factory.text_no", lang)
    rows: list[list[tv.Cell]] = [
        [place, say("map.km", lang, km=number(km, lang)), yes if km <= r.range_km else no]
        for place, km, _, _ in r.distances
    ]
    return tv.wrap(
        heading,
        tv.table(
            say("map.factory.text_caption", lang, name=name(r.system, lang)),
            [say("map.factory.text_item", lang), say("map.factory.text_figure", lang)],
            facts,
        )
        + tv.table(
            say("map.factory.text_places", lang, km=number(CONTEXT_RADIUS_KM, lang)),
            [
                say("map.factory.text_place", lang),
                say("map.factory.text_distance", lang),
                say("map.factory.text_within", lang, km=short(r.range_km, lang)),
            ],
            rows,
        ),
    )
