"""Date-axis ticks written by Babel, for charts in a language other than English.

Plotly writes a date axis's ticks with its own locale data: its Russian locale has
only nominative, capitalised month names, so a day tick reads "5 Март". Charts in
another language therefore carry their tick labels ready-made, from Babel's CLDR
data, in a few sets from fine (every month) to coarse (every ten years);
``charts.js`` shows the finest set that fits the axis's width at the range on screen.
English charts carry none and keep Plotly's own ticks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_date

from builder.i18n import Language

MONTH_STEPS: tuple[int, ...] = (1, 3, 6)
"""Months between ticks of the finer sets."""

YEAR_STEPS: tuple[int, ...] = (1, 2, 5, 10)
"""Years between ticks of the coarser sets."""

MONTH_PATTERN = "LLL y"
"""A month tick: the month's standalone (nominative) short name and the year, "май 2022"."""

YEAR_PATTERN = "y"
"""A year tick: the year alone, "2022"."""


def _months(first: dt.date, last: dt.date, step: int) -> list[dt.date]:
    found = []
    year, month = first.year, 1
    while dt.date(year, month, 1) <= last:
        day = dt.date(year, month, 1)
        if day >= first:
            found.append(day)
        month += step
        if month > 12:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return found


def tick_sets(first: dt.date, last: dt.date, lang: Language) -> list[dict[str, Any]]:
    """Tick sets covering ``first`` to ``last``, finest first: ``{"vals", "text"}`` each.

    Values are ISO dates (the first of a month or of a year), texts as ``lang`` writes them.
    """
    start = dt.date(first.year, 1, 1)
    end = dt.date(last.year + 1, 1, 1)
    sets = []
    for step in MONTH_STEPS:
        days = _months(start, end, step)
        sets.append(
            {
                "vals": [d.isoformat() for d in days],
                "text": [
                    format_date(
                        d, YEAR_PATTERN if d.month == 1 and step > 1 else MONTH_PATTERN, locale=lang
                    )
                    for d in days
                ],
            }
        )
    for step in YEAR_STEPS:
        years = [
            dt.date(y, 1, 1) for y in range(start.year - start.year % step, end.year + 1, step)
        ]
        sets.append(
            {
                "vals": [d.isoformat() for d in years],
                "text": [format_date(d, YEAR_PATTERN, locale=lang) for d in years],
            }
        )
    return sets
