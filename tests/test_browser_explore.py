"""The explore page (explore/) as readers use it, in headless Chromium.

What the map shows is read from Leaflet itself (the layers on the map), and what it should
show is worked out here from the record (``data/``) with the builder's own partial-date
rules, never from the page's arrays: an event is in a period when the span its date may
mean (a day, a month, a year, or ``date`` to ``end_date``) overlaps it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from builder.charts.facets import involved_actors
from builder.maps.style import category_label
from builder.record import dates
from builder.record.schema import CATEGORIES
from builder.record.validate import Dataset, load_dataset

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"laptop": (1366, 768), "phone": (390, 844)}

SHOWN_ON_MAP = """() => {
  const ids = [];
  // Areas are one Leaflet layer each; pins are one canvas layer holding those it draws.
  window.drMap.eachLayer((layer) => {
    if (layer.drEventId) { ids.push(layer.drEventId); }
    else if (layer.shownIds) { ids.push(...layer.shownIds()); }
  });
  return ids.sort();
}"""


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ROOT / "data")


def expected(data: Dataset, fragment: str) -> list[str]:
    """Ids of the events a fragment asks for, in the record's order, from the data alone."""
    query: dict[str, str] = {}
    for pair in fragment.split("&"):
        if "=" in pair:
            key, value = pair.split("=", 1)
            query[key] = unquote(value)
    lo = dates.start(query["from"]) if "from" in query else dt.date.min
    hi = dates.end(query["to"]) if "to" in query else dt.date.max
    cats = set(query["category"].split(",")) if "category" in query else None
    stats = set(query["status"].split(",")) if "status" in query else None
    actors = set(query["actor"].split(",")) if "actor" in query else None
    chosen = []
    for event_id, event in data.chronological():
        first, last = dates.start(event.date), dates.end(event.end_date or event.date)
        if last < lo or first > hi:
            continue
        if cats is not None and event.category not in cats:
            continue
        if stats is not None and event.status not in stats:
            continue
        if actors is not None and not actors & set(involved_actors(event)):
            continue
        chosen.append(event_id)
    return chosen


def located(data: Dataset, ids: list[str]) -> list[str]:
    return sorted(i for i in ids if data.coordinates(data.events[i]) is not None)


def open_explore(browser, site_url: str, fragment: str = "", size: str = "laptop", **options):
    width, height = SIZES[size]
    phone = size == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone, **options
    )
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + "explore/" + (f"#{fragment}" if fragment else ""))
    page.locator("[data-explore-ready='true']").wait_for(timeout=20_000)
    return context, page


def map_frame(page):
    return page.locator("iframe.dr-explore-frame").element_handle().content_frame()


def settle(page) -> None:
    """Let the batched update and the live region's quarter-second pause run."""
    page.wait_for_timeout(450)


def fragment_of(page) -> str:
    return page.evaluate("() => window.location.hash.replace(/^#/, '')")


LINK_STATES = [
    "from=2021-08-15&to=2022-08-14&category=conflict",
    "actor=turkey",
    "actor=kyrgyzstan&status=claimed",
    "from=2022&to=2022&status=confirmed,reported",
    "from=2021-08&to=2021-08&event=taliban-take-kabul",
]


@pytest.mark.parametrize("fragment", LINK_STATES)
def test_a_link_shows_the_records_events_on_map_list_and_in_words(
    browser, site_url, data, fragment
):
    want = expected(data, fragment)
    assert want, f"{fragment}: the record has events for this view"
    context, page = open_explore(browser, site_url, fragment)
    settle(page)
    assert map_frame(page).evaluate(SHOWN_ON_MAP) == located(data, want)
    heading = page.locator("#dr-explore-list-heading").inner_text()
    assert heading.startswith(f"{len(want)} event")
    status = page.locator("#dr-explore-status")
    assert status.get_attribute("aria-live") == "polite"
    said = status.inner_text()
    assert said.startswith(f"{len(want)} event"), said
    if "from=2021-08-15" in fragment:
        assert "15 August 2021 to 14 August 2022" in said
        assert "conflict only" in said
    if "actor=turkey" in fragment:
        assert "involving Turkey" in said
    if "event=" in fragment:
        chosen = fragment.split("event=")[1]
        card = page.locator(".dr-explore-card")
        assert card.is_visible()
        assert card.locator("h2").inner_text() == data.events[chosen].title
        assert card.locator(f"a[href$='events/{chosen}/']").count() == 1
        source = data.sources[data.events[chosen].sources[0]]
        assert card.locator(f"a[href='{source.url}']").count() == 1
        assert (
            map_frame(page).evaluate(
                "() => document.documentElement.getAttribute('data-explore-selected')"
            )
            == chosen
        )
    # Opening a link does not rewrite it.
    assert fragment_of(page) == fragment
    assert not page.errors
    context.close()


def test_a_link_frames_the_map_on_its_events(browser, site_url, data):
    fragment = "actor=kyrgyzstan&status=claimed"
    context, page = open_explore(browser, site_url, fragment)
    settle(page)
    bounds = map_frame(page).evaluate(
        "() => { const b = window.drMap.getBounds(); "
        "return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }"
    )
    for event_id in located(data, expected(data, fragment)):
        lat, lon = data.coordinates(data.events[event_id])
        assert bounds[0] <= lat <= bounds[2], event_id
        assert bounds[1] <= lon <= bounds[3], event_id
    # The reader's own view survives a change of filter.
    frame = map_frame(page)
    frame.evaluate("() => window.drMap.setView([41.0, 60.0], 7, {animate: false})")
    page.locator("input[name=category][value=diplomacy]").check()
    settle(page)
    centre = frame.evaluate("() => { const c = window.drMap.getCenter(); return [c.lat, c.lng]; }")
    assert abs(centre[0] - 41.0) < 0.01
    assert abs(centre[1] - 60.0) < 0.01
    context.close()


def test_the_period_moves_from_the_keyboard_and_thumbs_never_cross(browser, site_url, data):
    context, page = open_explore(browser, site_url, "from=2021-08-15&to=2022-08-14")
    start = page.locator("[role=slider][data-thumb=from]")
    end = page.locator("[role=slider][data-thumb=to]")
    expect(start).to_have_attribute("aria-valuetext", "15 August 2021")
    start.focus()
    page.keyboard.press("PageUp")  # a year later would pass the end: it stops there
    expect(start).to_have_attribute("aria-valuetext", "14 August 2022")
    settle(page)
    assert fragment_of(page) == "from=2022-08-14&to=2022-08-14"
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowLeft")  # a month
    page.keyboard.press("Shift+ArrowLeft")  # a day
    expect(start).to_have_attribute("aria-valuetext", "13 July 2021")
    end.focus()
    page.keyboard.press("ArrowRight")
    expect(end).to_have_attribute("aria-valuetext", "14 September 2022")
    settle(page)
    fragment = fragment_of(page)
    assert fragment == "from=2021-07-13&to=2022-09-14"
    assert map_frame(page).evaluate(SHOWN_ON_MAP) == located(data, expected(data, fragment))
    assert page.locator("#dr-explore-from").input_value() == "2021-07-13"
    # Typed dates set exact ends.
    page.locator("#dr-explore-to").fill("2021-12-31")
    page.locator("#dr-explore-to").dispatch_event("change")
    settle(page)
    assert fragment_of(page) == "from=2021-07-13&to=2021-12-31"
    expect(end).to_have_attribute("aria-valuetext", "31 December 2021")
    assert map_frame(page).evaluate(SHOWN_ON_MAP) == located(
        data, expected(data, fragment_of(page))
    )
    # Home on the end thumb brings it to the start thumb, not past it.
    end.focus()
    page.keyboard.press("Home")
    expect(end).to_have_attribute("aria-valuetext", "13 July 2021")
    context.close()


def test_dragging_across_the_timeline_chooses_a_period(browser, site_url, data):
    context, page = open_explore(browser, site_url)
    box = page.locator(".dr-explore-timeline .nsewdrag").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.80, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.85, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.90, y, steps=5)
    page.mouse.up()
    settle(page)
    fragment = fragment_of(page)
    assert re.fullmatch(r"from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}", fragment), fragment
    assert map_frame(page).evaluate(SHOWN_ON_MAP) == located(data, expected(data, fragment))
    context.close()


def test_back_returns_to_the_previous_view(browser, site_url, data):
    context, page = open_explore(browser, site_url, "category=conflict")
    page.locator("input[name=category][value=military]").check()
    settle(page)
    assert fragment_of(page) == "category=military,conflict"
    two = fragment_of(page)
    first_item = page.locator(".dr-explore-item").first
    chosen = first_item.get_attribute("data-event")
    first_item.click()
    settle(page)
    assert fragment_of(page) == f"{two}&event={chosen}"
    page.go_back()
    settle(page)
    assert fragment_of(page) == two
    assert not page.locator(".dr-explore-card").is_visible()
    page.go_back()
    settle(page)
    assert fragment_of(page) == "category=conflict"
    assert map_frame(page).evaluate(SHOWN_ON_MAP) == located(
        data, expected(data, "category=conflict")
    )
    assert not page.locator("input[name=category][value=military]").is_checked()
    assert page.url.endswith("/explore/#category=conflict")
    context.close()


def test_play_walks_through_time_and_pause_stops_where_it_is(browser, site_url, data):
    context, page = open_explore(browser, site_url, "category=conflict")
    settle(page)
    status = page.locator("#dr-explore-status")
    before = status.inner_text()
    page.locator("#dr-explore-speed").select_option("250")
    play = page.locator("[data-action=play]")
    assert play.inner_text() == "Play"
    play.click()
    assert play.inner_text() == "Pause"
    seen = set()
    for _ in range(120):  # up to 30 s on a slow machine; 3 steps take 0.75 s
        page.wait_for_timeout(250)
        seen.add(fragment_of(page))
        # While playing the live region keeps quiet.
        assert status.inner_text() == before
        if len(seen) >= 3:
            break
    assert len(seen) >= 3, seen
    play.click()
    assert play.inner_text() == "Play"
    stopped = fragment_of(page)
    settle(page)
    page.wait_for_timeout(600)
    assert fragment_of(page) == stopped
    said = status.inner_text()
    assert said.startswith("Paused.")
    shown = map_frame(page).evaluate(SHOWN_ON_MAP)
    assert shown == located(data, expected(data, stopped))
    # A six-month window: from the first day of a month to the last day of the sixth.
    match = re.search(r"from=(\d{4})-(\d{2})-01&to=(\d{4})-(\d{2})-(\d{2})", stopped)
    assert match, stopped
    months = (int(match[3]) - int(match[1])) * 12 + int(match[4]) - int(match[2]) + 1
    assert months == 6
    context.close()


def test_play_at_the_end_starts_again_and_a_link_never_opens_playing(browser, site_url, data):
    last = max(dates.end(e.end_date or e.date) for e in data.events.values())
    context, page = open_explore(
        browser, site_url, f"from={last.year - 1}-01&to={last.isoformat()}"
    )
    page.wait_for_timeout(1000)
    assert page.locator("[data-explore-playing]").count() == 0
    assert page.locator("[data-action=play]").inner_text() == "Play"
    page.locator("#dr-explore-speed").select_option("1200")
    page.locator("[data-action=play]").click()
    page.locator("[data-action=play]").click()  # pause at once: a slow machine may take a step
    fragment = fragment_of(page)
    first = min(dates.start(e.date) for e in data.events.values())
    # Started again from the first event's month (a step or two later at most), not from 2025.
    match = re.fullmatch(r"from=(\d{4})-(\d{2})-01&to=(\d{4})-\d{2}-\d{2}", fragment)
    assert match, fragment
    assert int(match[1]) * 12 + int(match[2]) - (first.year * 12 + first.month) <= 2, fragment
    context.close()


def test_reduced_motion_steps_without_transitions(browser, site_url):
    context, page = open_explore(browser, site_url, "", reduced_motion="reduce")
    duration = page.locator("[data-thumb=from]").evaluate(
        "(n) => getComputedStyle(n).transitionDuration"
    )
    assert duration == "0s"
    context.close()
    context, page = open_explore(browser, site_url, "", reduced_motion="no-preference")
    duration = page.locator("[data-thumb=from]").evaluate(
        "(n) => getComputedStyle(n).transitionDuration"
    )
    assert duration != "0s"
    context.close()


def test_the_list_is_the_maps_text_version_from_the_keyboard(browser, site_url, data):
    context, page = open_explore(browser, site_url, "from=2021-08-15&to=2022-08-14")
    want = expected(data, "from=2021-08-15&to=2022-08-14")
    items = page.locator(".dr-explore-item")
    # Only the rows on screen exist.
    assert 0 < items.count() < len(want)
    items.first.focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.getAttribute('data-event')")
    page.keyboard.press("Enter")
    settle(page)
    card = page.locator(".dr-explore-card")
    assert card.is_visible()
    assert card.locator("h2").inner_text() == data.events[focused].title
    assert fragment_of(page).endswith(f"&event={focused}")
    page.keyboard.press("ArrowRight")
    settle(page)
    following = fragment_of(page).split("event=")[1]
    assert following != focused
    assert following in want
    assert card.locator("h2").inner_text() == data.events[following].title
    page.keyboard.press("Escape")
    settle(page)
    assert not card.is_visible()
    assert page.evaluate("() => document.activeElement.getAttribute('data-event')") == following
    # The last event of the view can be reached: its row is made when scrolled to.
    page.keyboard.press("End")
    assert page.evaluate("() => document.activeElement.getAttribute('data-event')") in want
    context.close()


def test_copy_link_copies_the_address(browser, site_url):
    context, page = open_explore(
        browser, site_url, "actor=turkey", permissions=["clipboard-read", "clipboard-write"]
    )
    page.locator("[data-action=copy]").click()
    page.locator(".dr-explore-copied", has_text="Link copied").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == page.url
    context.close()


def test_laptop_holds_map_and_timeline_on_one_screen(browser, site_url):
    context, page = open_explore(browser, site_url, "event=ababil-2-factory-opens")
    for selector in (".dr-explore-map", ".dr-explore-timeline", "[data-thumb=to]"):
        box = page.locator(selector).bounding_box()
        assert box["y"] >= 0, selector
        assert box["y"] + box["height"] <= 768, selector
        assert box["height"] > 100 or selector == "[data-thumb=to]", selector
    assert page.evaluate("() => window.scrollY") == 0
    assert page.locator(".dr-explore-card").is_visible()
    context.close()


def test_phone_puts_the_map_above_the_timeline_and_panels_open(browser, site_url, data):
    context, page = open_explore(browser, site_url, "actor=turkey", size="phone")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    the_map = page.locator(".dr-explore-map").bounding_box()
    timeline = page.locator(".dr-explore-timeline").bounding_box()
    assert the_map["y"] + the_map["height"] <= timeline["y"]
    assert the_map["width"] > 340
    assert timeline["width"] > 340
    filters = page.locator("#dr-explore-filters")
    assert not filters.is_visible()
    assert not page.locator(".dr-explore-list").is_visible()
    page.locator("button[aria-controls=dr-explore-filters]").click()
    assert filters.is_visible()
    page.locator("button[aria-controls=dr-explore-side]").click()
    assert page.locator(".dr-explore-list").is_visible()
    # Nothing needs hover: a tap on a listed event opens its card.
    page.locator(".dr-explore-item").first.tap()
    settle(page)
    assert page.locator(".dr-explore-card").is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    context.close()


def test_without_javascript_the_page_says_what_it_is(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "explore/")
    text = page.locator(".dr-explore-static").inner_text()
    assert "needs JavaScript" in text
    assert page.locator(".dr-explore-static a[href='../events/']").is_visible()
    assert page.locator(".dr-explore-static a[href='../maps/']").is_visible()
    assert not page.locator(".dr-explore-app").is_visible()
    context.close()


def test_explore_is_first_under_explore_in_the_navigation(browser, site_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(site_url + "maps/")
    section = page.locator("nav.md-nav--primary .md-nav__item--section", has_text="Explore")
    first = section.locator("nav .md-nav__link").first
    assert first.inner_text().strip() == "Explore the record"
    assert first.get_attribute("href").endswith("explore/")
    context.close()


def test_event_pages_and_story_and_timeline_link_into_explore(browser, site_url, data):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    event_id = "kyrgyzstan-receives-tb2"
    page.goto(site_url + f"events/{event_id}/")
    page.locator(".dr-explore-link a").click()
    page.locator("[data-explore-ready='true']").wait_for(timeout=20_000)
    settle(page)
    assert page.locator(".dr-explore-card h2").inner_text() == data.events[event_id].title
    # The story's link follows the step being read.
    assert data.story is not None
    page.goto(site_url + "story/")
    link = page.locator("a.dr-story-explore")
    link.wait_for()
    first = data.story.steps[0]
    event = next(e for e in first.events if data.coordinates(data.events[e]) is not None)
    href = link.get_attribute("href")
    assert re.search(rf"explore/#from=[-0-9]+&to=[-0-9]+&event={event}$", href), href
    link.click()
    page.locator("[data-explore-ready='true']").wait_for(timeout=20_000)
    settle(page)
    fragment = fragment_of(page)
    for event_id in first.events:
        assert event_id in expected(data, fragment)
    assert page.locator(".dr-explore-card h2").inner_text() == data.events[event].title
    # The timeline page's link carries the period it shows.
    page.goto(site_url + "timeline/")
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=20_000)
    page.locator(".dr-chart-controls button", has_text="August 2021 onward").first.click()
    page.wait_for_timeout(300)
    href = page.locator("a.dr-timeline-explore").get_attribute("href")
    assert re.search(r"#from=2021-07-01&to=\d{4}-\d{2}-\d{2}$", href), href
    context.close()


CANVAS_PIXEL = """([lat, lon]) => {
  const map = window.drMap;
  const point = map.latLngToContainerPoint([lat, lon]);
  const box = map.getContainer().getBoundingClientRect();
  const canvas = map.getContainer().querySelector(".leaflet-overlay-pane canvas");
  const at = canvas.getBoundingClientRect();
  const x = Math.round((box.left + point.x - at.left) * canvas.width / at.width);
  const y = Math.round((box.top + point.y - at.top) * canvas.height / at.height);
  return Array.from(canvas.getContext("2d").getImageData(x, y, 1, 1).data);
}"""


def test_a_pin_is_painted_only_while_its_event_is_in_view(browser, site_url, data):
    # Kabul in the 1990s: the one event of its category and decade, drawn as a pin.
    event_id = "iran-drones-over-kabul-1990s"
    event = data.events[event_id]
    assert data.precision(event) in ("exact", "locality")
    fragment = f"from=1990&to=1999&category={event.category}"
    assert expected(data, fragment) == [event_id]
    context, page = open_explore(browser, site_url, fragment)
    settle(page)
    frame = map_frame(page)
    place = list(data.coordinates(event))
    red, green, blue, alpha = frame.evaluate(CANVAS_PIXEL, place)
    colour = "#762a83"  # drone use, the colour the legend gives it (builder.maps.style)
    want = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    assert alpha > 0
    # Painted in the category's purple: red and blue well above green, as in #762a83.
    assert red - green > 30
    assert blue - green > 30
    assert abs((red - green) - (want[0] - want[1]) * alpha / 255) < 60
    # A click on the pin chooses its event: its card opens and the address names it.
    box = page.locator("iframe.dr-explore-frame").bounding_box()
    x, y = frame.evaluate(
        "([lat, lon]) => { const p = window.drMap.latLngToContainerPoint([lat, lon]); "
        "return [p.x, p.y]; }",
        place,
    )
    page.mouse.click(box["x"] + x, box["y"] + y)
    settle(page)
    assert page.locator(".dr-explore-card h2").inner_text() == event.title
    assert fragment_of(page) == f"{fragment}&event={event_id}"
    page.keyboard.press("Escape")
    settle(page)
    assert not page.locator(".dr-explore-card").is_visible()
    # A period without events leaves nothing painted there.
    # The end first: a start typed after the end stops at the end (the thumbs never cross).
    page.locator("#dr-explore-to").fill("2006-12-31")
    page.locator("#dr-explore-to").dispatch_event("change")
    page.locator("#dr-explore-from").fill("2005-01-01")
    page.locator("#dr-explore-from").dispatch_event("change")
    settle(page)
    assert expected(data, fragment_of(page)) == []
    assert frame.evaluate(CANVAS_PIXEL, place)[3] == 0
    # Taken off the map, not hidden by style: a click there chooses nothing.
    page.mouse.click(box["x"] + x, box["y"] + y)
    settle(page)
    assert not page.locator(".dr-explore-card").is_visible()
    assert "event=" not in fragment_of(page)
    context.close()


POINT_ON_TIMELINE = """(eventId) => {
  const plot = document.querySelector(".dr-explore-timeline");
  const box = plot.getBoundingClientRect();
  const xa = plot._fullLayout.xaxis, ya = plot._fullLayout.yaxis;
  for (const trace of plot._fullData) {
    const at = (trace.customdata || []).indexOf(eventId);
    if (at < 0) continue;
    return [box.left + xa._offset + xa.l2p(xa.d2l(trace.x[at])),
            box.top + ya._offset + ya.l2p(ya.d2l(trace.y[at]))];
  }
  return null;
}"""


def test_a_mark_on_the_timeline_chooses_its_event_on_both_views(browser, site_url, data):
    event_id = "iran-drones-over-kabul-1990s"
    event = data.events[event_id]
    fragment = f"from=1990&to=1999&category={event.category}"
    context, page = open_explore(browser, site_url, fragment)
    settle(page)
    frame = map_frame(page)
    assert frame.evaluate("() => document.documentElement.dataset.exploreSelected") is None
    point = page.evaluate(POINT_ON_TIMELINE, event_id)
    assert point is not None, "the event has no mark on the timeline"
    page.mouse.click(*point)
    settle(page)
    expect(page.locator(".dr-explore-card h2")).to_have_text(event.title)
    assert fragment_of(page) == f"{fragment}&event={event_id}"
    # The map rings the same event: the record's choice, not a second copy of it.
    selected = "() => document.documentElement.dataset.exploreSelected"
    assert frame.evaluate(selected) == event_id
    context.close()


@pytest.mark.parametrize("size", ["laptop", "phone"])
def test_every_timeline_row_is_named_on_screen(browser, site_url, size):
    """Colour alone does not say which row is which: each row's name shows, on a phone too."""
    context, page = open_explore(browser, site_url, size=size)
    page.locator(".dr-explore-timeline .main-svg").first.wait_for()
    names = page.evaluate(
        """() => [...document.querySelectorAll(
              '.dr-explore-timeline .ytick text, .dr-explore-timeline .annotation-text')]
            .map(t => { const r = t.getBoundingClientRect();
                        return {text: t.textContent, left: r.left, right: r.right,
                                top: r.top, bottom: r.bottom}; })
            .filter(n => n.right > n.left)"""
    )
    box = page.locator(".dr-explore-timeline").bounding_box()
    assert sorted(n["text"] for n in names) == sorted(category_label(c) for c in CATEGORIES)
    for n in names:
        assert n["left"] >= box["x"] - 1
        assert n["bottom"] <= box["y"] + box["height"] + 1
    for a, b in itertools.combinations(names, 2):
        apart = a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
        apart = apart or a["right"] <= b["left"] or b["right"] <= a["left"]
        assert apart, (a, b)
    context.close()


def test_the_page_reads_its_copy_of_the_record_not_the_whole_download(browser, site_url, data):
    """The page fetches ``data/explore.json`` (what it shows, each source once), never the
    published ``events.geojson``; a card still names every source of its event."""
    chosen = "ababil-2-factory-opens"
    width, height = SIZES["laptop"]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + f"explore/#event={chosen}")
    page.locator("[data-explore-ready='true']").wait_for(timeout=20_000)
    assert any(url.endswith("/data/explore.json") for url in fetched), fetched
    assert not any("events.geojson" in url for url in fetched), fetched
    links = page.locator(".dr-explore-sources a")
    cited = [data.sources[sid] for sid in data.events[chosen].sources]
    assert links.count() == len(cited)
    for link, source in zip(links.all(), cited, strict=True):
        assert link.inner_text() == source.title
        assert link.get_attribute("href") == str(source.url)
    context.close()
