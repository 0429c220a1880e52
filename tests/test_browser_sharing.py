"""In headless Chromium: static maps without JavaScript, print, and embeds framed by another site.

Issue 20, points 4-6: with scripts off each map shows its static image and no empty
frame; with scripts on the image is neither shown nor downloaded; in print the page
drops navigation and controls and shows the static maps; and a map or chart placed
on another origin with the copied embed code draws, its links leaving the frame.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import (
    CHROMIUM_ARGS,  # noqa: F401  (the browser fixture launches with them)
    TEST_SITE_URL,
)
from site_html import page as parsed_page

pytestmark = pytest.mark.browser

SITE_URL = TEST_SITE_URL
CHAPTER = "chapters/iran-drone-diplomacy/"
EVENT = "events/ababil-2-factory-opens/"


@pytest.fixture
def no_script_page(browser) -> Iterator:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    pg = context.new_page()
    yield pg
    context.close()


def _shown(pg, selector: str) -> list[bool]:
    return pg.eval_on_selector_all(
        selector,
        "els => els.map(e => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0)",
    )


@pytest.mark.parametrize("path", [CHAPTER, EVENT, "", "maps/"])
def test_without_javascript_each_map_is_its_static_image(no_script_page, site_url, path) -> None:
    pg = no_script_page
    pg.goto(site_url + path)
    images = pg.locator(".dr-map-static img, img.dr-map-static")
    assert images.count() > 0
    for i in range(images.count()):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        pg.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        box = image.bounding_box()
        assert box is not None
        assert box["height"] > 150
    assert not any(_shown(pg, ".dr-map iframe, .dr-hero-map iframe"))


def test_with_javascript_the_static_images_are_neither_shown_nor_downloaded(page, site_url) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "maps/")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(1500)
    assert page.locator(".dr-map iframe").count() == 4
    assert all(_shown(page, ".dr-map iframe"))
    assert not any(_shown(page, ".dr-map-static"))
    assert not [url for url in requested if "/maps/static/" in url]


def test_print_drops_navigation_and_controls_and_shows_the_static_maps(page, site_url) -> None:
    page.goto(site_url + CHAPTER)
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".dr-embed-code",
        ".dr-map iframe",
    ):
        assert not any(_shown(page, hidden)), hidden
    assert all(_shown(page, ".dr-map-static"))
    image = page.locator("img.dr-map-static").first
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_print_gives_an_events_sources_their_addresses(page, site_url) -> None:
    page.goto(site_url + EVENT)
    page.emulate_media(media="print")
    after = page.eval_on_selector(
        ".dr-sources a[href^='http']",
        "a => [getComputedStyle(a, '::after').content, a.href]",
    )
    assert after[1] in after[0]
    assert not any(_shown(page, ".dr-pager"))


def _embed_codes(built_site: Path, path: str) -> list[str]:
    tree = parsed_page(built_site, path)
    return [
        html.unescape(details.find("code").text())
        for details in tree.find_all("details", class_="dr-embed-code")
    ]


def test_a_map_and_a_chart_framed_by_another_site_draw_and_link_back(
    browser, built_site: Path, serve, site_url, tmp_path: Path
) -> None:
    codes = _embed_codes(built_site, "maps/")[:1] + _embed_codes(built_site, "timeline/")[:1]
    assert len(codes) == 2
    # The codes name the published address; here the site answers at site_url instead.
    host = tmp_path / "host"
    host.mkdir()
    (host / "index.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Another site</title>"
        "</head><body><h1>A newsroom's article</h1>"
        + "".join(code.replace(SITE_URL, site_url) for code in codes)
        + "</body></html>",
        encoding="utf-8",
    )
    other = serve(host).replace("127.0.0.1", "localhost")  # another origin: another host
    assert other.split("/")[2] != site_url.split("/")[2]
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(other)
    pg.mouse.wheel(0, 2000)  # the code asks for lazy frames, as an article's would
    pg.wait_for_function("() => document.querySelectorAll('iframe').length === 2")
    for _ in range(100):
        frames = {re.sub(r"[?#].*", "", f.url).split("/")[-1]: f for f in pg.frames[1:]}
        if set(frames) == {"factory.html", "timeline.html"}:
            break
        pg.wait_for_timeout(100)
    assert set(frames) == {"factory.html", "timeline.html"}, list(frames)
    frames["factory.html"].locator("html[data-dr-ready='true']").wait_for(state="attached")
    chart = frames["timeline.html"].locator(".dr-chart[data-drawn='true']")
    chart.wait_for(state="attached", timeout=30_000)
    credit = pg.locator("p a").all()
    assert [a.get_attribute("href") for a in credit] == [
        site_url + "maps/",
        site_url + "timeline/",
    ]
    # Links inside the framed chart open on our site, in the whole window.
    links = frames["timeline.html"].eval_on_selector_all("a[href]", "as => as.map(a => a.target)")
    assert links
    assert set(links) == {"_top"}
    assert not errors
    context.close()
