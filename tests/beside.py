"""Files that live beside the repository, not in it: the article copy and the overlap tool.

A development machine and this project's own CI keep them in ``../shared``; a
reader's clone or a fork's GitHub Actions run has nothing beside it. Checks that
need one of them ask :func:`beside_file`, which skips the check, naming the
missing file, on such a clone, and fails it where this project's ``.ci/run``
requires the shared folder (:data:`REQUIRE_SHARED_VARIABLE`), where a skip would
hide that the check never ran. ``CI=true`` alone does not require it: GitHub sets
it on every fork too.
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


REQUIRE_SHARED_VARIABLE = "DRONE_RACE_REQUIRE_SHARED"
"""The variable of our own that ``.ci/run`` sets: there the shared folder must be present."""


def shared_required() -> bool:
    """Whether this run must have ``../shared`` (this project's CI), not merely may (a fork's)."""
    return os.environ.get(REQUIRE_SHARED_VARIABLE, "").lower() in ("1", "true", "yes")


def beside_file(path: Path) -> Path:
    """Return ``path`` if it exists; otherwise skip naming it, or fail where it is required."""
    if path.is_file():
        return path
    message = f"{path} is not there: this check needs the shared folder beside the repository"
    if shared_required():
        pytest.fail(f"{message} ({REQUIRE_SHARED_VARIABLE} is set, as .ci/run sets it)")
    pytest.skip(message)
