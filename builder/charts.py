"""Plotly charts of the events: data in, figure JSON out.

Figures are written as JSON files that the site's ``charts.js`` draws with the
one self-hosted plotly.js bundle, so no chart page carries inline script and
charts survive Material's instant navigation.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
import plotly.io as pio

from builder import dates
from builder.embeds import Embed
from builder.maps import CATEGORY_COLOURS
from builder.validate import Dataset

STATUS_SYMBOLS = {
    "confirmed": "circle",
    "reported": "circle-dot",
    "claimed": "circle-open",
    "disputed": "diamond-open",
    "denied": "x-open",
}
"""Marker symbol per status: solid for established facts, open for claims."""

CHARTS_DIR = "data/charts"
"""Site folder of the figure JSON files."""


def timeline_figure(data: Dataset) -> go.Figure:
    """Every event in time: one row per category, marker shape by status."""
    fig = go.Figure()
    ordered = data.chronological()
    for category, colour in CATEGORY_COLOURS.items():
        rows = [(eid, ev) for eid, ev in ordered if ev.category == category]
        if not rows:
            continue
        fig.add_trace(
            go.Scatter(
                x=[dates.start(ev.date).isoformat() for _, ev in rows],
                y=[category.replace("-", " ") for _ in rows],
                mode="markers",
                name=category.replace("-", " "),
                marker={
                    "color": colour,
                    "size": 12,
                    "symbol": [STATUS_SYMBOLS[ev.status] for _, ev in rows],
                    "line": {"width": 2, "color": colour},
                },
                customdata=[
                    [f"events/{eid}/", ev.status, dates.display(ev.date)] for eid, ev in rows
                ],
                text=[html.escape(ev.title) for _, ev in rows],
                hovertemplate="<b>%{text}</b><br>%{customdata[2]} · %{customdata[1]}<extra></extra>",
            )
        )
    fig.update_layout(
        template="none",
        height=420,
        margin={"l": 130, "r": 20, "t": 30, "b": 40},
        xaxis={"type": "date", "title": None},
        yaxis={"title": None, "automargin": True},
        legend={"orientation": "h", "y": -0.15},
        hovermode="closest",
    )
    return fig


def figure_json(fig: go.Figure) -> str:
    """Serialise a figure deterministically for ``charts.js``."""
    return pio.to_json(fig, validate=True, pretty=False, remove_uids=True) + "\n"


EMBEDS: dict[str, Embed] = {
    "chart:timeline": Embed(
        "chart",
        "timeline",
        "Timeline of every event, by category",
        "Every event in time, one row per category. Solid markers are confirmed or reported "
        "events; open markers are claims. Click a marker to open the event.",
        height=440,
    ),
}
"""Every chart a page can place with ``[[chart NAME]]``."""


def render_all(data: Dataset) -> dict[str, str]:
    """Every chart's figure JSON, keyed by its site path."""
    return {f"{CHARTS_DIR}/timeline.json": figure_json(timeline_figure(data))}
