"""The site in headless Chromium: index filters and sorting, instant navigation, phones."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SITE, click_instantly, wait_for_instant_navigation

from builder.record.validate import load_dataset

pytestmark = pytest.mark.browser
DATA = load_dataset(Path(__file__).resolve().parent.parent / "data")


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "table.dr-events-index tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.id)"
    )


def test_index_filters_by_status_category_and_country(page, site_url) -> None:
    page.goto(site_url + "events/")
    status = page.get_by_label("Status", exact=True)
    status.wait_for()
    assert len(_visible_ids(page)) == len(DATA.events)
    status.select_option("reported")
    expected = {e for e, ev in DATA.events.items() if ev.status == "reported"}
    assert set(_visible_ids(page)) == expected
    page.get_by_label("Category", exact=True).select_option("military")
    expected = {e for e in expected if DATA.events[e].category == "military"}
    assert set(_visible_ids(page)) == expected
    assert page.locator(".dr-filter-status").inner_text().startswith(f"Showing {len(expected)} of")
    page.get_by_role("button", name="Show all").click()
    page.get_by_label("Country", exact=True).select_option("KGZ")
    kyrgyz = {
        e
        for e, ev in DATA.events.items()
        if (ev.place and DATA.places[ev.place].country == "KGZ")
        or any(
            DATA.actors[a].country == "KGZ" and DATA.actors[a].kind == "state" for a in ev.actors
        )
    }
    assert set(_visible_ids(page)) == kyrgyz
    assert page.console_errors == []
    assert page.page_errors == []


def test_index_sorts_from_the_keyboard(page, site_url) -> None:
    page.goto(site_url + "events/")
    button = page.get_by_role("button", name="Sort by date")
    button.focus()
    page.keyboard.press("Enter")  # already ascending, so this sorts newest first
    header = page.locator("th", has=button)
    assert header.get_attribute("aria-sort") == "descending"
    ids = _visible_ids(page)
    assert DATA.events[ids[0]].date >= DATA.events[ids[-1]].date
    page.get_by_role("button", name="Sort by event").click()
    titles = [DATA.events[e].title.casefold() for e in _visible_ids(page)]
    assert titles == sorted(titles)


def test_index_controls_survive_instant_navigation(instant_page) -> None:
    page = instant_page
    page.goto(SITE)
    wait_for_instant_navigation(page)
    click_instantly(page, page.locator("a.md-nav__link[href$='events/']").first)
    status = page.get_by_label("Status", exact=True)
    status.wait_for()
    assert page.locator("form.dr-filters").count() == 1
    assert len(_visible_ids(page)) == len(DATA.events)
    status.select_option("reported")
    expected = {e for e, ev in DATA.events.items() if ev.status == "reported"}
    assert 0 < len(expected) < len(DATA.events)
    assert set(_visible_ids(page)) == expected
    page.get_by_role("button", name="Sort by date").click()  # ascending already: newest first
    ids = _visible_ids(page)
    assert DATA.events[ids[0]].date > DATA.events[ids[-1]].date
    assert page.page_errors == []


def test_index_controls_are_built_once_after_leaving_and_coming_back(instant_page) -> None:
    page = instant_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(SITE + "timeline/")
    page.locator("#chart-timeline[data-drawn='true']").wait_for()
    assert not [u for u in requested if u.endswith("events-index.js")]
    wait_for_instant_navigation(page)
    for _ in range(2):
        # Same document throughout: the index script runs again on each visit.
        click_instantly(page, page.locator("a.md-nav__link[href$='events/']").first)
        page.get_by_label("Status", exact=True).wait_for()
        assert page.locator("form.dr-filters").count() == 1
        click_instantly(page, page.locator("a.md-nav__link[href$='timeline/']").first)
        page.locator("#chart-timeline[data-drawn='true']").wait_for()
    assert page.page_errors == []


@pytest.mark.parametrize(
    "path",
    [
        "",
        "chapters/iran-drone-diplomacy/",
        "events/",
        "events/ababil-2-factory-opens/",
        "actors/iran/",
    ],
)
def test_pages_fit_a_phone_screen(browser, site_url, path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(site_url + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375


def test_reader_can_switch_to_the_dark_palette(page, site_url) -> None:
    page.goto(site_url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    page.locator("label[title='Switch to dark mode']").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


def test_search_finds_an_event(page, site_url) -> None:
    page.goto(site_url)
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type("Ababil")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10000)
    assert "Ababil" in page.locator(".md-search-result").inner_text()
