"""The site's abbreviations, which every page explains on hover and tap (Markdown's ``abbr``).

Editors keep them in ``docs/includes/abbreviations.md`` (an edition's in
``docs/<lang>/includes/abbreviations.md``), one ``*[ABBR]: what it stands for`` per line.
They reach Markdown as the ``abbr`` extension's glossary, read once per build, not as text
appended to every page: Python-Markdown tests the rest of a block again after each
definition it takes out of it, so the appended file cost every page time that grew with
the square of its length (0.8 of a Russian event page's 2.6 ms, with 19 definitions).
"""

from __future__ import annotations

import re
from pathlib import Path

FILE = "includes/abbreviations.md"
"""Where an edition's abbreviations live, under its docs folder (``<lang>/`` before it for
an edition besides English)."""

_DEFINITION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<title>\S.*?)\s*$")


class BadAbbreviations(ValueError):
    """The abbreviations file has lines that are not definitions; each problem is listed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def glossary(text: str, path: str) -> dict[str, str]:
    """Each abbreviation and what it stands for, from the file's ``text`` (read from ``path``,
    named in errors). Blank lines are allowed; any other line that is not a definition is a
    problem, reported as ``path: line N: message``, all of them at once."""
    found: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _DEFINITION.match(line)
        if match is None:
            problems.append(
                f"{path}: line {number}: not an abbreviation definition; write "
                "'*[ABBR]: what it stands for'"
            )
            continue
        abbr = match.group("abbr").strip()
        if abbr in found:
            problems.append(f"{path}: line {number}: {abbr} is defined twice")
            continue
        found[abbr] = match.group("title")
    if problems:
        raise BadAbbreviations(problems)
    return found


def read_glossary(docs_dir: Path, prefix: str = "") -> dict[str, str]:
    """The glossary of the edition whose pages live under ``docs_dir/prefix`` (``""`` for
    English, ``"ru/"`` for Russian); empty when it has no abbreviations file."""
    path = docs_dir / f"{prefix}{FILE}"
    if not path.is_file():
        return {}
    return glossary(path.read_text(encoding="utf-8"), f"docs/{prefix}{FILE}")
