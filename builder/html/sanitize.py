"""Make editor-supplied text safe for every place it lands.

Plain fields (titles, names, publishers) are escaped. Markdown fields
(summaries, responses) are rendered to HTML and then cleaned with an
allow-list: no scripts, frames, event-handler attributes or ``javascript:``
and ``data:`` links survive.
"""

from __future__ import annotations

import html
import json
import re
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


_MARKUP = re.compile(r"[\\`*_\[\]<>&!\n\t\u00a0]|^\s|\s$")
"""Characters that can make Markdown or the cleaner do more than wrap text in ``<p>``."""

_BLOCK_START = re.compile(r"(?:[#>=]|[-+*]\s|\d+[.)]\s|-{3,})")
"""Starts of a line that Markdown reads as a heading, quote, list or rule."""


def markdown_html(value: str) -> str:
    """Render editor Markdown to HTML and strip everything not on the allow-list."""
    stripped = value.rstrip("\n")
    if stripped and not _MARKUP.search(stripped) and not _BLOCK_START.match(stripped):
        # One plain paragraph, the common case: what Markdown and the cleaner would
        # return, without running them (a tenth of a millisecond per event adds up).
        return f"<p>{stripped}</p>"
    return rendered_and_cleaned(value)


def rendered_and_cleaned(value: str) -> str:
    """The full path of :func:`markdown_html`: Markdown, then the allow-list cleaner."""
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
