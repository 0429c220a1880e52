"""The text a chart stands on: a one-paragraph summary and a data table.

Screen-reader users, keyboard users and readers without JavaScript get the
same facts as the picture. Cells are plain text or links; everything is
escaped here, so callers pass editor text as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.html.sanitize import text
from builder.html.search import NOT_INDEXED
from builder.i18n import Language
from builder.i18n.messages import message


@dataclass(frozen=True)
class Link:
    """A table cell that links to a page of the site (path relative to the site root).

    With ``external`` the path is a full http(s) address of a source instead.
    """

    label: str
    path: str
    external: bool = False


@dataclass(frozen=True)
class Foreign:
    """A table cell of plain text in another language than the table's, marked as such:
    editor text whose translation the data does not have yet."""

    label: str
    lang: Language


Cell = str | Link | Foreign
"""A table cell: plain text, a link, or text marked as another language."""


@dataclass(frozen=True)
class Table:
    """A data table: caption, column headings and rows of cells."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    more: Link | None = field(default=None)
    indexed: bool = True
    """False for tables that list events: those are searchable on their own pages."""


@dataclass(frozen=True)
class Alternative:
    """Everything a chart says, in words: a key (our own HTML), the summary and the table."""

    summary: str
    table: Table
    key_html: str = ""
    lang: Language = "en"
    """The language of every word above."""

    def html(self, name: str, prefix: str) -> str:
        """The summary and a collapsed table for chart ``name``, links relative via ``prefix``."""
        return (
            self.key_html
            + f'<p class="dr-chart-summary" id="chart-{name}-summary">{text(self.summary)}</p>'
            + table_html(self.table, prefix, self.lang)
        )


def _cell(cell: Cell, prefix: str) -> str:
    if isinstance(cell, Link) and cell.external:
        return f'<a href="{text(cell.path)}" rel="noopener noreferrer">{text(cell.label)}</a>'
    if isinstance(cell, Link):
        return f'<a href="{prefix}{text(cell.path)}">{text(cell.label)}</a>'
    if isinstance(cell, Foreign):
        return f'<span lang="{cell.lang}">{text(cell.label)}</span>'
    return text(cell)


def table_html(table: Table, prefix: str, lang: Language = "en") -> str:
    """A ``<details>`` holding the table, closed until the reader opens it."""
    head = "".join(f'<th scope="col">{text(c)}</th>' for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(c, prefix)}</td>" for c in row) + "</tr>"
        for row in table.rows
    )
    note = f'<p class="dr-chart-note">{text(table.note)}</p>' if table.note else ""
    more = (
        f'<p class="dr-chart-note"><a href="{prefix}{text(table.more.path)}">'
        f"{text(table.more.label)}</a></p>"
        if table.more
        else ""
    )
    exclude = "" if table.indexed else f" {NOT_INDEXED}"
    return (
        f'<details class="dr-chart-table"><summary>{text(message("chart.data_table", lang))}: '
        f"{text(table.caption)}</summary>"
        f"{note}<table{exclude}><caption>{text(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}</details>"
    )
