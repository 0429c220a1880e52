"""The editors' field reference, generated from the schema's own descriptions.

Nothing here is written by hand: each table row is a field of a pydantic
model in ``builder/record/schema.py``, its type and limits read from the model's JSON
Schema and its explanation from the ``Field(description=...)`` next to it. A
field added to the schema appears in the guide on the next build.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from builder.html.sanitize import text
from builder.pages.common import front_matter
from builder.record.schema import Actor, DroneSystem, Event, Place, Source, Story

FIELDS_PAGE = "contribute/fields.md"
"""Docs path of the generated field reference."""

SECTIONS: tuple[tuple[str, str, type[BaseModel]], ...] = (
    ("event", "An event file: `data/events/<id>.yaml`", Event),
    ("source", "A source: an entry of `data/sources.yaml`", Source),
    ("place", "A place: an entry of `data/places.yaml`", Place),
    ("actor", "An actor: an entry of `data/actors.yaml`", Actor),
    ("system", "A drone system: an entry of `data/systems.yaml`", DroneSystem),
    ("story", "The story: `data/story.yaml`", Story),
)
"""The models documented, in order: anchor, heading and model."""


def describe_type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    """A short plain-words type for one JSON Schema property, with its limits."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    if len(options) != 1:
        return " or ".join(describe_type(o, defs) for o in options)
    schema = options[0]
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"a mapping ({name}, see below)"
    if "enum" in schema:
        return "one of: " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        item = describe_type(schema.get("items", {}), defs)
        if item.startswith("an id "):
            item = "ids " + item.removeprefix("an id ")
        least = schema.get("minItems")
        at_least = f", at least {least}" if least else ""
        return f"a list of {item}{at_least}"
    if kind == "string":
        if schema.get("pattern") == "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" or "examples" in schema:
            return "a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in quotes"
        if schema.get("pattern", "").startswith("^[a-z0-9]+"):
            return "an id (lowercase letters, digits, hyphens)"
        if schema.get("pattern") == "^[A-Z]{3}$":
            return "a three-letter country code"
        if schema.get("format") == "uri":
            return "a web address"
        limits = []
        if "minLength" in schema and schema["minLength"] > 1:
            limits.append(f"at least {schema['minLength']} characters")
        if "maxLength" in schema:
            limits.append(f"at most {schema['maxLength']} characters")
        return "text" + (f" ({', '.join(limits)})" if limits else "")
    if kind in ("number", "integer"):
        low, high = schema.get("minimum"), schema.get("maximum")
        word = "a whole number" if kind == "integer" else "a number"
        return f"{word} from {low:g} to {high:g}" if low is not None and high is not None else word
    return kind or "any value"


def _table(model: type[BaseModel]) -> tuple[str, dict[str, Any]]:
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema["properties"].items():
        need = "required" if name in required else "optional"
        rows.append(
            f"<tr id='{model.__name__.lower()}-{name}'><th scope='row'><code>{name}</code></th>"
            f"<td>{need}</td><td>{_inline(describe_type(prop, defs))}</td>"
            f"<td>{text(prop.get('description', ''))}</td></tr>"
        )
    table = (
        "<table class='dr-fields'><thead><tr><th scope='col'>Field</th><th scope='col'>Needed</th>"
        "<th scope='col'>Type</th><th scope='col'>What to write</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>\n\n"
    )
    return table, defs


def _inline(value: str) -> str:
    # Backticks in a type become <code>; everything else is escaped text.
    pieces = text(value).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(pieces))


def _nested(defs: dict[str, Any]) -> str:
    parts = []
    for name, schema in sorted(defs.items()):
        rows = []
        required = set(schema.get("required", []))
        for field, prop in schema.get("properties", {}).items():
            need = "required" if field in required else "optional"
            rows.append(
                f"<tr><th scope='row'><code>{field}</code></th><td>{need}</td>"
                f"<td>{_inline(describe_type(prop, defs))}</td>"
                f"<td>{text(prop.get('description', ''))}</td></tr>"
            )
        parts.append(
            f"<p><strong>{name}</strong>: {_inline(schema.get('description', ''))}</p>"
            "<table class='dr-fields'><thead><tr><th scope='col'>Field</th>"
            "<th scope='col'>Needed</th><th scope='col'>Type</th>"
            "<th scope='col'>What to write</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>\n\n"
        )
    return "".join(parts)


def field_reference() -> str:
    """The Markdown of the field reference page."""
    parts = [
        front_matter(
            "Field reference",
            "Every field of every data file, with its type and what to write, "
            "generated from the schema the build checks against.",
        ),
        "# Field reference\n\n",
        "Every field an editor can write, generated from the same schema that `make check` "
        "and the build use, so this page cannot fall out of step with what the checks "
        "accept. Fields not listed here are rejected. The same rules are available as a "
        "[JSON Schema](../data/event.schema.json) for editors that can use one, and the story's "
        "as [another](../data/story.schema.json).\n\n",
    ]
    for anchor, heading, model in SECTIONS:
        table, defs = _table(model)
        parts.append(f"## {heading} {{#{anchor}}}\n\n")
        parts.append(f"<p>{_inline((model.__doc__ or '').replace('``', '`'))}</p>\n\n")
        parts.append(table)
        if defs:
            parts.append(_nested(defs))
    return "".join(parts)
