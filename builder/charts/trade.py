"""The trade pledge: a stated target beside the earlier level its percentage implies.

``data/indicators.yaml`` holds only what sources state: a level (the $500
million target) and a percentage rise that leads to it ("over 75 percent"
on 2021). The earlier level is computed here, labelled as derived, with the
arithmetic shown, and its bound follows from the wording: a rise of *more
than* 75 percent means 2021 trade was *less than* target / 1.75.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from builder.charts.alternative import Alternative, Cell, Foreign, Link, Table
from builder.charts.locale import locale_extras
from builder.charts.style import base_layout, plotly_json, plotly_text
from builder.i18n import Language
from builder.i18n.formats import display_number
from builder.i18n.localize import localized
from builder.i18n.messages import formatted
from builder.maps.words import date
from builder.record import dates
from builder.record.schema import Indicator
from builder.record.validate import Dataset

INVERSE_BOUND: dict[str, str] = {
    "exact": "exact",
    "about": "about",
    "more-than": "less-than",
    "at-least": "at-most",
    "less-than": "more-than",
    "at-most": "at-least",
}
"""The bound of a baseline given the bound of the rise from it: over 75% -> under target/1.75."""

BOUND_WORDS: dict[str, str] = {
    "exact": "",
    "about": "about ",
    "more-than": "over ",
    "at-least": "at least ",
    "less-than": "under ",
    "at-most": "at most ",
}
"""How each bound reads before a number."""

STATED_COLOUR = "#1b7837"
"""Fill of a value a source states."""


@dataclass(frozen=True)
class Derived:
    """A value computed from stated figures, with the arithmetic that gives it."""

    label: str
    value: float
    bound: str
    arithmetic: str
    level: str
    change: str


def _number(value: float, lang: Language = "en") -> str:
    if lang != "en":
        return display_number(round(value, 2), lang)
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def bound_words(bound: str, lang: Language = "en") -> str:
    """How ``bound`` reads before a number in ``lang``: ``over ``, ``более ``."""
    return (
        BOUND_WORDS[bound]
        if lang == "en" or bound == "exact"
        else formatted(f"chart.trade.bound.{bound}", lang)
    )


def money(value: float, bound: str = "exact", lang: Language = "en") -> str:
    """A value in million USD for readers, with its bound: ``under $285.7 million``."""
    return formatted(
        "chart.trade.money",
        lang,
        bound=bound_words(bound, lang),
        value=_number(round(value, 1), lang),
    )


def implied_baselines(data: Dataset, lang: Language = "en") -> list[Derived]:
    """For each stated percentage change, the earlier level it implies."""
    found = []
    for change_id, change in sorted(data.indicators.items()):
        if change.unit != "percent" or change.change_to is None or change.baseline is None:
            continue
        level = data.indicators[change.change_to]
        factor = 1 + change.value / 100
        value = level.value / factor
        arithmetic = (
            f"{_number(level.value, lang)} ÷ (1 + {_number(change.value, lang)}/100) = "
            f"{_number(level.value, lang)} ÷ {_number(factor, lang)} ≈ "
            f"{_number(round(value, 1), lang)}"
        )
        year = dates.display(change.baseline) if lang == "en" else date(change.baseline, lang)
        found.append(
            Derived(
                label=formatted("chart.trade.derived_label", lang, year=year),
                value=value,
                bound=INVERSE_BOUND[change.bound],
                arithmetic=arithmetic,
                level=change.change_to,
                change=change_id,
            )
        )
    return found


def _source(indicator: Indicator, data: Dataset, lang: Language = "en") -> str:
    source = data.sources[indicator.source]
    return f"{source.publisher}, {date(source.date, lang)}"


def _level_label(indicator: Indicator, lang: Language = "en") -> str:
    return formatted("chart.trade.target", lang, date=date(indicator.stated, lang))


def trade_figure(data: Dataset, lang: Language = "en") -> dict[str, Any]:
    """Bars in million USD: each derived baseline (hatched) beside the stated target."""
    fig = go.Figure()
    notes = []
    for derived in implied_baselines(data, lang):
        level = data.indicators[derived.level]
        change = data.indicators[derived.change]
        fig.add_trace(
            go.Bar(
                x=[plotly_text(derived.label)],
                y=[round(derived.value, 1)],
                marker={
                    "color": "rgba(27,120,55,0.12)",
                    "line": {"color": STATED_COLOUR, "width": 2},
                    "pattern": {"shape": "/", "fgcolor": STATED_COLOUR, "size": 8},
                },
                text=[money(derived.value, derived.bound, lang)],
                textposition="outside",
                hovertemplate=(
                    f"<b>{plotly_text(derived.label)}</b><br>"
                    f"{money(derived.value, derived.bound, lang)}<br>"
                    + formatted("chart.trade.derived", lang, arithmetic=derived.arithmetic)
                    + "<extra></extra>"
                ),
                name=formatted("chart.trade.derived_name", lang),
            )
        )
        fig.add_trace(
            go.Bar(
                x=[plotly_text(_level_label(level, lang))],
                y=[level.value],
                marker={"color": STATED_COLOUR},
                text=[money(level.value, level.bound, lang)],
                textposition="outside",
                hovertemplate=(
                    f"<b>{plotly_text(_indicator_label(level, lang))}</b><br>"
                    f"{money(level.value, level.bound, lang)}<br>"
                    + formatted(
                        "chart.trade.source", lang, source=plotly_text(_source(level, data, lang))
                    )
                    + "<extra></extra>"
                ),
                name=formatted("chart.trade.stated_name", lang),
            )
        )
        notes.append(
            formatted(
                "chart.trade.note",
                lang,
                change=f"{bound_words(change.bound, lang)}+{_number(change.value, lang)}%",
                source=plotly_text(_source(change, data, lang)),
                derived=formatted("chart.trade.derived", lang, arithmetic=derived.arithmetic),
            )
        )
    annotations = [
        {
            "text": note,
            "xref": "paper",
            "yref": "paper",
            "x": 0.5,
            "y": 1.0,
            "yanchor": "bottom",
            "showarrow": False,
            "align": "center",
        }
        for note in notes[:1]
    ]
    if not notes:
        annotations = [
            {
                "text": formatted("chart.trade.none", lang),
                "showarrow": False,
                "x": 0.5,
                "y": 0.5,
            }
        ]
    fig.update_layout(
        base_layout(
            height=420,
            # Room above the plot for the note's lines (three in Russian, two in English).
            margin={
                "l": 10,
                "r": 10,
                "t": 60 + 20 * (notes[0].count("<br>") - 1 if notes else 0),
                "b": 40,
            },
            bargap=0.45,
            showlegend=True,
            legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
            yaxis={
                "title": {"text": formatted("chart.trade.axis", lang)},
                "rangemode": "tozero",
                "automargin": True,
                "gridcolor": "#e5e5e5",
            },
            xaxis={"automargin": True, "fixedrange": True},
            annotations=annotations,
        )
    )
    fig.update_yaxes(range=[0, max((t.y[0] for t in fig.data), default=1) * 1.2])
    return plotly_json(fig)


def _indicator_label(indicator: Indicator, lang: Language) -> str:
    found = localized(indicator, "label", lang)
    return found.text if found else indicator.label


def _label_cell(indicator: Indicator, lang: Language) -> Cell:
    """The indicator's label as a table cell, marked as English where it stands in for a
    missing translation (the chart's own hover text cannot carry the mark)."""
    found = localized(indicator, "label", lang)
    if found is None or found.lang == lang:
        return _indicator_label(indicator, lang)
    return Foreign(found.text, found.lang)


def trade_file(data: Dataset, lang: Language = "en") -> dict[str, Any]:
    """The trade chart's file: its figure, and for another language its locale extras."""
    return {"figure": trade_figure(data, lang), **locale_extras(lang)}


def trade_alternative(data: Dataset, lang: Language = "en") -> Alternative:
    """The trade chart's summary and table: stated figures, derived value and arithmetic."""
    rows: list[tuple[Any, ...]] = []
    sentences = []
    for derived in implied_baselines(data, lang):
        level = data.indicators[derived.level]
        change = data.indicators[derived.change]
        for indicator in (level, change):
            source = data.sources[indicator.source]
            unit = "%" if indicator.unit == "percent" else ""
            value = (
                f"{bound_words(indicator.bound, lang)}{_number(indicator.value, lang)}{unit}"
                if unit
                else money(indicator.value, indicator.bound, lang)
            )
            rows.append(
                (
                    _label_cell(indicator, lang),
                    value,
                    formatted("chart.trade.stated", lang, date=date(indicator.stated, lang)),
                    Link(f"{source.publisher}: {source.title}", str(source.url), external=True),
                )
            )
        rows.append(
            (
                derived.label,
                money(derived.value, derived.bound, lang),
                formatted("chart.trade.kind_derived", lang),
                derived.arithmetic,
            )
        )
        if lang == "en":
            baseline = dates.display(change.baseline or "")
            sentences.append(
                f"According to {_source(level, data)}, the two governments pledged in "
                f"{dates.display(level.stated)} to reach {money(level.value, level.bound)} of "
                f"trade a year. {_source(change, data)} puts that at "
                f"{BOUND_WORDS[change.bound]}{_number(change.value)} percent above {baseline}, "
                f"so {baseline} trade must have been {money(derived.value, derived.bound)}: "
                f"{derived.arithmetic}. That {baseline} figure is our arithmetic on the published "
                "numbers, not a value any source states."
            )
        else:
            sentences.append(
                formatted(
                    "chart.trade.summary",
                    lang,
                    source=_source(level, data, lang),
                    pledged=date(level.stated, lang),
                    target=money(level.value, level.bound, lang),
                    change_source=_source(change, data, lang),
                    change=f"{bound_words(change.bound, lang)}{_number(change.value, lang)}",
                    baseline=date(change.baseline or "", lang),
                    derived=money(derived.value, derived.bound, lang),
                    arithmetic=derived.arithmetic,
                )
            )
    summary = " ".join(sentences) or formatted("chart.trade.none", lang)
    table = Table(
        caption=formatted("chart.trade.table", lang),
        columns=tuple(
            formatted(f"chart.column.{c}", lang) for c in ("figure", "value", "kind", "source")
        ),
        rows=tuple(rows),
    )
    return Alternative(summary=summary, table=table)
