"""An Atom feed of the events, so followers learn when the record grows or changes.

Entries are ordered by when their file last changed, newest first, as the
repository's history tells (:mod:`builder.record.record_dates`): an event added today
about 2015 reaches subscribers at the top, and so does a correction. Each entry's
``published`` is when its event entered the record and ``updated`` when it last
changed. Entry ids are the events' page addresses, which do not change between
builds, and no date comes from the clock, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from builder.downloads.exports import event_url
from builder.html.sanitize import text
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.images.site_images import EventStatic
from builder.pages.common import record_markdown, record_title, show_date, status_label, words
from builder.pages.record import record_sentence
from builder.record.record_dates import RecordHistory, no_history
from builder.record.validate import Dataset
from builder.site_settings import SiteSettings

FEED_PATH = "feed.xml"
"""Site path of the Atom feed."""

ATOM = "http://www.w3.org/2005/Atom"
"""The Atom namespace (RFC 4287)."""

MAX_ENTRIES = 200
"""Newest entries kept in the feed; the full record is in the downloads."""


def _timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def newest_changes(data: Dataset, history: RecordHistory) -> list[str]:
    """Event ids, the latest change first (then the latest added, the latest event, the id)."""
    chronological = [event_id for event_id, _ in data.chronological()]
    later_event = {event_id: i for i, event_id in enumerate(chronological)}

    def order(event_id: str) -> tuple[dt.datetime, dt.datetime, int]:
        record = history.of(event_id)
        return (record.changed, record.added, later_event[event_id])

    # Ties keep a fixed order: reverse of (date, id), the chronological order.
    return sorted(chronological, key=order, reverse=True)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _static_map(static: EventStatic | None, settings: SiteSettings) -> str:
    """The event's static map, at its absolute address: a feed reader runs no map script."""
    if static is None or static.pin is not None:
        return ""  # an overview without its pin would show nothing of the event
    image = static.image
    return (
        f'<p><img src="{text(settings.absolute(image.path))}" alt="{text(image.alt)}" '
        f'width="{image.width}" height="{image.height}"></p>'
    )


def events_feed(
    data: Dataset,
    settings: SiteSettings,
    history: RecordHistory | None = None,
    statics: dict[str, EventStatic] | None = None,
    lang: Language = DEFAULT_LANGUAGE,
) -> str:
    """The Atom XML of the latest added or changed events, the latest first; ``statics`` are
    the events' static maps, shown in each entry where the event has one.

    In another language ``settings`` is that edition's (its address, its name) and the
    entries link to its event pages; the feed says its language (``xml:lang``)."""
    statics = statics or {}
    history = history or no_history()
    ET.register_namespace("", ATOM)
    newest = newest_changes(data, history)[:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")
    if lang != DEFAULT_LANGUAGE:
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    _sub(feed, "id", settings.absolute(FEED_PATH))
    _sub(feed, "title", words("feed.title", lang, site=settings.site_name))
    _sub(feed, "subtitle", words("feed.subtitle", lang))
    updated = history.of(newest[0]).changed if newest else history.fallback
    _sub(feed, "updated", _timestamp(updated))
    _sub(feed, "link", href=settings.absolute(FEED_PATH), rel="self", type="application/atom+xml")
    _sub(feed, "link", href=settings.absolute("events/"), rel="alternate", type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", words("feed.editors", lang, site=settings.site_name))
    for event_id in newest:
        event = data.events[event_id]
        record = history.of(event_id)
        entry = _sub(feed, "entry")
        url = settings.absolute(event_url(event_id))
        _sub(entry, "id", url)
        _sub(entry, "title", record_title(event, "title", lang))
        _sub(entry, "link", href=url, rel="alternate", type="text/html")
        _sub(entry, "published", _timestamp(record.added))
        _sub(entry, "updated", _timestamp(record.changed))
        _sub(
            entry, "category", term=event.category, label=words(f"category.{event.category}", lang)
        )
        status = (
            f"<p><strong>{show_date(event.date, lang)}</strong> · "
            f"{status_label(event.status, lang)}</p>"
        )
        dated = f"<p>{record_sentence(record, lang)}</p>"
        # The summary is sanitised HTML, carried as escaped text (type="html").
        content = (
            status
            + record_markdown(event, "summary", lang)
            + _static_map(statics.get(event_id), settings)
        )
        _sub(entry, "content", content + dated, type="html")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
