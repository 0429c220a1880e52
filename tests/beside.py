"""Files that live beside the repository, not in it: the article copy and the overlap tool.

A development machine and CI keep them in ``../shared``; a reader's clone of the
published repository has nothing beside it. Checks that need one of them ask
:func:`beside_file`, which skips the check, naming the missing file, on such a
clone, and fails it under CI, where a skip would hide that the check never ran.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
"""The folder beside the repository that holds the article and the tools."""

ARTICLE_TEXT = SHARED / "source" / "drone-race-central-asia-2022.txt"
"""The article the site explains (14 August 2022), as text."""

SEED_OVERLAP = SHARED / "tools" / "seed_overlap.py"
"""The tool that lists runs of words a text shares with the article."""


def in_ci() -> bool:
    """Whether the tests run under CI (``CI=true``, as the workflow sets it)."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def beside_file(path: Path) -> Path:
    """Return ``path`` if it exists; otherwise skip naming it (fail under CI)."""
    if path.is_file():
        return path
    message = f"{path} is not there: this check needs the shared folder beside the repository"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)
