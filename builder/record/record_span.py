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


def span_markdown(span: RecordSpan | None, src_uri: str) -> str:
    """The key-number block for ``span``, with links relative to the page at ``src_uri``."""
    if span is None:
        return (
            '<div class="dr-keynumber dr-record-span" markdown>\n'
            "**No events yet**\n\nThe record is empty.\n</div>"
        )
    up = "../" * src_uri.count("/")
    first = f"[{_markdown_text(span.first_title)}]({up}events/{span.first_id}.md)"
    last = f"[{_markdown_text(span.last_title)}]({up}events/{span.last_id}.md)"
    return (
        '<div class="dr-keynumber dr-record-span" markdown>\n'
        f"**{dates.display(span.first_date)} – {dates.display(span.last_date)}**\n\n"
        f"The span of the record's {span.events} events, from the first, {first}, "
        f"to the latest, {last}.\n"
        "</div>"
    )


def expand(markdown: str, data: Dataset, src_uri: str) -> str:
    """Replace every ``[[record span]]`` line in ``markdown`` with the span block."""
    if "[[record span]]" not in markdown:
        return markdown
    block = span_markdown(record_span(data), src_uri)
    return DIRECTIVE.sub(lambda _match: block, markdown)
