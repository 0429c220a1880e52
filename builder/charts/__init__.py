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
from builder.charts.inventory import inventory_alternative, inventory_file
from builder.charts.key import status_key_html
from builder.charts.style import dump
from builder.charts.timeline import timeline_files
from builder.charts.timeline_text import timeline_alternative
from builder.charts.trade import trade_alternative, trade_file
from builder.html.embeds import Embed
from builder.i18n import Language
from builder.i18n.messages import message
from builder.maps import CATEGORY_COLOURS
from builder.record.validate import Dataset

__all__ = [
    "CATEGORY_COLOURS",
    "CHARTS_DIR",
    "EMBEDS",
    "VIEWS",
    "embeds_for",
    "localized_embed",
    "render_all",
]

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


def _alternatives(data: Dataset, lang: Language = "en") -> dict[str, Alternative]:
    timeline = timeline_alternative(data, lang)
    inventory = inventory_alternative(data, lang)
    key = status_key_html(lang)
    return {
        "chart:timeline": replace(timeline, key_html=key, lang=lang),
        "chart:inventory": replace(inventory, key_html=key, lang=lang),
        "chart:trade": replace(trade_alternative(data, lang), lang=lang),
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


def embeds_for(data: Dataset, lang: Language = "en") -> dict[str, Embed]:
    """The charts' embeds with their key, summary and data table for this dataset, and the
    views, in ``lang``.

    In another language than English, each embed's title and description are its
    ``chart.embed.<name>.title`` and ``.description`` messages.
    """
    return {
        **{
            key: replace(
                localized_embed(EMBEDS[key], lang), alternative=partial(alt.html, EMBEDS[key].name)
            )
            for key, alt in _alternatives(data, lang).items()
        },
        **{key: localized_embed(view, lang) for key, view in VIEWS.items()},
    }


def localized_embed(embed: Embed, lang: Language) -> Embed:
    """``embed`` with its title and description in ``lang`` (its ``chart.embed.`` messages)."""
    if lang == "en":
        return embed
    return replace(
        embed,
        title=message(f"chart.embed.{embed.name}.title", lang),
        description=message(f"chart.embed.{embed.name}.description", lang),
    )


def render_all(data: Dataset, lang: Language = "en") -> dict[str, str]:
    """Every chart's JSON file, keyed by its site path, its words in ``lang``.

    A file in another language than English also names Plotly's locale, carries
    ``charts.js``'s words and Babel-made date ticks (:mod:`builder.charts.locale`); the
    Russian edition calls this with ``lang="ru"`` and publishes the same paths under
    its own root.
    """
    files = {
        f"{CHARTS_DIR}/{name}": dump(payload)
        for name, payload in timeline_files(data, lang).items()
    }
    return {
        **files,
        f"{CHARTS_DIR}/inventory.json": dump(inventory_file(data, lang)),
        f"{CHARTS_DIR}/trade.json": dump(trade_file(data, lang)),
    }
