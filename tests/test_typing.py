"""Strict static types: what ``make test`` checks, and the few places it is told not to.

``make test`` runs ``mypy`` with the settings in pyproject.toml; these tests keep
those settings from quietly loosening and every ``type: ignore`` explained.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("builder", "scripts", "benchmarks")
MOST_IGNORES = 5
"""At most a handful of lines the checker is told to let pass."""

IGNORE = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(.*)$")


def test_make_test_runs_the_type_checker():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/mypy" in recipe


def test_the_checker_is_strict_over_builder_scripts_and_benchmarks():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert sorted(config["files"]) == sorted(CHECKED)
    # Untyped dependencies get stubs, not a blanket pass.
    assert "ignore_missing_imports" not in config
    for override in config.get("overrides", []):
        assert not override.get("ignore_missing_imports"), override
        assert not override.get("ignore_errors"), override


def test_few_type_ignores_each_with_a_code_and_a_reason():
    found = []
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines, 1):
                match = IGNORE.search(line)
                if not match:
                    continue
                where = f"{path.relative_to(ROOT)}:{number}"
                found.append(where)
                assert match.group(1), f"{where}: name the error code"
                above = lines[number - 2].strip() if number > 1 else ""
                reason = match.group(2).strip().lstrip("#").strip()
                assert reason or above.startswith("#"), f"{where}: say why"
    assert 0 < len(found) <= MOST_IGNORES, found
