"""What every chart shares: status marks, date spans, hover text and a lean layout.

Hover labels in plotly.js render a little HTML, so every editor-supplied string
that reaches a figure goes through :func:`plotly_text` first.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from builder.i18n import Language
from builder.i18n.messages import MESSAGES, formatted
from builder.maps.words import date, name
from builder.record import dates
from builder.record.schema import Event
from builder.record.validate import Dataset

STATUS_SYMBOLS: dict[str, str] = {
    "confirmed": "circle",
    "reported": "circle-open-dot",
    "claimed": "circle-open",
    "disputed": "diamond-open",
    "denied": "x-thin-open",
}
"""Marker symbol per status: solid for established facts, open and emptier for claims."""

STATUS_SPAN_OPACITY: dict[str, float] = {
    "confirmed": 0.45,
    "reported": 0.35,
    "claimed": 0.2,
    "disputed": 0.2,
    "denied": 0.12,
}
"""Fill opacity of a date-span bar per status: the weaker the claim, the fainter the bar."""

FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
"""The system font stack; the site loads no web fonts."""

Trace = dict[str, Any]
"""A plotly trace as plain JSON data, with its ``type``."""

DAY_MS = 86_400_000
"""Milliseconds in a day: plotly measures date-axis bar lengths in ms."""


def plotly_text(value: str) -> str:
    """Escape editor text for plotly labels, which would otherwise render its tags.

    Only ``&``, ``<`` and ``>`` are escaped: plotly turns those entities back
    into characters but shows ``&quot;`` literally, and with no ``<`` left no
    tag (and so no attribute) can form.
    """
    return html.escape(value, quote=False)


def label(identifier: str, lang: Language = "en") -> str:
    """Turn an id such as ``drone-production`` into a label: ``Drone production``.

    In another language, a category's label is its ``ui.category.<id>`` message.
    """
    key = f"ui.category.{identifier}"
    if lang != "en" and key in MESSAGES:
        return formatted(key, lang)
    return identifier.replace("-", " ").capitalize()


def span(event: Event) -> tuple[dt.date, dt.date]:
    """First and last day the event's dates may mean (its date to its end_date)."""
    return dates.start(event.date), dates.end(event.end_date or event.date)


def is_exact_day(event: Event) -> bool:
    """Whether the event is known to the day and lasted no longer: a point, not a span."""
    return event.end_date is None and dates.precision(event.date) == "day"


def midpoint(first: dt.date, last: dt.date) -> dt.date:
    """The middle day of a span, where its marker sits (the span bar shows the uncertainty)."""
    return first + (last - first) / 2


def date_text(event: Event, lang: Language = "en") -> str:
    """Reader-facing date with its precision stated, e.g. ``May 2022 (day not known)``."""
    first = date(event.date, lang)
    if event.end_date is not None:
        return formatted("chart.date_range", lang, first=first, last=date(event.end_date, lang))
    unknown = {
        "day": "",
        "month": formatted("chart.day_unknown", lang),
        "year": formatted("chart.month_unknown", lang),
    }
    return first + unknown[dates.precision(event.date)]


def status_text(event: Event, data: Dataset, lang: Language = "en") -> str:
    """The status with who claims and who denies, in plain text."""
    parts: list[str] = [event.status if lang == "en" else formatted(f"status.{event.status}", lang)]
    if event.claimed_by:
        names = ", ".join(name(data.actors[a], lang) for a in event.claimed_by)
        parts.append(formatted("chart.status_by", lang, names=names))
    if event.denied_by:
        names = ", ".join(name(data.actors[a], lang) for a in event.denied_by)
        parts.append(formatted("chart.status_rejected", lang, names=names))
    return " ".join(parts).replace(" ;", ";")


def base_layout(**overrides: Any) -> dict[str, Any]:
    """A lean layout: no template, system fonts, small margins, closest-point hover."""
    layout: dict[str, Any] = {
        "template": "none",
        "font": {"family": FONT, "size": 12, "color": "#333"},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "namelength": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "dragmode": False,
    }
    layout.update(overrides)
    return layout


def plotly_json(fig: go.Figure) -> dict[str, Any]:
    """A validated figure as plain JSON data (no uids, so output is deterministic)."""
    figure: dict[str, Any] = json.loads(
        pio.to_json(fig, validate=True, pretty=False, remove_uids=True)
    )
    return figure


def dump(payload: dict[str, Any]) -> str:
    """Serialise a chart file deterministically for ``charts.js``."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def legend_entry(name: str, colour: str, group: str) -> Trace:
    """A legend-only trace: a plain filled circle naming a colour, whatever the statuses.

    The data traces hide from the legend, since a legend symbol taken from them
    would show one status's shape as if it stood for the whole colour.
    """
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "marker": {"color": colour, "size": 11, "symbol": "circle"},
        "name": name,
        "legendgroup": group,
        "hoverinfo": "skip",
        "showlegend": True,
    }


def _first_point(value: Any, n: int) -> Any:
    if isinstance(value, list) and len(value) == n:
        return value[:1]
    if isinstance(value, dict):
        return {k: _first_point(v, n) for k, v in value.items()}
    return value


def checked_figure(traces: list[Trace], layout: dict[str, Any]) -> dict[str, Any]:
    """A figure of plain trace dicts, checked by plotly's validators without their cost.

    Validating ten thousand points takes plotly many seconds, and every point
    of a trace is made by the same code; so each trace is validated with its
    first point only, the layout in full, and the traces are kept as they are.
    """
    sample = [_first_point(t, len(t.get("customdata") or t["x"])) for t in traces]
    checked = plotly_json(go.Figure(data=sample, layout=layout))
    return {"data": traces, "layout": checked["layout"]}
