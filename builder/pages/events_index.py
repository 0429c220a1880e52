"""The events index: every event in one plain HTML table.

The table is complete and readable without JavaScript. Each row carries its
country codes, category and status as ``data-`` attributes and each sortable
cell a ``data-sort`` key, which ``assets/js/events-index.js`` uses to add
sorting and filters on top. The last column says when each event entered the
record (:mod:`builder.record.record_dates`), so readers can sort by what is new.
"""

from __future__ import annotations

import datetime as dt
import json

from builder.html.held_html import hold
from builder.html.sanitize import text
from builder.html.search import NOT_INDEXED
from builder.pages.common import STATUS_LABELS, front_matter
from builder.record import dates
from builder.record.countries import country_name, event_countries
from builder.record.record_dates import RecordDates, RecordHistory, no_history
from builder.record.schema import CATEGORIES, STATUSES
from builder.record.validate import Dataset

INDEX_PAGE = "events/index.md"
"""Docs path of the events index."""


def _added_cell(record: RecordDates) -> str:
    moment = record.added.astimezone(dt.UTC)
    # Short month names keep the column narrow beside the titles: "5 Mar 2024".
    shown = f"{moment.day} {dates.MONTH_NAMES[moment.month - 1][:3]} {moment.year}"
    if record.approximate:
        shown += " (approx.)"
    return (
        f"<td class='dr-added' data-sort='{moment.strftime('%Y-%m-%dT%H:%M:%SZ')}'>"
        f"<time datetime='{moment.date().isoformat()}'>{shown}</time></td>"
    )


def _row(event_id: str, data: Dataset, record: RecordDates) -> str:
    event = data.events[event_id]
    countries = event_countries(event, data)
    names = ", ".join(text(country_name(c)) for c in countries)
    return (
        f"<tr id='{event_id}' data-countries='{' '.join(countries)}' "
        f"data-category='{event.category}' data-status='{event.status}'>"
        f"<td data-sort='{dates.start(event.date).isoformat()}'>"
        f"<time datetime='{event.date}'>{dates.display(event.date)}</time></td>"
        f"<td data-sort='{text(event.title.casefold())}'><a href='{event_id}/'>"
        f"{text(event.title)}</a></td>"
        f"<td>{names}</td>"
        f"<td data-sort='{CATEGORIES.index(event.category)}'>"
        f"{event.category.replace('-', ' ')}</td>"
        f"<td data-sort='{STATUSES.index(event.status)}'>"
        f"<span class='dr-status dr-status-{event.status}' title='{STATUS_LABELS[event.status]}'>"
        f"{event.status}</span></td>"
        f"{_added_cell(record)}"
        "</tr>"
    )


INDEX_SCRIPT = "assets/js/events-index.js"
"""Site path of the script that adds sorting and filters; only this page loads it."""


def events_index(data: Dataset, history: RecordHistory | None = None) -> str:
    """The Markdown of the events index page; ``history`` dates each event's entry."""
    history = history or no_history()
    ordered = data.chronological()
    rows = "".join(_row(event_id, data, history.of(event_id)) for event_id, _ in ordered)
    count = len(ordered)
    used = sorted({c for _, ev in ordered for c in event_countries(ev, data)}, key=country_name)
    labels = json.dumps({c: country_name(c) for c in used}, ensure_ascii=False, sort_keys=True)
    return (
        front_matter(
            "All events",
            f"All {count} events in the record, with date, countries, category and status; "
            "sort and filter them, or open each for its sources.",
        )
        + "# All events\n\n"
        + f"The record holds {count} events, listed oldest first; sort by *Added* to see "
        "the latest additions to the record. Each title opens the "
        "event's page with its sources. Status says how well an event is established "
        "([methodology](../reference/methodology.md#status)). The same list is available as "
        "[CSV and GeoJSON](../reference/downloads.md) and as an "
        "[Atom feed](../feed.xml).\n\n"
        + f'<div class="dr-index-controls" data-country-names="{text(labels)}" hidden></div>\n\n'
        + hold(
            '<div class="dr-index-wrap"><table class="dr-events-index" '
            + NOT_INDEXED
            + "><caption>Every event in the record, oldest first"
            "</caption><thead><tr>"
            '<th scope="col" data-sortable="date">Date</th>'
            '<th scope="col" data-sortable="text">Event</th>'
            '<th scope="col" data-filter="countries">Countries</th>'
            '<th scope="col" data-sortable="number" data-filter="category">Category</th>'
            '<th scope="col" data-sortable="number" data-filter="status">Status</th>'
            '<th scope="col" data-sortable="date">Added</th>'
            "</tr></thead><tbody>" + rows + "</tbody></table></div>",
            indexed=False,
        )
        # Sorting and filters: loaded here only, not on every page (see mkdocs.yml).
        + f'<script src="../{INDEX_SCRIPT}"></script>\n'
    )
