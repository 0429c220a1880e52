"""The record's span on the Russian home page: Russian words, Russian dates, and an English
headline marked as English when an event has no Russian one yet."""

from __future__ import annotations

import re
from pathlib import Path

from site_html import parse

from builder.record.record_span import record_span, span_markdown
from builder.record.validate import load_dataset

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
ENGLISH_WORDS = re.compile(r"\b(The|span|record|events?|from|first|latest|January|February)\b")


def _span_text(page: Path) -> str:
    doc = parse(page.read_text(encoding="utf-8"))
    (block,) = [d for d in doc.find_all("div") if "dr-record-span" in d.attrs.get("class", "")]
    return block.text()


def test_the_russian_home_page_gives_the_span_in_russian(built_site: Path) -> None:
    russian = _span_text(built_site / "ru/index.html")
    english = _span_text(built_site / "index.html")
    assert ENGLISH_WORDS.search(english)
    assert not ENGLISH_WORDS.search(russian), russian
    assert re.search(r"\d{4} г\. – [а-я]+ \d{4} г\.", russian), russian
    assert "хроника" in russian


def test_a_headline_without_its_russian_text_is_marked_english() -> None:
    data = load_dataset(FIXTURE / "data")
    for event in data.events.values():
        object.__setattr__(event, "title_ru", None)
    block = span_markdown(record_span(data), "index.md", data, "ru")
    first = data.events[record_span(data).first_id]  # type: ignore[union-attr]
    assert f'<span lang="en">{first.title}' in block
    assert "событи" in block
