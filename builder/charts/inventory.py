"""The drone inventory: which state got or made which drone system, when, from whom.

Nothing here is typed in: the rows come from the events of the two drone
categories, their state actors and their ``systems``, and a system's origin
in ``systems.yaml`` says who supplied it. A state whose country is the
system's origin and that deals with nobody else is making it at home.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from builder.charts.alternative import Alternative, Link, Table
from builder.charts.locale import locale_extras
from builder.charts.style import (
    DAY_MS,
    STATUS_SPAN_OPACITY,
    STATUS_SYMBOLS,
    base_layout,
    date_text,
    is_exact_day,
    legend_entry,
    midpoint,
    plotly_json,
    plotly_text,
    span,
)
from builder.downloads.exports import event_url
from builder.i18n import Language
from builder.i18n.geonames import country_name as local_country_name
from builder.i18n.localize import localized
from builder.i18n.messages import counted, formatted
from builder.maps.words import name as local_name
from builder.record.validate import Dataset

DRONE_CATEGORIES = ("drone-acquisition", "drone-production")
"""The event categories the inventory is drawn from."""

HOME = "home"
"""Supplier key of a system a state makes from its own design."""

SUPPLIER_COLOURS: dict[str, str] = {"TUR": "#d95f02", "IRN": "#1b9e77", HOME: "#7570b3"}
"""Colour per supplier; suppliers not listed take :data:`OTHER_COLOUR`."""

OTHER_COLOUR = "#666666"
"""Colour of a supplier without a colour of its own."""


@dataclass(frozen=True)
class Holding:
    """One state's tie to one drone system, as one event records it."""

    state: str
    system: str
    supplier: str
    how: str
    event_id: str


def holdings(data: Dataset, lang: Language = "en") -> list[Holding]:
    """Every (state, system) tie the drone events record, oldest event first."""
    found: list[Holding] = []
    for eid, event in data.chronological():
        if event.category not in DRONE_CATEGORIES:
            continue
        states = [a for a in event.actors if data.actors[a].kind == "state"]
        for sid in event.systems:
            origin = data.systems[sid].origin
            takers = [a for a in states if data.actors[a].country != origin]
            makers = [a for a in states if data.actors[a].country == origin]
            supplier_name = local_country_name(origin, lang)
            if event.category == "drone-acquisition":
                how = formatted("chart.inventory.acquired", lang, supplier=supplier_name)
            else:
                how = formatted("chart.inventory.produced_with", lang, supplier=supplier_name)
            found += [Holding(a, sid, origin, how, eid) for a in takers]
            if not takers:
                home = formatted("chart.inventory.produced_home", lang)
                found += [Holding(a, sid, HOME, home, eid) for a in makers]
    return found


def supplier_label(supplier: str, data: Dataset, lang: Language = "en") -> str:
    """Legend label of a supplier: ``From Turkey`` or ``Home production``."""
    if supplier == HOME:
        return formatted("chart.inventory.home_production", lang)
    return formatted("chart.inventory.from", lang, country=local_country_name(supplier, lang))


def _row_label(holding: Holding, data: Dataset, lang: Language = "en") -> str:
    state = local_name(data.actors[holding.state], lang)
    return f"{state} · {local_name(data.systems[holding.system], lang)}"


def supplier_words(supplier: str, lang: Language = "en") -> str:
    """How a row names its supplier on the chart: ``from Turkey`` or ``made at home``."""
    if supplier == HOME:
        return formatted("chart.inventory.made_at_home", lang)
    return formatted("chart.inventory.from_short", lang, country=local_country_name(supplier, lang))


ROW_LABEL_WRAP = 44
"""A row label longer than this (in characters) puts its supplier on a second line,
so that it fits across a phone's chart (about 340 pixels of 12-pixel text)."""

ROW_PX = 62
"""Height of one inventory row: its label line above, its marks below."""


def row_labels(ties: list[Holding], data: Dataset, lang: Language = "en") -> list[dict[str, Any]]:
    """One annotation per row, above its marks: state, system and supplier in words.

    The labels sit over the plot's full width rather than in a left margin, which
    on a phone took half the chart; the supplier is written out, not only coloured.
    """
    rows = list(dict.fromkeys((h.state, h.system) for h in ties))
    labels = []
    for y, (state, system) in enumerate(rows):
        suppliers = dict.fromkeys(
            h.supplier for h in ties if (h.state, h.system) == (state, system)
        )
        name = _row_label(Holding(state, system, "", "", ""), data, lang)
        supplier = formatted("map.and", lang).join(supplier_words(s, lang) for s in suppliers)
        joiner = "<br>" if len(name) + len(supplier) + 3 > ROW_LABEL_WRAP else " · "
        labels.append(
            {
                "text": f"{plotly_text(name)}{joiner}<b>{plotly_text(supplier)}</b>",
                "xref": "paper",
                "x": 0,
                "xanchor": "left",
                "yref": "y",
                "y": y,
                "yanchor": "bottom",
                "yshift": 8,
                "align": "left",
                "showarrow": False,
            }
        )
    return labels


def inventory_figure(data: Dataset, lang: Language = "en") -> dict[str, Any]:
    """One row per (state, system), a mark per event, coloured by supplier."""
    ties = holdings(data, lang)
    rows = list(dict.fromkeys((h.state, h.system) for h in ties))
    fig = go.Figure()
    for supplier in sorted({h.supplier for h in ties}, key=lambda s: (s == HOME, s)):
        mine = [h for h in ties if h.supplier == supplier]
        colour = SUPPLIER_COLOURS.get(supplier, OTHER_COLOUR)
        events = [(h, data.events[h.event_id]) for h in mine]
        hover = [
            [
                event_url(h.event_id),
                plotly_text(h.how),
                plotly_text(_maker(data.systems[h.system], lang)),
                plotly_text(_title(ev, lang)),
                plotly_text(f"{date_text(ev, lang)} · {_status(ev.status, lang)}"),
            ]
            for h, ev in events
        ]
        maker = formatted("chart.inventory.maker", lang)
        template = (
            f"<b>%{{text}}</b><br>%{{customdata[1]}}<br>{maker}: %{{customdata[2]}}<br>"
            "%{customdata[3]}<br>%{customdata[4]}<extra></extra>"
        )
        spans = [i for i, (_, ev) in enumerate(events) if not is_exact_day(ev)]
        names = [plotly_text(_row_label(h, data, lang)) for h in mine]
        ys = [rows.index((h.state, h.system)) for h in mine]
        if spans:
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=[ys[i] for i in spans],
                    base=[span(events[i][1])[0].isoformat() for i in spans],
                    x=[
                        ((span(events[i][1])[1] - span(events[i][1])[0]).days + 1) * DAY_MS
                        for i in spans
                    ],
                    width=0.3,
                    marker={
                        "color": colour,
                        "opacity": [STATUS_SPAN_OPACITY[events[i][1].status] for i in spans],
                    },
                    text=[names[i] for i in spans],
                    textposition="none",
                    customdata=[hover[i] for i in spans],
                    hovertemplate=template,
                    legendgroup=supplier,
                    showlegend=False,
                    name=supplier_label(supplier, data, lang),
                )
            )
        fig.add_trace(legend_entry(supplier_label(supplier, data, lang), colour, supplier))
        fig.add_trace(
            go.Scatter(
                mode="markers",
                x=[midpoint(*span(ev)).isoformat() for _, ev in events],
                y=ys,
                marker={
                    "color": colour,
                    "size": 13,
                    "symbol": [STATUS_SYMBOLS[ev.status] for _, ev in events],
                    "line": {"width": 2, "color": colour},
                },
                text=names,
                customdata=hover,
                hovertemplate=template,
                legendgroup=supplier,
                showlegend=False,
                name=supplier_label(supplier, data, lang),
            )
        )
    fig.update_layout(
        base_layout(
            height=150 + ROW_PX * max(len(rows), 1),
            margin={"l": 10, "r": 20, "t": 10, "b": 80},
            annotations=row_labels(ties, data, lang),
            barmode="overlay",
            xaxis={"type": "date", "showgrid": True, "gridcolor": "#e5e5e5"},
            yaxis={
                "showticklabels": False,
                "showgrid": False,
                "range": [len(rows) - 0.5, -0.85],
                "fixedrange": True,
                "zeroline": False,
            },
            legend={"orientation": "h", "y": -0.15, "yanchor": "top", "x": 0},
        )
    )
    return plotly_json(fig)


def inventory_file(data: Dataset, lang: Language = "en") -> dict[str, Any]:
    """The inventory's chart file: its figure, and for another language its locale extras."""
    days = [d.isoformat() for h in holdings(data) for d in span(data.events[h.event_id])]
    return {"figure": inventory_figure(data, lang), **locale_extras(lang, days)}


def _title(event: Any, lang: Language) -> str:
    found = localized(event, "title", lang)
    return found.text if found else str(event.title)


def _maker(system: Any, lang: Language) -> str:
    found = localized(system, "maker", lang)
    return found.text if found else str(system.maker)


def _status(status: str, lang: Language) -> str:
    return status if lang == "en" else formatted(f"status.{status}", lang)


def inventory_alternative(data: Dataset, lang: Language = "en") -> Alternative:
    """The inventory's summary (who got what from whom) and its table, in ``lang``."""
    ties = holdings(data, lang)
    if not ties:
        summary = formatted("chart.inventory.empty", lang)
    else:
        parts = []
        for supplier in sorted({h.supplier for h in ties}, key=lambda s: (s == HOME, s)):
            pairs = dict.fromkeys(
                (local_name(data.actors[h.state], lang), local_name(data.systems[h.system], lang))
                for h in ties
                if h.supplier == supplier
            )
            listed = "; ".join(f"{state} ({system})" for state, system in sorted(pairs))
            parts.append(f"{supplier_label(supplier, data, lang)}: {listed}.")
        states = {h.state for h in ties}
        systems = {h.system for h in ties}
        events = {h.event_id for h in ties}
        if lang == "en":
            summary = (
                f"The chart links {len(states)} states to {len(systems)} drone "
                f"systems through {len(events)} events. " + " ".join(parts)
            )
        else:
            summary = (
                formatted(
                    "chart.inventory.summary",
                    lang,
                    states=counted("chart.count.states", len(states), lang),
                    systems=counted("chart.count.systems", len(systems), lang),
                    events=counted("chart.count.events", len(events), lang),
                )
                + " "
                + " ".join(parts)
            )
    rows = tuple(
        (
            local_name(data.actors[h.state], lang),
            local_name(data.systems[h.system], lang),
            _maker(data.systems[h.system], lang),
            h.how,
            date_text(data.events[h.event_id], lang),
            _status(data.events[h.event_id].status, lang),
            Link(_title(data.events[h.event_id], lang), event_url(h.event_id)),
        )
        for h in ties
    )
    table = Table(
        caption=formatted("chart.inventory.table", lang),
        columns=tuple(
            formatted(f"chart.column.{c}", lang)
            for c in ("state", "system", "maker", "how", "when", "status", "event")
        ),
        rows=rows,
        indexed=False,
    )
    return Alternative(summary=summary, table=table)
