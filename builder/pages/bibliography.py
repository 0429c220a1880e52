"""The bibliography page and the chapters' source footnotes, both from sources.yaml.

Chapters cite with a Markdown footnote whose label is a source id, e.g.
``[^rferl-2022-05-24]``; :func:`add_source_footnotes` appends the definition
of each such footnote, formatted from the data, so a citation is written once
in ``data/sources.yaml`` and reads the same everywhere.
"""

from __future__ import annotations

import re

from builder.html.sanitize import text
from builder.html.search import NOT_INDEXED
from builder.pages.common import front_matter
from builder.record import dates
from builder.record.schema import Source
from builder.record.validate import Dataset

BIBLIOGRAPHY_PAGE = "reference/sources.md"
"""Docs path of the generated bibliography."""

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


def address_html(source: Source, rel: str = "") -> str:
    """A source's address as links: the page itself first, then any address printed for it.

    A shortened or reposted address (``url``) stands beside the original page it
    leads to (``resolved_url``), which readers should open first; one whose
    original we have not found says so.
    """
    attrs = f' rel="{rel}"' if rel else ""
    url = text(str(source.url))
    link = f'<a href="{url}"{attrs}>{url}</a>'
    if source.unresolved is not None:
        return f"{link} ({UNRESOLVED_LABEL})"
    if source.resolved_url is None:
        return link
    resolved = text(str(source.resolved_url))
    printed = "printed in the article as" if source.origin == "footnote" else "cited as"
    return f'<a href="{resolved}"{attrs}>{resolved}</a> ({printed} {link})'


UNRESOLVED_LABEL = "a shortened or reposted address: we have not found the original page"
"""What a citation says after an address whose original page is not found."""


def footnote_text(source_id: str, data: Dataset) -> str:
    """One source as footnote Markdown: author, “title”, publisher, date, address."""
    source = data.sources[source_id]
    author = f"{_markdown_text(source.author)}, " if source.author else ""
    return (
        f"{author}“{_markdown_text(source.title)}”, {_markdown_text(source.publisher)}, "
        f"{dates.display(source.date)}, {address_html(source)}."
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
    author = f"{text(source.author)}, " if source.author else ""
    footnote = (
        f"<span class='dr-footnote-no'>Footnote {source.footnote}</span> "
        if (source.footnote)
        else ""
    )
    note = f"<br><span class='dr-note'>{text(source.note)}</span>" if source.note else ""
    if source.unresolved:
        note += f"<br><span class='dr-note'>Not found: {text(source.unresolved)}</span>"
    events = ", ".join(
        f"<a href='../../events/{eid}/'>{text(data.events[eid].title)}</a>" for eid in citing
    )
    cited = f"<br><span class='dr-cited' {NOT_INDEXED}>Cited by: {events}</span>" if events else ""
    stated = [eid for eid in citing if data.events[eid].date_stated_by == source_id]
    dated = (
        f"<br><span class='dr-dates' {NOT_INDEXED}>States the date of: "
        + ", ".join(
            f"<a href='../../events/{eid}/'>{text(data.events[eid].title)}</a>" for eid in stated
        )
        + "</span>"
        if stated
        else ""
    )
    return (
        f"<li id='{source_id}'>{footnote}{author}“{text(source.title)}”, "
        f"{text(source.publisher)}, {dates.display(source.date)}, "
        f"{address_html(source, 'noopener noreferrer')}{note}{dated}{cited}</li>"
    )


ORIGIN_SECTIONS: dict[str, tuple[str, str]] = {
    "article": ("The article", ""),
    "footnote": (
        "The article's footnotes",
        "Numbered as in the article. Footnotes 2 and 21 read “Ibid.” and point to the "
        "entry before them.",
    ),
    "added": (
        "Sources we added",
        "Pages the article does not cite, which we read ourselves at their original "
        "publisher to date events the article leaves vague and to carry the record past "
        "August 2022. Oldest first. How they are chosen is explained in the "
        "[methodology](methodology.md#sources-we-added).",
    ),
}
"""Heading and introduction of each group of the bibliography, keyed by source origin."""


def sources_by_origin(data: Dataset) -> dict[str, list[str]]:
    """Source ids grouped by their ``origin``: footnotes by number, added ones oldest first."""
    groups: dict[str, list[str]] = {origin: [] for origin in ORIGIN_SECTIONS}
    for sid, source in data.sources.items():
        groups[source.origin].append(sid)
    groups["footnote"].sort(key=lambda sid: data.sources[sid].footnote or 0)
    groups["added"].sort(key=lambda sid: (dates.start(data.sources[sid].date), sid))
    return groups


def bibliography(data: Dataset) -> str:
    """The Markdown of the sources page, grouped by where each source comes from."""
    citing: dict[str, list[str]] = {sid: [] for sid in data.sources}
    for eid, ev in data.chronological():
        for sid in dict.fromkeys([*ev.sources, *(q.source for q in ev.quotes)]):
            citing[sid].append(eid)
    groups = sources_by_origin(data)

    def block(ids: list[str]) -> str:
        return (
            "<ol class='dr-bibliography'>"
            + "".join(_entry(sid, data, citing[sid]) for sid in ids)
            + "</ol>\n\n"
        )

    added = len(groups["added"])
    stated = sum(1 for event in data.events.values() if event.date_stated_by)
    inferred = len(data.events) - stated
    parts = [
        front_matter(
            "Sources",
            f"The full bibliography: the article, its footnotes and {added} sources we added, "
            "each with the events that cite it.",
        ),
        "# Sources\n\n",
        f"Every source the record cites: {len(data.sources)} in all, grouped by where it "
        f"comes from: the article itself, its {len(groups['footnote'])} footnotes, and "
        f"{added} pages we added. Each entry lists the events that rest on it. Titles and "
        "addresses are given as the sources publish them; where the article printed a "
        "shortened link or a copy on another site, the original page comes first.\n\n",
        f"**How the dates are known.** Of the {len(data.events)} events, {stated} have a date "
        f"that one of their sources states in its text, and {inferred} a date we worked out "
        "(from a weekday, a report's publication date, or the span a source implies); each "
        "event page says which, and the "
        "[methodology](methodology.md#dates) explains the difference.\n\n",
    ]
    for origin, (heading, intro) in ORIGIN_SECTIONS.items():
        if not groups[origin]:
            continue
        parts.append(f"## {heading}\n\n")
        if intro:
            parts.append(intro + "\n\n")
        parts.append(block(groups[origin]))
    return "".join(parts)
