"""A clone with nothing beside it passes its tests; with ``../shared`` beside it, the article checks run.

The article copy and the overlap tool live in ``../shared`` on development
machines and in this project's CI, never in the repository. On a reader's clone
or a fork's GitHub Actions run (``CI=true``, nothing beside the clone) the checks
that need them skip, naming the missing file; where ``.ci/run`` requires the
shared folder (its own variable, not ``CI``) a missing file fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from beside import ARTICLE_TEXT, REQUIRE_SHARED_VARIABLE, SEED_OVERLAP, beside_file

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_CHECKS = (
    "test_footnote_titles_and_urls_are_as_printed",
    "test_quotes_are_word_for_word",
    "test_no_text_copied_from_the_article",
)
"""The checks in test_dataset.py that read files from ``../shared``."""


@pytest.mark.parametrize("ci", ["", "true"])
def test_a_missing_file_skips_the_check_naming_the_file(tmp_path, monkeypatch, ci) -> None:
    """Also under ``CI=true``: GitHub sets it on a fork, which has nothing beside the clone."""
    monkeypatch.setenv("CI", ci)
    monkeypatch.delenv(REQUIRE_SHARED_VARIABLE, raising=False)
    missing = tmp_path / "shared" / "source" / "article.txt"
    with pytest.raises(pytest.skip.Exception) as skipped:
        beside_file(missing)
    assert str(missing) in str(skipped.value)


def test_where_ci_run_requires_the_shared_folder_a_missing_file_fails_the_check(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv(REQUIRE_SHARED_VARIABLE, "1")
    missing = tmp_path / "shared" / "tools" / "tool.py"
    with pytest.raises(pytest.fail.Exception) as failed:
        beside_file(missing)
    assert str(missing) in str(failed.value)
    assert REQUIRE_SHARED_VARIABLE in str(failed.value)


def test_ci_run_requires_the_shared_folder_and_the_workflow_does_not() -> None:
    """Our CI runs ``.ci/run``, which sets the variable; GitHub's test job (a fork's
    too) runs ``make test`` with ``CI=true`` and never sets it."""
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"export {REQUIRE_SHARED_VARIABLE}=1" in ci_run
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    test_job = workflow["jobs"]["test"]
    assert test_job["env"]["CI"] == "true"
    runs = "\n".join(step.get("run", "") for step in test_job["steps"])
    assert "make test" in runs
    assert ".ci/run" not in runs
    assert REQUIRE_SHARED_VARIABLE not in (ROOT / ".github/workflows/site.yml").read_text(
        encoding="utf-8"
    )


def test_a_present_file_is_returned(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(REQUIRE_SHARED_VARIABLE, "1")
    present = tmp_path / "article.txt"
    present.write_text("text", encoding="utf-8")
    assert beside_file(present) == present


def test_the_shared_folder_holds_the_article_and_the_tool() -> None:
    """Where ``../shared`` is beside the repository (as in CI) the checks have their files."""
    article = beside_file(ARTICLE_TEXT).read_text(encoding="utf-8")
    assert "Dushanbe" in article
    assert beside_file(SEED_OVERLAP).read_text(encoding="utf-8").startswith("#!")


def _lone_copy(dest: Path) -> Path:
    """The files the data tests read, in a folder with nothing beside it."""
    for name in ("builder", "benchmarks", "data", "tests"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


def _run_article_checks(project: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("CI", REQUIRE_SHARED_VARIABLE)
    } | env
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/test_dataset.py",
            "-k",
            " or ".join(ARTICLE_CHECKS),
            "-rsf",
            "-p",
            "no:cacheprovider",
        ],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def lone_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _lone_copy(tmp_path_factory.mktemp("lone") / "repo")
    assert not (project.parent / "shared").exists()
    return project


@pytest.mark.parametrize("ci", ["", "true"])
def test_a_clone_alone_skips_the_article_checks_and_names_the_missing_files(
    lone_project: Path, ci: str
) -> None:
    """A reader's clone, and a fork on GitHub (``CI=true``): green, each skip naming its file."""
    result = _run_article_checks(lone_project, CI=ci)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(ARTICLE_CHECKS)} skipped" in result.stdout, result.stdout
    missing_article = lone_project.parent / "shared/source/drone-race-central-asia-2022.txt"
    missing_tool = lone_project.parent / "shared/tools/seed_overlap.py"
    skips = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    assert any(str(missing_article) in line for line in skips), result.stdout
    assert any(str(missing_tool) in line for line in skips), result.stdout


def test_where_ci_run_requires_the_shared_folder_a_clone_alone_fails_the_article_checks(
    lone_project: Path,
) -> None:
    result = _run_article_checks(lone_project, CI="true", **{REQUIRE_SHARED_VARIABLE: "1"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{len(ARTICLE_CHECKS)} failed" in result.stdout, result.stdout


def test_where_ci_run_requires_the_shared_folder_and_it_is_there_the_article_checks_run(
    tmp_path: Path,
) -> None:
    """The other side: ``../shared`` beside the clone and the variable set, the checks pass."""
    article, tool = beside_file(ARTICLE_TEXT), beside_file(SEED_OVERLAP)
    project = _lone_copy(tmp_path / "repo")
    for found, relative in ((article, "source"), (tool, "tools")):
        (tmp_path / "shared" / relative).mkdir(parents=True, exist_ok=True)
        shutil.copy2(found, tmp_path / "shared" / relative / found.name)
    result = _run_article_checks(project, CI="true", **{REQUIRE_SHARED_VARIABLE: "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(ARTICLE_CHECKS)} passed" in result.stdout, result.stdout
    assert "skipped" not in result.stdout, result.stdout
