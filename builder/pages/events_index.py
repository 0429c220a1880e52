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
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.formats import display_short_day
from builder.pages.common import (
    category_words,
    counted,
    country,
    front_matter,
    record_text,
    show_date,
    status_label,
    words,
)
from builder.record import dates
from builder.record.countries import event_countries
from builder.record.record_dates import RecordDates, RecordHistory, no_history
from builder.record.schema import CATEGORIES, STATUSES
from builder.record.validate import Dataset

INDEX_PAGE = "events/index.md"
"""Docs path of the events index."""


def _added_cell(record: RecordDates, lang: Language) -> str:
    moment = record.added.astimezone(dt.UTC)
    # Short month names keep the column narrow beside the titles: "5 Mar 2024".
    shown = (
        f"{moment.day} {dates.MONTH_NAMES[moment.month - 1][:3]} {moment.year}"
        if lang == DEFAULT_LANGUAGE
        else display_short_day(moment.date(), lang)
    )
    if record.approximate:
        shown += words("index.approximate", lang)
    return (
        f"<td class='dr-added' data-sort='{moment.strftime('%Y-%m-%dT%H:%M:%SZ')}'>"
        f"<time datetime='{moment.date().isoformat()}'>{shown}</time></td>"
    )


def _row(event_id: str, data: Dataset, record: RecordDates, lang: Language) -> str:
    event = data.events[event_id]
    countries = event_countries(event, data)
    names = ", ".join(text(country(c, lang)) for c in countries)
    title = record_text(event, "title", lang)
    return (
        f"<tr id='{event_id}' data-countries='{' '.join(countries)}' "
        f"data-category='{event.category}' data-status='{event.status}'>"
        f"<td data-sort='{dates.start(event.date).isoformat()}'>"
        f"<time datetime='{event.date}'>{show_date(event.date, lang)}</time></td>"
        f"<td data-sort='{text(event.title.casefold())}'><a href='{event_id}/'>"
        f"{title}</a></td>"
        f"<td>{names}</td>"
        f"<td data-sort='{CATEGORIES.index(event.category)}'>"
        f"{category_words(event.category, lang)}</td>"
        f"<td data-sort='{STATUSES.index(event.status)}'>"
        f"<span class='dr-status dr-status-{event.status}' "
        f"title='{status_label(event.status, lang)}'>"
        f"{event.status if lang == DEFAULT_LANGUAGE else words(f'status.{event.status}', lang)}"
        "</span></td>"
        f"{_added_cell(record, lang)}"
        "</tr>"
    )


INDEX_SCRIPT = "assets/js/events-index.js"
"""Site path of the script that adds sorting and filters; only this page loads it."""


def events_index(
    data: Dataset, history: RecordHistory | None = None, lang: Language = DEFAULT_LANGUAGE
) -> str:
    """The Markdown of the events index page in ``lang``; ``history`` dates each event's
    entry."""
    history = history or no_history()
    ordered = data.chronological()
    rows = "".join(_row(event_id, data, history.of(event_id), lang) for event_id, _ in ordered)
    count = len(ordered)
    used = sorted(
        {c for _, ev in ordered for c in event_countries(ev, data)}, key=lambda c: country(c, lang)
    )
    labels = json.dumps({c: country(c, lang) for c in used}, ensure_ascii=False, sort_keys=True)
    heading = words("index.title", lang)
    return (
        front_matter(heading, words("index.description", lang, count=str(count)))
        + f"# {heading}\n\n"
        + words(
            "index.intro",
            lang,
            count=str(count) if lang == DEFAULT_LANGUAGE else counted(count, "count.events", lang),
        )
        + "\n\n"
        + f'<div class="dr-index-controls" data-country-names="{text(labels)}" hidden></div>\n\n'
        + hold(
            '<div class="dr-index-wrap"><table class="dr-events-index" '
            + NOT_INDEXED
            + f"><caption>{words('index.caption', lang)}"
            "</caption><thead><tr>"
            f'<th scope="col" data-sortable="date">{words("event.date", lang)}</th>'
            f'<th scope="col" data-sortable="text">{words("index.event", lang)}</th>'
            f'<th scope="col" data-filter="countries">{words("event.countries", lang)}</th>'
            '<th scope="col" data-sortable="number" data-filter="category">'
            f"{words('event.category', lang)}</th>"
            '<th scope="col" data-sortable="number" data-filter="status">'
            f"{words('event.status', lang)}</th>"
            f'<th scope="col" data-sortable="date">{words("index.added", lang)}</th>'
            "</tr></thead><tbody>" + rows + "</tbody></table></div>",
            indexed=False,
        )
        # Sorting and filters: loaded here only, not on every page (see mkdocs.yml).
        + f'<script src="../{INDEX_SCRIPT}"></script>\n'
    )
