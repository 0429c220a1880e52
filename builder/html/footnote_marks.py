"""Commas between footnote numbers that cite one sentence together ("...own.3,4").

Python-Markdown writes each footnote reference as its own ``<sup>``, so two
references in a row read as one number ("34"). A comma goes between them in
the markup, where it belongs to those two numbers alone: a CSS rule cannot say
"directly after another number", since sibling selectors skip the text between.
"""

from __future__ import annotations

import re

SEPARATOR = '<sup class="dr-fn-sep">,</sup>'
"""What goes between two footnote numbers that follow each other directly."""

_ADJACENT = re.compile(
    r'(<sup id="fnref[^"]*"><a class="footnote-ref"[^>]*>[^<]*</a></sup>)\s*(?=<sup id="fnref)'
)


def separate_adjacent(html: str) -> str:
    """Put :data:`SEPARATOR` between footnote references with nothing but space between them."""
    return _ADJACENT.sub(lambda match: match.group(1) + SEPARATOR, html)
