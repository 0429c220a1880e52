"""One small map for every event page: ``maps/locator.html#<event-id>&lat=…``.

A single document serves all events. The event page names the event and
gives what the map draws in the URL fragment (see :func:`locator_fragment`),
so the locator downloads no event data at all: it draws a pin, or the area
the event's place stands for, from the fragment and the place shapes it
carries. Ten thousand events therefore still mean one small map file.
"""

from __future__ import annotations

from urllib.parse import quote

from builder.i18n import Language
from builder.maps.areas import Geography, has_shape, place_shape
from builder.maps.style import AREA_RADIUS_KM, CATEGORY_COLOURS, STATUS_STYLES
from builder.maps.words import name, say
from builder.record.validate import Dataset

LOCATOR_PATH = "maps/locator.html"
"""Site path of the locator document."""


def locator_fragment(event_id: str, data: Dataset) -> str | None:
    """The URL fragment that makes the locator draw ``event_id``; None if it has no location.

    ``<event-id>&lat=…&lon=…&precision=…&status=…&category=…`` and, for an
    event at a named place, ``&place=<place-id>`` (its shape and name are in
    the locator document). Every value is percent-encoded.
    """
    event = data.events[event_id]
    where = data.coordinates(event)
    if where is None:
        return None
    params = {
        "lat": f"{where[0]:.5f}",
        "lon": f"{where[1]:.5f}",
        "precision": data.precision(event) or "",
        "status": event.status,
        "category": event.category,
    }
    if event.place:
        params["place"] = event.place
    return quote(event_id, safe="") + "".join(
        f"&{key}={quote(value, safe='')}" for key, value in params.items()
    )


def locator_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The locator document; the event and its position come from the URL fragment."""
    # Folium loads only when a map is rendered: a build whose maps are all cached never pays
    # for its import (a fifth of a second).
    from builder.maps.base import MapCall, add_html, counted_ids, new_map, render

    with counted_ids("locator"):
        fmap = new_map(center=(37.5, 66.0), zoom=5, title=say("map.locator.title", lang), lang=lang)
        places = sorted(data.places.items())
        MapCall(
            "setup",
            {
                "shapes": {
                    place_id: place_shape(place, geography)
                    for place_id, place in places
                    if has_shape(place, geography)
                },
                "placeNames": {place_id: name(place, lang) for place_id, place in places},
                "statusStyles": STATUS_STYLES,
                "colours": CATEGORY_COLOURS,
            },
        ).add_to(fmap)
        add_html(
            fmap, '<p id="dr-locator-message" class="dr-locator-message" role="status" hidden></p>'
        )
        MapCall(
            "finish",
            {"label": say("map.locator.label", lang), "waitForData": True, "maxZoom": 7},
        ).add_to(fmap)
        # eventsUrl serves only bare "#<event-id>" links; event pages give the position.
        MapCall(
            "locate",
            {"eventsUrl": "../data/events.geojson", "areaRadiusKm": AREA_RADIUS_KM, "pointZoom": 7},
        ).add_to(fmap)
        return render(fmap, when_near=True, lang=lang)
