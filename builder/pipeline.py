"""The whole build as one pure function: a data folder in, output files out.

``load -> validate -> render maps -> render charts -> write pages``. The
result maps each path (relative to the docs folder, which MkDocs mirrors into
the site) to its content. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder import charts, exports, maps, pages
from builder.assets import vendor_files
from builder.embeds import Embed
from builder.schema_export import event_json_schema
from builder.validate import Dataset, load_dataset

EMBEDS: dict[str, Embed] = {
    "map:regional": Embed(
        "map",
        "regional",
        "Map of the regional drone race: every located event",
        "Every event with a known location, one layer per category. Filled markers are "
        "confirmed or reported; hollow, dashed markers are claims.",
    ),
    "chart:timeline": Embed(
        "chart",
        "timeline",
        "Timeline of every event, by category",
        "Every event in time, one row per category. Solid markers are confirmed or reported "
        "events; open markers are claims. Click a marker to open the event.",
        height=440,
    ),
}
"""Every map and chart a page can place with ``[[map NAME]]`` or ``[[chart NAME]]``."""


@dataclass(frozen=True)
class Build:
    """The output of one build: the dataset and every file it produced."""

    data: Dataset
    files: dict[str, str | bytes]


def render(data: Dataset, node_modules: Path) -> dict[str, str | bytes]:
    """Render every generated file from a validated dataset."""
    files: dict[str, str | bytes] = {
        "data/events.geojson": exports.dumps(exports.events_geojson(data)),
        "data/events.csv": exports.events_csv(data),
        "data/event.schema.json": event_json_schema(),
        "maps/regional.html": maps.regional_map(data),
        f"{charts.CHARTS_DIR}/timeline.json": charts.figure_json(charts.timeline_figure(data)),
        f"{pages.EVENTS_DIR}/index.md": pages.events_index(data),
    }
    ordered = [eid for eid, _ in data.chronological()]
    for i, event_id in enumerate(ordered):
        previous = ordered[i - 1] if i > 0 else None
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        files[f"{pages.EVENTS_DIR}/{event_id}.md"] = pages.event_page(
            event_id, data, previous, following
        )
    files.update(vendor_files(node_modules))
    return files


def build(data_dir: Path, node_modules: Path) -> Build:
    """Validate ``data_dir`` and render everything; raises InvalidData on bad data."""
    data = load_dataset(data_dir)
    return Build(data=data, files=render(data, node_modules))
