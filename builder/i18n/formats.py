"""Dates and numbers as each language writes them, from Babel's pinned CLDR data.

Each is remembered: Babel takes about 0.1 ms a date, and 10,000 events share a few
thousand dates, written on their pages, in the maps and in the downloads.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date
from babel.numbers import format_decimal

from builder.i18n import Language
from builder.record import dates

# CLDR patterns. Russian writes the year with "г." after a day or month; "LLLL" is the
# month's standalone (nominative) name, "MMMM" its genitive after a day number.
_PATTERNS: dict[Language, dict[dates.Precision, str]] = {
    "en": {"day": "d MMMM y", "month": "MMMM y", "year": "y"},
    "ru": {"day": "d MMMM y 'г'.", "month": "LLLL y 'г'.", "year": "y 'г'."},
}


@functools.lru_cache(maxsize=8192)
def display_date(value: str, lang: Language) -> str:
    """A partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) at its own precision.

    ``2022-05-17`` reads "17 May 2022" in English and "17 мая 2022 г." in Russian;
    ``2022-05`` reads "May 2022" and "май 2022 г.".
    """
    precision = dates.precision(value)
    return format_date(dates.start(value), _PATTERNS[lang][precision], locale=lang)


@functools.lru_cache(maxsize=8192)
def display_day(day: dt.date, lang: Language) -> str:
    """A full date, e.g. "17 May 2022" or "17 мая 2022 г."."""
    return format_date(day, _PATTERNS[lang]["day"], locale=lang)


@functools.lru_cache(maxsize=8192)
def display_short_day(day: dt.date, lang: Language) -> str:
    """A full date with the month abbreviated, for narrow columns: "5 Mar 2024",
    "5 мар. 2024 г."."""
    return format_date(day, _SHORT_DAY[lang], locale=lang)


_SHORT_DAY: dict[Language, str] = {"en": "d MMM y", "ru": "d MMM y 'г'."}


@functools.lru_cache(maxsize=8192)
def display_number(value: float, lang: Language) -> str:
    """A number with the language's separators: "1,300" in English, "1 300" in Russian."""
    return format_decimal(value, locale=lang)
