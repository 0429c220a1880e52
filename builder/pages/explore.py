"""The explore page (``explore/``): the record's time and places in one view.

A map of every located event (:mod:`builder.maps.explore`, in a frame) and a
timeline of every event share one state: a period, filters by category,
actor and claim status, and a chosen event whose card opens beside them. The
state is the page's address (``#from=2021-08-15&to=2022-08-14&category=conflict
&actor=kyrgyzstan&status=claimed&event=<id>``, each part optional).
``assets/js/explore.js`` does all of it from the published
``data/events.geojson``: the page itself carries no copy of the record, only
the names the controls show (categories, statuses, actors) and where the
files are.

Without JavaScript the page says what it is and links to the events index
and the maps, which hold the same record as tables and maps.

The page contract, which tests and the benchmark rely on: the app is
``[data-explore]``; the live region is ``#dr-explore-status``; the period's
thumbs are ``[role=slider][data-thumb=from|to]``; the list's items carry
``data-event``; the map frame is ``iframe.dr-explore-frame``; once drawn, the
root carries ``data-explore-ready``.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from builder.charts.facets import involved_actors
from builder.html.held_html import hold
from builder.html.sanitize import script_json, text
from builder.html.search import NOT_INDEXED
from builder.maps.explore import EXPLORE_MAP_PATH
from builder.maps.legend import Swatch, _svg
from builder.maps.style import (
    CATEGORY_COLOURS,
    PRECISION_PHRASES,
    STATUS_STYLES,
    category_label,
)
from builder.pages.common import STATUS_LABELS, front_matter
from builder.record import dates
from builder.record.schema import CATEGORIES, STATUSES
from builder.record.validate import Dataset

EXPLORE_PAGE = "explore/index.md"
"""Docs path of the explore page."""

EXPLORE_SCRIPT = "assets/js/explore.js"
"""Site path of the page's script; only this page loads it."""

EXPLORE_CSS = "assets/css/explore.css"
"""Site path of the page's styles; only this page loads them."""

EVENTS_FILE = "data/events.geojson"
"""The published record the page reads (the same file the downloads offer)."""

PLOTLY_JS = "assets/vendor/plotly/plotly-basic.min.js"
"""The self-hosted plotly.js bundle the timeline is drawn with."""

CONFIG_ELEMENT_ID = "dr-explore-config"
"""Id of the JSON element with the controls' names and the files' addresses."""

PREFIX = "../"
"""From the explore page (``explore/``) back to the site root."""

STATUS_NAMES = {
    "confirmed": "Confirmed",
    "reported": "Reported",
    "claimed": "Claimed by one side",
    "disputed": "Disputed",
    "denied": "Claimed and denied",
}
"""Short names of the statuses for the filters, where the full wording would not fit."""

POINTS_LIMIT = 1500
"""Up to this many events the timeline draws one mark per event; above it, counts per month."""


def explore_fragment(
    *,
    start: str | None = None,
    end: str | None = None,
    event: str | None = None,
    category: str | None = None,
    actor: str | None = None,
    status: str | None = None,
) -> str:
    """The fragment of an explore address for this view, parts in the page's own order."""
    parts = [
        ("from", start),
        ("to", end),
        ("category", category),
        ("actor", actor),
        ("status", status),
        ("event", event),
    ]
    return "&".join(f"{name}={quote(value, safe='-,')}" for name, value in parts if value)


def explore_link(prefix: str, **view: str | None) -> str:
    """Address of the explore page showing ``view`` (see :func:`explore_fragment`)."""
    fragment = explore_fragment(**view)
    return f"{prefix}explore/" + (f"#{fragment}" if fragment else "")


def _swatch(kind: str, colour: str, status: str = "reported") -> str:
    style = STATUS_STYLES[status]
    return _svg(Swatch(kind, colour, "", style["fillOpacity"], style["dashArray"]))


def _checkbox(group: str, value: str, label: str, swatch: str, count: int) -> str:
    return (
        f'<li><label><input type="checkbox" name="{group}" value="{text(value)}">'
        f'{swatch}<span class="dr-explore-check-label">{text(label)}</span>'
        f' <span class="dr-explore-count" data-facet="{group}" data-count="{text(value)}">'
        f'{count}<span class="dr-explore-sr"> in the period</span></span></label></li>'
    )


def _filters(data: Dataset) -> str:
    events = [ev for _, ev in data.chronological()]
    by_category: Counter[str] = Counter(ev.category for ev in events)
    by_status: Counter[str] = Counter(ev.status for ev in events)
    by_actor = Counter(a for ev in events for a in involved_actors(ev))
    categories = "".join(
        _checkbox("category", c, category_label(c), _swatch("pin", CATEGORY_COLOURS[c]), n)
        for c in CATEGORIES
        if (n := by_category[c])
    )
    statuses = "".join(
        _checkbox("status", s, STATUS_NAMES[s], _swatch("pin", "#4d4d4d", s), n)
        for s in STATUSES
        if (n := by_status[s])
    )
    actors = sorted(by_actor, key=lambda a: data.actors[a].name if a in data.actors else a)
    options = "".join(
        f'<option value="{text(a)}">'
        f"{text(data.actors[a].name if a in data.actors else a)} ({by_actor[a]})</option>"
        for a in actors
    )
    return (
        '<div id="dr-explore-filters" class="dr-explore-filters dr-explore-panel" '
        'role="group" aria-label="Filters">'
        '<fieldset><legend><label for="dr-explore-actor">Actor</label></legend>'
        '<select id="dr-explore-actor" name="actor"><option value="">Every actor</option>'
        f"{options}</select></fieldset>"
        '<fieldset><legend>Category</legend><ul class="dr-explore-checks">'
        f"{categories}</ul></fieldset>"
        '<fieldset><legend>Status of the claim</legend><ul class="dr-explore-checks">'
        f"{statuses}</ul>"
        '<p class="dr-explore-hint">The emptier and more dashed a mark, the weaker the claim '
        f'(<a href="{PREFIX}reference/methodology/#status">what each status means</a>). '
        "Numbers count the events of the period that the other filters keep; a group with "
        "nothing ticked keeps them all.</p>"
        "</fieldset></div>"
    )


def _period() -> str:
    return (
        '<div class="dr-explore-period" role="group" aria-label="Period">'
        '<div class="dr-explore-play">'
        '<button type="button" class="dr-explore-playbutton md-button" '
        'data-action="play" aria-describedby="dr-explore-play-note">Play</button>'
        '<label>Play as <select id="dr-explore-playmode">'
        '<option value="window">a six-month window moving on</option>'
        '<option value="grow">a growing period from the first event</option>'
        "</select></label>"
        '<label>Speed <select id="dr-explore-speed">'
        '<option value="1200">Slow</option><option value="600" selected>Normal</option>'
        '<option value="250">Fast</option></select></label>'
        '<span id="dr-explore-play-note" class="dr-explore-hint">'
        "A month a step; stretches with no events are skipped.</span>"
        "</div>"
        '<div class="dr-explore-range">'
        '<div class="dr-explore-slider">'
        '<div class="dr-explore-track"><div class="dr-explore-fill"></div></div>'
        '<div class="dr-explore-thumb" role="slider" tabindex="0" data-thumb="from" '
        'aria-label="Start of the period"></div>'
        '<div class="dr-explore-thumb" role="slider" tabindex="0" data-thumb="to" '
        'aria-label="End of the period"></div>'
        "</div>"
        '<div class="dr-explore-dates">'
        '<label>From <input type="date" id="dr-explore-from" name="from"></label>'
        '<label>To <input type="date" id="dr-explore-to" name="to"></label>'
        '<button type="button" class="dr-explore-all" data-action="all-dates">All dates</button>'
        "</div></div></div>"
    )


def _config(data: Dataset) -> str:
    events = [ev for _, ev in data.chronological()]
    used_actors = sorted({a for ev in events for a in (*ev.actors, *ev.claimed_by, *ev.denied_by)})
    return script_json(
        {
            "events": PREFIX + EVENTS_FILE,
            "plotly": PREFIX + PLOTLY_JS,
            "site": PREFIX,
            "pointsLimit": POINTS_LIMIT,
            "categories": {c: category_label(c) for c in CATEGORIES},
            "colours": CATEGORY_COLOURS,
            "statuses": STATUS_LABELS,
            "statusOrder": list(STATUSES),
            "precisions": PRECISION_PHRASES,
            "actors": {a: data.actors[a].name if a in data.actors else a for a in used_actors},
        }
    )


def _no_script(count: int, located: int, first: str, last: str) -> str:
    return (
        '<div class="dr-explore-static">'
        f"<p>This page puts the record's {count} events on one map and one timeline "
        "that move together: choose a period, narrow it by category, actor or how well "
        "a claim is established, and play the years through. It needs JavaScript, "
        "which is off or did not load.</p>"
        "<p>The same record is here without it:</p><ul>"
        f'<li><a href="{PREFIX}events/">All events</a>: every event from {text(first)} '
        f"to {text(last)} in one table, each with its page and sources;</li>"
        f'<li><a href="{PREFIX}maps/">Maps</a>: the {located} events with a known place, '
        "with a text version of each map;</li>"
        f'<li><a href="{PREFIX}reference/downloads/">Downloads</a>: the record as CSV '
        "and GeoJSON.</li></ul></div>"
    )


def explore_page(data: Dataset) -> str:
    """The Markdown of the explore page."""
    ordered = data.chronological()
    count = len(ordered)
    located = sum(1 for _, ev in ordered if data.coordinates(ev) is not None)
    first = dates.display(ordered[0][1].date) if ordered else "the start"
    last_event = max((ev for _, ev in ordered), key=lambda ev: dates.end(ev.end_date or ev.date))
    last = dates.display(last_event.end_date or last_event.date) if ordered else "today"
    head = front_matter(
        "Explore the record",
        "Every event of the drone race on one map and one timeline that move together: "
        "choose a period, filter by category, actor or status, play it through, share the view.",
    )
    head = head.replace("---\n\n", "hide:\n  - navigation\n  - toc\n---\n\n", 1)
    app = (
        f'<div class="dr-explore" data-explore {NOT_INDEXED}>'
        f'<script type="application/json" id="{CONFIG_ELEMENT_ID}">{_config(data)}</script>'
        f"<noscript>{_no_script(count, located, first, last)}</noscript>"
        '<div class="dr-explore-app" hidden>'
        '<div class="dr-explore-bar">'
        '<p id="dr-explore-status" class="dr-explore-status" aria-live="polite" '
        'aria-atomic="true"></p>'
        '<div class="dr-explore-actions">'
        '<button type="button" class="dr-explore-toggle" aria-expanded="false" '
        'aria-controls="dr-explore-filters">Filters</button>'
        '<button type="button" class="dr-explore-toggle" aria-expanded="false" '
        'aria-controls="dr-explore-side">List</button>'
        '<button type="button" data-action="frame">Frame the map on these events</button>'
        '<button type="button" data-action="reset">Show everything</button>'
        '<button type="button" data-action="copy">Copy link</button>'
        '<span class="dr-explore-copied" role="status"></span>'
        "</div></div>"
        '<div class="dr-explore-main">'
        f"{_filters(data)}"
        '<div class="dr-explore-map">'
        f'<iframe class="dr-explore-frame" id="dr-explore-frame" src="{PREFIX}{EXPLORE_MAP_PATH}" '
        'title="Map of the events in view; the list beside it names the same events" '
        'loading="eager"></iframe></div>'
        '<div id="dr-explore-side" class="dr-explore-side dr-explore-panel">'
        '<section class="dr-explore-card" hidden aria-labelledby="dr-explore-card-title" '
        'tabindex="-1"></section>'
        '<section class="dr-explore-list" aria-labelledby="dr-explore-list-heading">'
        '<h2 id="dr-explore-list-heading" class="dr-explore-list-heading">Events in view</h2>'
        '<p class="dr-explore-hint">↑ and ↓ move through the list, Enter opens an event; '
        "← and → go to the previous or next event; Escape closes the card.</p>"
        '<div class="dr-explore-scroll"><ul class="dr-explore-items"></ul></div>'
        "</section></div></div>"
        '<div class="dr-explore-time">'
        f"{_period()}"
        '<div class="dr-explore-timeline" id="dr-explore-timeline" aria-hidden="true"></div>'
        '<p class="dr-explore-hint dr-explore-timeline-hint">Drag across the timeline to '
        "choose a period; click a mark to open its event; double-click to show all dates.</p>"
        "</div></div></div>"
    )
    return (
        head
        + "# Explore the record\n\n"
        + hold(app, indexed=False)
        # The map and timeline cannot stand alone: the codes frame their standalone versions.
        + "[[embed map explore]]\n\n[[embed chart explore-timeline]]\n\n"
        + f'<link rel="stylesheet" href="{PREFIX}{EXPLORE_CSS}">\n'
        + f'<script src="{PREFIX}{EXPLORE_SCRIPT}"></script>\n'
    )
