"""Generated Markdown pages: one per event, and the events index.

Editor text lands inside raw HTML blocks, escaped or sanitised, so Markdown
never gets to interpret it (an editor's ``[x](javascript:...)`` in a title
stays text). Page titles go through front matter, escaped, because the theme
prints them without escaping.
"""

from __future__ import annotations

import json

from builder import dates
from builder.sanitize import inline_markdown_html, markdown_html, text
from builder.validate import Dataset

EVENTS_DIR = "events"
"""Docs folder of the generated event pages."""

STATUS_LABELS = {
    "confirmed": "Confirmed",
    "reported": "Reported, not independently confirmed",
    "claimed": "Claimed by one side, not verified",
    "disputed": "Disputed",
    "denied": "Claimed and denied",
}
"""How each status reads on a page."""


def front_matter(title: str, description: str) -> str:
    """YAML front matter with an escaped title and description (JSON strings are YAML)."""
    short = " ".join(description.split())[:200]
    return (
        "---\n"
        f"title: {json.dumps(text(title), ensure_ascii=False)}\n"
        f"description: {json.dumps(text(short), ensure_ascii=False)}\n"
        "---\n\n"
    )


def _actor_names(ids: list[str], data: Dataset) -> str:
    return ", ".join(text(data.actors[a].name) for a in ids)


def _claim_block(event_id: str, data: Dataset) -> str:
    event = data.events[event_id]
    if not (event.claimed_by or event.denied_by or event.response):
        return ""
    rows = []
    if event.claimed_by:
        rows.append(f"<dt>Who says so</dt><dd>{_actor_names(event.claimed_by, data)}</dd>")
    if event.denied_by:
        rows.append(f"<dt>Who rejects it</dt><dd>{_actor_names(event.denied_by, data)}</dd>")
    if event.response:
        rows.append(f"<dt>Response</dt><dd>{inline_markdown_html(event.response)}</dd>")
    return '<dl class="dr-claim">' + "".join(rows) + "</dl>\n"


def event_page(event_id: str, data: Dataset, previous: str | None, following: str | None) -> str:
    """The Markdown of one event's page."""
    event = data.events[event_id]
    when = dates.display(event.date)
    if event.end_date:
        when += f" to {dates.display(event.end_date)}"
    precision = dates.precision(event.date)
    place = ""
    if event.place:
        p = data.places[event.place]
        place = f"{text(p.name)} <span class='dr-precision'>({text(data.precision(event) or '')})</span>"
    elif event.location:
        place = (
            f"{event.location.lat:.4f}, {event.location.lon:.4f} ({text(event.precision or '')})"
        )
    facts = [
        f"<dt>Date</dt><dd><time datetime='{event.date}'>{when}</time>"
        f" <span class='dr-precision'>(known to the {precision})</span></dd>",
        f"<dt>Status</dt><dd><span class='dr-status dr-status-{event.status}'>"
        f"{STATUS_LABELS[event.status]}</span></dd>",
        f"<dt>Category</dt><dd>{event.category.replace('-', ' ')}</dd>",
    ]
    if place:
        facts.append(f"<dt>Where</dt><dd>{place}</dd>")
    if event.actors:
        facts.append(f"<dt>Actors</dt><dd>{_actor_names(event.actors, data)}</dd>")
    if event.systems:
        names = ", ".join(text(data.systems[s].name) for s in event.systems)
        facts.append(f"<dt>Drone systems</dt><dd>{names}</dd>")
    sources = "".join(
        f"<li><a href='{text(str(data.sources[s].url))}' rel='noopener noreferrer'>"
        f"{text(data.sources[s].title)}</a>, {text(data.sources[s].publisher)}, "
        f"{dates.display(data.sources[s].date)}</li>"
        for s in event.sources
    )
    quotes = "".join(
        f"<blockquote class='dr-quote'><p>\u201c{text(q.text)}\u201d</p>"
        f"<footer>{text(q.by)}</footer></blockquote>"
        for q in event.quotes
    )
    body = [
        front_matter(event.title, event.summary),
        f'<h1 class="dr-event-title">{text(event.title)}</h1>\n\n',
        '<dl class="dr-facts">' + "".join(facts) + "</dl>\n\n",
        '<div class="dr-summary">' + markdown_html(event.summary) + "</div>\n\n",
    ]
    claim = _claim_block(event_id, data)
    if claim:
        body.append(claim + "\n")
    if quotes:
        body.append(quotes + "\n\n")
    body.append("## Sources\n\n")
    body.append(f'<ol class="dr-sources">{sources}</ol>\n\n')
    nav = []
    if previous:
        nav.append(f"[← {_md_link_text(data.events[previous].title)}]({previous}.md)")
    if following:
        nav.append(f"[{_md_link_text(data.events[following].title)} →]({following}.md)")
    nav.append("[All events](index.md)")
    body.append(" · ".join(nav) + "\n")
    return "".join(body)


def _md_link_text(value: str) -> str:
    # Link text is Markdown: escape HTML and every character Markdown could read as syntax.
    escaped = text(value)
    for char in "\\`*_{}[]()#+-.!|~":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def events_index(data: Dataset) -> str:
    """The events index: a plain table of every event, newest last."""
    rows = []
    for event_id, event in data.chronological():
        rows.append(
            "<tr>"
            f"<td data-sort='{dates.start(event.date).isoformat()}'>"
            f"<time datetime='{event.date}'>{dates.display(event.date)}</time></td>"
            f"<td><a href='{event_id}/'>{text(event.title)}</a></td>"
            f"<td>{event.category.replace('-', ' ')}</td>"
            f"<td>{event.status}</td>"
            f"<td>{_actor_names(event.actors, data)}</td>"
            "</tr>"
        )
    return (
        front_matter("All events", "Every event in the record, with date, category and status.")
        + "# All events\n\n"
        + f"{len(rows)} events, oldest first. Each links to its page with sources.\n\n"
        + '<table class="dr-events-index"><thead><tr><th>Date</th><th>Event</th>'
        + "<th>Category</th><th>Status</th><th>Actors</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>\n"
    )
