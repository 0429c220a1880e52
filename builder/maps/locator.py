"""One small map for every event page: ``maps/locator.html#<event-id>``.

A single document serves all events: it fetches ``data/events.geojson`` and
draws the event named in the URL fragment, as a pin or as the area its place
stands for. Ten thousand events therefore still mean one map file.
"""

from __future__ import annotations

from builder.map_base import MapCall, add_html, counted_ids, new_map, render
from builder.maps.areas import Geography, has_shape, place_shape
from builder.maps.style import AREA_RADIUS_KM, CATEGORY_COLOURS, STATUS_STYLES
from builder.validate import Dataset

LOCATOR_PATH = "maps/locator.html"
"""Site path of the locator document."""


def locator_map(data: Dataset, geography: Geography) -> str:
    """The locator document; the event comes from the fragment, the positions from the GeoJSON."""
    with counted_ids("locator"):
        fmap = new_map(center=(37.5, 66.0), zoom=5, title="Where the event took place")
        # Events name their place, not its id: key the shapes by the name the GeoJSON carries.
        shapes = {
            place.name: place_shape(place, geography)
            for _, place in sorted(data.places.items())
            if has_shape(place, geography)
        }
        MapCall(
            "setup",
            {
                "shapes": shapes,
                "statusStyles": STATUS_STYLES,
                "colours": CATEGORY_COLOURS,
            },
        ).add_to(fmap)
        add_html(
            fmap, '<p id="dr-locator-message" class="dr-locator-message" role="status" hidden></p>'
        )
        MapCall(
            "finish",
            {"label": "Map of where the event took place", "waitForData": True, "maxZoom": 7},
        ).add_to(fmap)
        MapCall(
            "locate",
            {"eventsUrl": "../data/events.geojson", "areaRadiusKm": AREA_RADIUS_KM, "pointZoom": 7},
        ).add_to(fmap)
        return render(fmap)
