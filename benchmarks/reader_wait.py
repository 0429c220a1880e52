"""What a reader waits for: per page, the first screen drawn, then each map and chart below it.

A page is opened in a fresh browser context (an empty cache, as on a first
visit) at a laptop window, and every map and chart it holds is sorted by where
it sits when the page has been parsed:

- **first screen**: the time from navigation start until the first screen is
  drawn: the first contentful paint, and every map and chart whose box starts
  above the window's bottom edge drawn (a chart's ``dr-chart-drawn:<id>`` mark
  from ``charts.js``; a map's ``dr-painted`` mark, the first frame painted
  after ``map-layers.js`` drew its layers on the basemap). Nothing below the
  first screen is awaited or scrolled to before this is read;
- **after scrolling**: then each map and chart below the first screen is
  scrolled into view in turn, and the longest wait from that scroll to its
  drawing is the figure: what a reader waits for on reaching it;
- **all drawn**: navigation start to the last map or chart drawn, the first
  screen's included (for a page whose charts are all in the first screen, such
  as the timeline, the same as the first screen).

A map document opened on its own (``maps/<name>.html``) is its own first
screen. Each figure is the median of :data:`LOADS` loads. Hosts other than this
machine cannot be resolved (a request route would slow every request it holds),
so nothing waits on the network beyond the local server.
"""

from __future__ import annotations

import shutil
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
for _path in (HERE.parent, HERE.parent / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

LOADS = 5
"""Fresh loads per page; the median is the figure (one load varies by a few tenths of a second)."""

WINDOW = (1366, 768)
"""The laptop window the first screen is measured in."""

WAIT_MS = 60_000
"""How long one map or chart may take before the measurement fails with a clear message."""

FRAMES = "iframe[src*='maps/']"
"""The framed map documents on a page."""

_FIND_EMBEDS = """() => {
  const bottom = window.innerHeight;
  const found = [];
  if (document.querySelector(".folium-map")) {
    found.push({kind: "map document", index: 0, first: true, label: location.pathname});
  }
  document.querySelectorAll(".dr-chart").forEach((div, index) => {
    found.push({kind: "chart", index, id: div.id, first: div.getBoundingClientRect().top < bottom,
                label: "#" + div.id});
  });
  document.querySelectorAll("FRAMES").forEach((frame, index) => {
    found.push({kind: "map", index, first: frame.getBoundingClientRect().top < bottom,
                label: frame.getAttribute("src")});
  });
  return found;
}""".replace("FRAMES", FRAMES.replace('"', '\\"'))

_PAINTED_AT = """() => new Promise(resolve => {
  const read = () => {
    const mark = performance.getEntriesByName("dr-painted")[0];
    if (mark) resolve(performance.timeOrigin + mark.startTime); else requestAnimationFrame(read);
  };
  read();
})"""
"""Epoch milliseconds of a map document's ``dr-painted`` mark, once it exists."""

_CHART_DRAWN_AT = """id => new Promise(resolve => {
  const read = () => {
    const mark = performance.getEntriesByName("dr-chart-drawn:" + id)[0];
    if (mark) resolve(performance.timeOrigin + mark.startTime); else requestAnimationFrame(read);
  };
  read();
})"""
"""Epoch milliseconds of a chart's ``dr-chart-drawn`` mark, once it exists."""

_FIRST_PAINT_AT = """() => new Promise(resolve => {
  const read = () => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    if (paint) resolve(performance.timeOrigin + paint.startTime);
    else setTimeout(read, 20);
  };
  read();
})"""


class NotDrawn(RuntimeError):
    """A map or chart of a measured page never reported being drawn."""


@dataclass(frozen=True)
class LoadTimes:
    """One load of one page, in seconds."""

    first_screen_s: float
    """Navigation start to the first screen drawn (first paint and its maps and charts)."""
    after_scroll_s: float
    """The longest wait from scrolling a map or chart below the first screen into view to its
    drawing; 0 when nothing is below the first screen."""
    all_drawn_s: float
    """Navigation start to the last map or chart drawn (each scrolled to in turn)."""
    first_screen_embeds: int
    """Maps and charts in the first screen."""
    below_embeds: int
    """Maps and charts below it."""


@dataclass(frozen=True)
class PageTimes:
    """The medians of several loads of one page."""

    path: str
    loads: list[LoadTimes]

    def _median(self, name: str) -> float:
        return float(statistics.median(getattr(load, name) for load in self.loads))

    @property
    def first_screen_s(self) -> float:
        """Median navigation start to first screen drawn."""
        return self._median("first_screen_s")

    @property
    def after_scroll_s(self) -> float:
        """Median of each load's longest wait after scrolling to a map or chart."""
        return self._median("after_scroll_s")

    @property
    def all_drawn_s(self) -> float:
        """Median navigation start to everything drawn."""
        return self._median("all_drawn_s")

    @property
    def spread_s(self) -> float:
        """Range of the first-screen times over the loads: how much one load varies."""
        times = [load.first_screen_s for load in self.loads]
        return max(times) - min(times)


def _drawn_at(page: Any, embed: dict[str, Any]) -> float:
    """Epoch ms at which ``embed`` of ``page`` was drawn, waiting for it if need be."""
    try:
        if embed["kind"] == "map document":
            page.locator("html[data-dr-ready]").wait_for(state="attached", timeout=WAIT_MS)
            state = page.locator("html").get_attribute("data-dr-ready")
            if state != "true":
                raise NotDrawn(f"{embed['label']}: data-dr-ready={state!r}")
            return float(page.evaluate(_PAINTED_AT))
        if embed["kind"] == "chart":
            chart = page.locator(".dr-chart").nth(embed["index"])
            chart.and_(page.locator("[data-drawn='true'], [data-drawn='error']")).wait_for(
                state="attached", timeout=WAIT_MS
            )
            if chart.get_attribute("data-drawn") != "true":
                raise NotDrawn(f"chart {embed['label']}: {chart.inner_text()[:200]}")
            return float(page.evaluate(_CHART_DRAWN_AT, embed["id"]))
        frame = page.locator(FRAMES).nth(embed["index"]).content_frame
        root = frame.locator("html[data-dr-ready]")
        root.wait_for(state="attached", timeout=WAIT_MS)
        if root.get_attribute("data-dr-ready") != "true":
            raise NotDrawn(f"map {embed['label']}: data-dr-ready is not 'true'")
        return float(frame.locator("html").evaluate(_PAINTED_AT))
    except NotDrawn:
        raise
    except Exception as exc:  # Playwright's timeout: name what was not drawn
        raise NotDrawn(f"{embed['kind']} {embed['label']} not drawn: {exc}") from exc


def time_load(context: Any, url: str) -> LoadTimes:
    """Open ``url`` in ``context`` once and time its first screen and what lies below it."""
    page = context.new_page()
    try:
        page.goto(url, wait_until="domcontentloaded")
        started = float(page.evaluate("() => performance.timeOrigin"))
        embeds = page.evaluate(_FIND_EMBEDS)
        first = [e for e in embeds if e["first"]]
        below = [e for e in embeds if not e["first"]]
        first_screen = max(
            [float(page.evaluate(_FIRST_PAINT_AT))] + [_drawn_at(page, e) for e in first]
        )
        last = first_screen
        longest_wait = 0.0
        for embed in below:
            if embed["kind"] == "chart":
                target = page.locator(".dr-chart").nth(embed["index"])
            else:
                target = page.locator(FRAMES).nth(embed["index"])
            scrolled = started + float(
                target.evaluate(
                    "el => { el.scrollIntoView({block: 'center'}); return performance.now(); }"
                )
            )
            drawn = _drawn_at(page, embed)
            longest_wait = max(longest_wait, drawn - scrolled)
            last = max(last, drawn)
        return LoadTimes(
            (first_screen - started) / 1000,
            longest_wait / 1000,
            (last - started) / 1000,
            len(first),
            len(below),
        )
    finally:
        page.close()


def launch(playwright: Any) -> Any:
    """Headless Chromium that can reach this machine and no other host."""
    from conftest import CHROMIUM_ARGS

    return playwright.chromium.launch(
        executable_path=shutil.which("chromium"),
        headless=True,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    )


@contextmanager
def browser_session(browser: Any = None) -> Iterator[Any]:
    """``browser`` if given (Playwright runs once per process: a test passes its own), else
    a browser launched by :func:`launch` for the block."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = launch(pw)
        try:
            yield launched
        finally:
            launched.close()


def time_pages(
    site: Path, pages: dict[str, str], loads: int = LOADS, browser: Any = None
) -> dict[str, PageTimes]:
    """Per kind -> the times of ``loads`` fresh loads of its page in the built ``site``.

    Loads are interleaved (every page once, then every page again) so a burst of
    other work on the machine spreads over all pages instead of landing on one.
    ``browser``: one already running (default: :func:`launch` one).
    """
    from sitecheck import serve_site

    results: dict[str, list[LoadTimes]] = {kind: [] for kind in pages}
    with serve_site(site, "/") as base, browser_session(browser) as session:
        for _ in range(loads):
            for kind, rel in pages.items():
                context = session.new_context(viewport={"width": WINDOW[0], "height": WINDOW[1]})
                try:
                    results[kind].append(time_load(context, base + rel))
                finally:
                    context.close()
    return {kind: PageTimes(pages[kind], times) for kind, times in results.items()}
