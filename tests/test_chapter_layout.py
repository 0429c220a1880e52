"""Chapters: the contents sidebar gives way to wide figures, sections listed under the title."""

from __future__ import annotations

from builder.html.chapter_layout import (
    add_contents,
    contents_line,
    hide_contents_sidebar,
    is_chapter,
)


def test_only_pages_under_chapters_are_chapters():
    assert is_chapter("chapters/iran-drone-diplomacy.md")
    assert not is_chapter("maps.md")
    assert not is_chapter("events/ababil-2-factory-opens.md")


def test_the_contents_sidebar_is_hidden_once_and_other_hidden_parts_kept():
    assert hide_contents_sidebar(None) == ["toc"]
    assert hide_contents_sidebar(["navigation"]) == ["navigation", "toc"]
    assert hide_contents_sidebar(["toc"]) == ["toc"]


def test_sections_are_listed_after_the_title_and_escaped_once():
    page = '<h1 id="t">Title</h1>\n<p>Text</p><h2 id="a">A &amp; B</h2><h2 id="c">C</h2>'
    out = add_contents(page, [("A &amp; B", "#a"), ("<i>C</i>", "#c")])
    title_end = out.index("</h1>")
    line = out.index('<p class="dr-page-contents">')
    assert title_end < line < out.index("<p>Text</p>")
    assert '<a href="#a">A &amp; B</a>' in out
    assert "&amp;amp;" not in out
    assert "<i>" not in out
    assert '<a href="#c">&lt;i&gt;C&lt;/i&gt;</a>' in out


def test_a_page_with_fewer_than_two_sections_gets_no_line():
    assert contents_line([("Only", "#only")]) == ""
    page = "<h1>T</h1><p>x</p>"
    assert add_contents(page, [("Only", "#only")]) == page
