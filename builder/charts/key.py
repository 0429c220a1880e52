"""The status key drawn beside the charts: the marker shapes and what they mean.

Plotly's legend explains colours (one entry per category or supplier); the
shapes for status and the bars for uncertain dates are explained here, in
HTML a screen reader can read as a list.
"""

from __future__ import annotations

from builder.html.sanitize import text
from builder.i18n import Language
from builder.i18n.messages import message
from builder.record.schema import STATUSES

STATUS_KEY: tuple[tuple[str, str], ...] = tuple(
    (status, description)
    for status, description in zip(
        STATUSES,
        (
            "established by officials or several independent sources",
            "published by credible media, not independently confirmed",
            "asserted by one party only",
            "asserted by one party and contested by another",
            "asserted and rejected by the party concerned",
        ),
        strict=True,
    )
)
"""Each status with what it means, for the chart's key."""

_SHAPES: dict[str, str] = {
    "confirmed": '<circle cx="8" cy="8" r="5" fill="currentColor" stroke="currentColor"/>',
    "reported": (
        '<circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="2"/>'
        '<circle cx="8" cy="8" r="1.6" fill="currentColor"/>'
    ),
    "claimed": '<circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="2"/>',
    "disputed": (
        '<path d="M8 2 L14 8 L8 14 L2 8 Z" fill="none" stroke="currentColor" stroke-width="2"/>'
    ),
    "denied": '<path d="M3 3 L13 13 M13 3 L3 13" stroke="currentColor" stroke-width="2"/>',
}

_SPAN = '<rect x="0" y="5.5" width="16" height="5" fill="currentColor" opacity=".4"/>'


def _icon(shape: str) -> str:
    return (
        '<svg class="dr-key-icon" width="16" height="16" viewBox="0 0 16 16" '
        f'aria-hidden="true" focusable="false">{shape}</svg>'
    )


def status_key_html(lang: Language = "en") -> str:
    """A list of the five status shapes and the date-span bar, with their meanings."""
    if lang != "en":
        items = "".join(
            f"<li>{_icon(_SHAPES[status])}<strong>{text(message(f'status.{status}', lang).capitalize())}"
            f"</strong>: {text(message(f'chart.key.{status}', lang))}</li>"
            for status, _ in STATUS_KEY
        )
        span = (
            f"<li>{_icon(_SPAN)}<strong>{text(message('chart.key.bar', lang))}</strong>: "
            f"{text(message('chart.key.bar_meaning', lang))}</li>"
        )
        label = text(message("chart.key.label", lang))
        return f'<ul class="dr-key" aria-label="{label}">{items}{span}</ul>'
    items = "".join(
        f"<li>{_icon(_SHAPES[status])}<strong>{status.capitalize()}</strong>: {meaning}</li>"
        for status, meaning in STATUS_KEY
    )
    span = (
        f"<li>{_icon(_SPAN)}<strong>Bar</strong>: the date is known only to the month or "
        "year, or the event lasted; the marker sits mid-way and is not an exact day</li>"
    )
    return f'<ul class="dr-key" aria-label="Key to the marks">{items}{span}</ul>'
