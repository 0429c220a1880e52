"""The maps' words in a map's language: interface messages, numbers, dates and record names.

English output stays exactly what it was before the maps spoke Russian: numbers and
dates in English keep the formatting the maps always used.
"""

from __future__ import annotations

from pydantic import BaseModel

from builder.i18n import Language
from builder.i18n.formats import display_date, display_number
from builder.i18n.localize import localized
from builder.i18n.messages import formatted
from builder.record import dates


def say(key: str, lang: Language, **values: object) -> str:
    """The message ``key`` in ``lang`` with its fields filled (see ``builder.i18n.messages``)."""
    return formatted(key, lang, **values)


def number(value: float, lang: Language, *, decimals: int = 0) -> str:
    """A rounded figure with thousands grouped: ``1,172`` in English, ``1 172`` in Russian."""
    if lang == "en":
        return f"{value:,.{decimals}f}"
    return display_number(round(value, decimals), lang)


def short(value: float, lang: Language) -> str:
    """A figure as few digits as it needs (``200``, ``2.5``): ``:g`` in English."""
    if lang == "en":
        return f"{value:g}"
    return display_number(value, lang)


def date(value: str, lang: Language) -> str:
    """A partial date at its own precision, as the language writes it."""
    return dates.display(value) if lang == "en" else display_date(value, lang)


def name(record: BaseModel, lang: Language, field: str = "name") -> str:
    """A record's name (or other ``field``) in ``lang``, English where nobody translated it."""
    found = localized(record, field, lang)
    return found.text if found is not None else ""


def category(value: str, lang: Language) -> str:
    """A category id as readers see it: ``drone-production`` -> ``Drone production``."""
    return say(f"ui.category.{value}", lang)


def status(value: str, lang: Language) -> str:
    """A status word (``confirmed``, ``claimed`` ...) in ``lang``."""
    return say(f"status.{value}", lang)
