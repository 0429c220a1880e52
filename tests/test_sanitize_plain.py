"""The plain-paragraph shortcut of ``markdown_html`` returns what Markdown and the cleaner would."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from benchmarks.synthetic import write_events
from builder.html import sanitize

TRICKY = [
    "Plain sentence.",
    "He said \"yes\" and 'no'.",
    "Drone-maker (TB2) sold 50% more: $500 million, e.g. in 2021.",
    "Tabs\tinside and  double  spaces.",
    "Ends with two spaces  ",
    "Unicode – dashes — and quotes “like this” and ёжик.",
    "Non\u00a0breaking space.",
    "Line one\nline two.",
    "First paragraph.\n\nSecond paragraph.",
    "A & B",
    "x < y > z",
    "Some *emphasis* here.",
    "snake_case_name",
    "[a link](https://example.org)",
    "<script>alert(1)</script>",
    "`code`",
    "Back\\slash",
    "![image](x.png)",
    "# Heading",
    "> quote",
    "- item",
    "* item",
    "+ item",
    "1. item",
    "1) item",
    "---",
    "===",
    "1990s were different.",
    "2022. A year.",
    "-5 degrees",
    "+3 per cent",
    "   leading spaces",
    "    four spaces of indent",
    "http://example.org/path",
    "Email a@b.org",
    "Numbers 1.5 and 3,000 km.",
    "Colon: at the end:",
    "Hash # in the middle",
]


def _editor_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        stack = [yaml.safe_load(path.read_text(encoding="utf-8"))]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                texts.append(item)
    return texts


@pytest.mark.parametrize("value", TRICKY)
def test_shortcut_matches_markdown_and_cleaner_on_tricky_text(value: str) -> None:
    assert sanitize.markdown_html(value) == sanitize.rendered_and_cleaned(value)


def test_shortcut_matches_on_every_string_in_the_data() -> None:
    texts = _editor_texts()
    assert len(texts) > 500
    different = [t for t in texts if sanitize.markdown_html(t) != sanitize.rendered_and_cleaned(t)]
    assert different == []


def test_shortcut_matches_on_synthetic_summaries(tmp_path) -> None:
    (tmp_path / "events").mkdir()
    for name in ("sources.yaml", "actors.yaml"):
        (tmp_path / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"))
    write_events(tmp_path, 20)
    summaries = [
        yaml.safe_load(p.read_text(encoding="utf-8"))["summary"]
        for p in sorted((tmp_path / "events").glob("*.yaml"))
    ]
    for summary in summaries:
        assert sanitize.markdown_html(summary) == sanitize.rendered_and_cleaned(summary)


def test_shortcut_is_taken_for_plain_prose() -> None:
    # Guard against a pattern so broad that the shortcut never runs.
    assert sanitize._MARKUP.search("Iran opened a drone factory in Dushanbe in May 2022.") is None
