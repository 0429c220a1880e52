"""Plotly charts of the data: data in, figure JSON and text alternatives out.

Figures are written as JSON files that the site's ``charts.js`` draws with the
one self-hosted plotly.js bundle, so no chart page carries inline script and
charts survive Material's instant navigation. Each chart also has a summary
and a data table, generated here and placed with the chart on the page.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from builder.charts.alternative import Alternative
from builder.charts.inventory import inventory_alternative, inventory_figure
from builder.charts.key import status_key_html
from builder.charts.style import dump
from builder.charts.timeline import timeline_files
from builder.charts.timeline_text import timeline_alternative
from builder.charts.trade import trade_alternative, trade_figure
from builder.html.embeds import Embed
from builder.maps import CATEGORY_COLOURS
from builder.record.validate import Dataset

__all__ = ["CATEGORY_COLOURS", "CHARTS_DIR", "EMBEDS", "VIEWS", "embeds_for", "render_all"]

CHARTS_DIR = "data/charts"
"""Site folder of the figure JSON files."""

EMBEDS: dict[str, Embed] = {
    "chart:timeline": Embed(
        "chart",
        "timeline",
        "Timeline of every event, by theme or by country",
        "Every event in time. Colour shows the theme, the marker's shape how well the event "
        "is established, and a bar the period an imprecise date may mean; labels name the "
        "story's key events. Click a marker or a label to open the event; use the buttons to "
        "jump to a period or filter what is shown.",
        height=520,
    ),
    "chart:inventory": Embed(
        "chart",
        "inventory",
        "Drone inventory: which state got or made which drone, when and from whom",
        "One row per state and drone system, drawn from the drone acquisition and production "
        "events. Colour shows the supplier: Turkey, Iran or the state's own production.",
        height=420,
    ),
    "chart:trade": Embed(
        "chart",
        "trade",
        "Iran–Tajikistan trade: the $500 million target and the 2021 level it implies",
        "The solid bar is the pledged target as reported; the hatched bar is our own "
        "arithmetic from the article's figures, not a reported number.",
        height=420,
    ),
}
"""Every chart a page can place with ``[[chart NAME]]`` (without its data-driven text)."""


def _alternatives(data: Dataset) -> dict[str, Alternative]:
    timeline = timeline_alternative(data)
    inventory = inventory_alternative(data)
    key = status_key_html()
    return {
        "chart:timeline": replace(timeline, key_html=key),
        "chart:inventory": replace(inventory, key_html=key),
        "chart:trade": trade_alternative(data),
    }


VIEWS: dict[str, Embed] = {
    "chart:explore-timeline": Embed(
        "chart",
        "explore-timeline",
        "Timeline of every event, by theme or by country (the record's timeline chart; the "
        "explore page's timeline needs that page's map and filters, so this one stands in "
        "for it)",
        "The explore page's timeline, embedded as the timeline chart of every event.",
        height=520,
        shows="timeline",
        beside="dr-explore-timeline",
    ),
}
"""Charts that pages lay out themselves and offer with ``[[embed chart NAME]]``: the explore
page's timeline, which embeds as the timeline chart."""


def embeds_for(data: Dataset) -> dict[str, Embed]:
    """The charts' embeds with their key, summary and data table for this dataset, and the
    views."""
    return {
        **{
            key: replace(embed, alternative=partial(alt.html, embed.name))
            for key, alt in _alternatives(data).items()
            for embed in (EMBEDS[key],)
        },
        **VIEWS,
    }


def render_all(data: Dataset) -> dict[str, str]:
    """Every chart's JSON file, keyed by its site path."""
    files = {
        f"{CHARTS_DIR}/{name}": dump(payload) for name, payload in timeline_files(data).items()
    }
    return {
        **files,
        f"{CHARTS_DIR}/inventory.json": dump({"figure": inventory_figure(data)}),
        f"{CHARTS_DIR}/trade.json": dump({"figure": trade_figure(data)}),
    }
