"""The abbreviations: read once per build as Markdown's glossary, each edition its own file,
a malformed line reported before anything is published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site, copy_project
from site_html import parse

from builder.html.abbreviations import BadAbbreviations, glossary, read_glossary


def test_each_definition_is_read_and_blank_lines_are_allowed() -> None:
    text = (
        "*[UAV]: Unmanned aerial vehicle\n\n*[CSTO]:   Collective Security Treaty Organization  \n"
    )
    assert glossary(text, "x.md") == {
        "UAV": "Unmanned aerial vehicle",
        "CSTO": "Collective Security Treaty Organization",
    }


def test_every_malformed_line_is_reported_with_its_file_and_line() -> None:
    text = "*[UAV]: Unmanned aerial vehicle\nUAV means drone\n*[UAV]: again\n*[SCO]:\n"
    with pytest.raises(BadAbbreviations) as caught:
        glossary(text, "docs/includes/abbreviations.md")
    problems = caught.value.problems
    assert [p.split(": ", 2)[:2] for p in problems] == [
        ["docs/includes/abbreviations.md", "line 2"],
        ["docs/includes/abbreviations.md", "line 3"],
        ["docs/includes/abbreviations.md", "line 4"],
    ]
    assert "defined twice" in problems[1]


def test_markdown_no_longer_parses_the_definitions_on_every_page() -> None:
    # Appended to each page, the definitions cost every page time growing with their
    # number squared; the glossary is handed to the abbr extension once instead.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert "abbr" in names
    assert "pymdownx.snippets" not in names


def _abbr_titles(page: Path) -> dict[str, str]:
    return {
        a.text(): a.attrs.get("title", "") for a in parse(page.read_text("utf-8")).find_all("abbr")
    }


def test_each_edition_explains_its_abbreviations_from_its_own_file(built_site: Path) -> None:
    english = read_glossary(ROOT / "docs")
    russian = read_glossary(ROOT / "docs", "ru/")
    assert english
    assert russian
    assert set(russian) != set(english)
    seen = {"en": 0, "ru": 0}
    for page in sorted(built_site.rglob("index.html")):
        lang = "ru" if page.relative_to(built_site).parts[0] == "ru" else "en"
        for abbr, title in _abbr_titles(page).items():
            assert title == (russian if lang == "ru" else english)[abbr], (page, abbr)
            seen[lang] += 1
    assert seen["en"] > 0
    assert seen["ru"] > 0


def test_a_bad_abbreviations_file_stops_the_build_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "docs/ru/includes/abbreviations.md"
    path.write_text(path.read_text(encoding="utf-8") + "ОДКБ — военный союз\n", encoding="utf-8")
    lines = len(path.read_text(encoding="utf-8").splitlines())
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(
        rf"docs/ru/includes/abbreviations\.md: line {lines}: not an abbreviation", result.stderr
    ), result.stderr
    assert not (tmp_path / "out" / "index.html").exists()
