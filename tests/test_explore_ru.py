"""The explore page in Russian: its controls, its config and the scripts' words."""

from __future__ import annotations

import json
import re
from pathlib import Path

from builder.html.held_html import release_all
from builder.i18n.front import front_strings
from builder.pages import explore
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_CONTROLS = (
    "Play",
    "Copy link",
    "Filters",
    "Every actor",
    "Status of the claim",
    "Show everything",
    "Events in view",
    "All dates",
    "Drone production",
)


def _page(lang: str) -> str:
    return release_all(explore.explore_page(load_dataset(ROOT / "data"), lang))  # type: ignore[arg-type]


def test_the_russian_explore_page_writes_its_controls_in_russian() -> None:
    page = _page("ru")
    visible = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)
    visible = re.sub(r"<[^>]+>", " | ", visible)
    for english in ENGLISH_CONTROLS:
        assert not re.search(rf"\b{re.escape(english)}\b", visible), english
    assert "Воспроизвести" in visible
    assert "Копировать ссылку" in visible
    assert "Производство беспилотников" in visible
    assert page.startswith('---\ntitle: "Исследовать хронику"')


def test_the_russian_explore_page_carries_the_scripts_words_and_russian_names() -> None:
    page = _page("ru")
    strings = re.search(r'<script type="application/json" id="dr-strings">(.*?)</script>', page)
    assert strings is not None
    assert json.loads(strings.group(1)) == front_strings("ru")
    config = re.search(r'id="dr-explore-config">(.*?)</script>', page)
    assert config is not None
    names = json.loads(config.group(1))
    assert names["categories"]["trade"] == "Торговля"
    assert names["statuses"]["reported"] == "Сообщается, независимо не подтверждено"


def test_the_english_explore_page_has_no_strings_element() -> None:
    page = _page("en")
    assert 'id="dr-strings"' not in page
    assert ">Play</button>" in page
