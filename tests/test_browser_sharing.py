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


A4_MARGIN_MM = 10
"""The margin the print tests ask for on each side of an A4 sheet."""
CSS_PX_PER_MM = 96 / 25.4
A4_CONTENT = ((210 - 2 * A4_MARGIN_MM) * CSS_PX_PER_MM, (297 - 2 * A4_MARGIN_MM) * CSS_PX_PER_MM)
"""Width and height of an A4 page's printed area, in CSS pixels."""

PRINTED_IMAGE = re.compile(rb"/Subtype\s*/Image\s*/Width\s+(\d+)\s*/Height\s+(\d+)")
"""An image in Chromium's PDF: its dictionary is written uncompressed, size first."""


def _printed_pages(built_site: Path) -> list[str]:
    """Every chapter of the built site, and an event page (they share one template)."""
    chapters = sorted(p.parent.name for p in (built_site / "chapters").glob("*/index.html"))
    return [f"chapters/{name}/" for name in chapters] + [EVENT]


def test_print_keeps_a_first_map_that_fits_on_page_one_there(
    browser, built_site: Path, site_url
) -> None:
    """A chapter or event page whose first map, with its caption, fits on the first A4 page
    prints it there, not on page 2 after a blank half page; nothing of the screen's
    navigation or controls shows."""
    width, height = A4_CONTENT
    context = browser.new_context(viewport={"width": round(width), "height": 900})
    pg = context.new_page()
    fitting = []
    for path in _printed_pages(built_site):
        pg.goto(site_url + path)
        pg.emulate_media(media="print")
        for hidden in (
            ".md-header",
            ".md-sidebar",
            ".md-footer",
            ".dr-embed-code",
            ".dr-map iframe",
            ".dr-map-open",
            ".dr-page-contents",
            ".dr-explore-link",
            ".dr-pager",
            ".dr-edit",
            ".dr-skip",
            ".md-content__button",
        ):
            assert not any(_shown(pg, hidden)), (path, hidden)
        image = pg.locator("img.dr-map-static, .dr-map-static img").first
        if image.count() == 0:
            continue
        pg.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        # Where the image and its caption end in the printed layout, before page breaks.
        bottom, natural = image.evaluate(
            """img => {
              const figure = img.closest('figure');
              const caption = figure && figure.querySelector(':scope > figcaption');
              const box = (caption || img).getBoundingClientRect();
              return [box.bottom + window.scrollY, [img.naturalWidth, img.naturalHeight]];
            }"""
        )
        if bottom > height:
            continue  # the first map starts too far down for page 1 anyway
        fitting.append(path)
        first = pg.pdf(
            format="A4",
            page_ranges="1",
            margin={side: f"{A4_MARGIN_MM}mm" for side in ("top", "right", "bottom", "left")},
        )
        sizes = {(int(w), int(h)) for w, h in PRINTED_IMAGE.findall(first)}
        # The image whole, or the part its frame crops (an event's card shows its map part).
        on_page_one = any(h == natural[1] and w <= natural[0] for w, h in sizes)
        assert on_page_one, f"{path}: the first map is not on page 1 ({sizes})"
    assert CHAPTER in fitting, fitting
    assert EVENT in fitting, fitting
    context.close()


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


def _framed_by_another_site(browser, serve, site_url: str, tmp_path: Path, codes: list[str]):
    """A page on another origin holding ``codes`` (their published address swapped for the
    local one), opened and scrolled so the lazy frames load; returns (context, page)."""
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
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.page_errors = []
    pg.on("pageerror", lambda exc: pg.page_errors.append(str(exc)))
    pg.goto(other)
    return context, pg


def _frame_named(pg, name: str):
    for _ in range(100):
        for frame in pg.frames[1:]:
            if re.sub(r"[?#].*", "", frame.url).split("/")[-1] == name:
                return frame
        pg.mouse.wheel(0, 600)
        pg.wait_for_timeout(100)
    raise AssertionError(f"{name} never loaded: {[f.url for f in pg.frames]}")


def test_the_home_story_and_explore_views_embed_on_another_site(
    browser, built_site: Path, serve, site_url, tmp_path: Path
) -> None:
    """The codes beside the views the pages lay out themselves: each draws when framed by
    another origin; the story's map, free there, is not waiting for a story page to drive it."""
    codes = (
        _embed_codes(built_site, "")[:1]  # the opening map; the page's chart comes after
        + _embed_codes(built_site, "story/")
        + _embed_codes(built_site, "explore/")
    )
    assert len(codes) == 4
    context, pg = _framed_by_another_site(browser, serve, site_url, tmp_path, codes)
    opening = _frame_named(pg, "story-opening.html")
    story = _frame_named(pg, "story.html")
    regional = _frame_named(pg, "regional.html")
    timeline = _frame_named(pg, "timeline.html")
    for frame in (opening, story, regional):
        frame.locator("html[data-dr-ready='true']").wait_for(state="attached", timeout=30_000)
    story.locator("html[data-story-ready='true']").wait_for(state="attached")
    assert story.locator("html").get_attribute("data-story-exploring") != "false"
    assert story.locator(".leaflet-control-zoom").is_visible()
    timeline.locator(".dr-chart[data-drawn='true']").wait_for(state="attached", timeout=30_000)
    credits = [a.get_attribute("href") for a in pg.locator("body > p a").all()]
    assert credits == [site_url, site_url + "story/", site_url + "explore/", site_url + "explore/"]
    assert not pg.page_errors
    context.close()


LAID_OUT_VIEWS = {
    "": ".dr-hero-map iframe",
    "story/": "#dr-story-map",
    "explore/": "#dr-explore-frame",
}
"""Pages that lay a view out themselves, and the view beside which each control stands."""


def _box_overlap(a: dict, b: dict) -> float:
    width = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    height = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(0.0, width) * max(0.0, height)


@pytest.mark.parametrize("path", sorted(LAID_OUT_VIEWS))
def test_the_embed_control_is_reached_by_keyboard_and_covers_no_map(
    sized_page, site_url, path: str
) -> None:
    pg = sized_page
    pg.goto(site_url + path)
    view = pg.locator(LAID_OUT_VIEWS[path]).first
    view.wait_for(state="visible", timeout=20_000)
    control = pg.locator("details.dr-embed-code").first
    summary = control.locator("summary")
    # Tab from the top of the page until the control's summary has focus.
    pg.locator("body").focus()
    for _ in range(400):
        pg.keyboard.press("Tab")
        if summary.evaluate("s => document.activeElement === s"):
            break
    else:
        raise AssertionError(f"{pg.size}: Tab never reached the Embed control on /{path}")
    pg.keyboard.press("Enter")
    code = control.locator("pre code")
    code.wait_for(state="visible")
    assert "<iframe src=" in code.inner_text()
    # Open, it covers no part of the view, on a phone as on a laptop.
    for box in (summary.bounding_box(), code.bounding_box()):
        assert box is not None
        assert _box_overlap(box, view.bounding_box()) == 0, (pg.size, path, box)
    assert not pg.page_errors


def test_every_drawn_map_and_chart_on_the_pages_that_draw_them_offers_an_embed_code(
    page, built_site: Path, site_url
) -> None:
    """What only a browser sees: the maps and charts the pages' scripts draw (the explore
    page's timeline, the story's sticky map), found as drawn, each with its control. The
    pages are those whose markup holds a map or chart or starts an app that draws one;
    event pages share one template (the built-page test reads each), so one per edition
    stands for all."""
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        path = index.parent.relative_to(built_site).as_posix() + "/"
        path = "" if path == "./" else path
        markup = index.read_text(encoding="utf-8")
        if path.startswith("assets/") or not re.search(
            r"<iframe|data-map-src|data-figure|data-explore|data-story", markup
        ):
            continue
        event_page = re.match(r"^((?:[a-z]{2}/)?events/)[^/]+/$", path)
        if event_page and any(p.startswith(event_page.group(1)) for p in pages):
            continue  # one event page per edition
        pages.append(path)
    assert {"", "story/", "explore/"} <= set(pages)
    found_by_browser_only = 0
    for path in pages:
        page.goto(site_url + path)
        for _ in range(30):  # scroll through, so lazy frames and charts load and draw
            page.mouse.wheel(0, 500)
            page.wait_for_timeout(60)
        page.wait_for_timeout(1500)
        drawn = page.evaluate(
            """() => {
              const controls = [...document.querySelectorAll('details.dr-embed-code')];
              const offered = (el) => {
                const figure = el.closest('figure');
                if (figure && figure.querySelector('details.dr-embed-code')) { return true; }
                for (let n = el; n; n = n.parentElement) {
                  if (n.id && controls.some((c) => c.dataset.embedFor === n.id)) { return true; }
                }
                return false;
              };
              const views = [];
              for (const frame of document.querySelectorAll('iframe')) {
                let doc = null;
                try { doc = frame.contentDocument; } catch (err) { doc = null; }
                if (doc && doc.querySelector('.leaflet-container')) { views.push(frame); }
              }
              views.push(...document.querySelectorAll('.js-plotly-plot'));
              return views.map((el) => ({
                what: el.tagName + '#' + el.id + '.' + el.className,
                offered: offered(el),
                src: el.getAttribute('src'),
                chart: el.hasAttribute('data-figure'),
              }));
            }"""
        )
        assert drawn, f"/{path}: nothing drew"
        missing = [view["what"] for view in drawn if not view["offered"]]
        assert not missing, f"/{path}: drawn without an Embed control: {missing}"
        # In the built markup: a frame with this very src, or a chart container charts.js fills.
        markup = (built_site / path / "index.html").read_text(encoding="utf-8")
        found_by_browser_only += sum(
            1
            for view in drawn
            if not view["chart"] and f'src="{html.escape(view["src"] or "")}"' not in markup
        )
    # The story's map (put in by its script) and the explore timeline (drawn by its script).
    assert found_by_browser_only >= 2
