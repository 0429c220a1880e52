"""What a chart file carries for a language other than English.

``charts.js`` reads three things from a chart's JSON when they are there: ``locale``
(Plotly's locale to load and pass as ``config.locale``: modebar words, decimal and
thousands separators), ``strings`` (the script's own words, the ``ui.chart.`` messages)
and ``ticks`` (Babel-made date ticks, see :mod:`builder.charts.ticks`). English files
carry none of them, so they are what they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from builder.charts.ticks import tick_sets
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.front import front_strings

CHART_STRINGS_PREFIX = "ui.chart."
"""The messages ``charts.js`` asks for."""


def locale_extras(lang: Language, dates: Iterable[str] = ()) -> dict[str, Any]:
    """The ``locale``, ``strings`` and, with ``dates`` (ISO days the axis may show), ``ticks``
    of a chart file in ``lang``; nothing for English."""
    if lang == DEFAULT_LANGUAGE:
        return {}
    extras: dict[str, Any] = {
        "locale": lang,
        "strings": {
            key: text
            for key, text in front_strings(lang).items()
            if key.startswith(CHART_STRINGS_PREFIX)
        },
    }
    days = sorted(dt.date.fromisoformat(d[:10]) for d in dates)
    if days:
        extras["ticks"] = tick_sets(days[0], days[-1], lang)
    return extras
