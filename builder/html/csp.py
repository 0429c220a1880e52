"""A Content-Security-Policy for every HTML document the site serves.

A static site cannot send headers everywhere it may be hosted, so the policy
travels inside each document as a ``<meta http-equiv>`` tag. Scripts run only
from the site itself or when their exact text is hashed into the policy:
Material's few inline scripts and folium's map scripts are hashed; anything
injected later into a page (an editor's ``<script>`` that slipped through,
say) has no hash and does not run. ``eval`` and friends stay forbidden.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import re
from dataclasses import dataclass

TILE_HOSTS = ("https://tile.openstreetmap.org",)
"""The one outside host a reader's browser may contact, and only when the reader switches
on the street map: OpenStreetMap's tiles (every map opens on the site's own basemap)."""

# Executable script types; anything else (application/json, ld+json) is data
# the browser never runs, so CSP does not apply to it and it needs no hash.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
# Both kinds in one pass over the document (a page is scanned once, whatever it holds).
_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc=\"([^\"]+)\"", re.IGNORECASE)
_BODY = re.compile(r"<body\b", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# A charset declaration must stay in the first 1024 bytes, so the policy
# goes right after one that opens <head>, and first otherwise.
_CHARSET_META = re.compile(
    r"\s*<meta\b[^>]*(?:charset\s*=|http-equiv\s*=\s*[\"']?content-type)[^>]*>",
    re.IGNORECASE,
)
_EXISTING = re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?content-security-policy", re.I)


class NoHead(ValueError):
    """The document has no ``<head>`` to carry the policy."""


def _attributes(raw: str) -> dict[str, str]:
    return {name.lower(): (value or "").strip("\"'") for name, value in _ATTR.findall(raw or "")}


SHORT_INLINE = 4096
"""Inline elements up to this many characters have their hash remembered."""


def source_hash(content: str) -> str:
    """The CSP source expression (``'sha256-...'``) allowing an inline element's exact text.

    Short ones are remembered: every page carries the same few small inline scripts. A long
    one (a map document's data) is hashed afresh, so the cache does not keep megabytes of
    page text alive for the whole build.
    """
    if len(content) <= SHORT_INLINE:
        return _remembered_hash(content)
    return _hash(content)


@functools.lru_cache(maxsize=4096)
def _remembered_hash(content: str) -> str:
    return _hash(content)


def _hash(content: str) -> str:
    # The HTML parser turns CR LF and lone CR into LF before the browser hashes.
    normalised = content.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class Inline:
    """What one pass over a document found: its inline code's hashes and its body's scripts."""

    script_hashes: list[str]
    """Hashes of the inline executable scripts, in order, without repeats."""
    style_hashes: list[str]
    """Hashes of the ``<style>`` elements, in order, without repeats."""
    body_scripts: list[str]
    """The ``src`` of every external script after ``<body``, in order, once each."""


def scan(document: str) -> Inline:
    """Every inline script and style, and the body's external scripts, in one pass."""
    body = _BODY.search(document)
    body_start = body.start() if body is not None else len(document) + 1
    scripts: dict[str, None] = {}
    styles: dict[str, None] = {}
    sources: dict[str, None] = {}
    for match in _INLINE.finditer(document):
        kind, attrs, content = match.groups()
        if kind.lower() == "style":
            styles[source_hash(content)] = None
            continue
        if match.start() > body_start:
            src = _SRC.search(attrs)
            if src is not None:
                sources[html.unescape(src.group(1))] = None
        parsed = _attributes(attrs)
        if "src" in parsed or parsed.get("type", "").lower() not in _SCRIPT_TYPES:
            continue
        scripts[source_hash(content)] = None
    return Inline(list(scripts), list(styles), list(sources))


def inline_script_hashes(document: str) -> list[str]:
    """Hashes of the document's inline executable scripts, in order, without repeats."""
    hashes: list[str] = []
    for attrs, content in _SCRIPT.findall(document):
        parsed = _attributes(attrs)
        if "src" in parsed or parsed.get("type", "").lower() not in _SCRIPT_TYPES:
            continue
        digest = source_hash(content)
        if digest not in hashes:
            hashes.append(digest)
    return hashes


def inline_style_hashes(document: str) -> list[str]:
    """Hashes of the document's ``<style>`` elements, in order, without repeats."""
    hashes: list[str] = []
    for _, content in _STYLE.findall(document):
        digest = source_hash(content)
        if digest not in hashes:
            hashes.append(digest)
    return hashes


EMPTY_STYLE = source_hash("")
"""plotly.js adds one empty ``<style>`` element and fills it through the CSSOM."""


def policy(script_hashes: list[str], style_hashes: list[str]) -> str:
    """The policy for a document with these inline script and ``<style>`` hashes."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # <style> elements run only when hashed (an injected stylesheet could read
        # the page through attribute selectors). Style attributes stay allowed:
        # the embeds size their frames with them, and Material's instant
        # navigation swaps in page content that this page's policy cannot hash.
        # "style-src" is the fallback for browsers without the two -elem/-attr forms.
        "style-src": ["'self'", "'unsafe-inline'"],
        "style-src-elem": ["'self'", EMPTY_STYLE, *style_hashes],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *TILE_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def meta_tag(document: str, inline: Inline | None = None) -> str:
    """The ``<meta http-equiv="Content-Security-Policy">`` element for ``document``."""
    inline = inline or scan(document)
    return (
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{policy(inline.script_hashes, inline.style_hashes)}">'
    )


def apply(document: str, *, preload: bool = False) -> str:
    """Return ``document`` with its policy placed at the top of ``<head>``, before any script.

    With ``preload``, a ``<link rel="preload">`` for each script of the body
    follows the policy (see :mod:`builder.html.preload`), from the same one
    pass over the document.
    """
    head = _HEAD.search(document)
    if head is None:
        raise NoHead("no <head> element to carry the Content-Security-Policy")
    body = _BODY.search(document, head.end())
    # Only a policy in <head> takes effect, so that is where one may already be.
    if _EXISTING.search(document, 0, body.start() if body is not None else len(document)):
        raise ValueError("the document already carries a Content-Security-Policy")
    at = head.end()
    charset = _CHARSET_META.match(document, at)
    if charset is not None:
        at = charset.end()
    inline = scan(document)
    links = preload_links(inline.body_scripts) if preload else ""
    return document[:at] + meta_tag(document, inline) + links + document[at:]


def preload_links(sources: list[str]) -> str:
    """A ``<link rel="preload" as="script">`` for each script address, in order."""
    return "".join(f'<link rel="preload" href="{html.escape(src)}" as="script">' for src in sources)
