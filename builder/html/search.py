"""What the site search indexes: each fact once, on the page that owns it.

Material's search plugin skips any block carrying :data:`NOT_INDEXED` and any
section whose heading carries it. Generated lists that repeat other pages
(events beside a map or chart, an event's sources, an actor's events) carry
it, so each event is found on its own page and each source in the
bibliography, and the index every page downloads stays small. The blocks stay
on the page for readers; only the search leaves them out.
"""

from __future__ import annotations

NOT_INDEXED = "data-search-exclude"
"""HTML attribute that keeps a block out of the site search."""


def unindexed_heading(title: str, level: int = 2) -> str:
    """A Markdown heading (with its blank line) whose whole section the search leaves out."""
    return f"{'#' * level} {title} {{: {NOT_INDEXED} }}\n\n"
