"""What the site search indexes: each fact once, on the page that owns it.

Material's search plugin skips any block carrying :data:`NOT_INDEXED` and any
section whose heading carries it. Generated lists that repeat other pages
(events beside a map or chart, an event's sources, an actor's events) carry
it, so each event is found on its own page and each source in the
bibliography, and the index every page downloads stays small. The blocks stay
on the page for readers; only the search leaves them out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

NOT_INDEXED = "data-search-exclude"
"""HTML attribute that keeps a block out of the site search."""


def unindexed_heading(title: str, level: int = 2) -> str:
    """A Markdown heading (with its blank line) whose whole section the search leaves out."""
    return f"{'#' * level} {title} {{: {NOT_INDEXED} }}\n\n"


_COMPACT = (",", ":")


def index_json(config: Mapping[str, Any], docs: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The search index as Material's plugin writes it (``{"config": ..., "docs": [...]}``,
    compact, anything unusual as its ``str``), in pieces of one document each.

    The plugin makes the whole file one string and then its bytes: at 10,000 events,
    40 MB of the Russian edition's memory for a moment, at the moment both editions end."""
    yield '{"config":' + json.dumps(config, separators=_COMPACT, default=str) + ',"docs":['
    separator = ""
    for doc in docs:
        yield separator + json.dumps(doc, separators=_COMPACT, default=str)
        separator = ","
    yield "]}"
