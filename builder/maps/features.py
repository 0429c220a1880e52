"""Events as map features: one GeoJSON Feature each, with what a popup shows.

Feature properties carry plain text only (Markdown is rendered, sanitised and
reduced to text), which ``map-layers.js`` puts on the page with
``textContent``. Sources and shapes are shared lookup tables written once per
document, so ten thousand events do not repeat the same source ten thousand times.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

import nh3

from builder.html.sanitize import markdown_html
from builder.i18n import Language
from builder.i18n.localize import localized
from builder.maps.areas import Geography, country_name, event_shape_key, shape_for_key
from builder.maps.style import (
    AREA_RADIUS_KM,
    CATEGORY_COLOURS,
    PIN_PRECISIONS,
    PRECISION_PHRASES,
    STATUS_STYLES,
)
from builder.maps.words import date, name, say
from builder.record.schema import Event
from builder.record.validate import Dataset

MAP_PROPERTIES = (
    "title",
    "date",
    "status",
    "category",
    "approximate",
    "radius_km",
    "shape",
    "title_lang",
    "status_text",
)
"""Properties written into map documents; the rest (summary, sources, place) go to details.

``title_lang`` (``en``) marks a title shown in English on a map in another language, where
nobody has translated it yet; ``status_text`` is the status word in a map's language
other than English. English maps carry neither."""

COUNTRY_PHRASE = "approximate: somewhere in {country}; the shaded outline is the whole country"
"""How a tooltip says that an outline stands for a whole country, not a region of it."""

DETAILS_PATH = "maps/details.json"
"""Site path of the popup details file all maps share, fetched on the first popup."""

# Anything Markdown or HTML could make something of; plain prose skips the renderer,
# which would otherwise dominate the build of ten thousand events.
_MARKUP = re.compile(r"[*_`\[\]<>&\\#|~]|^\s*([-+>]|\d+[.)])\s", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """Editor Markdown as plain text: rendered, sanitised, tags dropped, entities decoded."""
    if not _MARKUP.search(markdown):
        return " ".join(markdown.split())
    stripped = nh3.clean(markdown_html(markdown), tags=set())
    return " ".join(html.unescape(stripped).split())


def precision_phrase(precision: str, lang: Language = "en") -> str:
    """How a location precision is explained next to a place name, in ``lang``."""
    return PRECISION_PHRASES[precision] if lang == "en" else say(f"map.precision.{precision}", lang)


def where(event: Event, data: Dataset, lang: Language = "en") -> str | None:
    """Place and precision as readers see them, e.g. ``Takhar province (approximate: ...)``."""
    point = data.coordinates(event)
    precision = data.precision(event)
    if point is None or precision is None:
        return None
    place = (
        name(data.places[event.place], lang) if event.place else f"{point[0]:.2f}, {point[1]:.2f}"
    )
    return f"{place} ({precision_phrase(precision, lang)})"


def actor_names(ids: Iterable[str], data: Dataset, lang: Language = "en") -> list[str]:
    """Names of actors by id (the id itself if unknown)."""
    return [name(data.actors[i], lang) if i in data.actors else i for i in ids]


def event_date(event: Event, lang: Language = "en") -> str:
    """The event's date, or its first and last dates, as ``lang`` writes them."""
    if event.end_date is None:
        return date(event.date, lang)
    return say(
        "map.date_range", lang, first=date(event.date, lang), last=date(event.end_date, lang)
    )


def event_feature(
    event_id: str, data: Dataset, geography: Geography, lang: Language = "en"
) -> dict[str, Any] | None:
    """The event as a Point Feature, with the area it stands for; None when it has no place."""
    event = data.events[event_id]
    point = data.coordinates(event)
    precision = data.precision(event)
    if point is None or precision is None:
        return None
    title = localized(event, "title", lang)
    summary = localized(event, "summary", lang)
    properties: dict[str, Any] = {
        "id": event_id,
        "title": title.text if title else event.title,
        "date": event_date(event, lang),
        "status": event.status,
        "category": event.category,
        "summary": plain_text(summary.text if summary else event.summary),
        "where": where(event, data, lang),
        "sources": list(event.sources),
    }
    if lang != "en":
        properties["status_text"] = say(f"status.{event.status}", lang)
        if title is not None and title.lang != lang:
            properties["title_lang"] = title.lang
        if summary is not None and summary.lang != lang:
            properties["summary_lang"] = summary.lang
    if event.claimed_by:
        properties["claimed_by"] = actor_names(event.claimed_by, data, lang)
    if event.denied_by:
        properties["denied_by"] = actor_names(event.denied_by, data, lang)
    if precision not in PIN_PRECISIONS:
        properties["approximate"] = precision_phrase(precision, lang)
        shape = event_shape_key(event, precision, data.places, geography)
        if shape is not None:
            properties["shape"] = shape
            country = country_name(shape, data.places, geography, lang)
            if country is not None:
                properties["approximate"] = (
                    COUNTRY_PHRASE.format(country=country)
                    if lang == "en"
                    else say("map.precision.in_country", lang, country=country)
                )
        else:
            properties["radius_km"] = AREA_RADIUS_KM[precision]
    return {
        "type": "Feature",
        "id": event_id,
        "geometry": {"type": "Point", "coordinates": [round(point[1], 5), round(point[0], 5)]},
        "properties": properties,
    }


# Every map and text version of one build reads the same features: make them once,
# with each one's place in chronological order, so a story step finds its few events
# without a pass over all of them.
_cache: dict[Language, tuple[Dataset, Geography, list[dict[str, Any]], dict[str, int]]] = {}


def _all_features(
    data: Dataset, geography: Geography, lang: Language = "en"
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    cached = _cache.get(lang)
    if cached is not None and cached[0] is data and cached[1] is geography:
        return cached[2], cached[3]
    features = []
    for event_id, _ in data.chronological():
        feature = event_feature(event_id, data, geography, lang)
        if feature is not None:
            features.append(feature)
    position = {feature["id"]: i for i, feature in enumerate(features)}
    _cache[lang] = (data, geography, features, position)
    return features, position


def forget() -> None:
    """Let go of the features kept for reuse: once the maps are rendered nothing reads them,
    and at 10,000 events they are 40 MB a language that a build's pages would carry to the end."""
    _cache.clear()


def located_features(
    data: Dataset,
    geography: Geography,
    event_ids: Iterable[str] | None = None,
    lang: Language = "en",
) -> list[dict[str, Any]]:
    """Features of the given events (default: all), in chronological order, unlocated skipped."""
    features, position = _all_features(data, geography, lang)
    if event_ids is None:
        return list(features)
    found = sorted({position[e] for e in event_ids if e in position})
    return [features[i] for i in found]


def collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    """Wrap features in a GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection", "features": features}


def map_collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    """Features as written into a map document: only :data:`MAP_PROPERTIES`."""
    return collection(
        [
            {
                "type": "Feature",
                "id": f["id"],
                "geometry": f["geometry"],
                "properties": {
                    k: f["properties"][k] for k in MAP_PROPERTIES if k in f["properties"]
                },
            }
            for f in features
        ]
    )


DETAIL_PROPERTIES = ("summary", "where", "sources", "claimed_by", "denied_by", "summary_lang")
"""Properties of each event in ``details.json`` (``summary_lang`` only where it is English
on a map in another language)."""


def details(data: Dataset, geography: Geography, lang: Language = "en") -> dict[str, Any]:
    """Popup details of every located event, and the sources they cite, for ``details.json``.

    Sources keep their own titles (a source is cited in its own language); their dates
    are written as ``lang`` writes them.
    """
    features, _ = _all_features(data, geography, lang)
    events = {}
    for f in features:
        p = f["properties"]
        entry = {k: p[k] for k in DETAIL_PROPERTIES if p.get(k)}
        events[f["id"]] = entry
    source_ids = sorted({s for f in features for s in f["properties"]["sources"]})
    return {
        "events": events,
        "sources": {
            sid: {
                "title": data.sources[sid].title,
                "publisher": data.sources[sid].publisher,
                "date": date(data.sources[sid].date, lang),
                "url": str(data.sources[sid].url),
            }
            for sid in source_ids
        },
    }


def lookup_tables(
    features: list[dict[str, Any]], data: Dataset, geography: Geography
) -> dict[str, Any]:
    """What ``DR.setup`` needs: the shapes these features use, the styles, the details file."""
    shape_ids = sorted({f["properties"]["shape"] for f in features if "shape" in f["properties"]})
    return {
        "shapes": {key: shape_for_key(key, data.places, geography) for key in shape_ids},
        "statusStyles": STATUS_STYLES,
        "colours": CATEGORY_COLOURS,
        "detailsUrl": DETAILS_PATH.removeprefix("maps/"),
    }


def bounds(points: Iterable[tuple[float, float]], pad_km: float = 0.0) -> list[list[float]]:
    """The [[south, west], [north, east]] box around (lat, lon) points, widened by ``pad_km``."""
    pts = list(points)
    if not pts:
        return [[30.0, 55.0], [45.0, 80.0]]
    pad = pad_km / 111.0
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return [
        [round(min(lats) - pad, 4), round(min(lons) - pad, 4)],
        [round(max(lats) + pad, 4), round(max(lons) + pad, 4)],
    ]


def feature_points(features: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """The (lat, lon) of each feature's point."""
    return [(f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0]) for f in features]
