"""An Atom feed of the events, so followers learn when the record grows.

Entry ids are the events' page addresses, which do not change between
builds; dates come from the data (an event's date, at the first day it may
mean), never from the clock, so two builds of the same data are identical.
Feed readers recognise a new event by its new id whatever its date.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from builder import dates
from builder.exports import event_url
from builder.pages.common import STATUS_LABELS
from builder.sanitize import markdown_html
from builder.site_settings import SiteSettings
from builder.validate import Dataset

FEED_PATH = "feed.xml"
"""Site path of the Atom feed."""

ATOM = "http://www.w3.org/2005/Atom"
"""The Atom namespace (RFC 4287)."""

MAX_ENTRIES = 200
"""Newest entries kept in the feed; the full record is in the downloads."""


def _timestamp(value: str) -> str:
    day = dates.start(value)
    return (
        dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")
    )


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def events_feed(data: Dataset, settings: SiteSettings) -> str:
    """The Atom XML of the newest events, newest first."""
    ET.register_namespace("", ATOM)
    newest = list(reversed(data.chronological()))[:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", settings.absolute(FEED_PATH))
    _sub(feed, "title", f"{settings.site_name}: events")
    _sub(feed, "subtitle", "New and updated events in the sourced record of the drone race.")
    updated = max((_timestamp(ev.date) for _, ev in newest), default="1970-01-01T00:00:00Z")
    _sub(feed, "updated", updated)
    _sub(feed, "link", href=settings.absolute(FEED_PATH), rel="self", type="application/atom+xml")
    _sub(feed, "link", href=settings.absolute("events/"), rel="alternate", type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", f"{settings.site_name} editors")
    for event_id, event in newest:
        entry = _sub(feed, "entry")
        url = settings.absolute(event_url(event_id))
        _sub(entry, "id", url)
        _sub(entry, "title", event.title)
        _sub(entry, "link", href=url, rel="alternate", type="text/html")
        _sub(entry, "published", _timestamp(event.date))
        _sub(entry, "updated", _timestamp(event.date))
        _sub(entry, "category", term=event.category, label=event.category.replace("-", " "))
        status = (
            f"<p><strong>{dates.display(event.date)}</strong> · {STATUS_LABELS[event.status]}</p>"
        )
        # The summary is sanitised HTML, carried as escaped text (type="html").
        _sub(entry, "content", status + markdown_html(event.summary), type="html")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
