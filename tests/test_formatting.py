"""One layout for all Python in the tree: ``make test`` refuses code ``ruff format`` would change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).parent / "ruff"


def test_make_test_checks_the_formatting() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "ruff format --check ." in recipe


def test_the_tree_is_formatted() -> None:
    result = subprocess.run(
        [str(RUFF), "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_the_check_sees_unformatted_code(tmp_path: Path) -> None:
    """The check above is not vacuous: a badly laid-out file fails it."""
    (tmp_path / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "ugly.py").write_text("x = {  'a':1,'b' :2 }\n", encoding="utf-8")
    result = subprocess.run(
        [str(RUFF), "format", "--check", "."], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "ugly.py" in result.stdout
