"""Finished HTML that bypasses Markdown: held in a comment, put back after rendering.

Python-Markdown parses every raw HTML block of a page tag by tag, twice (MkDocs
looks for anchors, ``md_in_html`` for nested Markdown), and Material's search
parses the rendered page once more. HTML the builder has already rendered and
escaped gains nothing from any of that, and at 10,000 event pages it was most
of what our build costs over a plain site of the same size.

So a generated page carries such a block as one HTML comment, which those
parsers skip in one step. A small block is base64-encoded inside it, so nothing
inside it can close the comment early. A large one (the events index's table,
an actor's list of events: megabytes at 10,000 events) is kept aside,
compressed, and the comment carries only its digest: Markdown, which copies a
page's source several times over while it converts it, then never sees the
megabytes at all (at 10,000 events, 48 MB less at the Russian events index's
conversion). The MkDocs hook puts the blocks back: blocks
the search should index as soon as the page's HTML exists (before the search
reads it), the others (see :data:`builder.html.search.NOT_INDEXED`) only in the
finished page, which the search never parses. A block must not carry an
``id`` that Markdown links point to: MkDocs checks anchors before the blocks
are back.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib

INDEXED = "dr-held"
"""Comment label of a held block that the site search indexes."""

UNINDEXED = "dr-held-unindexed"
"""Comment label of a held block that the site search leaves out."""

# A block inline (base64) or kept aside (``#`` and its digest, which base64 never spells).
_HELD = re.compile(r"<!--(dr-held(?:-unindexed)?) (?:#([0-9a-f]{32})|([A-Za-z0-9+/=]*))-->")

LARGE_BLOCK = 65_536
"""Characters from which a block is kept aside rather than carried in the page's source,
unless it has an inline script or style: a kept block may be put back after the page's
security policy is made (:func:`release`), so it must carry nothing the policy allows by
its hash."""

_INLINE_CODE = re.compile(r"<(?:script|style)\b", re.IGNORECASE)

_kept: dict[str, bytes] = {}
"""The large blocks held since :func:`forget_kept`, by digest, as compressed UTF-8."""


class LostBlock(LookupError):
    """A page names a kept block this process no longer has (see :func:`forget_kept`)."""


def hold(html: str, *, indexed: bool = True) -> str:
    """``html`` as a Markdown block (with its blank line) that Markdown passes through whole."""
    if not html:
        return ""
    label = INDEXED if indexed else UNINDEXED
    data = html.encode("utf-8")
    if len(html) < LARGE_BLOCK or _INLINE_CODE.search(html):
        return f"<!--{label} {base64.b64encode(data).decode('ascii')}-->\n\n"
    digest = hashlib.sha256(data).hexdigest()[:32]
    if digest not in _kept:
        # The fastest level: the tables are repetitive, so it still shrinks them tenfold.
        _kept[digest] = zlib.compress(data, 1)
    return f"<!--{label} #{digest}-->\n\n"


def forget_kept() -> None:
    """Let go of every kept block; the next build holds its own again."""
    _kept.clear()


def _block(match: re.Match[str]) -> str:
    if match[3] is not None:
        return base64.b64decode(match[3]).decode("utf-8")
    kept = _kept.get(match[2])
    if kept is None:
        raise LostBlock(f"held block #{match[2]} is not kept in this process")
    return zlib.decompress(kept).decode("utf-8")


def release(document: str, *, indexed: bool, kept: bool = True) -> str:
    """Put back the held blocks of one kind (indexed or not) in rendered HTML; with
    ``kept=False`` only those carried inline, the kept ones left for a later call (a page's
    last passes over its HTML then skip their megabytes)."""
    label = INDEXED if indexed else UNINDEXED
    if f"<!--{label} " not in document:
        return document
    return _HELD.sub(
        lambda m: _block(m) if m[1] == label and (kept or m[3] is not None) else m[0], document
    )


def release_all(document: str) -> str:
    """Put back every held block: the page as readers get it, for tests and previews."""
    return release(release(document, indexed=True), indexed=False)
