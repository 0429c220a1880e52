"""The main timeline: every event in time, by theme or by country.

Each event is one marker, shaped by its status and coloured by its category.
A date known only to the month or year, or an event that lasted, also gets a
faint bar over the whole period it may mean, and its marker sits in the
middle of that bar rather than on an invented day. Marks that would collide
in a row are spread over a few lanes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from builder.charts import facets
from builder.charts.locale import locale_extras
from builder.charts.style import (
    DAY_MS,
    STATUS_SPAN_OPACITY,
    STATUS_SYMBOLS,
    Trace,
    base_layout,
    checked_figure,
    date_text,
    is_exact_day,
    label,
    legend_entry,
    midpoint,
    plotly_text,
    span,
    status_text,
)
from builder.downloads.exports import event_url
from builder.i18n import Language
from builder.i18n.geonames import country_name as local_country_name
from builder.i18n.localize import localized
from builder.i18n.messages import formatted
from builder.maps import CATEGORY_COLOURS
from builder.record.countries import country_name
from builder.record.schema import CATEGORIES, STATUSES
from builder.record.validate import Dataset

MIN_GAP_DAYS = 45
"""Marks in one row closer than this go on separate lanes."""

MAX_LANES = 5
"""At most this many lanes per row, so ten thousand events do not make a tall chart."""

UNIT_PX = 44
"""Pixels per unit of the y axis: a one-lane row is one unit tall."""

LANE_STEP = 0.5
"""Distance between two lanes of a row, in y units."""

LABEL_PX_PER_CHAR = 7.5
"""Width allowed per character of a row label (12 px system font, with room to spare)."""


def label_margin(labels: list[str]) -> int:
    """Left margin in pixels that holds the longest row label.

    A fixed margin instead of plotly's ``automargin``: automargin measures the
    labels after drawing and then draws every marker a second time, which at
    ten thousand events doubles the time to first render.
    """
    return 16 + round(LABEL_PX_PER_CHAR * max((len(label) for label in labels), default=0))


HOVER = "<b>%{text}</b><br>%{customdata[1]}<br>CATEGORY · %{customdata[2]}<extra></extra>"
"""Hover label: title, date with its precision, category (filled in per trace) and status.

Per point, ``customdata`` is [event url, date text, status text, filter key]:
``charts.js`` opens the url on click and filters on the key (the last item).
"""

Row = tuple[str, str]
"""A row of the chart: (key, label)."""

Mark = tuple[str, float]
"""One event's mark in a view: (event id, y position)."""


def assign_lanes(intervals: list[tuple[int, int]], max_lanes: int = MAX_LANES) -> list[int]:
    """First-fit lane per interval (ordinal days, sorted by start), at most ``max_lanes``.

    When every lane is taken the interval joins the lane that frees up first,
    so marks overlap only in rows denser than the lanes can hold.
    """
    ends: list[int] = []
    lanes: list[int] = []
    for first, last in intervals:
        lane = next((i for i, end in enumerate(ends) if first > end + MIN_GAP_DAYS), None)
        if lane is None and len(ends) < max_lanes:
            ends.append(last)
            lane = len(ends) - 1
        elif lane is None:
            lane = min(range(len(ends)), key=ends.__getitem__)
        ends[lane] = max(ends[lane], last)
        lanes.append(lane)
    return lanes


def _row_name(key: str, lang: Language) -> str:
    if key == facets.NO_COUNTRY:
        return key if lang == "en" else formatted("chart.no_country", lang)
    return country_name(key) if lang == "en" else local_country_name(key, lang)


def _rows(
    view: str, data: Dataset, lang: Language = "en"
) -> tuple[list[Row], dict[str, list[str]]]:
    """The rows of a view and, per event id, the keys of the rows it appears in."""
    if view == "theme":
        present = {ev.category for ev in data.events.values()}
        rows: list[Row] = [(c, label(c, lang)) for c in CATEGORIES if c in present]
        return rows, {eid: [ev.category] for eid, ev in data.events.items()}
    membership = {
        eid: facets.countries(ev, data) or [facets.NO_COUNTRY] for eid, ev in data.events.items()
    }
    counts: dict[str, int] = {}
    for keys in membership.values():
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (k == facets.NO_COUNTRY, -counts[k], k))
    rows = [(k, _row_name(k, lang)) for k in order]
    return rows, membership


def _placements(
    view: str, data: Dataset, lang: Language = "en"
) -> tuple[list[Row], list[float], list[Mark], float]:
    """A view's rows, each row's centre, every (event id, y) mark, and the total depth.

    Rows grow with the lanes they need, so crowded threads get room and quiet
    ones stay one line tall; y runs downwards from 0 at the top.
    """
    rows, membership = _rows(view, data, lang)
    by_row: dict[str, list[str]] = {key: [] for key, _ in rows}
    for eid, _ in data.chronological():
        for key in membership[eid]:
            by_row[key].append(eid)
    marks: list[Mark] = []
    centres: list[float] = []
    top = 0.0
    for key, _ in rows:
        ids = by_row[key]
        lanes = assign_lanes([_days(span(data.events[eid])) for eid in ids])
        used = max(lanes, default=0) + 1
        height = max(1.0, used * LANE_STEP + 0.4)
        centre = top + height / 2
        centres.append(centre)
        for eid, lane in zip(ids, lanes, strict=True):
            marks.append((eid, round(centre + (lane - (used - 1) / 2) * LANE_STEP, 3)))
        top += height
    return rows, centres, marks, max(top, 1.0)


def _days(dates_span: tuple[dt.date, dt.date]) -> tuple[int, int]:
    return dates_span[0].toordinal(), dates_span[1].toordinal()


@dataclass(frozen=True)
class Drawn:
    """What one event contributes to a trace, computed once for both views."""

    x: str
    span_start: str | None
    span_ms: int | None
    opacity: float
    symbol: str
    text: str
    customdata: list[str]


def drawn_events(data: Dataset, lang: Language = "en") -> dict[str, Drawn]:
    """Each event's marker position, span bar, shape, label and hover data."""
    drawn = {}
    for eid, event in data.events.items():
        first, last = span(event)
        exact = is_exact_day(event)
        title = localized(event, "title", lang)
        drawn[eid] = Drawn(
            x=midpoint(first, last).isoformat(),
            span_start=None if exact else first.isoformat(),
            span_ms=None if exact else ((last - first).days + 1) * DAY_MS,
            opacity=STATUS_SPAN_OPACITY[event.status],
            symbol=STATUS_SYMBOLS[event.status],
            text=plotly_text(title.text if title else event.title),
            customdata=[
                event_url(eid),
                plotly_text(date_text(event, lang)),
                plotly_text(status_text(event, data, lang)),
                facets.filter_key(event, data),
            ],
        )
    return drawn


def _category_traces(
    category: str, marks: list[Mark], drawn: dict[str, Drawn], lang: Language = "en"
) -> list[Trace]:
    colour = CATEGORY_COLOURS[category]
    name = label(category, lang)
    hover = HOVER.replace("CATEGORY", name)
    shared = {"hovertemplate": hover, "legendgroup": category, "showlegend": False}
    spans = [(drawn[eid], y) for eid, y in marks if drawn[eid].span_start is not None]
    points = [(drawn[eid], y) for eid, y in marks]
    traces: list[Trace] = [legend_entry(name, colour, category)]
    if spans:
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": name,
                "y": [y for _, y in spans],
                "base": [d.span_start for d, _ in spans],
                "x": [d.span_ms for d, _ in spans],
                "width": 0.18,
                "marker": {"color": colour, "opacity": [d.opacity for d, _ in spans]},
                "text": [d.text for d, _ in spans],
                "textposition": "none",
                "customdata": [d.customdata for d, _ in spans],
                **shared,
            }
        )
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": name,
            "x": [d.x for d, _ in points],
            "y": [y for _, y in points],
            "marker": {
                "color": colour,
                "size": 11,
                "symbol": [d.symbol for d, _ in points],
                "line": {"width": 2, "color": colour},
            },
            "text": [d.text for d, _ in points],
            "customdata": [d.customdata for d, _ in points],
            **shared,
        }
    )
    return traces


def view_figure(
    view: str,
    data: Dataset,
    x_range: list[str] | None = None,
    drawn: dict[str, Drawn] | None = None,
    lang: Language = "en",
) -> dict[str, Any]:
    """The figure of one view (``theme`` or ``country``), showing ``x_range`` at first."""
    drawn = drawn if drawn is not None else drawn_events(data, lang)
    rows, centres, marks, depth = _placements(view, data, lang)
    by_category: dict[str, list[Mark]] = {c: [] for c in CATEGORIES}
    for eid, y in marks:
        by_category[data.events[eid].category].append((eid, y))
    traces: list[Trace] = []
    for category, mine in by_category.items():
        if mine:
            traces += _category_traces(category, mine, drawn, lang)
    return checked_figure(
        traces,
        base_layout(
            height=round(110 + UNIT_PX * depth),
            margin={"l": label_margin([text for _, text in rows]), "r": 10, "t": 10, "b": 90},
            barmode="overlay",
            dragmode="zoom",
            xaxis={
                "type": "date",
                "range": x_range,
                "showgrid": True,
                "gridcolor": "#e5e5e5",
                "title": None,
            },
            yaxis={
                "tickvals": centres,
                "ticktext": [plotly_text(text) for _, text in rows],
                "range": [depth, 0],
                "fixedrange": True,
                "showgrid": False,
                "zeroline": False,
                "automargin": False,
            },
            legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
        ),
    )


def key_labels(
    view: str, data: Dataset, drawn: dict[str, Drawn], lang: Language = "en"
) -> list[dict[str, Any]]:
    """The labels ``charts.js`` may write on a view, most important first.

    Every event with a ``timeline_label`` is a candidate, at its marker (its
    first row's, in the country view). Which fit is only known in the browser,
    which measures the text and the plot: ``chart-labels.js`` places them in this
    order, each where it collides with nothing placed before, and drops the
    rest. Confirmed events come before weaker ones, then the earlier ones.
    """
    keyed = [eid for eid, ev in data.chronological() if ev.timeline_label]
    if not keyed:
        return []
    first_y: dict[str, float] = {}
    for eid, y in _placements(view, data, lang)[2]:
        first_y.setdefault(eid, y)
    keyed.sort(key=lambda eid: STATUSES.index(data.events[eid].status))  # stable: dates kept
    return [
        {
            "url": event_url(eid),
            "text": plotly_text(_timeline_label(data, eid, lang)),
            "x": drawn[eid].x,
            "y": first_y[eid],
        }
        for eid in keyed
    ]


def _timeline_label(data: Dataset, event_id: str, lang: Language) -> str:
    found = localized(data.events[event_id], "timeline_label", lang)
    return found.text if found else ""


def quick_ranges(data: Dataset, lang: Language = "en") -> list[dict[str, Any]]:
    """The range buttons, the first shown at the start.

    The chart opens on 2015 onward, the seven years that led to the factory;
    the whole story adds anything older (Iran's 1990s ties with the region).
    """
    if not data.events:
        return []
    first = min(span(ev)[0] for ev in data.events.values())
    last = max(span(ev)[1] for ev in data.events.values())
    pad = dt.timedelta(days=max(30, (last - first).days // 40))
    late = max(last, dt.date(2021, 8, 1)) + dt.timedelta(days=30)
    recent = max(last, dt.date(2016, 12, 31)) + dt.timedelta(days=60)
    return [
        {"label": formatted("chart.range.since_2015", lang), "range": ["2014-10-01", str(recent)]},
        {
            "label": formatted("chart.range.whole", lang),
            "range": [str(first - pad), str(last + pad)],
        },
        {"label": formatted("chart.range.2015_2016", lang), "range": ["2014-11-01", "2017-02-28"]},
        {"label": formatted("chart.range.august_2021", lang), "range": ["2021-07-01", str(late)]},
    ]


def timeline_files(data: Dataset, lang: Language = "en") -> dict[str, dict[str, Any]]:
    """The timeline's files, by name: the main one, and each further view's figure.

    The main file carries the first view's figure, the quick ranges and the
    filters; other views are separate files that ``charts.js`` fetches only
    when a reader asks for them, so the first render parses half the data.
    """
    ranges = quick_ranges(data, lang)
    start = ranges[0]["range"] if ranges else None
    drawn = drawn_events(data, lang)
    main = {
        "views": [
            {
                "id": "theme",
                "label": formatted("chart.view.theme", lang),
                "figure": view_figure("theme", data, start, drawn, lang),
                "labels": key_labels("theme", data, drawn, lang),
            },
            {
                "id": "country",
                "label": formatted("chart.view.country", lang),
                "src": "timeline-country.json",
            },
        ],
        "ranges": ranges,
        "filters": facets.filter_options(data, lang),
        "total": len(data.events),
        "noun": formatted("chart.noun.events", lang),
        **locale_extras(lang, [date for r in ranges for date in r["range"]]),
    }
    country = {
        "figure": view_figure("country", data, start, drawn, lang),
        "labels": key_labels("country", data, drawn, lang),
    }
    return {"timeline.json": main, "timeline-country.json": country}
