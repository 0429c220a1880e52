"""Chapters read as one column of text, with maps and charts wider than it.

A chapter (a page under ``chapters/``) hides Material's contents sidebar: its
maps and charts take that column's width too (938 px rather than 688 in a
1,366 px window), while ``site.css`` keeps its prose to a reading measure, as a
graphics desk sets a story. Its sections stay one click away, listed in an "On
this page" line under the title, as on the Maps page.
"""

from __future__ import annotations

import html as html_lib
import re

CHAPTERS_DIR = "chapters/"
"""Source folder of the chapters (under ``docs/``)."""

_FIRST_TITLE_END = re.compile(r"</h1>")


def is_chapter(src_uri: str) -> bool:
    """Whether the page at ``src_uri`` (relative to ``docs/``) is a chapter."""
    return src_uri.startswith(CHAPTERS_DIR) and src_uri.endswith(".md")


def hide_contents_sidebar(hide: list[str] | None) -> list[str]:
    """The page's ``hide`` list with Material's contents sidebar (``toc``) added."""
    parts = list(hide or [])
    return parts if "toc" in parts else [*parts, "toc"]


def contents_line(sections: list[tuple[str, str]]) -> str:
    """``On this page: <a>…</a> · <a>…</a>.`` for (title, ``#anchor``) pairs; empty if under two.

    Titles come from the rendered headings, where text is already escaped:
    unescaped first, so that an ampersand is escaped once, not twice.
    """
    if len(sections) < 2:
        return ""
    links = " · ".join(
        f'<a href="{html_lib.escape(anchor)}">{html_lib.escape(html_lib.unescape(title))}</a>'
        for title, anchor in sections
    )
    return f'<p class="dr-page-contents">On this page: {links}.</p>'


def add_contents(page_html: str, sections: list[tuple[str, str]]) -> str:
    """``page_html`` with :func:`contents_line` placed just after its title."""
    line = contents_line(sections)
    end = _FIRST_TITLE_END.search(page_html)
    if not line or end is None:
        return page_html
    return page_html[: end.end()] + "\n" + line + page_html[end.end() :]
