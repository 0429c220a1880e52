"""The basemap as readers get it: drawn from the site's own file, with no other host asked.

Every request of the browser goes through a route that lets the site's own
address through and records (and refuses) anything else, so a tile layer, a
web font or a script from a CDN that slipped back in fails here.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BLANK_PNG

pytestmark = pytest.mark.browser

MAP_DOCUMENTS = ["factory", "border", "deployments", "regional", "locator"]
LOCATOR_FRAGMENT = "#taliban-take-kabul"
IFRAME_SRC = re.compile(r"""<iframe\b[^>]*\bsrc=["']([^"']*maps/[^"']+)["']""")


def pages_embedding_maps(site: Path) -> list[str]:
    """Every built page with a map frame, as a path from the site's root."""
    found = []
    for path in sorted(site.rglob("*.html")):
        if path.parent == site / "maps" and path.name != "index.html":
            continue  # map documents are checked on their own
        if IFRAME_SRC.search(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(site).as_posix())
    return found


def guarded_context(browser, site_url: str, **options):
    """A context that serves the site, refuses every other host and records what was asked."""
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    context.elsewhere = []
    site = urlsplit(site_url)

    def route(route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https") and url.netloc == site.netloc:
            route.continue_()
        else:
            context.elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context


def draw_every_map(page) -> int:
    """Scroll each map frame into view (they load lazily) and wait until it is drawn."""
    frames = page.locator("iframe[src*='maps/']")
    for i in range(frames.count()):
        frames.nth(i).scroll_into_view_if_needed()
        frames.nth(i).content_frame.locator("html[data-dr-ready='true']").wait_for(
            state="attached", timeout=20_000
        )
    return frames.count()


def test_no_map_and_no_page_with_a_map_asks_another_host(browser, site_url, built_site):
    context = guarded_context(browser, site_url)
    page = context.new_page()
    asked: dict[str, list[str]] = {}
    for name in MAP_DOCUMENTS:
        fragment = LOCATOR_FRAGMENT if name == "locator" else ""
        page.goto(site_url + f"maps/{name}.html{fragment}")
        page.locator("html[data-dr-ready='true']").wait_for(state="attached")
        assert page.locator(".dr-base-country").count() > 0, name
        page.wait_for_timeout(200)
        asked[name] = list(context.elsewhere)
        context.elsewhere.clear()
    embedding = pages_embedding_maps(built_site)
    assert "maps/index.html" in embedding
    assert any(p.startswith("events/") for p in embedding)
    assert any(p.startswith("chapters/") for p in embedding)
    for rel in embedding:
        page.goto(site_url + rel)
        assert draw_every_map(page) > 0, rel
        page.wait_for_timeout(200)
        asked[rel] = list(context.elsewhere)
        context.elsewhere.clear()
    context.close()
    assert {where: urls for where, urls in asked.items() if urls} == {}


def _map_state(page) -> dict:
    return page.evaluate(
        """() => {
          const pane = (name) => document.querySelector(`.leaflet-${name}-pane`);
          const fills = pane("dr-basemap"), lines = pane("dr-basemap-lines");
          return {
            countries: fills ? fills.querySelectorAll("path.dr-base-country").length : 0,
            focus: fills ? fills.querySelectorAll("path.dr-base-focus").length : 0,
            neighbours: fills ? fills.querySelectorAll("path.dr-base-neighbour").length : 0,
            borders: lines ? lines.querySelectorAll("path.dr-base-border").length : 0,
            tiles: document.querySelectorAll(".leaflet-tile, .leaflet-tile-pane img").length,
            basemap: document.querySelector(".leaflet-container").getAttribute("data-dr-basemap"),
            attribution: document.querySelector(".leaflet-control-attribution").textContent,
          };
        }"""
    )


@pytest.mark.parametrize("name", MAP_DOCUMENTS)
def test_the_basemap_is_drawn_without_tiles(browser, site_url, name):
    context = guarded_context(browser, site_url)
    page = context.new_page()
    fragment = LOCATOR_FRAGMENT if name == "locator" else ""
    page.goto(site_url + f"maps/{name}.html{fragment}")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    state = _map_state(page)
    assert state["basemap"] == "drawn"
    assert state["countries"] >= 10
    assert state["focus"] >= 2  # Afghanistan and Tajikistan
    assert state["neighbours"] >= 4
    assert state["borders"] >= 1
    assert state["tiles"] == 0
    assert "Natural Earth" in state["attribution"]
    assert "OpenStreetMap" not in state["attribution"]
    # Country names are labelled where they fit.
    assert page.locator(".dr-base-label-country:not(.dr-base-label-hidden)").count() >= 1
    assert context.elsewhere == []
    context.close()


def _leaflet_map(page, expression: str):
    return page.evaluate(
        "(expr) => { const m = Object.values(window).find(v => v instanceof L.Map);"
        " return new Function('map', 'return ' + expr)(m); }",
        expression,
    )


def test_the_close_level_replaces_the_overview_from_zoom_six(browser, site_url):
    context = guarded_context(browser, site_url, bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + "maps/regional.html")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    assert _leaflet_map(page, "map.getZoom()") < 6
    far = _map_state(page)
    _leaflet_map(page, "map.setView([37.5, 69.5], 7, {animate: false}) && true")
    page.wait_for_timeout(300)
    close = _map_state(page)
    # More country shapes (the detail level drawn over the overview), still no tile.
    assert close["countries"] > far["countries"]
    assert close["tiles"] == 0
    assert page.locator(".dr-base-label-river:not(.dr-base-label-hidden)").count() >= 1
    _leaflet_map(page, "map.setZoom(4, {animate: false}) && true")
    page.wait_for_timeout(300)
    assert _map_state(page)["countries"] == far["countries"]
    context.close()


def test_place_names_are_readable_on_a_phone(browser, site_url):
    context = guarded_context(
        browser, site_url, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(site_url + "maps/factory.html")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    styles = page.evaluate(
        """() => [...document.querySelectorAll('.dr-base-label-text')].map(n => {
             const s = getComputedStyle(n);
             return {size: parseFloat(s.fontSize), halo: s.textShadow, colour: s.color};
           })"""
    )
    assert styles
    for style in styles:
        assert style["size"] >= 12
        assert "255, 255, 255" in style["halo"]  # a white halo keeps names readable on any fill
    context.close()


def test_the_street_map_is_an_option_that_starts_off(browser, site_url):
    context = guarded_context(browser, site_url)
    tiles: list[str] = []

    def tile(route) -> None:
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)

    context.route(re.compile(r"^https://([a-c]\.)?tile\.openstreetmap\.org/"), tile)
    page = context.new_page()
    page.goto(site_url + "maps/regional.html")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    page.wait_for_timeout(300)
    assert tiles == []
    option = page.locator(".leaflet-control-layers-overlays label", has_text="openstreetmap.org")
    box = option.locator("input")
    assert not box.is_checked()
    page.locator(".leaflet-control-layers").hover()
    box.check()
    page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
    assert tiles
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    context.close()
