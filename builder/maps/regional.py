"""The regional drone race: every located event, one toggleable layer per category.

On top, two label layers sum the story up: which drones each country buys or
makes, and where Russia's base and the Afghan Air Force's escaped aircraft are.
Both are derived from the events, not typed in by hand.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from builder.html.sanitize import text
from builder.i18n import Language, geonames
from builder.maps import text as tv
from builder.maps.areas import Geography
from builder.maps.document import LayerSpec, MapSpec, assemble, events_layer
from builder.maps.features import bounds, feature_points, located_features
from builder.maps.legend import category_swatches, legend_html, precision_swatches, status_swatches
from builder.maps.words import category, date, name, say, status
from builder.record.schema import CATEGORIES, CLAIM_STATUSES, STATUSES
from builder.record.validate import Dataset

DRONE_VERBS: dict[str, str] = {"drone-production": "makes", "drone-acquisition": "buys"}
"""How a drone event reads in a country's label: it makes or it buys the system."""

FORCE_TAGS: dict[str, str] = {
    "russia": "Russia's base",
    "afghan-air-force": "Afghan Air Force aircraft",
}
"""Tags of military events labelled on the map, and the label's heading."""

FORCE_TAG_MESSAGES: dict[str, str] = {
    "russia": "map.regional.russia_base",
    "afghan-air-force": "map.regional.afghan_aircraft",
}
"""The message of each :data:`FORCE_TAGS` heading, for maps in other languages."""

DRONE_VERB_MESSAGES: dict[str, str] = {
    "drone-production": "map.regional.makes",
    "drone-acquisition": "map.regional.buys",
}
"""The message of each :data:`DRONE_VERBS` line, for maps in other languages."""

FOCUS_COUNTRIES = frozenset({"TJK", "AFG"})
"""The story's two countries (Iran's factory, the Afghan border): on a crowded map their
drone labels are placed before the others', so they are the ones that keep their place."""

FOCUS_PRIORITY = 3
"""Placement priority of a focus country's label (the other drone labels have 2)."""

REGION_OUTLINES = ("country-kaz", "country-kgz", "country-tjk", "country-tkm", "country-uzb")
"""Country outlines (ids in data/geo) the map opens on whole: the five Central Asian states."""

TEXT_LIST_LIMIT = 300
"""Above this many located events the text version counts them instead of listing each."""


def country_name(code: str, data: Dataset, lang: Language = "en") -> str:
    """A country's name from the state actor with that ISO code (the code if none)."""
    for actor in data.actors.values():
        if actor.kind == "state" and actor.country == code:
            if lang == "en" or actor.name_ru:
                return name(actor, lang)
            # Nobody has written the state's Russian name yet: CLDR has the country's.
            return geonames.country_name(code, lang)
    return code


def _qualified(line: str, rank: int, lang: Language = "en") -> str:
    # A label must not state as fact what one side only claims: name the status.
    found = STATUSES[rank]
    if found not in CLAIM_STATUSES:
        return line
    if lang == "en":
        return f"{line} ({found})"
    return say("map.regional.qualified", lang, line=line, status=status(found, lang))


def drones_by_country(data: Dataset, lang: Language = "en") -> dict[str, dict[str, Any]]:
    """For each country: where to label it and which systems it makes or buys."""
    found: dict[str, dict[str, Any]] = {}
    # Per country, each "verb system" line with the firmest status any event gives it.
    lines: dict[str, dict[str, int]] = defaultdict(dict)
    for event_id, event in data.chronological():
        verb = DRONE_VERBS.get(event.category)
        if verb is None or not event.systems or event.place is None:
            continue
        place = data.places[event.place]
        entry = found.setdefault(
            place.country,
            {
                "country": country_name(place.country, data, lang),
                "lat": place.lat,
                "lon": place.lon,
                "events": [],
            },
        )
        entry["events"].append(event_id)
        rank = STATUSES.index(event.status)
        for system in event.systems:
            line = (
                f"{verb} {data.systems[system].name}"
                if lang == "en"
                else say(
                    DRONE_VERB_MESSAGES[event.category],
                    lang,
                    system=name(data.systems[system], lang),
                )
            )
            lines[place.country][line] = min(rank, lines[place.country].get(line, rank))
    for code, entry in found.items():
        entry["lines"] = sorted(_qualified(line, rank, lang) for line, rank in lines[code].items())
    return dict(sorted(found.items(), key=lambda kv: kv[1]["country"]))


def forces(data: Dataset, lang: Language = "en") -> list[dict[str, Any]]:
    """Labels for located military events carrying a tag of :data:`FORCE_TAGS`."""
    items = []
    for _, event in data.chronological():
        tag = next((t for t in FORCE_TAGS if t in event.tags), None)
        point = data.coordinates(event)
        if tag is None or event.category != "military" or point is None:
            continue
        country = country_name(data.places[event.place].country, data, lang) if event.place else ""
        line = ", ".join(x for x in (country, date(event.date, lang)) if x)
        heading = FORCE_TAGS[tag] if lang == "en" else say(FORCE_TAG_MESSAGES[tag], lang)
        items.append({"lat": point[0], "lon": point[1], "heading": heading, "lines": [line]})
    return items


def region_points(geography: Geography) -> list[tuple[float, float]]:
    """Every vertex of the :data:`REGION_OUTLINES` present in ``geography``, as (lat, lon)."""
    points: list[tuple[float, float]] = []
    for key in REGION_OUTLINES:
        feature = geography.areas.get(key)
        if feature is None:
            continue
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        points += [(lat, lon) for polygon in polygons for lon, lat, *_ in polygon[0]]
    return points


def regional_spec(data: Dataset, geography: Geography, lang: Language = "en") -> MapSpec:
    """Every located event by category, with drones by country and forces as labels."""
    features = located_features(data, geography, lang=lang)
    by_category = {c: [f for f in features if f["properties"]["category"] == c] for c in CATEGORIES}
    drones = [
        {"lat": e["lat"], "lon": e["lon"], "heading": e["country"], "lines": e["lines"]}
        | ({"priority": FOCUS_PRIORITY} if code in FOCUS_COUNTRIES else {})
        for code, e in drones_by_country(data, lang).items()
    ]
    present = [c for c in CATEGORIES if by_category[c]]
    legend = legend_html(
        say("map.regional.legend_title", lang),
        [
            (say("map.regional.legend_categories", lang), category_swatches(present, lang)),
            (say("map.legend.status", lang), status_swatches(lang=lang)),
            (say("map.legend.precision", lang), precision_swatches(lang=lang)),
        ],
        [say("map.regional.legend_note", lang)],
    )
    layers = [
        events_layer(category(c, lang), by_category[c], lang=lang)
        for c in CATEGORIES
        if by_category[c]
    ]
    layers += [
        LayerSpec(
            "labels",
            say("map.regional.layer_drones", lang),
            {"items": drones, "side": "right", "priority": 2},
        ),
        LayerSpec(
            "labels",
            say("map.regional.layer_forces", lang),
            {"items": forces(data, lang), "side": "left", "priority": 1},
        ),
    ]
    spec = MapSpec(
        title=say("map.regional.title", lang),
        center=(38.5, 66.0),
        zoom=5,
        bounds=bounds(feature_points(features) + region_points(geography)),
        max_zoom=7,
        legend=legend,
        layers=layers,
        lang=lang,
    )
    return spec


def regional_map(data: Dataset, geography: Geography, lang: Language = "en") -> str:
    """The regional map document (see :func:`regional_spec`)."""
    return assemble(regional_spec(data, geography, lang), data, geography)


def text_version(data: Dataset, geography: Geography, prefix: str, lang: Language = "en") -> str:
    """Drones by country, then the events by category (or their counts, when very many)."""
    drone_rows: list[list[tv.Cell]] = [
        [
            entry["country"],
            "; ".join(entry["lines"]),
            ", ".join(name(data.events[e], lang, "title") for e in entry["events"]),
        ]
        for entry in drones_by_country(data, lang).values()
    ]
    headers = [
        say(f"map.regional.text_{column}", lang) for column in ("country", "drones", "events")
    ]
    body = tv.table(say("map.regional.layer_drones", lang), headers, drone_rows, indexed=False)
    features = located_features(data, geography, lang=lang)
    if len(features) <= TEXT_LIST_LIMIT:
        for group in CATEGORIES:
            chosen = [f for f in features if f["properties"]["category"] == group]
            if chosen:
                body += tv.events_table(
                    say("map.layer.events", lang, name=category(group, lang), count=len(chosen)),
                    chosen,
                    prefix,
                    lang,
                )
    else:
        counts: list[list[tv.Cell]] = [
            [category(c, lang), str(sum(f["properties"]["category"] == c for f in features))]
            for c in CATEGORIES
        ]
        body += tv.table(
            say("map.regional.text_counts", lang),
            [say("map.regional.text_category", lang), say("map.regional.text_events", lang)],
            counts,
        )
        body += f'<p><a href="{prefix}events/">{text(say("map.regional.text_all", lang))}</a></p>'
    return tv.wrap(say("map.regional.text", lang), body)
