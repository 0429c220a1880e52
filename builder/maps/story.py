"""The story map: one map document that the story page drives step by step.

Each step of ``data/story.yaml`` names events; its view is computed here from
those events' geometry and precision (a pin's point, a province's outline, a
country's outline, a circle's extent) and from the context layers it shows (the
range ring frames the whole ring), never typed as coordinates. The document
carries every step's view, events and layers as JSON; ``assets/js/story-map.js``
moves the map and highlights the events when the story page asks it to. The
map opens on the first step's view, so on its own (the home page embeds it)
it shows the story's opening.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from builder.html.sanitize import script_json, text
from builder.i18n import Language
from builder.maps import factory
from builder.maps.areas import Geography, shape_for_key, shape_points
from builder.maps.document import (
    LayerSpec,
    MapSpec,
    assemble,
    border_layer,
    events_layer,
    frontier_layer,
    provinces_layer,
)
from builder.maps.features import located_features
from builder.maps.legend import Swatch, category_swatches, legend_html
from builder.maps.style import BORDER_STYLE, RING_STYLE
from builder.maps.words import name, say, short
from builder.record import dates
from builder.record.schema import CATEGORIES, STORY_LAYERS, StoryStep
from builder.record.validate import Dataset

STORY_MAP_PATH = "maps/story.html"
"""Site path of the story map document."""

OPENING_MAP_PATH = "maps/story-opening.html"
"""Site path of the light document of the story's first step alone, for the home page."""

STORY_MAP_JS = "assets/js/story-map.js"
"""Site-relative path of the script that moves the story map from step to step."""

STEPS_ELEMENT_ID = "dr-story-steps"
"""Id of the JSON element in the map document that holds every step's view."""

MIN_HALF_SPAN_KM = 160.0
"""A view is at least this far from its centre to each edge, so one town is shown in context."""

PAD_KM = 40.0
"""Margin added around a step's events and framing layers."""

MAX_ZOOM = 7
"""Closest zoom a step's view may use."""

KM_PER_DEGREE = 111.32
"""Kilometres in one degree of latitude (and of longitude at the equator)."""


@dataclass(frozen=True)
class StepView:
    """What the map shows for one step, all computed from the data."""

    id: str
    """The step's id."""
    events: list[str]
    """Ids of the step's events that have a location (the ones the map can show)."""
    layers: list[str]
    """Context layers shown with the step (see :data:`builder.record.schema.STORY_LAYERS`)."""
    bounds: list[list[float]]
    """[[south, west], [north, east]] the view is fitted to."""
    start: str
    """Earliest date of the step's events (partial date as written)."""
    end: str
    """Latest date of the step's events, end dates included."""


def _feature_extent(
    feature: dict[str, Any], data: Dataset, geography: Geography
) -> list[tuple[float, float]]:
    lon, lat = feature["geometry"]["coordinates"]
    p = feature["properties"]
    if "shape" in p:
        points = shape_points(shape_for_key(p["shape"], data.places, geography))
        if points:
            return points
    if "radius_km" in p:
        dlat = p["radius_km"] / KM_PER_DEGREE
        dlon = dlat / max(0.1, math.cos(math.radians(lat)))
        return [(lat - dlat, lon - dlon), (lat + dlat, lon + dlon)]
    return [(lat, lon)]


def _box(points: list[tuple[float, float]]) -> list[list[float]]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    middle = (south + north) / 2
    km_per_lon = KM_PER_DEGREE * max(0.1, math.cos(math.radians(middle)))
    pad_lat, pad_lon = PAD_KM / KM_PER_DEGREE, PAD_KM / km_per_lon
    south, north, west, east = south - pad_lat, north + pad_lat, west - pad_lon, east + pad_lon
    half_lat, half_lon = MIN_HALF_SPAN_KM / KM_PER_DEGREE, MIN_HALF_SPAN_KM / km_per_lon
    centre_lat, centre_lon = (south + north) / 2, (west + east) / 2
    south, north = min(south, centre_lat - half_lat), max(north, centre_lat + half_lat)
    west, east = min(west, centre_lon - half_lon), max(east, centre_lon + half_lon)
    return [[round(south, 4), round(west, 4)], [round(north, 4), round(east, 4)]]


def _ring(data: Dataset, geography: Geography, lang: Language = "en") -> dict[str, Any] | None:
    reach = factory.reach(data, geography, lang)
    if reach is None:
        return None
    return {
        "type": "Feature",
        "geometry": {
            "type": "Polygon",
            "coordinates": [factory.ring_lonlats(reach.centre, reach.range_km)],
        },
        "properties": {
            "label": say(
                "map.story.ring_label",
                lang,
                name=name(reach.system, lang),
                km=short(reach.range_km, lang),
            )
        },
    }


def step_view(step: StoryStep, data: Dataset, geography: Geography) -> StepView:
    """The view of one step: the box around its events' shapes and any ring it shows."""
    features = located_features(data, geography, step.events)
    points = [pt for f in features for pt in _feature_extent(f, data, geography)]
    ring = _ring(data, geography) if "range-ring" in step.layers else None
    if ring is not None:
        points += [(lat, lon) for lon, lat in ring["geometry"]["coordinates"][0]]
    events = [data.events[e] for e in step.events]
    starts = sorted(e.date for e in events)
    ends = sorted((e.end_date or e.date for e in events), key=dates.end)
    return StepView(
        id=step.id,
        events=[f["id"] for f in features],
        layers=[layer for layer in STORY_LAYERS if layer in step.layers],
        bounds=_box(points),
        start=min(starts, key=dates.start),
        end=ends[-1],
    )


def step_views(data: Dataset, geography: Geography) -> list[StepView]:
    """Every step's view, in reading order (none without a story)."""
    if data.story is None:
        return []
    return [step_view(step, data, geography) for step in data.story.steps]


def _context_layer(spec: LayerSpec, name: str, shown: bool) -> LayerSpec:
    # story-map.js finds each context layer by this key to show or hide it per step.
    return replace(spec, data={**spec.data, "storyLayer": name}, show=shown)


def story_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The story map document, every step in it, opening on the first step's view."""
    return assemble(story_spec(data, geography, lang), data, geography)


def story_spec(data: Dataset, geography: Geography, lang: Language = "en") -> MapSpec:
    """What the story map shows: every step, opening on the first step's view."""
    return _spec(
        step_views(data, geography),
        data,
        geography,
        say("map.story.title", lang),
        lang,
    )


def opening_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The story's first step alone: its events and layers only, light enough for the home page."""
    return assemble(opening_spec(data, geography, lang), data, geography)


def opening_spec(data: Dataset, geography: Geography, lang: Language = "en") -> MapSpec:
    """What the home page's map shows: the story's first step alone."""
    return _spec(
        step_views(data, geography)[:1],
        data,
        geography,
        say("map.story.opening_title", lang),
        lang,
    )


def _spec(
    views: list[StepView], data: Dataset, geography: Geography, title: str, lang: Language = "en"
) -> MapSpec:
    first = views[0] if views else None
    opening = set(first.layers) if first else {"border"}
    used = {layer for v in views for layer in v.layers} | opening
    in_story = list(dict.fromkeys(e for v in views for e in v.events))
    features = located_features(data, geography, in_story, lang)
    ring = _ring(data, geography, lang) if "range-ring" in used else None
    layers = []
    if "provinces" in used:
        layers.append(
            _context_layer(
                provinces_layer(geography, lang=lang), "provinces", "provinces" in opening
            )
        )
    if ring is not None:
        layers.append(
            _context_layer(
                LayerSpec(
                    "shapes",
                    say("map.story.layer_ring", lang),
                    {"geojson": ring, "style": RING_STYLE, "className": "dr-ring"},
                ),
                "range-ring",
                "range-ring" in opening,
            )
        )
    if "northern-borders" in used:
        layers.append(
            _context_layer(
                frontier_layer(geography, lang), "northern-borders", "northern-borders" in opening
            )
        )
    if "border" in used:
        layers.append(
            _context_layer(
                border_layer(geography, say("map.border", lang), lang=lang),
                "border",
                "border" in opening,
            )
        )
    layers.append(events_layer(say("map.story.layer_events", lang), features, lang=lang))
    present = [c for c in CATEGORIES if any(f["properties"]["category"] == c for f in features)]
    around = []
    if ring is not None:
        around.append(
            Swatch("line", RING_STYLE["color"], say("map.story.swatch_ring", lang), 0, "8 6")
        )
    if used & {"border", "northern-borders"}:
        around.append(
            Swatch("line", BORDER_STYLE["color"], say("map.layer.northern_borders", lang))
        )
    notes = [say("map.story.note_areas", lang)]
    if len(views) > 1:
        notes.insert(0, say("map.story.note_steps", lang))
    legend = legend_html(
        say("map.story.legend_title", lang),
        [
            (say("map.story.legend_events", lang), category_swatches(present, lang)),
            (say("map.story.legend_around", lang), around),
        ],
        [" ".join(notes)],
    ).replace('class="dr-legend" open>', 'class="dr-legend">', 1)
    steps_json = script_json(
        {
            "maxZoom": MAX_ZOOM,
            "steps": [
                {"id": v.id, "events": v.events, "layers": v.layers, "bounds": v.bounds}
                for v in views
            ],
        }
    )
    spec = MapSpec(
        title=title,
        center=(38.0, 66.0),
        zoom=5,
        bounds=first.bounds if first else [[30.0, 50.0], [46.0, 80.0]],
        max_zoom=MAX_ZOOM,
        legend=legend,
        layers=layers,
        extra_html=[
            f'<script type="application/json" id="{STEPS_ELEMENT_ID}">{steps_json}</script>',
            # Runs before the map's own script: it registers the layers as they are built.
            f'<script src="../{text(STORY_MAP_JS)}"></script>',
        ],
        # The story page calls the map's API as soon as the frame has loaded.
        when_near=False,
        lang=lang,
    )
    return spec
