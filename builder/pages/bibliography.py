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
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.localize import Localized, localized
from builder.pages.common import front_matter, record_text, show_date, title_lang_attr, words
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


def address_html(source: Source, rel: str = "", lang: Language = DEFAULT_LANGUAGE) -> str:
    """A source's address as links: the page itself first, then any address printed for it.

    A shortened or reposted address (``url``) stands beside the original page it
    leads to (``resolved_url``), which readers should open first; one whose
    original we have not found says so.
    """
    attrs = f' rel="{rel}"' if rel else ""
    url = text(str(source.url))
    link = f'<a href="{url}"{attrs}>{url}</a>'
    if source.unresolved is not None:
        return f"{link} ({words('sources.unresolved', lang)})"
    if source.resolved_url is None:
        return link
    resolved = text(str(source.resolved_url))
    printed = words("sources.printed" if source.origin == "footnote" else "sources.cited_as", lang)
    return f'<a href="{resolved}"{attrs}>{resolved}</a> ({printed} {link})'


UNRESOLVED_LABEL = "a shortened or reposted address: we have not found the original page"
"""What a citation says after an address whose original page is not found."""


def footnote_text(source_id: str, data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> str:
    """One source as footnote Markdown: author, “title”, publisher, date, address; the title
    in its own language, the date and the address's labels in ``lang``."""
    source = data.sources[source_id]
    author = f"{_markdown_text(source.author)}, " if source.author else ""
    title = _markdown_text(source.title)
    marked = title_lang_attr(source.title, lang)
    if marked:
        title = f"<span{marked}>{title}</span>"
    return (
        f"{author}“{title}”, {_markdown_text(source.publisher)}, "
        f"{show_date(source.date, lang)}, {address_html(source, lang=lang)}."
    )


MISSING_SOURCE = "Not in data/sources.yaml: "
"""Start of the footnote written for a label that names no source (tests look for it)."""


def add_source_footnotes(markdown: str, data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> str:
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
            f"<span {NOT_INDEXED}>{footnote_text(label, data, lang)}</span>"
            if label in data.sources
            else MISSING_SOURCE + _markdown_text(label)
        )
        for label in missing
    ]
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"


def _lang_mark(found: Localized, lang: Language) -> str:
    # English standing in for a missing translation is marked, for browsers and screen readers.
    return f" lang='{found.lang}'" if found.lang != lang else ""


def _entry(source_id: str, data: Dataset, citing: list[str], lang: Language) -> str:
    source = data.sources[source_id]
    author = f"{text(source.author)}, " if source.author else ""
    footnote = (
        f"<span class='dr-footnote-no'>{words('sources.footnote', lang)} {source.footnote}</span> "
        if (source.footnote)
        else ""
    )
    found = localized(source, "note", lang)
    note = (
        f"<br><span class='dr-note'{_lang_mark(found, lang)}>{text(found.text)}</span>"
        if found
        else ""
    )
    searched = localized(source, "unresolved", lang)
    if searched is not None:
        mark = _lang_mark(searched, lang)
        said = f"<span{mark}>{text(searched.text)}</span>" if mark else text(searched.text)
        note += f"<br><span class='dr-note'>{words('sources.not_found', lang)} {said}</span>"
    events = ", ".join(
        f"<a href='../../events/{eid}/'>{record_text(data.events[eid], 'title', lang)}</a>"
        for eid in citing
    )
    cited = (
        f"<br><span class='dr-cited' {NOT_INDEXED}>{words('sources.cited_by', lang)} {events}</span>"
        if events
        else ""
    )
    stated = [eid for eid in citing if data.events[eid].date_stated_by == source_id]
    dated = (
        f"<br><span class='dr-dates' {NOT_INDEXED}>{words('sources.states_date', lang)} "
        + ", ".join(
            f"<a href='../../events/{eid}/'>{record_text(data.events[eid], 'title', lang)}</a>"
            for eid in stated
        )
        + "</span>"
        if stated
        else ""
    )
    title = (
        f"<span{title_lang_attr(source.title, lang)}>{text(source.title)}</span>"
        if lang != DEFAULT_LANGUAGE
        else text(source.title)
    )
    return (
        f"<li id='{source_id}'>{footnote}{author}“{title}”, "
        f"{text(source.publisher)}, {show_date(source.date, lang)}, "
        f"{address_html(source, 'noopener noreferrer', lang)}{note}{dated}{cited}</li>"
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


def bibliography(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The Markdown of the sources page in ``lang``, grouped by where each source comes from."""
    citing: dict[str, list[str]] = {sid: [] for sid in data.sources}
    for eid, ev in data.chronological():
        for sid in dict.fromkeys([*ev.sources, *(q.source for q in ev.quotes)]):
            citing[sid].append(eid)
    groups = sources_by_origin(data)

    def block(ids: list[str]) -> str:
        return (
            "<ol class='dr-bibliography'>"
            + "".join(_entry(sid, data, citing[sid], lang) for sid in ids)
            + "</ol>\n\n"
        )

    added = len(groups["added"])
    stated = sum(1 for event in data.events.values() if event.date_stated_by)
    inferred = len(data.events) - stated
    counts = {
        "added": str(added),
        "sources": str(len(data.sources)),
        "footnotes": str(len(groups["footnote"])),
        "events": str(len(data.events)),
        "stated": str(stated),
        "inferred": str(inferred),
    }
    title = words("event.sources", lang)
    parts = [
        front_matter(title, words("sources.description", lang, **counts)),
        f"# {title}\n\n",
        words("sources.intro", lang, **counts) + "\n\n",
        words("sources.dates", lang, **counts) + "\n\n",
    ]
    for origin, (heading, intro) in ORIGIN_SECTIONS.items():
        if not groups[origin]:
            continue
        if lang != DEFAULT_LANGUAGE:
            heading = words(f"sources.{origin}.heading", lang)
            intro = words(f"sources.{origin}.intro", lang) if intro else ""
        parts.append(f"## {heading}\n\n")
        if intro:
            parts.append(intro + "\n\n")
        parts.append(block(groups[origin]))
    return "".join(parts)
