"""Place maps and charts in Markdown pages with a one-line directive.

A chapter writes ``[[map regional]]`` or ``[[chart timeline]]`` on a line of
its own; the hook hands the page's Markdown to :func:`expand`, which swaps
each directive for the embed's HTML with links relative to that page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from builder.html.held_html import hold
from builder.html.sanitize import text

DIRECTIVE = re.compile(r"^\[\[(map|chart) ([a-z0-9-]+)\]\]\s*$", re.MULTILINE)
"""A directive line: ``[[map NAME]]`` or ``[[chart NAME]]``."""

PLOTLY_JS = "assets/vendor/plotly/plotly-basic.min.js"
"""Site-relative path of the one plotly.js bundle every chart uses."""


@dataclass(frozen=True)
class Embed:
    """A map or chart the site can place on a page."""

    kind: str
    name: str
    title: str
    description: str
    height: int = 520
    alternative: Callable[[str], str] | None = field(default=None, compare=False, repr=False)
    """Renders the text version placed with a map or chart, given the page's prefix to the root."""


class UnknownEmbed(ValueError):
    """A directive names a map or chart that the builder does not make."""


SKIP_TEXT = {"map": "Skip the map", "chart": "Skip the chart"}
"""Text of the link that lets keyboard users jump past an embed."""


def skip_link(embed: Embed) -> str:
    """A link to the point just after the embed, so keyboard users need not tab through it."""
    return f'<a class="dr-skip" href="#after-{embed.kind}-{embed.name}">{SKIP_TEXT[embed.kind]}</a>'


def after_anchor(embed: Embed) -> str:
    """The target of :func:`skip_link`; focusable from script so focus lands past the embed."""
    return f'<div class="dr-after" id="after-{embed.kind}-{embed.name}" tabindex="-1"></div>'


def map_html(embed: Embed, prefix: str) -> str:
    """An iframe holding a standalone map document, with its accessible name."""
    return (
        f'<figure class="dr-map">'
        f'<iframe src="{prefix}maps/{embed.name}.html" title="{text(embed.title)}" '
        f'loading="lazy" style="height:{embed.height}px"></iframe>'
        f"<figcaption>{text(embed.description)} "
        f'<a href="{prefix}maps/{embed.name}.html">Open the map full screen</a>.</figcaption>'
        f"{embed.alternative(prefix) if embed.alternative else ''}"
        f"</figure>"
    )


def chart_html(embed: Embed, prefix: str) -> str:
    """A chart container that ``charts.js`` fills, named, captioned and with its text alternative.

    The drawing is one named group to assistive technology (``role="group"``:
    it holds plotly's buttons, which an ``img`` may not), named by the
    caption's title and described by the summary; the data table beneath it
    carries the same facts, links included, for every reader.
    """
    title_id = f"chart-{embed.name}-title"
    described = f' aria-describedby="chart-{embed.name}-summary"' if embed.alternative else ""
    alternative = embed.alternative(prefix) if embed.alternative else ""
    return (
        f'<figure class="dr-chart-figure" id="figure-{embed.name}">'
        f'<figcaption><strong class="dr-chart-title" id="{title_id}">{text(embed.title)}</strong> '
        f"{text(embed.description)}</figcaption>"
        f'<div class="dr-chart" id="chart-{embed.name}" role="group" '
        f'aria-labelledby="{title_id}"{described} '
        f'data-figure="{prefix}data/charts/{embed.name}.json" '
        f'data-plotly="{prefix}{PLOTLY_JS}" style="min-height:{embed.height}px"></div>'
        f"{alternative}"
        f"</figure>"
    )


def expand(markdown: str, embeds: dict[str, Embed], prefix: str) -> str:
    """Replace every directive in ``markdown``; an unknown name raises :class:`UnknownEmbed`."""
    if "[[" not in markdown:
        return markdown  # most pages (every event's) have none: skip the scan

    def replace(match: re.Match[str]) -> str:
        kind, name = match.groups()
        embed = embeds.get(f"{kind}:{name}")
        if embed is None:
            known = ", ".join(sorted(embeds))
            raise UnknownEmbed(f"[[{kind} {name}]] is not a known embed (known: {known})")
        html = (map_html if kind == "map" else chart_html)(embed, prefix)
        # Finished HTML: held away from Markdown (builder.html.held_html), back before the search.
        return hold(f'<div class="dr-embed">{skip_link(embed)}{html}{after_anchor(embed)}</div>')

    return DIRECTIVE.sub(replace, markdown)
