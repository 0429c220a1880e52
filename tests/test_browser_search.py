"""Search and sitemap in headless Chromium: fetched only once they are needed.

``docs/assets/js/lazy-requests.js`` holds back Material's request for
``search/search_index.json`` until the reader turns to search, and its
requests for ``sitemap.xml`` until the reader does something and the page's
charts are drawn. These tests check that no page load fetches either, that searching (by pointer, by
Material's keyboard shortcut, from a ``?q=`` or ``?h=`` link, after an
instant page switch) fetches it once and finds an event by its title, and
that the sitemap still arrives and instant navigation still works.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SITE, click_instantly, wait_for_instant_navigation

pytestmark = pytest.mark.browser

INDEX = re.compile(r"/search/search_index\.json(\?|#|$)")
"""Material's search index, wherever the site is published."""

WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(\?|#|$)")
"""Material's search worker script (12 KB gz), which it starts on every page load."""

CLOSE_AFTER_SWITCH_MS = 500
"""Comfortably past the 125 ms after which Material closes search on a page switch."""

IDLE_MS = 1500
"""How long a loaded page is left alone before checking that it fetched no index."""

RESULT_TIMEOUT_MS = 20_000
"""Upper bound for the index to load and a result to show on a loaded 2-core machine."""


def _event_title() -> str:
    """The title of the first event in the data: what a reader would search for."""
    first = sorted((ROOT / "data/events").glob("*.yaml"))[0]
    return yaml.safe_load(first.read_text(encoding="utf-8"))["title"]


def _watch_index(page) -> list[str]:
    """Record every request the page makes for the search index."""
    seen: list[str] = []
    page.on(
        "request", lambda request: seen.append(request.url) if INDEX.search(request.url) else None
    )
    return seen


def _watch_worker(page) -> list[str]:
    """Record every request the page makes for the search worker's script."""
    seen: list[str] = []
    page.on(
        "request", lambda request: seen.append(request.url) if WORKER.search(request.url) else None
    )
    return seen


def _idle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(IDLE_MS)


def _assert_finds(page, title: str) -> None:
    """The search results list an entry whose title is ``title``."""
    titles = page.locator(".md-search-result__item h1, .md-search-result__item h2")
    titles.filter(has_text=title).first.wait_for(timeout=RESULT_TIMEOUT_MS)


def _has_search_form(page) -> bool:
    # Without the form Material never asks for the index, and "no request" would prove nothing.
    return page.evaluate("document.forms.namedItem('search') !== null")


@pytest.mark.parametrize("path", ["timeline/", "reference/glossary/", "reference/methodology/"])
def test_loading_a_page_fetches_no_search_index(page, site_url, path):
    seen = _watch_index(page)
    workers = _watch_worker(page)
    page.goto(site_url + path, wait_until="load")
    _idle(page)
    assert _has_search_form(page)
    assert seen == []
    assert workers == []
    assert page.page_errors == []


def test_without_lazy_search_material_fetches_the_index_at_load(page, site_url):
    """The control: the check above would see Material's request if nothing held it back."""
    page.route(
        "**/assets/js/lazy-requests.js",
        lambda r: r.fulfill(body="", content_type="text/javascript"),
    )
    seen = _watch_index(page)
    workers = _watch_worker(page)
    page.goto(site_url + "reference/glossary/", wait_until="load")
    _idle(page)
    assert len(seen) == 1
    assert len(workers) == 1


def test_typing_in_the_search_box_fetches_the_index_once_and_finds_an_event(page, site_url):
    title = _event_title()
    seen = _watch_index(page)
    workers = _watch_worker(page)
    page.goto(site_url + "reference/glossary/", wait_until="load")
    _idle(page)
    assert seen == []
    assert workers == []
    page.locator(".md-search__input").click()
    page.keyboard.type(title)
    _assert_finds(page, title)
    _idle(page)
    assert len(seen) == 1
    assert len(workers) == 1
    assert page.page_errors == []


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_the_keyboard_shortcut_opens_search_and_fetches_the_index(page, site_url, key):
    title = _event_title()
    seen = _watch_index(page)
    page.goto(site_url + "timeline/", wait_until="load")
    _idle(page)
    assert seen == []
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type(title)
    _assert_finds(page, title)
    assert len(seen) == 1
    assert page.page_errors == []


def test_a_search_link_with_q_opens_search_with_results(page, site_url):
    title = _event_title()
    seen = _watch_index(page)
    page.goto(site_url + "reference/glossary/?q=" + title.replace(" ", "+"), wait_until="load")
    _assert_finds(page, title)
    assert len(seen) == 1


def test_a_highlight_link_loads_the_index_and_marks_the_words(page, site_url):
    """search.highlight needs the index, so an address asking for it lifts the hold at once."""
    first = sorted((ROOT / "data/events").glob("*.yaml"))[0]
    word = max(_event_title().split(), key=len)
    seen = _watch_index(page)
    page.goto(f"{site_url}events/{first.stem}/?h={word}", wait_until="load")
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=RESULT_TIMEOUT_MS)
    assert len(seen) == 1


def _instant_switch(page, link: str) -> None:
    """Follow the sidebar link ending in ``link``; it must not load a new document."""
    click_instantly(page, page.locator(f"nav.md-nav a[href$='{link}']").first)
    # Material closes search 125 ms after every page switch; let that pass first.
    page.wait_for_timeout(CLOSE_AFTER_SWITCH_MS)


def test_search_works_after_instant_page_switches_and_the_index_loads_once(instant_page):
    page = instant_page
    title = _event_title()
    seen = _watch_index(page)
    page.goto(SITE + "reference/glossary/", wait_until="load")
    _idle(page)
    wait_for_instant_navigation(page)
    _instant_switch(page, "reference/methodology/")
    _idle(page)
    assert seen == []
    page.locator(".md-search__input").click()
    page.keyboard.type(title)
    _assert_finds(page, title)
    page.keyboard.press("Escape")
    _instant_switch(page, "reference/glossary/")
    page.locator(".md-search__input").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(title)
    _assert_finds(page, title)
    assert len(seen) == 1
    assert page.page_errors == []


SITEMAP_STARTS = """() => performance.getEntriesByType("resource")
  .filter(e => new URL(e.name).pathname.endsWith("/sitemap.xml")).map(e => e.startTime)"""

SITEMAP_AFTER_DRAWN = """() => {
  const drawn = performance.getEntriesByName("dr-chart-drawn:chart-timeline")[0].startTime;
  const starts = performance.getEntriesByType("resource")
    .filter(e => new URL(e.name).pathname.endsWith("/sitemap.xml")).map(e => e.startTime);
  return {drawn, starts};
}"""


@pytest.mark.parametrize("path", ["timeline/", "reference/glossary/"])
def test_no_sitemap_is_fetched_until_the_reader_does_something(page, site_url, path):
    page.goto(site_url + path, wait_until="load")
    _idle(page)
    assert page.evaluate(SITEMAP_STARTS) == []


def test_the_sitemap_follows_a_pointer_move_and_the_drawn_timeline(page, site_url):
    # Scripts have run at DOMContentLoaded; the chart is drawn later, and the
    # sitemap must wait for it.
    page.goto(site_url + "timeline/", wait_until="domcontentloaded")
    page.mouse.move(10, 10)
    page.mouse.move(20, 20)
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=RESULT_TIMEOUT_MS)
    page.wait_for_function(f"() => ({SITEMAP_STARTS})().length > 0", timeout=RESULT_TIMEOUT_MS)
    timing = page.evaluate(SITEMAP_AFTER_DRAWN)
    assert min(timing["starts"]) >= timing["drawn"]


def test_instant_navigation_works_from_the_timeline_once_drawn(instant_page):
    page = instant_page
    page.goto(SITE + "timeline/", wait_until="load")
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=RESULT_TIMEOUT_MS)
    _idle(page)
    wait_for_instant_navigation(page)
    _instant_switch(page, "reference/glossary/")
    assert page.page_errors == []


def test_lazy_requests_loads_before_materials_bundle(built_site: Path):
    document = (built_site / "reference/glossary/index.html").read_text(encoding="utf-8")
    lazy = document.index('src="../../assets/js/lazy-requests.js"')
    assert lazy < document.index('src="../../assets/javascripts/bundle.')
