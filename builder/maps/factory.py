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
from builder.record import dates
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


def reach(data: Dataset, geography: Geography) -> Reach | None:
    """Compute the factory's position, the ring's radius and what lies within it.

    None when the data lacks the system, its range or a located factory event.
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
            distances.append((place.name, km, place.lat, place.lon))
    provinces = []
    for code in sorted(geography.provinces):
        outline = [
            (lat, lon)
            for polygon in _polygons(geography.provinces[code]["geometry"])
            for lat, lon in polygon
        ]
        edge_km = [_geodesic_km(centre, p) for p in outline]
        share = sum(k <= radius for k in edge_km) / len(edge_km)
        provinces.append((f"{geography.province_name(code)} province", min(edge_km), share))
    return Reach(
        system=system,
        factory_event=event_id,
        centre=centre,
        place_name=data.places[event.place].name if event.place else "the factory",
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


def _source_name(data: Dataset, source_id: str) -> str:
    source = data.sources[source_id]
    return f"{source.publisher}, {dates.display(source.date)}"


def _figures(r: Reach, data: Dataset) -> tuple[str, str | None]:
    rng = r.system.range_km
    assert rng is not None
    range_text = f"Range {rng.value:g} {rng.unit} ({_source_name(data, rng.source)})"
    end = r.system.endurance_h
    endurance = (
        f"Endurance {end.value:g} {end.unit} in the air ({_source_name(data, end.source)})"
        if end
        else None
    )
    return range_text, endurance


def factory_spec(data: Dataset, geography: Geography) -> MapSpec:
    """The factory, its geodesic range ring, the border and the places around it."""
    r = reach(data, geography)
    if r is None:
        return MapSpec(
            title="Map: the drone factory and its reach (no data yet)",
            center=(38.5, 68.8),
            zoom=5,
            bounds=bounds([]),
            legend=legend_html("The factory and its reach", [], [MISSING]),
            layers=[
                provinces_layer(geography),
                border_layer(geography, "Afghanistan–Tajikistan border"),
            ],
        )
    name = r.system.name
    factory_place = data.events[r.factory_event].place
    at_factory = [eid for eid, ev in data.events.items() if ev.place == factory_place]
    factory_features = located_features(data, geography, at_factory or [r.factory_event])
    ring = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring_lonlats(r.centre, r.range_km)]},
        "properties": {"label": f"{name} range: {r.range_km:g} km from the factory"},
    }
    labels = [
        {"lat": lat, "lon": lon, "heading": place, "lines": [f"{km:,.0f} km"]}
        for place, km, lat, lon in r.distances
    ]
    range_text, endurance = _figures(r, data)
    legend = legend_html(
        f"{name}: the factory and its reach",
        [
            (
                "On the map",
                [
                    Swatch(
                        "pin", "#b2182b", f"{name} factory ({r.place_name}; exact site not public)"
                    ),
                    Swatch(
                        "line", RING_STYLE["color"], f"{r.range_km:g} km from the factory", 0, "8 6"
                    ),
                    Swatch("line", BORDER_STYLE["color"], "Afghanistan–Tajikistan border"),
                    Swatch("area", "#666666", "Afghan provinces named in the story", 0.04, "2 3"),
                ],
            )
        ],
        [
            range_text + "." + (f" {endurance}." if endurance else ""),
            *(
                [
                    f"About {r.border_within_km:,.0f} km of the {r.border_total_km:,.0f} km "
                    "border line lies inside the ring."
                ]
                if geography.has_border
                else []
            ),
            "If the range is the whole round trip, the drone reaches about half as far.",
        ],
    )
    spec = MapSpec(
        # The place names the factory and its city already ("Ababil-2 drone factory, Dushanbe").
        title=f"Map: {r.place_name}, and its {r.range_km:g} km reach",
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
        layers=[
            provinces_layer(geography),
            LayerSpec(
                "shapes",
                f"{name} range ring ({r.range_km:g} km)",
                {
                    "geojson": ring,
                    "style": RING_STYLE,
                    "className": "dr-ring",
                    "permanentLabels": False,
                },
            ),
            border_layer(geography, "Afghanistan–Tajikistan border"),
            LayerSpec(
                "labels",
                "Distances from the factory",
                {"items": labels, "side": "right", "dots": True, "priority": 1},
                show=True,
            ),
            events_layer("The factory", factory_features),
        ],
    )
    return spec


def factory_map(data: Dataset, geography: Geography) -> str:
    """The factory map document (see :func:`factory_spec`)."""
    return assemble(factory_spec(data, geography), data, geography)


def text_version(data: Dataset, geography: Geography, prefix: str) -> str:
    """The factory's figures and the distances to places around it, as tables."""
    r = reach(data, geography)
    if r is None:
        return tv.wrap("The map as text: the factory and its reach", tv.paragraph(MISSING))
    range_text, endurance = _figures(r, data)
    event = data.events[r.factory_event]
    facts: list[list[tv.Cell]] = [
        ["Factory", (event.title, f"{prefix}events/{r.factory_event}/")],
        ["Where", f"{r.place_name} (the exact site has not been made public)"],
        ["Range", range_text],
    ]
    if endurance:
        facts.append(["Endurance", endurance])
    facts.append(
        [
            "Border within range",
            f"about {r.border_within_km:,.0f} km of the {r.border_total_km:,.0f} km line drawn",
        ]
    )
    for name, nearest, share in r.provinces:
        reach_text = (
            f"partly within range; nearest edge {nearest:,.0f} km"
            if share
            else f"out of range; nearest edge {nearest:,.0f} km"
        )
        facts.append([name, reach_text])
    rows: list[list[tv.Cell]] = [
        [name, f"{km:,.0f} km", "yes" if km <= r.range_km else "no"]
        for name, km, _, _ in r.distances
    ]
    return tv.wrap(
        "The map as text: the factory and its reach",
        tv.table(f"The {r.system.name} and its factory", ["Item", "Figure"], facts)
        + tv.table(
            f"Places within {CONTEXT_RADIUS_KM:,} km of the factory",
            ["Place", "Distance", f"Within {r.range_km:g} km"],
            rows,
        ),
    )
