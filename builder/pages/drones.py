"""The drone systems page: every system in systems.yaml with its figures and events."""

from __future__ import annotations

from builder.html.sanitize import text
from builder.html.search import NOT_INDEXED
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.formats import display_number
from builder.pages.common import country, front_matter, record_text, words
from builder.record.schema import Figure
from builder.record.validate import Dataset

DRONES_PAGE = "reference/drones.md"
"""Docs path of the generated drone systems page."""


def _figure(label: str, figure: Figure | None, unit: str, lang: Language) -> str:
    if figure is None:
        return ""
    value = f"{figure.value:g}" if lang == DEFAULT_LANGUAGE else display_number(figure.value, lang)
    return (
        f"<dt>{label}</dt><dd>{value}\u00a0{text(unit)} "
        f"<a href='../sources/#{figure.source}' class='dr-bib-link'>"
        f"{words('drones.source', lang)}</a></dd>"
        if lang != DEFAULT_LANGUAGE
        else f"<dt>{label}</dt><dd>{value} {text(unit)} "
        f"<a href='../sources/#{figure.source}' class='dr-bib-link'>[source]</a></dd>"
    )


def drones_page(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The Markdown of the drone systems page in ``lang``, one section per system."""
    title = words("drones.title", lang)
    parts = [
        front_matter(title, words("drones.description", lang)),
        f"# {title}\n\n",
        words("drones.intro", lang) + "\n\n",
    ]
    for sid, system in sorted(data.systems.items(), key=lambda kv: kv[1].name.casefold()):
        events = [eid for eid, ev in data.chronological() if sid in ev.systems]
        links = ", ".join(
            f"<a href='../../events/{eid}/'>{record_text(data.events[eid], 'title', lang)}</a>"
            for eid in events
        )
        sources = ", ".join(
            f"<a href='../sources/#{s}'>{text(data.sources[s].publisher)}</a>"
            for s in system.sources
        )
        facts = (
            f"<dt>{words('drones.maker', lang)}</dt><dd>{record_text(system, 'maker', lang)}</dd>"
            f"<dt>{words('drones.origin', lang)}</dt><dd>{text(country(system.origin, lang))}</dd>"
            f"<dt>{words('drones.role', lang)}</dt><dd>{record_text(system, 'role', lang)}</dd>"
            + _figure(words("drones.range", lang), system.range_km, words("unit.km", lang), lang)
            + _figure(
                words("drones.endurance", lang), system.endurance_h, words("unit.hours", lang), lang
            )
            + (
                f"<dt>{words('actor.events', lang)}</dt><dd {NOT_INDEXED}>{links}</dd>"
                if links
                else ""
            )
            + (f"<dt>{words('event.sources', lang)}</dt><dd>{sources}</dd>" if sources else "")
        )
        parts.append(
            f"<section class='dr-system' id='{sid}'><h2>{record_text(system, 'name', lang)}</h2>"
            f"<dl class='dr-facts'>{facts}</dl></section>\n\n"
        )
    return "".join(parts)
