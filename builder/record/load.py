"""Read the data files: bytes to Python mappings, every failure kept as a Problem.

Reading never stops at the first bad file. Each failure (not UTF-8, not YAML,
an unsafe tag, empty, not a mapping, a key repeated in one mapping) becomes a
:class:`Problem` so that the editor sees them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's safe loader parses several times faster than the pure-Python one and
# builds the same plain values; it refuses the same unsafe tags.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# A base chosen at import time (libyaml's loader where installed) is no static type.
class _KeyCheckingLoader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, noting every key a mapping repeats instead of keeping the last value.

    YAML itself lets a mapping repeat a key and PyYAML quietly keeps the last
    value, so a second ``title:`` or a second source id would replace the first
    without a word. Every mapping, at any depth, passes through
    ``construct_mapping``, where each key node still knows its line.
    """

    def __init__(self, stream: str) -> None:
        """Read ``stream``; repeated keys collect in :attr:`repeated`."""
        super().__init__(stream)
        self.repeated: list[tuple[int, str, int]] = []
        """(line, key as written, line of its first use), lines counted from 1."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Build the mapping as the safe loader does, after noting repeated keys."""
        first_line: dict[Any, int] = {}
        for key_node, _ in node.value:
            # A merge key (``<<``) may be overridden on purpose; leave it to YAML.
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                seen = key in first_line
            except TypeError:  # an unhashable key: the safe loader reports it itself
                continue
            if seen:
                written = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key)
                self.repeated.append((line, written, first_line[key]))
            else:
                first_line[key] = line
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


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
    """Parse one YAML file safely; return its content (None if unreadable) and its problems.

    A repeated key is a problem that leaves the content readable (with the last
    value), so the file's other mistakes are reported in the same run.
    """
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
    loader = _KeyCheckingLoader(text)
    try:
        content = loader.get_single_data()
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
    finally:
        loader.dispose()
    if content is None:
        return None, [Problem(shown_as, "file", "is empty; expected a mapping of fields")]
    # The content still goes on to the other checks, so one run reports everything.
    return content, [
        Problem(shown_as, f"line {line}", f"key '{key}' appears twice (first on line {first})")
        for line, key, first in loader.repeated
    ]


def read_mapping(path: Path, shown_as: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse a YAML file that must hold a mapping at the top."""
    content, problems = read_yaml(path, shown_as)
    if content is None:
        return None, problems
    if not isinstance(content, dict):
        kind = "a list" if isinstance(content, list) else f"a single {type(content).__name__}"
        return None, [
            *problems,
            Problem(shown_as, "file", f"holds {kind}; expected a mapping of field: value lines"),
        ]
    bad_keys = [k for k in content if not isinstance(k, str)]
    if bad_keys:
        return None, [
            *problems,
            *(
                Problem(shown_as, str(k), "field names must be text; quote this key")
                for k in bad_keys
            ),
        ]
    return content, problems


def event_files(data_dir: Path) -> list[Path]:
    """List the event files in a stable order (yaml and yml both count)."""
    folder = data_dir / EVENTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
