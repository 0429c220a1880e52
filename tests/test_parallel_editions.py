"""The Russian edition built by a copy of the build process beside the English site: the
same site as when it is built after it, and its failure is the build's."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import build_site, copy_project


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_editions_built_beside_the_english_site_are_those_built_after_it(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "p")
    sites = {}
    for how, parallel in (("beside", "1"), ("after", "0")):
        result = build_site(project, tmp_path / how, env={"DR_PARALLEL_EDITIONS": parallel})
        assert result.returncode == 0, result.stderr
        assert "Russian edition: " in result.stderr
        sites[how] = _tree_digest(tmp_path / how)
    beside, after = sites["beside"], sites["after"]
    assert any(path.startswith("ru/") for path in beside)
    assert sorted(set(beside) ^ set(after)) == []
    assert [p for p in sorted(beside) if beside[p] != after[p]] == []


def test_a_failing_edition_fails_the_build_and_says_which(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    glossary = project / "docs/ru/reference/glossary.md"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "\n[Нет такой страницы](nowhere.md)\n",
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert "nowhere.md" in result.stderr
    # MkDocs prints the reason it stopped on standard output.
    assert "the Russian edition failed" in result.stdout + result.stderr


def test_the_editions_start_before_the_site_folder_is_cleaned(tmp_path: Path) -> None:
    # MkDocs cleans the site folder after `on_pre_build`: on a slow disk most of a second
    # the editions need not wait for, since they build into a folder the cleaning skips.
    project = copy_project(tmp_path / "p")
    out = tmp_path / "out"
    leftover = out / ".editions" / "ru" / "left-by-a-stopped-build.html"
    leftover.parent.mkdir(parents=True)
    leftover.write_text("<p>stale</p>", encoding="utf-8")
    result = build_site(project, out, env={"DR_PARALLEL_EDITIONS": "1"})
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    started = [i for i, line in enumerate(lines) if "Russian edition beside the English" in line]
    cleaned = [i for i, line in enumerate(lines) if "Cleaning site directory" in line]
    assert len(started) == 1
    assert cleaned
    assert started[0] < cleaned[0]
    assert not (out / ".editions").exists()
    assert (out / "ru" / "index.html").is_file()
    assert not list(out.rglob("left-by-a-stopped-build.html"))


def test_a_failing_edition_leaves_no_half_built_edition_behind(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    glossary = project / "docs/ru/reference/glossary.md"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "\n[Нет такой страницы](nowhere.md)\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build_site(project, out, env={"DR_PARALLEL_EDITIONS": "1"})
    assert result.returncode != 0
    assert not (out / ".editions").exists()
    assert not (out / "ru").exists()
