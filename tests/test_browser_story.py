"""The story page and the home page as readers get them, in headless Chromium.

Expected positions come from the data (places' coordinates, events' dates), never from
the page under test: the map must show what ``data/story.yaml`` says each step is about.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.record import dates
from builder.record.validate import Dataset, load_dataset

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
STRIP_FIRST, STRIP_END = dt.date(2015, 1, 1), dt.date(2023, 1, 1)

MAP_STATE = """() => {
  const api = window.DR && window.DR.storyMap;
  if (!api) { return null; }
  const b = api.map.getBounds();
  return {
    step: document.documentElement.getAttribute("data-story-step"),
    moving: document.documentElement.hasAttribute("data-story-moving"),
    bounds: [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()],
    highlighted: Array.from(document.querySelectorAll("[data-story-highlight]"))
      .map((n) => n.getAttribute("data-event")).sort(),
    dragging: api.map.dragging.enabled(),
    animated: api.state().animated,
  };
}"""


RECORD_ACTIVATIONS = """() => {
  window.__activations = [];
  const root = document.querySelector("[data-story]");
  const record = () => {
    const id = root.getAttribute("data-active-step");
    const step = root.querySelector(`[data-story-step="${id}"]`).getBoundingClientRect();
    const map = root.querySelector(".dr-story-stage").getBoundingClientRect();
    window.__activations.push({step: id, top: step.top, right: step.right,
                               mapBottom: map.bottom, mapLeft: map.left});
  };
  record();  // the first step, shown since the page opened
  new MutationObserver(record).observe(root, {attributes: true, attributeFilter: ["data-active-step"]});
}"""


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ROOT / "data")


def _context(browser, size: str, **options):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    # No network here: the map's tiles (if any) get nothing rather than hanging.
    context.route("https://**", lambda route: route.abort())
    return context


def _story_frame(page):
    handle = page.locator("iframe.dr-story-frame").element_handle()
    frame = handle.content_frame()
    frame.wait_for_selector("html[data-story-ready='true']", state="attached")
    return frame


def _located(step, data: Dataset) -> list[str]:
    return sorted(e for e in step.events if data.coordinates(data.events[e]) is not None)


def _scroll_until_active(page, step_id: str, limit: int = 200) -> None:
    """Scroll down as a reader does, a wheel notch at a time, until the step is the one read."""
    for _ in range(limit):
        if page.locator(f"[data-story][data-active-step='{step_id}']").count():
            return
        page.mouse.wheel(0, 120)
        page.wait_for_timeout(30)
    raise AssertionError(f"step {step_id} never became the active step")


def _settled(frame, step_id: str) -> dict:
    frame.wait_for_function(
        """(id) => document.documentElement.getAttribute("data-story-step") === id
             && !document.documentElement.hasAttribute("data-story-moving")""",
        arg=step_id,
        timeout=15_000,
    )
    return frame.evaluate(MAP_STATE)


def _strip_percent(step, data: Dataset) -> float:
    first = min(dates.start(data.events[e].date) for e in step.events)
    share = (first - STRIP_FIRST).days / (STRIP_END - STRIP_FIRST).days
    return 100 * min(1.0, max(0.0, share))


@pytest.mark.parametrize("size", SIZES)
def test_scrolling_moves_the_map_to_each_step_and_highlights_its_events(
    browser, site_url, data, size
):
    context = _context(browser, size)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url + "story/")
    frame = _story_frame(page)
    # Where each step is, and where the map ends, at the moment it becomes the step read.
    page.evaluate(RECORD_ACTIVATIONS)
    page.mouse.move(SIZES[size][0] // 4, SIZES[size][1] - 40)
    assert data.story is not None
    for step in data.story.steps:
        _scroll_until_active(page, step.id)
        state = _settled(frame, step.id)
        south, west, north, east = state["bounds"]
        for event_id in _located(step, data):
            lat, lon = data.coordinates(data.events[event_id])
            assert south <= lat <= north, (step.id, event_id, state["bounds"])
            assert west <= lon <= east, (step.id, event_id, state["bounds"])
        assert state["highlighted"] == _located(step, data), step.id
        assert not state["dragging"], "the map is locked while the story is read"
        left = page.locator(".dr-timestrip-span").evaluate("(n) => parseFloat(n.style.left)")
        assert left == pytest.approx(_strip_percent(step, data), abs=0.2), step.id
        seen = page.evaluate("(id) => window.__activations.find((a) => a.step === id)", step.id)
        if size == "phone":
            # The map stays above the text and never covers the step being read.
            assert seen["top"] >= seen["mapBottom"] - 1, (step.id, seen)
            assert seen["top"] < SIZES[size][1] - 40, (step.id, seen)
        else:
            assert seen["right"] <= seen["mapLeft"], ("the step sits beside the map", seen)
    assert errors == []
    context.close()


def test_without_javascript_every_step_and_link_is_there(browser, site_url, data):
    context = _context(browser, "phone", java_script_enabled=False)
    page = context.new_page()
    figures: list[int] = []
    page.on("response", lambda r: figures.append(r.status) if r.url.endswith("story.svg") else None)
    page.goto(site_url + "story/")
    assert data.story is not None
    steps = page.locator("[data-story-step]")
    assert steps.count() == len(data.story.steps)
    for index, step in enumerate(data.story.steps):
        element = steps.nth(index)
        assert element.get_attribute("data-story-step") == step.id
        assert element.get_attribute("data-events") == " ".join(step.events)
        assert element.is_visible()
        for event_id in step.events:
            link = element.locator(f"a[href='../events/{event_id}/']")
            assert link.count() == 1, (step.id, event_id)
            assert link.inner_text().strip() == data.events[event_id].title
        assert element.locator("sup[id^='fnref'] a.footnote-ref").count() >= 1, step.id
    assert page.locator("img[src$='maps/story.svg']").is_visible()
    assert figures == [200]
    assert page.locator("iframe").count() == 0
    assert not page.locator(".dr-story-explore").is_visible()
    context.close()


@pytest.mark.parametrize(("motion", "animated"), [("reduce", False), ("no-preference", True)])
def test_reduced_motion_jumps_instead_of_flying(browser, site_url, data, motion, animated):
    context = _context(browser, "desktop", reduced_motion=motion)
    page = context.new_page()
    page.goto(site_url + "story/")
    frame = _story_frame(page)
    frame.evaluate(
        """() => {
          window.__moves = 0;
          window.__endedInStartingTask = [];
          const map = DR.storyMap.map;
          let started = false;
          let sameTask = false;
          map.on("movestart", () => {
            started = true;
            sameTask = true;
            setTimeout(() => { sameTask = false; }, 0);
          });
          map.on("move", () => { window.__moves += 1; });
          // Leaflet ends a plain pan without starting it: count only moves that started.
          map.on("moveend", () => {
            if (started) { window.__endedInStartingTask.push(sameTask); }
            started = false;
          });
        }"""
    )
    page.mouse.move(300, 700)
    assert data.story is not None
    target = data.story.steps[1]
    _scroll_until_active(page, target.id)
    state = _settled(frame, target.id)
    moves = frame.evaluate("() => window.__moves")
    ended = frame.evaluate("() => window.__endedInStartingTask")
    assert ended, "the map moved"
    assert state["animated"] is animated
    if animated:
        # A flight runs over many animation frames, however slow the machine draws them.
        assert not any(ended)
        assert moves > 1
    else:
        # A jump is one move that starts and ends in the same task.
        assert all(ended)
        assert moves <= 2
    context.close()


def test_keyboard_reaches_every_step_and_its_explore_link(browser, site_url, data):
    context = _context(browser, "desktop")
    page = context.new_page()
    page.goto(site_url + "story/")
    _story_frame(page)
    assert data.story is not None
    seen: set[str] = set()
    explore_reached = False
    for _ in range(400):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => {
              const a = document.activeElement;
              const step = a && a.closest && a.closest("[data-story-step]");
              return {step: step ? step.getAttribute("data-story-step") : null,
                      explore: !!(a && a.classList && a.classList.contains("dr-story-explore")),
                      active: document.querySelector("[data-story]").getAttribute("data-active-step")};
            }"""
        )
        explore_reached = explore_reached or where["explore"]
        if where["step"]:
            seen.add(where["step"])
            assert where["active"] == where["step"], "the step holding focus is the one shown"
        if len(seen) == len(data.story.steps):
            break
    assert seen == {s.id for s in data.story.steps}
    assert explore_reached
    # "Explore the map" opens the explore page at the period of the step being read.
    last = data.story.steps[-1]
    events = [data.events[e] for e in last.events]
    first = min(dates.start(e.date) for e in events)
    link = page.locator(".dr-story-explore")
    assert link.is_visible()
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/explore/#*")
    fragment = page.evaluate("() => window.location.hash")
    assert fragment.startswith(
        "#from=" + next(e.date for e in events if dates.start(e.date) == first)
    ), fragment
    page.locator("[data-explore-ready='true']").wait_for(timeout=20_000)
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_home_page_first_screen_holds_the_opening_map(browser, site_url, data, size):
    context = _context(browser, size)
    page = context.new_page()
    page.goto(site_url)
    width, height = SIZES[size]
    for selector in ("h1", ".dr-hero-map iframe", ".dr-hero-cta a[href$='story/']"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert box["y"] >= 0, selector
        assert box["y"] + box["height"] <= height, f"{selector} is below the first screen"
        assert box["x"] + box["width"] <= width, selector
    frame = page.locator(".dr-hero-map iframe").element_handle().content_frame()
    frame.wait_for_selector("html[data-story-ready='true']", state="attached")
    assert data.story is not None
    opening = data.story.steps[0]
    state = frame.evaluate(MAP_STATE)
    south, west, north, east = state["bounds"]
    factory = data.events["ababil-2-factory-opens"]
    assert "ababil-2-factory-opens" in opening.events
    lat, lon = data.coordinates(factory)
    assert south <= lat <= north
    assert west <= lon <= east
    view = frame.locator(".leaflet-container").bounding_box()
    ring = frame.locator("path.dr-ring").bounding_box()
    assert view is not None
    assert ring is not None
    assert ring["x"] >= view["x"] - 1
    assert ring["y"] >= view["y"] - 1
    assert ring["x"] + ring["width"] <= view["x"] + view["width"] + 1
    assert ring["y"] + ring["height"] <= view["y"] + view["height"] + 1
    assert frame.locator("path.dr-border").count() >= 1
    context.close()


def test_the_home_page_call_to_action_opens_the_live_story_in_place(instant_page, data):
    from conftest import SITE, click_instantly, wait_for_instant_navigation

    page = instant_page
    page.goto(SITE)
    wait_for_instant_navigation(page)
    click_instantly(page, page.locator(".dr-hero-cta a"))
    frame = _story_frame(page)
    assert data.story is not None
    first = data.story.steps[0]
    state = _settled(frame, first.id)
    assert state["highlighted"] == _located(first, data)
    assert page.locator("[data-story][data-active-step]").get_attribute("data-active-step") == (
        first.id
    )


def test_the_story_keeps_its_layout_when_reached_from_a_page_without_its_styles(instant_page):
    """Only the story and the home page load story.css; instant navigation must bring it along."""
    from conftest import SITE, click_instantly, wait_for_instant_navigation
    from playwright.sync_api import expect

    page = instant_page
    page.goto(SITE + "reference/glossary/")
    wait_for_instant_navigation(page)
    assert page.locator("link[href$='assets/css/story.css']").count() == 0
    primary = page.locator("nav.md-nav--primary")
    click_instantly(page, primary.locator("a[href$='/story/']").first)
    page.locator("[data-story-live] .dr-story-stage").wait_for(timeout=20000)
    position = page.evaluate(
        "() => getComputedStyle(document.querySelector('.dr-story-stage')).position"
    )
    assert position == "sticky"
    page.go_back()
    page.wait_for_url("**/reference/glossary/")
    expect(page.locator("link[href$='assets/css/story.css']")).to_have_count(0)
