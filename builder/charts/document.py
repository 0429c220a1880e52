"""A standalone document per chart, for other sites to frame: ``embed/<name>.html``.

On our pages a chart is a ``<div>`` that ``assets/js/charts.js`` fills; another
site cannot place that without our page around it. This document holds the
chart alone, captioned, with a credit line linking back to the site, and loads
the same ``charts.js`` and plotly.js bundle from our site. Its links open on our
site in the whole window (``target="_top"``), never inside the frame.
"""

from __future__ import annotations

from builder.html.embeds import PLOTLY_JS, Embed
from builder.html.sanitize import text
from builder.i18n import Language
from builder.i18n.messages import message

CHARTS_JS = "assets/js/charts.js"
"""Site path of the script that draws every chart."""

STYLES = ("assets/css/charts.css", "assets/css/embed.css")
"""Site paths of the chart document's stylesheets."""

FAVICON = "assets/images/favicon.svg"
"""Site path of the site's icon, which the map documents name too."""


def chart_document(embed: Embed, site_name: str, figure_path: str, lang: Language = "en") -> str:
    """The chart ``embed`` as a document of its own; ``figure_path`` is its JSON's site path.

    ``lang`` is the document's language; the embed's title and description are taken as
    given (in that language already).
    """
    up = "../"
    links = "".join(f'<link rel="stylesheet" href="{up}{path}">' for path in STYLES)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(embed.title)} - {text(site_name)}</title>{links}"
        # Our own icon, or the browser asks for /favicon.ico, which the site does not have.
        f'<link rel="icon" href="{up}{FAVICON}" type="image/svg+xml"></head>'
        '<body class="dr-embed-document"><main>'
        f'<figure class="dr-chart-figure" id="figure-{embed.name}">'
        f'<figcaption><strong class="dr-chart-title" id="chart-{embed.name}-title">'
        f"{text(embed.title)}</strong> {text(embed.description)}</figcaption>"
        f'<div class="dr-chart" id="chart-{embed.name}" role="group" '
        f'aria-labelledby="chart-{embed.name}-title" data-figure="{up}{text(figure_path)}" '
        f'data-plotly="{up}{PLOTLY_JS}" style="min-height:{embed.height}px"></div>'
        "</figure>"
        f'<p class="dr-credit"><a href="{up}" target="_top">{text(site_name)}</a>: '
        f"{text(message('chart.credit', lang))}</p></main>"
        f'<script src="{up}{CHARTS_JS}"></script>'
        "</body></html>\n"
    )
