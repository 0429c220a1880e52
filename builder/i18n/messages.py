"""The interface's own words in every language, by key.

Each key names what the words are for (``status.confirmed``, ``map.legend.title``),
and every entry has every language: ``tests/test_i18n.py`` refuses a missing one.
"""

from __future__ import annotations

from builder.i18n import Language

MESSAGES: dict[str, dict[Language, str]] = {
    "status.confirmed": {"en": "confirmed", "ru": "подтверждено"},
    "status.reported": {"en": "reported", "ru": "сообщается"},
    "status.claimed": {"en": "claimed", "ru": "заявлено"},
    "status.disputed": {"en": "disputed", "ru": "оспаривается"},
    "status.denied": {"en": "denied", "ru": "опровергнуто"},
    "language.english": {"en": "English", "ru": "английский"},
    "language.russian": {"en": "Russian", "ru": "русский"},
}
"""Interface text by key, then by language."""


def message(key: str, lang: Language) -> str:
    """The words for ``key`` in ``lang``; a ``KeyError`` for a key nobody wrote."""
    return MESSAGES[key][lang]
