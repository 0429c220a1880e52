"""The story page in Russian: its interface words, its steps' text, English marked as such."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from builder.html.held_html import release_all
from builder.maps.areas import load_geography
from builder.pages import story
from builder.record.validate import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_WORDS = (
    "The events in this step",
    "Explore the map",
    "Story map",
    "The places of the story",
)


def _page(data: Dataset, lang: str) -> str:
    return release_all(story.story_page(data, load_geography(), lang))  # type: ignore[arg-type]


def test_the_russian_story_page_says_its_interface_in_russian() -> None:
    data = load_dataset(ROOT / "data")
    page = _page(data, "ru")
    for english in ENGLISH_WORDS:
        assert english not in page
    assert "События этого шага:" in page
    assert "Исследовать карту" in page
    assert re.search(r'<time datetime="2022-05-17">17 мая 2022 г\.</time>', page)
    assert 'id="dr-strings"' in page


def test_an_untranslated_step_is_shown_in_english_and_marked_so() -> None:
    data = load_dataset(ROOT / "data")
    assert data.story is not None
    first = data.story.steps[0].model_copy(update={"title_ru": None, "text_ru": None})
    story_data = data.story.model_copy(update={"steps": [first, *data.story.steps[1:]]})
    page = _page(dataclasses.replace(data, story=story_data), "ru")
    assert f'<h2 class="dr-story-title" lang="en">{first.title}</h2>' in page
    assert '<div lang="en" markdown="block">' in page


def test_the_english_story_page_carries_no_strings_and_no_language_marks() -> None:
    page = _page(load_dataset(ROOT / "data"), "en")
    assert 'id="dr-strings"' not in page
    assert ' lang="en"' not in page
    assert "The events in this step:" in page
