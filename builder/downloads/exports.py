"""Data downloads: the events as RFC 7946 GeoJSON and as CSV.

These files are a public contract (``site/data/``): later pages, outside users
and the maps read them, so their shape changes only on purpose.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.formats import display_date
from builder.i18n.localize import Localized, localized
from builder.record import dates
from builder.record.schema import Event
from builder.record.validate import Dataset

CSV_COLUMNS = (
    "id",
    "title",
    "date",
    "end_date",
    "date_precision",
    "date_stated_by",
    "date_inferred",
    "status",
    "category",
    "place",
    "lat",
    "lon",
    "precision",
    "actors",
    "systems",
    "claimed_by",
    "denied_by",
    "sources",
    "source_urls",
    "summary",
)
"""Column order of ``events.csv``; list fields are joined with ``; ``."""


def event_url(event_id: str) -> str:
    """Site-relative URL of an event's page (directory style, no leading slash)."""
    return f"events/{event_id}/"


def event_properties(
    event_id: str, event: Event, data: Dataset, lang: Language = DEFAULT_LANGUAGE
) -> dict[str, Any]:
    """The GeoJSON properties of one event: every field a reader or map needs.

    In another language than English, the title, summary, place name and date read in
    that language where the data has them (the edition's explore page reads this file),
    and ``text_lang`` says which language the title and summary are actually in.
    """
    place = data.places.get(event.place) if event.place else None
    title = localized(event, "title", lang) or Localized(event.title, DEFAULT_LANGUAGE)
    summary = localized(event, "summary", lang) or Localized(event.summary, DEFAULT_LANGUAGE)
    place_name = localized(place, "name", lang) if place else None
    properties: dict[str, Any] = {
        "id": event_id,
        "title": title.text,
        "date": event.date,
        "end_date": event.end_date,
        "date_precision": dates.precision(event.date),
        "date_display": dates.display(event.date)
        if lang == DEFAULT_LANGUAGE
        else display_date(event.date, lang),
        "date_stated_by": event.date_stated_by,
        "date_inferred": event.date_inferred,
        "status": event.status,
        "category": event.category,
        "summary": summary.text,
        "place": place_name.text if place_name else None,
        "precision": data.precision(event),
        "actors": list(event.actors),
        "systems": list(event.systems),
        "claimed_by": list(event.claimed_by),
        "denied_by": list(event.denied_by),
        "response": event.response,
        "sources": [
            {
                "id": sid,
                "title": data.sources[sid].title,
                "publisher": data.sources[sid].publisher,
                "date": data.sources[sid].date,
                "url": str(data.sources[sid].url),
                "unresolved": data.sources[sid].unresolved,
                "resolved_url": (
                    str(data.sources[sid].resolved_url) if data.sources[sid].resolved_url else None
                ),
            }
            for sid in event.sources
        ],
        "url": event_url(event_id),
    }
    if lang != DEFAULT_LANGUAGE:
        properties["text_lang"] = {"title": title.lang, "summary": summary.lang}
    return properties


def event_feature(
    event_id: str, event: Event, data: Dataset, lang: Language = DEFAULT_LANGUAGE
) -> dict[str, Any]:
    """One GeoJSON Feature; ``geometry`` is null for an event without a location."""
    point = data.coordinates(event)
    geometry = None
    if point is not None:
        lat, lon = point
        geometry = {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
    return {
        "type": "Feature",
        "id": event_id,
        "geometry": geometry,
        "properties": event_properties(event_id, event, data, lang),
    }


def events_geojson(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """All events as an RFC 7946 FeatureCollection, in chronological order, in ``lang``."""
    return {
        "type": "FeatureCollection",
        "features": [event_feature(eid, ev, data, lang) for eid, ev in data.chronological()],
    }


def dumps(value: Any) -> str:
    """Serialise JSON deterministically: sorted keys, UTF-8, trailing newline."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def feature_collection_json(collection: dict[str, Any]) -> str:
    """A FeatureCollection as deterministic JSON, features first, one feature per line.

    As readable in a diff or a text editor as an indented file, and written by
    the C encoder (the indenting one is pure Python, seconds slower at 10,000
    events).
    """
    rest = {k: v for k, v in collection.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, sort_keys=True) for f in collection["features"]]
    head = json.dumps(rest, ensure_ascii=False, sort_keys=True)[1:-1]
    body = "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"
    return '{"features": ' + body + (", " + head if head else "") + "}\n"


def events_geojson_file(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> bytes:
    """:func:`events_geojson` as :func:`feature_collection_json` writes it, in UTF-8, each
    feature written as it is made and the file joined once: at 10,000 events the
    collection whole, then its lines, then the lines joined, then the file took 150 MB
    of the Russian edition's peak for an 11 MB file."""
    return events_files(data, lang)[0]


EXPLORE_PROPERTIES = (
    "title",
    "date",
    "end_date",
    "date_precision",
    "date_display",
    "status",
    "category",
    "summary",
    "place",
    "precision",
    "actors",
    "claimed_by",
    "denied_by",
    "text_lang",
)
"""The properties the explore page reads (``assets/js/explore.js`` and the explore map);
its copy of the record leaves out the rest: date notes, responses, systems, addresses."""

EXPLORE_SOURCE_FIELDS = ("title", "publisher", "date", "url")
"""What the explore page's card shows of each source."""


def explore_feature(feature: dict[str, Any]) -> dict[str, Any]:
    """The explore page's copy of one :func:`event_feature`: the properties it reads, none
    empty, and its sources by id (the file lists each source once, under ``sources``)."""
    properties = feature["properties"]
    kept = {
        key: properties[key]
        for key in EXPLORE_PROPERTIES
        if properties.get(key) is not None and properties.get(key) != []
    }
    kept["sources"] = [source["id"] for source in properties["sources"]]
    return {
        "type": "Feature",
        "id": feature["id"],
        "geometry": feature["geometry"],
        "properties": kept,
    }


def _lines_file(lines: list[bytes], rest: bytes) -> bytes:
    """``{"features": [...], <rest>}`` from features already encoded, one per line."""
    body = b"[\n" + b",\n".join(lines) + b"\n]" if lines else b"[]"
    return b'{"features": ' + body + b", " + rest + b"}\n"


def events_files(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> tuple[bytes, bytes]:
    """The published ``events.geojson`` and the explore page's lighter copy, in one pass.

    The copy (``data/explore.json``) is a FeatureCollection of :func:`explore_feature`
    with one more member, ``sources``: each source cited, by id, with
    :data:`EXPLORE_SOURCE_FIELDS`. At 10,061 events it is 4.8 MB (366 KB gzipped) where
    the published file is 10.3 MB (1,069 KB): the page parses half as much before it
    draws. Each feature is encoded as it is made and each file joined once (at 10,000
    events the collection whole took 150 MB of the Russian edition's peak).
    """
    published: list[bytes] = []
    explore: list[bytes] = []
    sources: dict[str, dict[str, Any]] = {}
    for event_id, event in data.chronological():
        feature = event_feature(event_id, event, data, lang)
        published.append(json.dumps(feature, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        for source in feature["properties"]["sources"]:
            sources.setdefault(source["id"], {k: source[k] for k in EXPLORE_SOURCE_FIELDS})
        explore.append(
            json.dumps(
                explore_feature(feature), ensure_ascii=False, sort_keys=True, separators=(",", ":")
            ).encode("utf-8")
        )
    cited = json.dumps(
        dict(sorted(sources.items())), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")
    return (
        _lines_file(published, b'"type": "FeatureCollection"'),
        _lines_file(explore, b'"sources": ' + cited + b', "type": "FeatureCollection"'),
    )


def events_csv(data: Dataset) -> str:
    """All events as CSV with a header row, one row per event."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event_id, event in data.chronological():
        point = data.coordinates(event)
        sources = [data.sources[s] for s in event.sources]
        writer.writerow(
            [
                event_id,
                event.title,
                event.date,
                event.end_date or "",
                dates.precision(event.date),
                event.date_stated_by or "",
                event.date_inferred or "",
                event.status,
                event.category,
                data.places[event.place].name if event.place else "",
                f"{point[0]:.6f}" if point else "",
                f"{point[1]:.6f}" if point else "",
                data.precision(event) or "",
                "; ".join(event.actors),
                "; ".join(event.systems),
                "; ".join(event.claimed_by),
                "; ".join(event.denied_by),
                "; ".join(event.sources),
                "; ".join(str(s.resolved_url or s.url) for s in sources),
                event.summary,
            ]
        )
    return buffer.getvalue()
