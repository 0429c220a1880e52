"""The language switch, read as a reader uses it in Chromium: it lands on the same page in
the other language, loaded whole (the other edition's language, search and scripts), and
the hreflang links cost no request that fails."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SITE, click_instantly, wait_for_instant_navigation

pytestmark = pytest.mark.browser

PAGE = "events/ababil-2-factory-opens/"


def _failed_responses(page) -> list[str]:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    return failed


def test_the_switch_loads_the_twin_in_the_other_language_and_back(instant_page) -> None:
    page = instant_page
    failed = _failed_responses(page)
    sitemaps: list[str] = []
    page.on("request", lambda r: sitemaps.append(r.url) if r.url.endswith("sitemap.xml") else None)
    page.goto(SITE + PAGE)
    # Material asks for a sitemap beside every rel=alternate link once the reader acts.
    wait_for_instant_navigation(page)
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("a.dr-language-link").click()
    page.wait_for_url(SITE + "ru/" + PAGE)
    page.locator("html[lang=ru]").wait_for()
    assert page.locator("h1").first.inner_text() != ""
    # Material's own interface is the Russian edition's: its search box speaks Russian.
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Поиск"
    wait_for_instant_navigation(page)
    page.locator("a.dr-language-link").click()
    page.wait_for_url(SITE + PAGE)
    page.locator("html[lang=en]").wait_for()
    # Only each edition's own sitemap was asked for, and nothing failed.
    assert sorted({urlsplit(url).path for url in sitemaps}) == ["/ru/sitemap.xml", "/sitemap.xml"]
    assert failed == []
    assert page.page_errors == []


def test_instant_navigation_stays_within_the_russian_edition(instant_page) -> None:
    page = instant_page
    page.goto(SITE + "ru/" + PAGE)
    wait_for_instant_navigation(page)
    click_instantly(page, page.locator("a.dr-all"))
    assert urlsplit(page.url).path == "/ru/events/"
    assert page.locator("html").get_attribute("lang") == "ru"
    (heading,) = page.locator("article h1").all_inner_texts()
    assert heading.rstrip("¶") == "Все события"


def test_the_russian_explore_page_lists_and_opens_events_in_russian(page, site_url) -> None:
    """The edition's explore page reads its own file: the record's Russian titles and summaries."""
    import yaml

    events = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in (Path(__file__).resolve().parent.parent / "data/events").glob("*.yaml")
    }
    page.goto(site_url + "ru/explore/#event=ababil-2-factory-opens")
    page.locator("[data-explore-ready='true']").wait_for(timeout=20_000)
    event = events["ababil-2-factory-opens"]
    card_title = page.locator("#dr-explore-card-title")
    card_title.wait_for()
    assert card_title.text_content() == event["title_ru"]
    assert card_title.get_attribute("lang") is None
    summary = page.locator(".dr-explore-summary").text_content() or ""
    assert summary.split()[:3] == event["summary_ru"].split()[:3]
    listed = page.locator(".dr-explore-item-title").all_text_contents()
    russian_titles = {e["title_ru"] for e in events.values() if "title_ru" in e}
    assert listed
    assert set(listed) <= russian_titles
