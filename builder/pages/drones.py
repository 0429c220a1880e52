"""The drone systems page: every system in systems.yaml with its figures and events."""

from __future__ import annotations

from builder.html.sanitize import text
from builder.html.search import NOT_INDEXED
from builder.pages.common import front_matter
from builder.record.countries import country_name
from builder.record.schema import Figure
from builder.record.validate import Dataset

DRONES_PAGE = "reference/drones.md"
"""Docs path of the generated drone systems page."""


def _figure(label: str, figure: Figure | None, unit: str) -> str:
    if figure is None:
        return ""
    value = f"{figure.value:g}"
    return (
        f"<dt>{label}</dt><dd>{value} {text(unit)} "
        f"<a href='../sources/#{figure.source}' class='dr-bib-link'>[source]</a></dd>"
    )


def drones_page(data: Dataset) -> str:
    """The Markdown of the drone systems page, one section per system."""
    parts = [
        front_matter(
            "Drone systems",
            "The drones in the record: who makes them, what they do, the figures the sources "
            "give and the events they appear in.",
        ),
        "# Drone systems\n\n",
        "Each drone type named in the record, with the figures a listed source gives and "
        "nothing more. A missing figure means no source in the record states it.\n\n",
    ]
    for sid, system in sorted(data.systems.items(), key=lambda kv: kv[1].name.casefold()):
        events = [eid for eid, ev in data.chronological() if sid in ev.systems]
        links = ", ".join(
            f"<a href='../../events/{eid}/'>{text(data.events[eid].title)}</a>" for eid in events
        )
        sources = ", ".join(
            f"<a href='../sources/#{s}'>{text(data.sources[s].publisher)}</a>"
            for s in system.sources
        )
        facts = (
            f"<dt>Maker</dt><dd>{text(system.maker)}</dd>"
            f"<dt>Origin</dt><dd>{text(country_name(system.origin))}</dd>"
            f"<dt>Role</dt><dd>{text(system.role)}</dd>"
            + _figure("Range", system.range_km, "km")
            + _figure("Flight time", system.endurance_h, "hours")
            + (f"<dt>Events</dt><dd {NOT_INDEXED}>{links}</dd>" if links else "")
            + (f"<dt>Sources</dt><dd>{sources}</dd>" if sources else "")
        )
        parts.append(
            f"<section class='dr-system' id='{sid}'><h2>{text(system.name)}</h2>"
            f"<dl class='dr-facts'>{facts}</dl></section>\n\n"
        )
    return "".join(parts)
