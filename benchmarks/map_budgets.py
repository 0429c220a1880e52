"""The maps' budgets: weight of a map document and of the Maps page, time to the first map.

``python benchmarks/map_budgets.py SITE`` measures a built site; ``run.py``
calls :func:`measure` on the curated build. Each figure is printed beside its
budget:

- a map document with everything it loads (Leaflet, topojson-client, our
  scripts and styles, the basemap, data) <= :data:`MAP_DOCUMENT_KB` gz;
- the Maps page with its four maps drawn (each frame scrolled into view, as a
  reader reaches it) <= :data:`MAPS_PAGE_KB` gz;
- the first map on the Maps page drawn, basemap included, <= :data:`FIRST_MAP_S`
  after navigation starts: the median of :data:`TIMED_LOADS` loads.

Every context is fresh (empty cache), and "everything it loads" is every
same-site file fetched until no request has started or ended for a second.
Requests to other hosts are counted and never answered: the weighed loads
refuse them through a route, and the timed loads, which a route would slow
(every request then waits on this script), run in a browser that cannot
resolve any host but this machine.
"""

from __future__ import annotations

import gzip
import html
import re
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

MAP_DOCUMENT_KB = 150.0
"""A map document with all it loads, gzipped."""

MAPS_PAGE_KB = 350.0
"""The Maps page with its four maps drawn, gzipped."""

FIRST_MAP_S = 1.0
"""Navigation start to the first map drawn (basemap and data) on the Maps page."""

TIMED_LOADS = 9
"""Fresh loads of the Maps page timed; the median is the figure (one load varies by 0.4 s)."""

QUIET_S = 1.0
"""No request started or ended for this long: the page has fetched what it fetches."""

READY = "html[data-dr-ready='true']"
"""Set by map-layers.js once a map's layers and its basemap are drawn."""


@dataclass(frozen=True)
class Figure:
    """One measured figure and its budget."""

    label: str
    value: float
    budget: float
    unit: str

    @property
    def ok(self) -> bool:
        """Whether the figure is within its budget."""
        return self.value <= self.budget

    def describe(self) -> str:
        """``label: value unit (budget <= N unit)``."""
        fmt = ".2f" if self.unit == "s" else ".0f"
        return (
            f"{self.label}: {self.value:{fmt}} {self.unit} "
            f"(budget <= {self.budget:{fmt}} {self.unit})"
        )

    def line(self) -> str:
        """:meth:`describe` and PASS or FAIL."""
        return f"{self.describe()} {'PASS' if self.ok else 'FAIL'}"


def gz_kb(data: bytes) -> float:
    """Gzipped size in KB, as a server compressing at level 6 sends it."""
    return len(gzip.compress(data, compresslevel=6, mtime=0)) / 1024


class _Recorder:
    """Same-site files a page fetched, and when the last request started or ended."""

    def __init__(self, page: Page, base: str) -> None:
        self.base = base
        self.loaded: set[str] = set()
        self.elsewhere: list[str] = []
        self.last = time.perf_counter()
        page.on("requestfinished", lambda r: self.loaded.add(r.url))
        for event in ("request", "requestfinished", "requestfailed"):
            page.on(event, lambda _: setattr(self, "last", time.perf_counter()))

    def wait_until_quiet(self, page: Page, limit_s: float = 20.0) -> None:
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() - self.last < QUIET_S and time.perf_counter() < deadline:
            page.wait_for_timeout(100)

    def total_kb(self, site: Path) -> float:
        total = 0.0
        for url in self.loaded:
            if not url.startswith(self.base):
                continue
            local = site / url[len(self.base) :].split("#")[0].split("?")[0]
            local = local / "index.html" if local.is_dir() else local
            if local.is_file():
                total += gz_kb(local.read_bytes())
        return total


def _context(browser: Browser, base: str, elsewhere: list[str]) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1366, "height": 768})

    def refuse(route: Route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", refuse)
    return context


def _first_map_seconds(page: Page) -> float:
    """Page navigation start to the first frame painted after the first map was drawn."""
    frame = page.locator("iframe[src*='maps/']").first.content_frame
    frame.locator(READY).wait_for(state="attached", timeout=60_000)
    painted = frame.locator("html").evaluate(
        """() => new Promise(resolve => {
          const read = () => {
            const mark = performance.getEntriesByName("dr-painted")[0];
            if (mark) resolve(performance.timeOrigin + mark.startTime);
            else requestAnimationFrame(read);
          };
          read();
        })"""
    )
    started = page.evaluate("() => performance.timeOrigin")
    return float(painted - started) / 1000


def _locator_fragment(site: Path) -> str:
    """The fragment the first event page that shows a locator gives it (the event and its place).

    Measured as event pages embed it: a bare ``#<event-id>``, left for old links,
    makes the locator download the whole events file to look the place up.
    """
    for page in sorted((site / "events").glob("*/index.html")):
        found = re.search(r"""src=['"][^'"]*maps/locator\.html(#[^'"]+)['"]""", page.read_text())
        if found:
            return html.unescape(found.group(1))
    raise LookupError("no event page embeds the locator")


def _timed_first_maps(browser: Browser, base: str, elsewhere: list[str]) -> float:
    """Median over :data:`TIMED_LOADS` fresh contexts of :func:`_first_map_seconds`."""
    times = []
    for _ in range(TIMED_LOADS):
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        page.on(
            "request",
            lambda r: (
                None if r.url.startswith((base, "data:", "blob:")) else elsewhere.append(r.url)
            ),
        )
        page.goto(base + "maps/index.html")
        times.append(_first_map_seconds(page))
        context.close()
    return statistics.median(times)


def measure(site: Path) -> list[Figure]:
    """Every map budget's figure for the built ``site``."""
    from conftest import CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    from sitecheck import serve_site

    figures: list[Figure] = []
    documents = sorted(p for p in (site / "maps").glob("*.html") if p.name != "index.html")
    elsewhere: list[str] = []
    with serve_site(site, "/") as base, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS
        )
        for document in documents:
            context = _context(browser, base, elsewhere)
            page = context.new_page()
            recorder = _Recorder(page, base)
            fragment = _locator_fragment(site) if document.stem == "locator" else ""
            page.goto(f"{base}maps/{document.name}{fragment}")
            page.locator(READY).wait_for(state="attached", timeout=60_000)
            recorder.wait_until_quiet(page)
            figures.append(
                Figure(
                    f"map document maps/{document.name}, all it loads, gz",
                    recorder.total_kb(site),
                    MAP_DOCUMENT_KB,
                    "KB",
                )
            )
            context.close()
        context = _context(browser, base, elsewhere)
        page = context.new_page()
        recorder = _Recorder(page, base)
        page.goto(base + "maps/index.html")
        frames = page.locator("iframe[src*='maps/']")
        for i in range(frames.count()):
            frames.nth(i).scroll_into_view_if_needed()
            frames.nth(i).content_frame.locator(READY).wait_for(state="attached", timeout=60_000)
        recorder.wait_until_quiet(page)
        figures.append(
            Figure(
                f"Maps page, its {frames.count()} maps drawn, gz",
                recorder.total_kb(site),
                MAPS_PAGE_KB,
                "KB",
            )
        )
        context.close()
        browser.close()
        timed = pw.chromium.launch(
            executable_path=shutil.which("chromium"),
            headless=True,
            args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )
        first = _timed_first_maps(timed, base, elsewhere)
        timed.close()
        figures.append(
            Figure(
                f"first map drawn on the Maps page (median of {TIMED_LOADS})",
                first,
                FIRST_MAP_S,
                "s",
            )
        )
    figures.append(Figure("requests to other hosts", len(elsewhere), 0, "requests"))
    return figures


def main() -> int:
    """Measure the site folder given (default ``site/``) and print each figure and budget."""
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "site"
    figures = measure(site)
    for figure in figures:
        print(f"- {figure.line()}")
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
