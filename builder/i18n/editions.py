"""How the editions point at each other: each page's twins, the sitemap's, the notice
on a page published in English for want of a translation.

Every edition has the same pages at the same paths (``events/<id>/`` in English,
``ru/events/<id>/`` in Russian), so a page's twin is its path under the other
edition's address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from builder.html.sanitize import text
from builder.i18n import DEFAULT_LANGUAGE, LANGUAGES, Language
from builder.i18n.messages import message

LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "ru": "Русский"}
"""Each language's name in itself, as the language switch shows it."""

LANGUAGE_KEYS: dict[Language, str] = {"en": "language.english", "ru": "language.russian"}
"""The message naming each language (:mod:`builder.i18n.messages`)."""


def page_alternates(
    page_url: str, site_urls: Mapping[Language, str], current: Language
) -> list[dict[str, object]]:
    """The page at ``page_url`` (relative to its edition) in every language, for the theme's
    ``extra.alternate``: ``name``, absolute ``link``, ``lang`` and whether it is this one."""
    return [
        {
            "name": LANGUAGE_NAMES[lang],
            "link": site_urls[lang] + page_url,
            "lang": lang,
            "current": lang == current,
            "title": message("switch.title", lang),
        }
        for lang in LANGUAGES
        if lang in site_urls
    ]


_URL_ENTRY = re.compile(r"<url>\s*<loc>([^<]*)</loc>")


def sitemap_with_alternates(
    sitemap: str, site_urls: Mapping[Language, str], current: Language
) -> str:
    """MkDocs' sitemap with each address's twins as ``xhtml:link`` alternates (and the
    default language as ``x-default``), so each edition's sitemap lists both."""
    own = site_urls.get(current, "")
    if not own or "<urlset" not in sitemap:
        return sitemap

    def entry(match: re.Match[str]) -> str:
        loc = match.group(1)
        path = loc[len(own) :] if loc.startswith(own) else ""
        links = [
            f'<xhtml:link rel="alternate" hreflang="{lang}" href="{text(url + path)}"/>'
            for lang, url in site_urls.items()
        ]
        default = site_urls.get(DEFAULT_LANGUAGE)
        if default is not None:
            links.append(
                f'<xhtml:link rel="alternate" hreflang="x-default" href="{text(default + path)}"/>'
            )
        return match.group(0) + "\n     " + "\n     ".join(links)

    with_links = _URL_ENTRY.sub(entry, sitemap)
    return with_links.replace("<urlset ", '<urlset xmlns:xhtml="http://www.w3.org/1999/xhtml" ', 1)


def marked_untranslated(html: str, lang: Language) -> str:
    """A page's English content, marked ``lang="en"``, under a notice in ``lang`` saying so."""
    notice = message("page.untranslated", lang)
    return (
        f'<p class="dr-untranslated-note">{text(notice)}</p>'
        f'<div class="dr-untranslated" lang="{DEFAULT_LANGUAGE}">{html}</div>'
    )
