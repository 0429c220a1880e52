"""The explore page (``explore/``): the record's time and places in one view.

A map of every located event (:mod:`builder.maps.explore`, in a frame) and a
timeline of every event share one state: a period, filters by category,
actor and claim status, and a chosen event whose card opens beside them. The
state is the page's address (``#from=2021-08-15&to=2022-08-14&category=conflict
&actor=kyrgyzstan&status=claimed&event=<id>``, each part optional).
``assets/js/explore.js`` does all of it from ``data/explore.json``, the
published record less what the page never shows: the page itself carries no
copy of the record, only the names the controls show (categories, statuses,
actors) and where the files are.

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
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.maps.explore import EXPLORE_MAP_PATH
from builder.maps.legend import Swatch, _svg
from builder.maps.style import (
    CATEGORY_COLOURS,
    PRECISION_PHRASES,
    STATUS_STYLES,
    category_label,
)
from builder.pages.common import (
    category_words,
    front_matter,
    record_title,
    show_date,
    status_label,
    words,
)
from builder.record import dates
from builder.record.schema import CATEGORIES, STATUSES
from builder.record.validate import Dataset

EXPLORE_PAGE = "explore/index.md"
"""Docs path of the explore page."""

EXPLORE_SCRIPT = "assets/js/explore.js"
"""Site path of the page's script; only this page loads it."""

EXPLORE_CSS = "assets/css/explore.css"
"""Site path of the page's styles; only this page loads them."""

EXPLORE_RECORD = "data/explore.json"
"""The page's copy of the record (:func:`builder.downloads.exports.events_files`): the
fields it shows, each source once; half the published ``data/events.geojson``."""

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


def _checkbox(group: str, value: str, label: str, swatch: str, count: int, lang: Language) -> str:
    return (
        f'<li><label><input type="checkbox" name="{group}" value="{text(value)}">'
        f'{swatch}<span class="dr-explore-check-label">{text(label)}</span>'
        f' <span class="dr-explore-count" data-facet="{group}" data-count="{text(value)}">'
        f'{count}<span class="dr-explore-sr">{words("explore.in_period", lang)}</span></span>'
        "</label></li>"
    )


def _category_name(category: str, lang: Language) -> str:
    if lang == DEFAULT_LANGUAGE:
        return category_label(category)
    return category_words(category, lang).capitalize()


def _status_name(status: str, lang: Language) -> str:
    return (
        STATUS_NAMES[status]
        if lang == DEFAULT_LANGUAGE
        else words(f"explore.status.{status}", lang)
    )


def _filters(data: Dataset, lang: Language) -> str:
    events = [ev for _, ev in data.chronological()]
    by_category: Counter[str] = Counter(ev.category for ev in events)
    by_status: Counter[str] = Counter(ev.status for ev in events)
    by_actor = Counter(a for ev in events for a in involved_actors(ev))
    categories = "".join(
        _checkbox(
            "category",
            c,
            _category_name(c, lang),
            _swatch("pin", CATEGORY_COLOURS[c]),
            n,
            lang,
        )
        for c in CATEGORIES
        if (n := by_category[c])
    )
    statuses = "".join(
        _checkbox("status", s, _status_name(s, lang), _swatch("pin", "#4d4d4d", s), n, lang)
        for s in STATUSES
        if (n := by_status[s])
    )

    def name(actor_id: str) -> str:
        actor = data.actors.get(actor_id)
        return record_title(actor, "name", lang) if actor is not None else actor_id

    actors = sorted(by_actor, key=name)
    options = "".join(
        f'<option value="{text(a)}">{text(name(a))} ({by_actor[a]})</option>' for a in actors
    )
    return (
        '<div id="dr-explore-filters" class="dr-explore-filters dr-explore-panel" '
        f'role="group" aria-label="{words("explore.filters", lang)}">'
        f'<fieldset><legend><label for="dr-explore-actor">{words("explore.actor", lang)}'
        "</label></legend>"
        '<select id="dr-explore-actor" name="actor"><option value="">'
        f"{words('explore.every_actor', lang)}</option>"
        f"{options}</select></fieldset>"
        f"<fieldset><legend>{words('event.category', lang)}</legend>"
        '<ul class="dr-explore-checks">'
        f"{categories}</ul></fieldset>"
        f"<fieldset><legend>{words('explore.status', lang)}</legend>"
        '<ul class="dr-explore-checks">'
        f"{statuses}</ul>"
        f'<p class="dr-explore-hint">{words("explore.hint_weak", lang)} '
        f'(<a href="{PREFIX}reference/methodology/#status">'
        f"{words('explore.hint_statuses', lang)}</a>). "
        f"{words('explore.hint_counts', lang)}</p>"
        "</fieldset></div>"
    )


def _period(lang: Language) -> str:
    return (
        f'<div class="dr-explore-period" role="group" aria-label="{words("explore.period", lang)}">'
        '<div class="dr-explore-play">'
        '<button type="button" class="dr-explore-playbutton md-button" '
        f'data-action="play" aria-describedby="dr-explore-play-note">'
        f"{words('explore.play', lang)}</button>"
        f'<label>{words("explore.play_as", lang)} <select id="dr-explore-playmode">'
        f'<option value="window">{words("explore.window", lang)}</option>'
        f'<option value="grow">{words("explore.grow", lang)}</option>'
        "</select></label>"
        f'<label>{words("explore.speed", lang)} <select id="dr-explore-speed">'
        f'<option value="1200">{words("explore.slow", lang)}</option>'
        f'<option value="600" selected>{words("explore.normal", lang)}</option>'
        f'<option value="250">{words("explore.fast", lang)}</option></select></label>'
        '<span id="dr-explore-play-note" class="dr-explore-hint">'
        f"{words('explore.play_note', lang)}</span>"
        "</div>"
        '<div class="dr-explore-range">'
        '<div class="dr-explore-slider">'
        '<div class="dr-explore-track"><div class="dr-explore-fill"></div></div>'
        '<div class="dr-explore-thumb" role="slider" tabindex="0" data-thumb="from" '
        f'aria-label="{words("explore.start", lang)}"></div>'
        '<div class="dr-explore-thumb" role="slider" tabindex="0" data-thumb="to" '
        f'aria-label="{words("explore.end", lang)}"></div>'
        "</div>"
        '<div class="dr-explore-dates">'
        f'<label>{words("explore.from", lang)} <input type="date" id="dr-explore-from" name="from">'
        "</label>"
        f'<label>{words("explore.to", lang)} <input type="date" id="dr-explore-to" name="to"></label>'
        '<button type="button" class="dr-explore-all" data-action="all-dates">'
        f"{words('explore.all_dates', lang)}</button>"
        "</div></div></div>"
    )


def _config(data: Dataset, lang: Language) -> str:
    events = [ev for _, ev in data.chronological()]
    used_actors = sorted({a for ev in events for a in (*ev.actors, *ev.claimed_by, *ev.denied_by)})
    return script_json(
        {
            "events": PREFIX + EXPLORE_RECORD,
            "plotly": PREFIX + PLOTLY_JS,
            "site": PREFIX,
            "pointsLimit": POINTS_LIMIT,
            "categories": {c: _category_name(c, lang) for c in CATEGORIES},
            "colours": CATEGORY_COLOURS,
            "statuses": {s: status_label(s, lang) for s in STATUSES},
            "statusOrder": list(STATUSES),
            # The maps' precision phrases are the maps' words (builder/maps/style.py).
            "precisions": PRECISION_PHRASES,
            "actors": {
                a: record_title(data.actors[a], "name", lang) if a in data.actors else a
                for a in used_actors
            },
        }
    )


def _no_script(count: int, located: int, first: str, last: str, lang: Language) -> str:
    return (
        '<div class="dr-explore-static">'
        f"<p>{words('explore.noscript', lang, count=str(count))}</p>"
        f"<p>{words('explore.noscript_list', lang)}</p><ul>"
        f'<li><a href="{PREFIX}events/">{words("event.all", lang)}</a>: '
        f"{words('explore.noscript_events', lang, first=text(first), last=text(last))}</li>"
        f'<li><a href="{PREFIX}maps/">{words("explore.maps", lang)}</a>: '
        f"{words('explore.noscript_maps', lang, located=str(located))}</li>"
        f'<li><a href="{PREFIX}reference/downloads/">{words("explore.downloads", lang)}</a>: '
        f"{words('explore.noscript_downloads', lang)}</li></ul></div>"
    )


def explore_page(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The Markdown of the explore page in ``lang`` (its script's own words are the script's)."""
    ordered = data.chronological()
    count = len(ordered)
    located = sum(1 for _, ev in ordered if data.coordinates(ev) is not None)
    first = show_date(ordered[0][1].date, lang) if ordered else words("explore.the_start", lang)
    last_event = max((ev for _, ev in ordered), key=lambda ev: dates.end(ev.end_date or ev.date))
    last = (
        show_date(last_event.end_date or last_event.date, lang)
        if ordered
        else words("explore.today", lang)
    )
    title = words("explore.title", lang)
    head = front_matter(title, words("explore.description", lang))
    head = head.replace("---\n\n", "hide:\n  - navigation\n  - toc\n---\n\n", 1)
    app = (
        f'<div class="dr-explore" data-explore {NOT_INDEXED}>'
        f'<script type="application/json" id="{CONFIG_ELEMENT_ID}">{_config(data, lang)}</script>'
        f"<noscript>{_no_script(count, located, first, last, lang)}</noscript>"
        '<div class="dr-explore-app" hidden>'
        '<div class="dr-explore-bar">'
        '<p id="dr-explore-status" class="dr-explore-status" aria-live="polite" '
        'aria-atomic="true"></p>'
        '<div class="dr-explore-actions">'
        '<button type="button" class="dr-explore-toggle" aria-expanded="false" '
        f'aria-controls="dr-explore-filters">{words("explore.filters", lang)}</button>'
        '<button type="button" class="dr-explore-toggle" aria-expanded="false" '
        f'aria-controls="dr-explore-side">{words("explore.list", lang)}</button>'
        f'<button type="button" data-action="frame">{words("explore.frame", lang)}</button>'
        f'<button type="button" data-action="reset">{words("explore.reset", lang)}</button>'
        f'<button type="button" data-action="copy">{words("explore.copy", lang)}</button>'
        '<span class="dr-explore-copied" role="status"></span>'
        "</div></div>"
        '<div class="dr-explore-main">'
        f"{_filters(data, lang)}"
        '<div class="dr-explore-map">'
        f'<iframe class="dr-explore-frame" id="dr-explore-frame" src="{PREFIX}{EXPLORE_MAP_PATH}" '
        f'title="{words("explore.map_title", lang)}" '
        'loading="eager"></iframe></div>'
        '<div id="dr-explore-side" class="dr-explore-side dr-explore-panel">'
        '<section class="dr-explore-card" hidden aria-labelledby="dr-explore-card-title" '
        'tabindex="-1"></section>'
        '<section class="dr-explore-list" aria-labelledby="dr-explore-list-heading">'
        '<h2 id="dr-explore-list-heading" class="dr-explore-list-heading">'
        f"{words('explore.in_view', lang)}</h2>"
        f'<p class="dr-explore-hint">{words("explore.keys", lang)}</p>'
        '<div class="dr-explore-scroll"><ul class="dr-explore-items"></ul></div>'
        "</section></div></div>"
        '<div class="dr-explore-time">'
        f"{_period(lang)}"
        '<div class="dr-explore-timeline" id="dr-explore-timeline" aria-hidden="true"></div>'
        '<p class="dr-explore-hint dr-explore-timeline-hint">'
        f"{words('explore.timeline_hint', lang)}</p>"
        "</div></div></div>"
    )
    return (
        head
        + f"# {title}\n\n"
        + hold(app, indexed=False)
        # The map and timeline cannot stand alone: the codes frame their standalone versions.
        + "[[embed map explore]]\n\n[[embed chart explore-timeline]]\n\n"
        + f'<link rel="stylesheet" href="{PREFIX}{EXPLORE_CSS}">\n'
        + f'<script src="{PREFIX}{EXPLORE_SCRIPT}"></script>\n'
    )
