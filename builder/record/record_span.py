"""The record's span, first to latest event, computed from the data for the pages.

A page writes ``[[record span]]`` on a line of its own; the build replaces it with
a key-number block giving the dates of the first and latest events, each linked
to its page, and the number of events. Adding an event moves the span with no
edit to any page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from builder.html.sanitize import text
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.formats import display_date
from builder.i18n.localize import localized
from builder.i18n.messages import counted, message
from builder.record import dates
from builder.record.schema import Event
from builder.record.validate import Dataset

DIRECTIVE = re.compile(r"^\[\[record span\]\][ \t]*$", re.MULTILINE)
"""The directive, alone on its line, that stands for the span block."""


@dataclass(frozen=True)
class RecordSpan:
    """The first and latest events of the record and how many events lie between."""

    first_id: str
    first_date: str
    first_title: str
    last_id: str
    last_date: str
    last_title: str
    events: int


def record_span(data: Dataset) -> RecordSpan | None:
    """The span of ``data``: earliest start and latest date (an end date counts); None if empty."""
    ordered = data.chronological()
    if not ordered:
        return None
    first_id, first = ordered[0]

    def reach(item: tuple[str, Event]) -> tuple[dt.date, str]:
        event_id, event = item
        last = event.end_date or event.date
        return (dates.end(last), event_id)

    last_id, last = max(ordered, key=reach)
    return RecordSpan(
        first_id=first_id,
        first_date=first.date,
        first_title=first.title,
        last_id=last_id,
        last_date=last.end_date or last.date,
        last_title=last.title,
        events=len(ordered),
    )


def _markdown_text(value: str) -> str:
    escaped = text(value)
    for char in "\\`*_[]":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _event_link(event: Event, event_id: str, up: str, lang: Language) -> str:
    title = localized(event, "title", lang)
    words = _markdown_text(title.text if title else event.title)
    if title and title.lang != lang:
        # No Russian headline yet: the English one, marked as English.
        words = f'<span lang="{title.lang}">{words}</span>'
    return f"[{words}]({up}events/{event_id}.md)"


def span_markdown(
    span: RecordSpan | None,
    src_uri: str,
    data: Dataset | None = None,
    lang: Language = DEFAULT_LANGUAGE,
) -> str:
    """The key-number block for ``span``, with links relative to the page at ``src_uri``,
    in ``lang`` (the events' headlines from ``data``, in their Russian form where written)."""
    if span is None:
        return (
            '<div class="dr-keynumber dr-record-span" markdown>\n'
            f"**{message('span.empty.title', lang)}**\n\n{message('span.empty.text', lang)}\n</div>"
        )
    up = "../" * src_uri.count("/")
    if data is not None:
        first = _event_link(data.events[span.first_id], span.first_id, up, lang)
        last = _event_link(data.events[span.last_id], span.last_id, up, lang)
    else:
        first = f"[{_markdown_text(span.first_title)}]({up}events/{span.first_id}.md)"
        last = f"[{_markdown_text(span.last_title)}]({up}events/{span.last_id}.md)"
    sentence = message("span.text", lang).format(
        events=counted("span.events", span.events, lang), first=first, last=last
    )
    return (
        '<div class="dr-keynumber dr-record-span" markdown>\n'
        f"**{display_date(span.first_date, lang)} – {display_date(span.last_date, lang)}**\n\n"
        f"{sentence}\n"
        "</div>"
    )


def expand(markdown: str, data: Dataset, src_uri: str, lang: Language = DEFAULT_LANGUAGE) -> str:
    """Replace every ``[[record span]]`` line in ``markdown`` with the span block in ``lang``."""
    if "[[record span]]" not in markdown:
        return markdown
    block = span_markdown(record_span(data), src_uri, data, lang)
    return DIRECTIVE.sub(lambda _match: block, markdown)
