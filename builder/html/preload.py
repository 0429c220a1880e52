"""Let a page fetch the scripts at the end of its body while its head is still loading.

Every page opens with its Content-Security-Policy meta tag (:mod:`builder.html.csp`),
and after one Chromium's preload scanner fetches nothing ahead: the scripts
Material and the site place at the end of the body (``lazy-requests.js``,
Material's bundle, ``charts.js``...) were fetched one after another, each
once the one before had run, and the timeline was drawn a quarter of a second
later for it. A ``<link rel="preload">`` per script, placed just after the
policy (which it obeys), starts them all at once; they still run in order.

The build adds them with ``csp.apply(page, preload=True)``, from the same one
pass over the page that finds its inline scripts; :func:`apply` does the same
to a document that already carries its policy.
"""

from __future__ import annotations

import html
import re

_POLICY = re.compile(r"<meta\b[^>]*http-equiv=\"Content-Security-Policy\"[^>]*>", re.IGNORECASE)
_BODY = re.compile(r"<body\b", re.IGNORECASE)
_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", re.IGNORECASE)


def body_scripts(document: str) -> list[str]:
    """The ``src`` of every external script in the document's body, in order, once each."""
    body = _BODY.search(document)
    if body is None:
        return []
    sources = [html.unescape(m.group(1)) for m in _SCRIPT_SRC.finditer(document, body.start())]
    return list(dict.fromkeys(sources))


def apply(document: str) -> str:
    """``document`` with a script preload for each of :func:`body_scripts` after its policy.

    A document without a policy, or without body scripts, is returned unchanged.
    """
    policy = _POLICY.search(document)
    sources = body_scripts(document)
    if policy is None or not sources:
        return document
    links = "".join(
        f'<link rel="preload" href="{html.escape(src)}" as="script">' for src in sources
    )
    return document[: policy.end()] + links + document[policy.end() :]
