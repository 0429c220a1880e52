"""Export the editors' contract as JSON Schema for text editors and downloads.

Two files: one event (``data/events/<id>.yaml``) and the story
(``data/story.yaml``). Both are written to ``data/schema/`` by ``make schema``
and served under ``data/`` on the site.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from builder.exports import dumps
from builder.schema import Event, Story

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


EXPORTS: dict[Path, Callable[[], str]] = {SCHEMA_PATH: event_json_schema, STORY_SCHEMA_PATH: story_json_schema}
"""Every exported schema: repository path and the function that renders it."""


def write_schema(root: Path) -> Path:
    """Write the event schema under ``root`` and return the path written."""
    target = root / SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(event_json_schema(), encoding="utf-8")
    return target


def write_story_schema(root: Path) -> Path:
    """Write the story schema under ``root`` and return the path written."""
    target = root / STORY_SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(story_json_schema(), encoding="utf-8")
    return target
