"""Export the editors' contract as JSON Schema for text editors and downloads.

Three files: one event (``data/events/<id>.yaml``), the sources
(``data/sources.yaml``) and the story (``data/story.yaml``). All are written to ``data/schema/`` by ``make schema``
and served under ``data/`` on the site.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from builder.downloads.exports import dumps
from builder.record.schema import Event, Source, Story

SCHEMA_PATH = Path("data/schema/event.schema.json")
"""Where the exported event schema lives in the repository."""

STORY_SCHEMA_PATH = Path("data/schema/story.schema.json")
"""Where the exported story schema lives in the repository."""


def _json_schema(model: type[BaseModel], title: str) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return dumps(schema)


def event_json_schema() -> str:
    """The JSON Schema of one event file, serialised deterministically."""
    return _json_schema(Event, "Event")


def story_json_schema() -> str:
    """The JSON Schema of ``data/story.yaml``, serialised deterministically."""
    return _json_schema(Story, "Story")


SOURCES_SCHEMA_PATH = Path("data/schema/sources.schema.json")
"""Where the exported schema of ``data/sources.yaml`` lives in the repository."""


def sources_json_schema() -> str:
    """The JSON Schema of ``data/sources.yaml``: source ids mapped to sources."""
    source = Source.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Sources",
        "description": "data/sources.yaml: every source the record cites, keyed by its id.",
        "type": "object",
        "propertyNames": {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80},
        "additionalProperties": {"$ref": "#/$defs/Source"},
        "$defs": {**source.pop("$defs", {}), "Source": source},
    }
    return dumps(schema)


SCHEMAS: dict[Path, Callable[[], str]] = {
    SCHEMA_PATH: event_json_schema,
    SOURCES_SCHEMA_PATH: sources_json_schema,
    STORY_SCHEMA_PATH: story_json_schema,
}
"""Every exported schema: repository path and the function that renders it."""


def write_schema(root: Path) -> Path:
    """Write every schema under ``root`` and return the event schema's path."""
    for path, render in SCHEMAS.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(), encoding="utf-8")
    return root / SCHEMA_PATH
