"""The main timeline: every event in time, by theme or by country.

Each event is one marker, shaped by its status and coloured by its category.
A date known only to the month or year, or an event that lasted, also gets a
faint bar over the whole period it may mean, and its marker sits in the
middle of that bar rather than on an invented day. Marks that would collide
in a row are spread over a few lanes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import plotly.graph_objects as go

from builder.charts import facets
from builder.charts.style import (
    DAY_MS,
    STATUS_SPAN_OPACITY,
    STATUS_SYMBOLS,
    base_layout,
    date_text,
    is_exact_day,
    label,
    legend_entry,
    midpoint,
    plotly_json,
    plotly_text,
    span,
    status_text,
)
from builder.exports import event_url
from builder.maps import CATEGORY_COLOURS
from builder.schema import CATEGORIES, Event
from builder.validate import Dataset

MIN_GAP_DAYS = 45
"""Marks in one row closer than this go on separate lanes."""

MAX_LANES = 5
"""At most this many lanes per row, so ten thousand events do not make a tall chart."""

UNIT_PX = 44
"""Pixels per unit of the y axis: a one-lane row is one unit tall."""

LANE_STEP = 0.5
"""Distance between two lanes of a row, in y units."""

HOVER = "<b>%{text}</b><br>%{customdata[1]}<br>%{customdata[3]} · %{customdata[2]}<extra></extra>"
"""Hover label: title, date with its precision, category and status."""

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


def _rows(view: str, data: Dataset) -> tuple[list[Row], dict[str, list[str]]]:
    """The rows of a view and, per event id, the keys of the rows it appears in."""
    if view == "theme":
        present = {ev.category for ev in data.events.values()}
        rows = [(c, label(c)) for c in CATEGORIES if c in present]
        return rows, {eid: [ev.category] for eid, ev in data.events.items()}
    membership = {
        eid: facets.countries(ev, data) or [facets.NO_COUNTRY] for eid, ev in data.events.items()
    }
    counts: dict[str, int] = {}
    for keys in membership.values():
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (k == facets.NO_COUNTRY, -counts[k], k))
    rows = [(k, k if k == facets.NO_COUNTRY else facets.country_name(k, data)) for k in order]
    return rows, membership


def _placements(view: str, data: Dataset) -> tuple[list[Row], list[float], list[Mark], float]:
    """A view's rows, each row's centre, every (event id, y) mark, and the total depth.

    Rows grow with the lanes they need, so crowded threads get room and quiet
    ones stay one line tall; y runs downwards from 0 at the top.
    """
    rows, membership = _rows(view, data)
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
            marks.append((eid, centre + (lane - (used - 1) / 2) * LANE_STEP))
        top += height
    return rows, centres, marks, max(top, 1.0)


def _days(dates_span: tuple[dt.date, dt.date]) -> tuple[int, int]:
    return dates_span[0].toordinal(), dates_span[1].toordinal()


def _point_data(eid: str, event: Event, data: Dataset) -> list[str]:
    return [
        event_url(eid),
        plotly_text(date_text(event)),
        plotly_text(status_text(event, data)),
        label(event.category),
        facets.filter_key(event, data),
    ]


def _category_traces(category: str, marks: list[Mark], data: Dataset) -> list[Any]:
    colour = CATEGORY_COLOURS[category]
    events = [(eid, y, data.events[eid]) for eid, y in marks]
    spans = [(eid, y, ev) for eid, y, ev in events if not is_exact_day(ev)]
    bars = go.Bar(
        orientation="h",
        y=[y for _, y, _ in spans],
        base=[span(ev)[0].isoformat() for _, _, ev in spans],
        x=[((span(ev)[1] - span(ev)[0]).days + 1) * DAY_MS for _, _, ev in spans],
        width=0.18,
        marker={
            "color": colour,
            "opacity": [STATUS_SPAN_OPACITY[ev.status] for _, _, ev in spans],
            "line": {"width": 0},
        },
        text=[plotly_text(ev.title) for _, _, ev in spans],
        textposition="none",
        customdata=[_point_data(eid, ev, data) for eid, _, ev in spans],
        hovertemplate=HOVER,
        legendgroup=category,
        showlegend=False,
        name=label(category),
    )
    points = go.Scatter(
        mode="markers",
        x=[midpoint(*span(ev)).isoformat() for _, _, ev in events],
        y=[y for _, y, _ in events],
        marker={
            "color": colour,
            "size": 11,
            "symbol": [STATUS_SYMBOLS[ev.status] for _, _, ev in events],
            "line": {"width": 2, "color": colour},
        },
        text=[plotly_text(ev.title) for _, _, ev in events],
        customdata=[_point_data(eid, ev, data) for eid, _, ev in events],
        hovertemplate=HOVER,
        legendgroup=category,
        showlegend=False,
        name=label(category),
    )
    legend = legend_entry(label(category), colour, category)
    return [legend, bars, points] if spans else [legend, points]


def view_figure(view: str, data: Dataset, x_range: list[str] | None = None) -> dict[str, Any]:
    """The figure of one view (``theme`` or ``country``), showing ``x_range`` at first."""
    rows, centres, marks, depth = _placements(view, data)
    fig = go.Figure()
    for category in CATEGORIES:
        mine = [(eid, y) for eid, y in marks if data.events[eid].category == category]
        if mine:
            fig.add_traces(_category_traces(category, mine, data))
    fig.update_layout(
        base_layout(
            height=round(110 + UNIT_PX * depth),
            margin={"l": 10, "r": 10, "t": 10, "b": 90},
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
                "automargin": True,
            },
            legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
        )
    )
    return plotly_json(fig)


def quick_ranges(data: Dataset) -> list[dict[str, Any]]:
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
        {"label": "Since 2015", "range": ["2014-10-01", str(recent)]},
        {"label": "The whole story", "range": [str(first - pad), str(last + pad)]},
        {"label": "2015–2016", "range": ["2014-11-01", "2017-02-28"]},
        {"label": "August 2021 onward", "range": ["2021-07-01", str(late)]},
    ]


def timeline_payload(data: Dataset) -> dict[str, Any]:
    """The timeline file: both views, quick ranges and filters for ``charts.js``."""
    ranges = quick_ranges(data)
    start = ranges[0]["range"] if ranges else None
    return {
        "views": [
            {"id": "theme", "label": "By theme", "figure": view_figure("theme", data, start)},
            {"id": "country", "label": "By country", "figure": view_figure("country", data, start)},
        ],
        "ranges": ranges,
        "filters": facets.filter_options(data),
        "total": len(data.events),
        "noun": "events",
    }
