"""The front-end scripts' words for a page in one language, written into the page as JSON.

Every script in ``docs/assets/js`` that shows or speaks words reads them with a
small ``t(key, english)`` helper from the element ``#dr-strings`` of its own
document, and falls back to the English it carries when the element is absent
(English pages and map documents carry none, so they stay as they were). The keys
are the messages of :mod:`builder.i18n.messages` under :data:`FRONT_PREFIXES`; ``tests/test_js_strings.py``
checks that every key a script asks for exists there, with the same English.
"""

from __future__ import annotations

import functools

from builder.html.sanitize import script_json
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.messages import MESSAGES

STRINGS_ELEMENT_ID = "dr-strings"
"""Id of the ``<script type="application/json">`` element the scripts read their words from."""

FRONT_PREFIXES: tuple[str, ...] = ("ui.", "status.", "map.precision.")
"""Messages with keys starting so are the front-end scripts' words (their own, and the
status and precision words they show beside the record's)."""


MAP_PREFIXES: tuple[str, ...] = ("ui.map.",)
"""The messages a map document's scripts (``map-layers.js``, ``basemap.js``) ask for."""


def front_strings(lang: Language, prefixes: tuple[str, ...] = FRONT_PREFIXES) -> dict[str, str]:
    """Every front-end message in ``lang`` (or those under ``prefixes``), by key."""
    return {key: texts[lang] for key, texts in sorted(MESSAGES.items()) if key.startswith(prefixes)}


@functools.lru_cache(maxsize=16)
def strings_element(lang: Language, prefixes: tuple[str, ...] = FRONT_PREFIXES) -> str:
    """The ``#dr-strings`` element for a page or map document in ``lang``; empty for English.

    A page carries every front-end message (:data:`FRONT_PREFIXES`), a map document only
    its scripts' (:data:`MAP_PREFIXES`); made once per language, as every page carries the
    same (at 10,000 pages, making it anew for each cost 3 seconds). It is data, not script
    (``type="application/json"``), so the Content-Security-Policy needs no hash for it;
    a page puts it in its ``<head>``, before the scripts that read it.
    """
    if lang == DEFAULT_LANGUAGE:
        return ""
    return (
        f'<script type="application/json" id="{STRINGS_ELEMENT_ID}">'
        f"{script_json(front_strings(lang, prefixes))}</script>"
    )


def with_strings(document: str, lang: Language) -> str:
    """A page ``document`` with its language's front-end words at the end of its ``<head>``,
    ahead of every script that reads them; English pages unchanged."""
    element = strings_element(lang)
    if not element or "</head>" not in document:
        return document
    return document.replace("</head>", element + "</head>", 1)
