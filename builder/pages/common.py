"""What every generated page shares: front matter, the way back to the site root, status wording."""

from __future__ import annotations

import json

from builder.html.sanitize import text

ROOT_FROM_PAGE = "../../"
"""From a generated page at ``<folder>/<id>/`` back to the site root."""

STATUS_LABELS = {
    "confirmed": "Confirmed",
    "reported": "Reported, not independently confirmed",
    "claimed": "Claimed by one side, not verified",
    "disputed": "Disputed",
    "denied": "Claimed and denied",
}
"""How each status reads on a page."""


def front_matter(
    title: str, description: str, card: str | None = None, card_alt: str | None = None
) -> str:
    """YAML front matter with an escaped title and description (JSON strings are YAML), and
    the site path and description of the page's sharing ``card`` when it has its own."""
    short = " ".join(description.split())
    if len(short) > 200:
        short = short[:199].rsplit(" ", 1)[0] + "…"
    return (
        "---\n"
        f"title: {json.dumps(text(title), ensure_ascii=False)}\n"
        f"description: {json.dumps(text(short), ensure_ascii=False)}\n"
        + (f"card: {json.dumps(card)}\n" if card else "")
        + (f"card_alt: {json.dumps(text(card_alt), ensure_ascii=False)}\n" if card_alt else "")
        + "---\n\n"
    )
