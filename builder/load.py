"""Read the data files: bytes to Python mappings, every failure kept as a Problem.

Reading never stops at the first bad file. Each failure (not UTF-8, not YAML,
an unsafe tag, empty, not a mapping) becomes a :class:`Problem` so that the
editor sees them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's safe loader parses several times faster than the pure-Python one and
# builds the same plain values; it refuses the same unsafe tags.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

EVENTS_DIR = "events"
"""Folder under the data root that holds one YAML file per event."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, printed as ``path: field: message``."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        """Return the ``path: field: message`` line editors read."""
        return f"{self.path}: {self.field}: {self.message}"


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file safely; return its content or the problems that stop it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown_as, "file", f"cannot be read: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [
            Problem(
                shown_as,
                "file",
                f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "save it as UTF-8",
            )
        ]
    try:
        content = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = exc.problem or exc.context or "malformed YAML"
        if "could not determine a constructor" in (what or ""):
            what = "uses a YAML tag that is not allowed (only plain values, lists and mappings)"
        elif "mapping values are not allowed" in what:
            what = "a colon followed by a space inside a value; put the whole value in quotes"
        return None, [Problem(shown_as, "yaml", f"{what}{where}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown_as, "yaml", str(exc))]
    if content is None:
        return None, [Problem(shown_as, "file", "is empty; expected a mapping of fields")]
    return content, []


def read_mapping(path: Path, shown_as: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse a YAML file that must hold a mapping at the top."""
    content, problems = read_yaml(path, shown_as)
    if problems:
        return None, problems
    if not isinstance(content, dict):
        kind = "a list" if isinstance(content, list) else f"a single {type(content).__name__}"
        return None, [
            Problem(shown_as, "file", f"holds {kind}; expected a mapping of field: value lines")
        ]
    bad_keys = [k for k in content if not isinstance(k, str)]
    if bad_keys:
        return None, [
            Problem(shown_as, str(k), "field names must be text; quote this key") for k in bad_keys
        ]
    return content, []


def event_files(data_dir: Path) -> list[Path]:
    """List the event files in a stable order (yaml and yml both count)."""
    folder = data_dir / EVENTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
