"""Make editor-supplied text safe for every place it lands.

Plain fields (titles, names, publishers) are escaped. Markdown fields
(summaries, responses) are rendered to HTML and then cleaned with an
allow-list: no scripts, frames, event-handler attributes or ``javascript:``
and ``data:`` links survive.
"""

from __future__ import annotations

import html
import json
from functools import cache

import markdown
import nh3

ALLOWED_TAGS = frozenset(
    {"p", "a", "em", "strong", "code", "ul", "ol", "li", "blockquote", "br", "sup", "sub"}
)
"""The HTML elements an editor's Markdown may produce."""

ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Link schemes allowed in editor Markdown; relative links are kept too."""


def text(value: str) -> str:
    """Escape plain text for HTML element content and attribute values."""
    return html.escape(value, quote=True)


@cache
def _markdown() -> markdown.Markdown:
    # Building a Markdown parser costs more than converting a summary with it;
    # one parser, reset before each use, serves every field (no state carries over).
    return markdown.Markdown(output_format="html")


def markdown_html(value: str) -> str:
    """Render editor Markdown to HTML and strip everything not on the allow-list."""
    rendered = _markdown().reset().convert(value)
    return nh3.clean(
        rendered,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href", "title"}},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def inline_markdown_html(value: str) -> str:
    """Like :func:`markdown_html` for one short paragraph, without the ``<p>`` wrapper."""
    cleaned = markdown_html(value).strip()
    if cleaned.startswith("<p>") and cleaned.endswith("</p>") and cleaned.count("<p>") == 1:
        return cleaned[3:-4]
    return cleaned


def script_json(value: object) -> str:
    """Serialise to JSON that is safe inside an HTML ``<script>`` element."""
    dumped = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        dumped.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
