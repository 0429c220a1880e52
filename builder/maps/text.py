"""The text version beside each map: what the map shows, as tables readers can scan.

Screen-reader users, keyboard users and anyone who prefers numbers to shapes
get the same facts as the map. Every cell is escaped; links are built here
from event ids, never taken from editor text.
"""

from __future__ import annotations

from typing import Any

from builder.html.sanitize import text
from builder.html.search import NOT_INDEXED
from builder.i18n import Language
from builder.i18n.messages import formatted

Cell = str | tuple[str, str]
"""A table cell: plain text, or (text, href) for a link."""


def _cell(value: Cell) -> str:
    if isinstance(value, tuple):
        label, href = value
        return f'<a href="{text(href)}">{text(label)}</a>'
    return text(value)


def table(caption: str, headers: list[str], rows: list[list[Cell]], *, indexed: bool = True) -> str:
    """An HTML table with a caption and a header row; every cell escaped.

    ``indexed=False`` keeps it out of the site search (see :data:`NOT_INDEXED`).
    """
    exclude = "" if indexed else f" {NOT_INDEXED}"
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table class="dr-map-table"{exclude}><caption>{text(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def events_table(
    caption: str, features: list[dict[str, Any]], prefix: str, lang: Language = "en"
) -> str:
    """One row per event feature: date, linked title, status (with who claims), where.

    Each event is searchable on its own page, so this table stays out of the search.
    ``features`` are made in ``lang`` (:func:`builder.maps.features.located_features`).
    """
    rows: list[list[Cell]] = []
    for feature in features:
        p = feature["properties"]
        status = p.get("status_text") or p["status"]
        if p.get("claimed_by"):
            status += formatted("map.text.claimed_by", lang, names=", ".join(p["claimed_by"]))
            status += (
                formatted("map.text.rejected_by", lang, names=", ".join(p["denied_by"]))
                if p.get("denied_by")
                else ")"
            )
        rows.append(
            [p["date"], (p["title"], f"{prefix}events/{p['id']}/"), status, p["where"] or ""]
        )
    headers = [
        formatted(f"map.text.{column}", lang) for column in ("date", "event", "status", "where")
    ]
    return table(caption, headers, rows, indexed=False)


def paragraph(value: str) -> str:
    """A paragraph of plain text, escaped."""
    return f"<p>{text(value)}</p>"


def wrap(summary: str, body: str) -> str:
    """Fold the text version under a ``<details>`` so the page stays readable."""
    return f'<details class="dr-map-text"><summary>{text(summary)}</summary>{body}</details>'


def rebased(html: str, prefix: str) -> str:
    """A text version made with links from the site's root (``prefix`` ``""``) as a page
    ``prefix`` below the root places it.

    Every link in a text version is the site's own, written ``href="<prefix>..."`` here; an
    escaped cell never carries a raw quote, so each `` href="`` is one of those links."""
    return html.replace(' href="', f' href="{prefix}') if prefix else html
