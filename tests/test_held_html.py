"""Finished HTML skips Markdown and the search parser, and every block is back in the page."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
from conftest import ROOT

from builder.html import held_html, sanitize
from builder.pages import events as pages
from builder.record.validate import load_dataset


def test_a_block_survives_markdown_whole_even_with_comment_ends_and_markdown_syntax() -> None:
    block = "<p>*not emphasis* --> <!-- [x](javascript:alert(1)) --></p>"
    source = "Before.\n\n" + held_html.hold(block) + "After."
    rendered = markdown.markdown(source, extensions=["md_in_html"])
    assert block not in rendered  # held: Markdown saw one comment, not the block
    released = held_html.release(rendered, indexed=True)
    assert released.startswith(f"<p>Before.</p>\n{block}\n")
    assert released.rstrip().endswith("<p>After.</p>")


def test_release_puts_back_only_the_kind_asked_for() -> None:
    source = held_html.hold("<p>indexed</p>") + held_html.hold("<p>hidden</p>", indexed=False)
    first = held_html.release(source, indexed=True)
    assert "<p>indexed</p>" in first
    assert "<p>hidden</p>" not in first
    assert "<p>hidden</p>" in held_html.release(first, indexed=False)
    assert held_html.release_all(source).count("<p>") == 2


def test_nothing_to_hold_adds_nothing() -> None:
    assert held_html.hold("") == ""


def test_event_pages_hand_markdown_their_generated_html_held() -> None:
    data = load_dataset(ROOT / "data")
    event_id = "ababil-2-factory-opens"
    source = pages.event_page(event_id, data, None, None)
    assert "<dl" not in source  # the facts are held
    assert "<ol" not in source  # and so are the sources
    released = held_html.release_all(source)
    assert '<dl class="dr-facts">' in released
    assert '<ol class="dr-sources">' in released


def test_no_built_page_keeps_a_held_block(built_site: Path) -> None:
    held = [
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if "<!--dr-held" in p.read_text(encoding="utf-8")
    ]
    assert held == []
    event = (built_site / "events/ababil-2-factory-opens/index.html").read_text(encoding="utf-8")
    assert '<dl class="dr-facts">' in event
    assert '<ol class="dr-sources">' in event


@pytest.fixture(scope="module")
def event_entry(built_site: Path) -> str:
    docs = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in docs["docs"] if d["location"] == "events/ababil-2-factory-opens/"]
    assert len(entries) == 1
    return entries[0]["text"]


def test_search_indexes_held_facts_and_summary(event_entry: str) -> None:
    data = load_dataset(ROOT / "data")
    place = data.places[data.events["ababil-2-factory-opens"].place].name
    assert place in event_entry  # from the facts list, held, then put back before the search
    assert "drone production" in event_entry


def test_search_leaves_out_held_unindexed_blocks(event_entry: str) -> None:
    assert "[bibliography]" not in event_entry
    assert "Edit this event" not in event_entry
    assert "All events" not in event_entry


def test_editor_text_cannot_forge_a_held_block() -> None:
    forged = held_html.hold("<script>alert(1)</script>", indexed=False).strip()
    for rendered in (sanitize.markdown_html(forged), sanitize.text(forged)):
        assert "<script>" not in held_html.release_all(rendered)
        assert "<!--dr-held" not in rendered
