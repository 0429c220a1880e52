"""A record's text in one language, falling back to English and saying so."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import BaseModel

from builder.i18n import DEFAULT_LANGUAGE, Language


class Localized(NamedTuple):
    """A piece of text and the language it is actually written in."""

    text: str
    lang: Language


def localized(record: BaseModel, field: str, lang: Language) -> Localized | None:
    """The ``field`` of ``record`` in ``lang``: ``<field>_<lang>`` when the data has it.

    Without a translation it is the English text, with ``lang="en"`` so the page can
    mark it as English. ``None`` when the record has no such text in any language.
    """
    if lang != DEFAULT_LANGUAGE:
        translated = getattr(record, f"{field}_{lang}", None)
        if isinstance(translated, str) and translated:
            return Localized(translated, lang)
    original = getattr(record, field, None)
    if isinstance(original, str) and original:
        return Localized(original, DEFAULT_LANGUAGE)
    return None
