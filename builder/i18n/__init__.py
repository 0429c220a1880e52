"""The site's languages: English, the record's own, and Russian, the region's shared one.

Everything language-dependent goes through this package: the text of a record in
a language (``localize``), dates and numbers the way the language writes them
(``formats``, from Babel's CLDR data, never from the machine's locales) and the
interface's own words (``messages``).
"""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "ru"]
"""A language the site is published in, as its ISO 639-1 code."""

LANGUAGES: tuple[Language, ...] = ("en", "ru")
"""Every language the site is published in; the first is the default (``x-default``)."""

DEFAULT_LANGUAGE: Language = "en"
"""The language the record is written in and the site's root is published in."""
