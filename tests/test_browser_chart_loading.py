"""plotly.js is paid for only where it is seen: requested when a chart nears the viewport.

Recorded requests in headless Chromium at a laptop's and a phone's size: the
home page, whose chart is far below its first screen, asks for no plotly.js
until the reader scrolls to the chart, which then draws; the timeline page,
whose chart is on its first screen, draws at once; after Material's instant
navigation a chart further down still waits for the reader, then draws.
"""

from __future__ import annotations

import pytest
from conftest import (
    SITE,
    click_instantly,
    wait_for_instant_navigation,
)

pytestmark = pytest.mark.browser

SETTLE_MS = 1500
"""Time left for any eager request to go out after the page has loaded."""


def _plotly(urls: list[str]) -> list[str]:
    return [u for u in urls if "/plotly" in u]


def test_home_page_asks_for_plotly_only_when_its_chart_is_near(sized_page, site_url):
    page = sized_page
    page.goto(site_url, wait_until="load")
    page.wait_for_timeout(SETTLE_MS)
    charts = page.locator(".dr-chart")
    assert charts.count() >= 1, "the home page should carry a chart below its first screen"
    below = page.evaluate(
        "() => [...document.querySelectorAll('.dr-chart')]"
        ".every(c => c.getBoundingClientRect().top > window.innerHeight)"
    )
    assert below, "a chart is on the first screen: this test needs one further down"
    assert _plotly(page.requested) == []
    assert page.locator(".dr-chart[data-drawn='waiting']").count() == charts.count()

    first = charts.first
    first.scroll_into_view_if_needed()
    page.locator(f"#{first.get_attribute('id')}[data-drawn='true']").wait_for(timeout=20000)
    assert len(_plotly(page.requested)) == 1
    assert first.locator("svg.main-svg").count() > 0
    assert page.page_errors == []


def test_a_chart_on_the_first_screen_draws_without_scrolling(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "timeline/", wait_until="load")
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=20000)
    assert page.evaluate("() => window.scrollY") == 0
    assert len(_plotly(page.requested)) == 1


def test_after_instant_navigation_a_chart_further_down_waits_then_draws(instant_page):
    page = instant_page
    page.set_viewport_size({"width": 1280, "height": 640})  # the home page's chart far below
    page.goto(SITE + "timeline/")
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=20000)
    wait_for_instant_navigation(page)
    click_instantly(page, page.locator("a.md-header__button.md-logo"))
    chart = page.locator(".dr-chart").first
    chart.wait_for(state="attached")
    page.wait_for_timeout(SETTLE_MS)
    assert chart.get_attribute("data-drawn") == "waiting"
    chart.scroll_into_view_if_needed()
    page.locator(f"#{chart.get_attribute('id')}[data-drawn='true']").wait_for(timeout=20000)
    assert chart.locator("svg.main-svg").count() > 0
    assert page.page_errors == []
