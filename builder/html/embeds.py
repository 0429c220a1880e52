"""Place maps and charts in Markdown pages with a one-line directive.

A chapter writes ``[[map regional]]`` or ``[[chart timeline]]`` on a line of
its own; the hook hands the page's Markdown to :func:`expand`, which swaps
each directive for the embed's HTML with links relative to that page. A page
that lays out a map or chart itself (the home page's opening map, the story's
sticky map, the explore page's map and timeline) writes ``[[embed map NAME]]``
beside it instead: only the "Embed" control, the same one every figure has.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from builder.html.held_html import hold
from builder.html.sanitize import text

DIRECTIVE = re.compile(r"^\[\[(embed )?(map|chart) ([a-z0-9-]+)\]\]\s*$", re.MULTILINE)
"""A directive line: ``[[map NAME]]`` or ``[[chart NAME]]`` (the figure), or
``[[embed map NAME]]`` or ``[[embed chart NAME]]`` (its "Embed" control alone)."""

PLOTLY_JS = "assets/vendor/plotly/plotly-basic.min.js"
"""Site-relative path of the one plotly.js bundle every chart uses."""

CHART_DOCUMENTS = "embed"
"""Site folder of the standalone chart documents other sites frame (``embed/<name>.html``)."""

CREDIT = "CC BY 4.0"
"""The licence the credit line of an embedded map or chart names."""


@dataclass(frozen=True)
class StaticMap:
    """A map's static image: what readers without JavaScript, print and archives see."""

    src: str
    """Site-relative path of the PNG."""
    alt: str
    """The written description of what the image shows."""
    width: int
    """Width in pixels."""
    height: int
    """Height in pixels."""


SKIP_TEXT: dict[str, str] = {"map": "Skip the map", "chart": "Skip the chart"}
"""Text of the link that lets keyboard users jump past an embed."""


@dataclass(frozen=True)
class EmbedWords:
    """The words around an embed, in the page's language (English unless the page's
    edition gives its own, from :mod:`builder.i18n.messages`)."""

    kind: dict[str, str] = field(default_factory=lambda: {"map": "map", "chart": "chart"})
    """Each kind's name in running text."""
    credit_kind: dict[str, str] = field(default_factory=lambda: {"map": "Map", "chart": "Chart"})
    """Each kind's name starting the credit line."""
    summary: str = "Embed this {kind}"
    """The disclosure's label."""
    help: str = "Copy this code into your page to show the {kind} there; it credits and links back to this page."
    """What to do with the code."""
    full_screen: str = "Open the map full screen"
    """The link to a map's own document."""
    skip: dict[str, str] = field(default_factory=lambda: dict(SKIP_TEXT))
    """The link past each kind of embed, for keyboard users."""


@dataclass(frozen=True)
class Publication:
    """Where the page that places an embed is published, for the copyable embed code."""

    site_url: str
    """The site's absolute address, ending in ``/``."""
    site_name: str
    """The site's name, for the credit line."""
    page_url: str
    """The absolute address of the page the embed is placed on: the credit links to it."""
    words: EmbedWords = field(default_factory=EmbedWords)
    """The words around the embed, in the page's language."""


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
    static: StaticMap | None = None
    """The map's static image, when the build drew one."""
    shows: str | None = None
    """The standalone map or chart whose document the embed code places, when this view
    cannot stand on its own (the explore page's map is driven by the page); its title
    then says what the framed document shows instead."""
    beside: str | None = None
    """Id of the element on its page that shows this view, when the page lays the view out
    itself and its "Embed" control stands apart from it rather than in the same figure."""

    @property
    def document(self) -> str:
        """Site path of the document an ``iframe`` shows: the map, or the chart's own page."""
        folder = "maps" if self.kind == "map" else CHART_DOCUMENTS
        return f"{folder}/{self.shows or self.name}.html"


class UnknownEmbed(ValueError):
    """A directive names a map or chart that the builder does not make."""


def skip_link(embed: Embed, words: EmbedWords | None = None) -> str:
    """A link to the point just after the embed, so keyboard users need not tab through it."""
    said = (words or EmbedWords()).skip[embed.kind]
    return f'<a class="dr-skip" href="#after-{embed.kind}-{embed.name}">{text(said)}</a>'


def after_anchor(embed: Embed) -> str:
    """The target of :func:`skip_link`; focusable from script so focus lands past the embed."""
    return f'<div class="dr-after" id="after-{embed.kind}-{embed.name}" tabindex="-1"></div>'


def static_image(image: StaticMap, prefix: str) -> str:
    """The static map, hidden while the live map can run and shown without JavaScript and in
    print (``assets/css/site.css``); ``loading="lazy"`` keeps readers with JavaScript from
    downloading it."""
    return (
        f'<img class="dr-map-static" src="{prefix}{text(image.src)}" alt="{text(image.alt)}" '
        f'width="{image.width}" height="{image.height}" loading="lazy" decoding="async">'
    )


def _attribute(value: str) -> str:
    """``value`` for a double-quoted attribute of code readers copy: ``&``, ``<``, ``>`` and
    ``"`` escaped, an apostrophe left as it is (it cannot end the value, and "the drone&#x27;s"
    in the code put readers off)."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def snippet(kind: str, src: str, title: str, height: int, where: Publication) -> str:
    """The ``<iframe>`` code that places the document at absolute ``src``, with a credit line
    that links back to the page it was copied from."""
    return (
        f'<iframe src="{_attribute(src)}" title="{_attribute(title)}" width="100%" '
        f'height="{height}" style="border:0;max-width:100%" loading="lazy"></iframe>\n'
        f'<p style="font-size:small">{where.words.credit_kind[kind]}: '
        f'<a href="{_attribute(where.page_url)}">{text(where.site_name)}</a>, {CREDIT}</p>'
    )


def embed_code(embed: Embed, where: Publication) -> str:
    """The ``<iframe>`` snippet another site copies to place ``embed``, with its credit line."""
    height = embed.height if embed.kind == "map" else embed.height + 80
    return snippet(embed.kind, where.site_url + embed.document, embed.title, height, where)


def code_control(
    kind: str, code: str, words: EmbedWords | None = None, beside: str | None = None
) -> str:
    """The "Embed" control: a disclosure holding the copyable ``code`` (Material adds the
    copy button to its code block); ``beside`` names the id of the view it offers, when the
    control is not in that view's figure."""
    words = words or EmbedWords()
    name = words.kind[kind]
    offers = f' data-embed-for="{text(beside)}"' if beside else ""
    return (
        f'<details class="dr-embed-code"{offers}><summary>{text(words.summary.format(kind=name))}'
        f"</summary><p>{text(words.help.format(kind=name))}</p>"
        f"<pre><code>{text(code)}</code></pre></details>"
    )


def embed_control(embed: Embed, where: Publication | None) -> str:
    """The "Embed" control: a disclosure holding the copyable snippet (Material adds the copy
    button to its code block); nothing when the page's address is unknown."""
    if where is None:
        return ""
    return code_control(embed.kind, embed_code(embed, where), where.words, embed.beside)


def map_html(embed: Embed, prefix: str, where: Publication | None = None) -> str:
    """An iframe holding a standalone map document, with its accessible name, its static
    image for readers without JavaScript and print, and its embed control."""
    return (
        f'<figure class="dr-map">'
        f'<iframe src="{prefix}{embed.document}" title="{text(embed.title)}" '
        f'loading="lazy" style="height:{embed.height}px"></iframe>'
        f"{static_image(embed.static, prefix) if embed.static else ''}"
        f"<figcaption>{text(embed.description)}"
        # One span, so print can drop the link and its full stop together.
        f'<span class="dr-map-open"> <a href="{prefix}{embed.document}">'
        f"{text((where.words if where else EmbedWords()).full_screen)}</a>.</span></figcaption>"
        f"{embed_control(embed, where)}"
        f"{embed.alternative(prefix) if embed.alternative else ''}"
        f"</figure>"
    )


CHARTS_SCRIPT = "assets/js/charts.js"
"""The script that draws a page's charts, loaded by the pages that have one (after each chart)."""


def chart_html(embed: Embed, prefix: str, where: Publication | None = None) -> str:
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
        f"{embed_control(embed, where)}"
        f"{alternative}"
        f"</figure>"
        # Only pages with a chart load its script; Material's instant navigation runs the
        # scripts of each page it swaps in, and the script runs its set-up once.
        f'<script src="{prefix}{CHARTS_SCRIPT}"></script>'
    )


def expand(
    markdown: str, embeds: dict[str, Embed], prefix: str, where: Publication | None = None
) -> str:
    """Replace every directive in ``markdown``; an unknown name raises :class:`UnknownEmbed`.

    ``where`` the page is published gives each embed its copyable embed code.
    """
    if "[[" not in markdown:
        return markdown  # most pages (every event's) have none: skip the scan

    def replace(match: re.Match[str]) -> str:
        control_only, kind, name = match.groups()
        embed = embeds.get(f"{kind}:{name}")
        if embed is None:
            known = ", ".join(sorted(embeds))
            raise UnknownEmbed(f"[[{kind} {name}]] is not a known embed (known: {known})")
        if control_only:
            # Beside a map or chart the page lays out itself; not for the search to index.
            return hold(embed_control(embed, where), indexed=False)
        html = (map_html if kind == "map" else chart_html)(embed, prefix, where)
        # Finished HTML: held away from Markdown (builder.html.held_html), back before the search.
        skip = skip_link(embed, where.words if where else None)
        return hold(f'<div class="dr-embed">{skip}{html}{after_anchor(embed)}</div>')

    return DIRECTIVE.sub(replace, markdown)
