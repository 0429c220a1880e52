"""Map legends as escaped HTML with small SVG swatches.

A legend is a ``<details>`` element (open on wide screens; ``map-layers.js``
folds it on phones and moves it into a Leaflet control). Swatches use SVG
presentation attributes, not ``style=``, so a strict CSP needs no inline styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.html.sanitize import text
from builder.i18n import Language
from builder.maps.style import CATEGORY_COLOURS, STATUS_STYLES
from builder.maps.words import category, say


@dataclass(frozen=True)
class Swatch:
    """One legend row: a symbol and what it means."""

    kind: str
    """``pin``, ``area``, ``line`` or ``band``."""
    colour: str
    """Stroke colour, ``#rrggbb``."""
    label: str
    """What the symbol stands for (plain text, escaped on output)."""
    fill_opacity: float = 0.6
    """Fill opacity of pins and areas."""
    dash: str | None = None
    """SVG dash pattern of the outline, if dashed."""


def _svg(swatch: Swatch) -> str:
    colour = text(swatch.colour)
    dash = f' stroke-dasharray="{text(swatch.dash)}"' if swatch.dash else ""
    if swatch.kind == "pin":
        shape = (
            f'<circle cx="9" cy="9" r="6" stroke="{colour}" stroke-width="2" fill="{colour}" '
            f'fill-opacity="{swatch.fill_opacity}"{dash}/>'
        )
    elif swatch.kind == "area":
        shape = (
            f'<rect x="2" y="3" width="14" height="12" rx="3" stroke="{colour}" stroke-width="2" '
            f'fill="{colour}" fill-opacity="{swatch.fill_opacity}"{dash}/>'
        )
    elif swatch.kind == "band":
        shape = f'<path d="M1 9 H17" stroke="{colour}" stroke-width="8" stroke-opacity="0.35"/>'
    else:
        shape = f'<path d="M1 9 H17" stroke="{colour}" stroke-width="3"{dash}/>'
    return (
        f'<svg class="dr-swatch" width="18" height="18" viewBox="0 0 18 18" '
        f'aria-hidden="true" focusable="false">{shape}</svg>'
    )


def status_swatches(
    colour: str = "#4d4d4d", kind: str = "pin", lang: Language = "en"
) -> list[Swatch]:
    """One row per status, showing how firm a claim is by fill and dash."""
    return [
        Swatch(
            kind,
            colour,
            say(f"map.status_meaning.{status}", lang),
            style["fillOpacity"],
            style["dashArray"],
        )
        for status, style in STATUS_STYLES.items()
    ]


def category_swatches(categories: list[str], lang: Language = "en") -> list[Swatch]:
    """One row per category colour."""
    return [Swatch("pin", CATEGORY_COLOURS[c], category(c, lang)) for c in categories]


def precision_swatches(
    colour: str = "#4d4d4d", *, countries: bool = True, lang: Language = "en"
) -> list[Swatch]:
    """Pins for sites and towns, areas for places known only roughly, outlines for countries.

    ``countries=False`` leaves out the country row, for maps that draw no
    country-level event.
    """
    swatches = [
        Swatch("pin", colour, say("map.precision_swatch.pin", lang)),
        Swatch(
            "area",
            colour,
            say("map.precision_swatch.area", lang),
            0.2,
            "4 3",
        ),
    ]
    if countries:
        swatches.append(
            Swatch(
                "area",
                colour,
                say("map.precision_swatch.country", lang),
                0.12,
                "6 4",
            )
        )
    return swatches


def legend_html(title: str, sections: list[tuple[str, list[Swatch]]], notes: list[str]) -> str:
    """The whole legend: a heading, sections of swatches, then plain-text notes."""
    parts = [
        '<details id="dr-legend" class="dr-legend" open>',
        f"<summary>{text(title)}</summary>",
    ]
    for heading, swatches in sections:
        parts.append(f'<p class="dr-legend-heading">{text(heading)}</p><ul>')
        parts.extend(f"<li>{_svg(s)}<span>{text(s.label)}</span></li>" for s in swatches)
        parts.append("</ul>")
    parts.extend(f'<p class="dr-legend-note">{text(note)}</p>' for note in notes)
    parts.append("</details>")
    return "".join(parts)
