"""Export the editors' contract as JSON Schema for text editors and downloads."""

from __future__ import annotations

from pathlib import Path

from builder.exports import dumps
from builder.schema import Event

SCHEMA_PATH = Path("data/schema/event.schema.json")
"""Where the exported event schema lives in the repository."""


def event_json_schema() -> str:
    """The JSON Schema of one event file, serialised deterministically."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Event"
    return dumps(schema)


def write_schema(root: Path) -> Path:
    """Write the event schema under ``root`` and return the path written."""
    target = root / SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(event_json_schema(), encoding="utf-8")
    return target
