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


def test_a_large_block_is_kept_aside_and_markdown_sees_only_its_digest() -> None:
    row = "<tr><td>Душанбе *not emphasis*</td><td>--> 17 May 2022</td></tr>"
    block = "<table>" + row * (held_html.LARGE_BLOCK // len(row) + 1) + "</table>"
    source = "Before.\n\n" + held_html.hold(block, indexed=False) + "After."
    assert len(source) < 200  # not the block, nor its base64
    rendered = markdown.markdown(source, extensions=["md_in_html"])
    assert held_html.release(rendered, indexed=True) == rendered  # not a block it indexes
    released = held_html.release(rendered, indexed=False)
    assert released.startswith(f"<p>Before.</p>\n{block}\n")
    # The same block held twice is kept once, and both places get it back.
    twice = held_html.hold(block, indexed=False) + held_html.hold(block, indexed=False)
    assert held_html.release_all(twice).count("<table>") == 2


def test_a_kept_block_the_build_forgot_is_an_error_not_a_gap() -> None:
    block = "<p>" + "x" * held_html.LARGE_BLOCK + "</p>"
    source = held_html.hold(block)
    held_html.forget_kept()
    with pytest.raises(held_html.LostBlock):
        held_html.release(source, indexed=True)


def test_editor_text_cannot_name_a_kept_block() -> None:
    kept = held_html.hold("<p>" + "y" * held_html.LARGE_BLOCK + "</p>").strip()
    for rendered in (sanitize.markdown_html(kept), sanitize.text(kept)):
        assert "<!--dr-held" not in rendered
        assert "yyyy" not in held_html.release_all(rendered)


def test_a_large_block_with_inline_code_stays_in_the_page_for_its_policy() -> None:
    filler = "<p>" + "z" * held_html.LARGE_BLOCK + "</p>"
    scripted = held_html.hold(filler + "<SCRIPT>go()</SCRIPT>")
    styled = held_html.hold(filler + "<style>p{}</style>")
    plain = held_html.hold(filler)
    assert len(scripted) > held_html.LARGE_BLOCK  # carried inline, not kept
    assert len(styled) > held_html.LARGE_BLOCK
    assert len(plain) < 200
    page = scripted + styled + plain
    # The page's last passes run over all but the kept block, which comes back after them.
    early = held_html.release(page, indexed=True, kept=False)
    assert "go()" in early
    assert "p{}" in early
    assert "zzzz" not in early.split("</style>")[-1]
    assert held_html.release(early, indexed=True).count(filler) == 3
