"""Footnote numbers as readers see them: a comma only between numbers that follow each other.

The rendered text is read in Chromium, CSS-generated content (``::before``,
``::after``) included, because that is where a stray comma came from: a rule
that put one before every later footnote number of a paragraph ("own.,3,4").
Footnote numbers are written as ``[n]`` so the text around them can be read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

RENDERED_PARAGRAPHS = """
() => {
  function generated(node, which) {
    const content = getComputedStyle(node, which).content;
    if (!content || content === "none" || content === "normal") { return ""; }
    try { return JSON.parse(content); } catch (err) { return content; }
  }
  function rendered(node) {
    if (node.nodeType === Node.TEXT_NODE) { return node.textContent; }
    if (node.nodeType !== Node.ELEMENT_NODE) { return ""; }
    if (getComputedStyle(node).display === "none") { return ""; }
    const inner = Array.from(node.childNodes).map(rendered).join("");
    const text = generated(node, "::before") + inner + generated(node, "::after");
    return node.matches('sup[id^="fnref"]') ? "[" + text + "]" : text;
  }
  return Array.from(document.querySelectorAll("article p"))
    .filter(p => p.querySelector('sup[id^="fnref"]'))
    .map(p => rendered(p).replace(/\\s+/g, " "));
}
"""


def _pages_with_footnotes(site: Path) -> list[str]:
    pages = sorted(
        path.parent.relative_to(site).as_posix()
        for path in site.rglob("index.html")
        if 'id="fnref' in path.read_text(encoding="utf-8")
    )
    return [p if p != "." else "" for p in pages]


def test_a_comma_comes_only_between_footnote_numbers_that_follow_each_other(
    page, built_site: Path, site_url: str
) -> None:
    pages = _pages_with_footnotes(built_site)
    assert "" in pages  # the home page cites its sources too
    separate_citations = adjacent_citations = 0
    for path in pages:
        page.goto(site_url + path)
        for text in page.evaluate(RENDERED_PARAGRAPHS):
            marks = re.findall(r"\[[^\]]*\]", text)
            # A number alone in its mark: nothing generated before or after it.
            assert all(re.fullmatch(r"\[\d+\]", m) for m in marks), (path, text)
            # No comma before a number unless that comma follows another number.
            assert not re.search(r"(?<!\]),\s*\[", text), (path, text)
            # Numbers that follow each other are kept apart by exactly one comma.
            assert "][" not in text, (path, text)
            adjacent_citations += text.count("],[")
            separate_citations += len(re.findall(r"\][^\[,]+\[", text))
    # The site has both cases: the check above saw each of them.
    assert adjacent_citations > 0
    assert separate_citations > 0
    assert page.page_errors == []


def test_a_home_page_paragraph_with_two_separate_citations_reads_without_stray_commas(
    page, site_url: str
) -> None:
    """The case the issue names ("its own.,3,4"): a later citation after text, not a comma."""
    page.goto(site_url)
    found = False
    for text in page.evaluate(RENDERED_PARAGRAPHS):
        # Each citation: the character before it, then its numbers ("[3],[4]").
        citations = re.findall(r"(.)((?:\[\d+\],)*\[\d+\])", text)
        if len(citations) < 2:
            continue
        found = True
        assert [before for before, _ in citations if before == ","] == [], text
    assert found, "no home page paragraph cites two separate times"
