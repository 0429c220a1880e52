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

from builder.charts.alternative import Alternative, Link, Table
from builder.charts.style import base_layout, plotly_json, plotly_text
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


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def money(value: float, bound: str = "exact") -> str:
    """A value in million USD for readers, with its bound: ``under $285.7 million``."""
    return f"{BOUND_WORDS[bound]}${_number(round(value, 1))} million"


def implied_baselines(data: Dataset) -> list[Derived]:
    """For each stated percentage change, the earlier level it implies."""
    found = []
    for change_id, change in sorted(data.indicators.items()):
        if change.unit != "percent" or change.change_to is None or change.baseline is None:
            continue
        level = data.indicators[change.change_to]
        factor = 1 + change.value / 100
        value = level.value / factor
        arithmetic = (
            f"{_number(level.value)} ÷ (1 + {_number(change.value)}/100) = "
            f"{_number(level.value)} ÷ {_number(factor)} ≈ {_number(round(value, 1))}"
        )
        found.append(
            Derived(
                label=f"Trade in {dates.display(change.baseline)} (derived)",
                value=value,
                bound=INVERSE_BOUND[change.bound],
                arithmetic=arithmetic,
                level=change.change_to,
                change=change_id,
            )
        )
    return found


def _source(indicator: Indicator, data: Dataset) -> str:
    source = data.sources[indicator.source]
    return f"{source.publisher}, {dates.display(source.date)}"


def _level_label(indicator: Indicator) -> str:
    return f"Target, pledged {dates.display(indicator.stated)}"


def trade_figure(data: Dataset) -> dict[str, Any]:
    """Bars in million USD: each derived baseline (hatched) beside the stated target."""
    fig = go.Figure()
    notes = []
    for derived in implied_baselines(data):
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
                text=[money(derived.value, derived.bound)],
                textposition="outside",
                hovertemplate=(
                    f"<b>{plotly_text(derived.label)}</b><br>"
                    f"{money(derived.value, derived.bound)}<br>"
                    f"Derived: {derived.arithmetic}<extra></extra>"
                ),
                name="Derived from the figures",
            )
        )
        fig.add_trace(
            go.Bar(
                x=[plotly_text(_level_label(level))],
                y=[level.value],
                marker={"color": STATED_COLOUR},
                text=[money(level.value, level.bound)],
                textposition="outside",
                hovertemplate=(
                    f"<b>{plotly_text(level.label)}</b><br>{money(level.value, level.bound)}<br>"
                    f"Source: {plotly_text(_source(level, data))}<extra></extra>"
                ),
                name="Stated by a source",
            )
        )
        notes.append(
            f"{BOUND_WORDS[change.bound]}+{_number(change.value)}% "
            f"({plotly_text(_source(change, data))})<br>"
            f"Derived: {derived.arithmetic}"
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
            {"text": "No trade figures are recorded yet.", "showarrow": False, "x": 0.5, "y": 0.5}
        ]
    fig.update_layout(
        base_layout(
            height=420,
            margin={"l": 10, "r": 10, "t": 60, "b": 40},
            bargap=0.45,
            showlegend=True,
            legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0},
            yaxis={
                "title": {"text": "Million US dollars a year"},
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


def trade_alternative(data: Dataset) -> Alternative:
    """The trade chart's summary and table: stated figures, derived value and arithmetic."""
    rows: list[tuple[Any, ...]] = []
    sentences = []
    for derived in implied_baselines(data):
        level = data.indicators[derived.level]
        change = data.indicators[derived.change]
        for indicator in (level, change):
            source = data.sources[indicator.source]
            unit = "%" if indicator.unit == "percent" else ""
            value = (
                f"{BOUND_WORDS[indicator.bound]}{_number(indicator.value)}{unit}"
                if unit
                else money(indicator.value, indicator.bound)
            )
            rows.append(
                (
                    indicator.label,
                    value,
                    f"stated ({dates.display(indicator.stated)})",
                    Link(f"{source.publisher}: {source.title}", str(source.url), external=True),
                )
            )
        rows.append(
            (derived.label, money(derived.value, derived.bound), "derived", derived.arithmetic)
        )
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
    summary = " ".join(sentences) or "No trade figures are recorded yet."
    table = Table(
        caption="trade figures, stated and derived",
        columns=("Figure", "Value", "Kind", "Source or arithmetic"),
        rows=tuple(rows),
    )
    return Alternative(summary=summary, table=table)
