"""Finished HTML that bypasses Markdown: held in a comment, put back after rendering.

Python-Markdown parses every raw HTML block of a page tag by tag, twice (MkDocs
looks for anchors, ``md_in_html`` for nested Markdown), and Material's search
parses the rendered page once more. HTML the builder has already rendered and
escaped gains nothing from any of that, and at 10,000 event pages it was most
of what our build costs over a plain site of the same size.

So a generated page carries such a block as one HTML comment, which those
parsers skip in one step. The block is base64-encoded, so nothing inside it
can close the comment early. The MkDocs hook puts the blocks back: blocks
the search should index as soon as the page's HTML exists (before the search
reads it), the others (see :data:`builder.html.search.NOT_INDEXED`) only in the
finished page, which the search never parses. A block must not carry an
``id`` that Markdown links point to: MkDocs checks anchors before the blocks
are back.
"""

from __future__ import annotations

import base64
import re

INDEXED = "dr-held"
"""Comment label of a held block that the site search indexes."""

UNINDEXED = "dr-held-unindexed"
"""Comment label of a held block that the site search leaves out."""

_HELD = re.compile(r"<!--(dr-held(?:-unindexed)?) ([A-Za-z0-9+/=]*)-->")


def hold(html: str, *, indexed: bool = True) -> str:
    """``html`` as a Markdown block (with its blank line) that Markdown passes through whole."""
    if not html:
        return ""
    label = INDEXED if indexed else UNINDEXED
    encoded = base64.b64encode(html.encode("utf-8")).decode("ascii")
    return f"<!--{label} {encoded}-->\n\n"


def release(document: str, *, indexed: bool) -> str:
    """Put back the held blocks of one kind (indexed or not) in rendered HTML."""
    label = INDEXED if indexed else UNINDEXED
    if f"<!--{label} " not in document:
        return document
    return _HELD.sub(
        lambda m: base64.b64decode(m[2]).decode("utf-8") if m[1] == label else m[0], document
    )


def release_all(document: str) -> str:
    """Put back every held block: the page as readers get it, for tests and previews."""
    return release(release(document, indexed=True), indexed=False)
