"""The bibliography page and the chapters' source footnotes, both from sources.yaml.

Chapters cite with a Markdown footnote whose label is a source id, e.g.
``[^rferl-2022-05-24]``; :func:`add_source_footnotes` appends the definition
of each such footnote, formatted from the data, so a citation is written once
in ``data/sources.yaml`` and reads the same everywhere.
"""

from __future__ import annotations

import re

from builder import dates
from builder.pages.common import front_matter
from builder.sanitize import text
from builder.search import NOT_INDEXED
from builder.validate import Dataset

BIBLIOGRAPHY_PAGE = "reference/sources.md"
"""Docs path of the generated bibliography."""

ARTICLE_SOURCE = "gosselin-malo-2022"
"""Id of the article this site explains; listed first in the bibliography."""

FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
"""A footnote reference ``[^label]`` (not its definition ``[^label]:``)."""

FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
"""The start of a footnote definition line."""


CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
"""Fenced code blocks and inline code, where ``[^x]`` is an example, not a citation."""


def _markdown_text(value: str) -> str:
    # Citation text is Markdown: escape HTML, then the characters Markdown reads as syntax.
    escaped = text(value)
    for char in "\\`*_[]":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def footnote_text(source_id: str, data: Dataset) -> str:
    """One source as footnote Markdown: author, “title”, publisher, date, address."""
    source = data.sources[source_id]
    url = text(str(source.url))
    author = f"{_markdown_text(source.author)}, " if source.author else ""
    return (
        f"{author}“{_markdown_text(source.title)}”, {_markdown_text(source.publisher)}, "
        f'{dates.display(source.date)}, <a href="{url}">{url}</a>.'
    )


MISSING_SOURCE = "Not in data/sources.yaml: "
"""Start of the footnote written for a label that names no source (tests look for it)."""


def add_source_footnotes(markdown: str, data: Dataset) -> str:
    """Append a definition for every ``[^label]`` the page cites but does not define.

    A label that is a source id gets that source's citation. Any other label
    gets a visible "not in data/sources.yaml" note instead of failing the build,
    so the chapters still build against a test dataset; the site tests check
    that the real build has none.
    """
    if "[^" not in markdown:
        return markdown  # most pages (every event's) cite nothing: skip the scans
    prose = CODE.sub("", markdown)
    defined = set(FOOTNOTE_DEF.findall(prose))
    cited = list(dict.fromkeys(FOOTNOTE_REF.findall(prose)))
    missing = [label for label in cited if label not in defined]
    if not missing:
        return markdown
    lines = [
        f"[^{label}]: "
        + (
            # The bibliography is where the search finds a source, not each page citing it.
            f"<span {NOT_INDEXED}>{footnote_text(label, data)}</span>"
            if label in data.sources
            else MISSING_SOURCE + _markdown_text(label)
        )
        for label in missing
    ]
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"


def _entry(source_id: str, data: Dataset, citing: list[str]) -> str:
    source = data.sources[source_id]
    url = text(str(source.url))
    author = f"{text(source.author)}, " if source.author else ""
    footnote = (
        f"<span class='dr-footnote-no'>Footnote {source.footnote}</span> "
        if (source.footnote)
        else ""
    )
    note = f"<br><span class='dr-note'>{text(source.note)}</span>" if source.note else ""
    events = ", ".join(
        f"<a href='../../events/{eid}/'>{text(data.events[eid].title)}</a>" for eid in citing
    )
    cited = f"<br><span class='dr-cited' {NOT_INDEXED}>Cited by: {events}</span>" if events else ""
    return (
        f"<li id='{source_id}'>{footnote}{author}“{text(source.title)}”, "
        f"{text(source.publisher)}, {dates.display(source.date)}, "
        f"<a href='{url}' rel='noopener noreferrer'>{url}</a>{note}{cited}</li>"
    )


def bibliography(data: Dataset) -> str:
    """The Markdown of the sources page: the article, its footnotes, then other sources."""
    citing: dict[str, list[str]] = {sid: [] for sid in data.sources}
    for eid, ev in data.chronological():
        for sid in dict.fromkeys([*ev.sources, *(q.source for q in ev.quotes)]):
            citing[sid].append(eid)
    footnoted = sorted((s for s in data.sources.values() if s.footnote), key=lambda s: s.footnote)
    by_note = [sid for s in footnoted for sid, v in data.sources.items() if v is s]
    article = [
        sid for sid, s in data.sources.items() if s.footnote is None and sid == ARTICLE_SOURCE
    ]
    others = sorted(
        (sid for sid, s in data.sources.items() if s.footnote is None and sid not in article),
        key=lambda sid: (dates.start(data.sources[sid].date), sid),
    )

    def block(ids: list[str]) -> str:
        return (
            "<ol class='dr-bibliography'>"
            + "".join(_entry(sid, data, citing[sid]) for sid in ids)
            + "</ol>\n\n"
        )

    parts = [
        front_matter(
            "Sources",
            f"The full bibliography: the article, its footnotes and {len(others)} further "
            "sources, each with the events that cite it.",
        ),
        "# Sources\n\n",
        f"Every source the record cites: {len(data.sources)} in all. Each entry lists the "
        "events that rest on it. Titles and addresses are given as the sources publish them.\n\n",
    ]
    if article:
        parts += ["## The article\n\n", block(article)]
    parts += [
        "## The article's footnotes\n\n",
        "Numbered as in the article. Footnotes 2 and 21 read “Ibid.” and point to the "
        "entry before them.\n\n",
        block(by_note),
    ]
    if others:
        parts += [
            "## Further sources\n\n",
            "Sources the record adds to date or confirm events the article mentions.\n\n",
            block(others),
        ]
    return "".join(parts)
