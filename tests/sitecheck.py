"""Whole-site browser checks shared by the crawl and accessibility tests.

The site is served on 127.0.0.1 under the same path it is published at (the
path of ``site_url``), so absolute links that would break on GitHub Pages
break here too. :func:`crawl` opens every HTML document in one browser
context and reports, per page, everything a reader would hit: console errors,
script errors, Content-Security-Policy violations, failed site requests,
requests to other hosts, and maps or charts that did not render.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from conftest import TEST_SITE_URL

TILE_URL = re.compile(r"^https://([a-c]\.)?tile\.openstreetmap\.org/")
"""OpenStreetMap's tiles: requested only when a reader switches the street map on."""

NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])[a-z]+://")
"""Any http(s)/ws URL not on the local test server."""

# Reported by the page itself, so violations in frames and workers reach us too.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline")
    + " in " + e.sourceFile + ":" + e.lineNumber);
});
"""

PAGE_TIMEOUT_MS = 15_000
"""Upper bound for any one page to load and draw; waits end as soon as the page is ready."""

AT_ONCE = 0
"""A draw wait for pages that cannot draw anything later: check once, as soon as loaded.

A fault page's verdict then comes from its state, never from a race between a
short timeout and the machine's speed (loading keeps :data:`PAGE_TIMEOUT_MS`).
"""


def published_path(mkdocs_yml: Path) -> str:
    """The URL path the test build is published under, e.g. ``/name/``: the path of
    :data:`conftest.TEST_SITE_URL`, the address every test build is made for.

    ``mkdocs_yml`` is kept for the callers; the address is no longer written there.
    """
    path = urlsplit(TEST_SITE_URL).path or "/"
    return path if path.endswith("/") else path + "/"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder under ``prefix``; anything outside it is a 404, as on the host."""

    prefix = "/"
    held_back: Mapping[str, float] = {}
    """File name -> seconds to wait before answering it (a slow server, for tests)."""

    def send_head(self) -> BinaryIO | None:
        time.sleep(self.held_back.get(Path(urlsplit(self.path).path).name, 0))
        return super().send_head()

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            # A path no file can have, answered with a 404 (a NUL byte would crash open()).
            return str(Path(self.directory) / ".outside-the-published-path" / "none")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle_one_request(self) -> None:
        # A browser that drops a connection mid-file (a closed page, a cancelled
        # prefetch) is not a site error: keep its traceback out of the output.
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


@contextmanager
def serve_site(
    folder: Path, prefix: str = "/", held_back: Mapping[str, float] | None = None
) -> Iterator[str]:
    """Serve ``folder`` at ``http://127.0.0.1:<port><prefix>`` for the block; yield that URL.

    ``held_back`` maps file names to seconds the server waits before answering them.
    """
    handler = functools.partial(
        type("Handler", (_SiteHandler,), {"prefix": prefix, "held_back": held_back or {}}),
        directory=str(folder),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def page_urls(site: Path, base_url: str) -> dict[str, str]:
    """Every HTML document under ``site`` -> the URL a reader opens it at."""
    urls = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls[rel] = base_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


@dataclass
class PageReport:
    """What one page did wrong, and what it was checked for."""

    url: str
    problems: list[str] = field(default_factory=list)
    maps_checked: int = 0
    charts_checked: int = 0


def new_context(browser, tile_png: bytes, **options):
    """A browser context that records every request to another host and answers none of them.

    Maps open on the site's own basemap, so a tile request is a finding like any
    other; it is answered with ``tile_png`` (not left to time out) and recorded.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    context.add_init_script(CSP_LISTENER)
    context.outside_requests = []

    def outside(route) -> None:
        url = route.request.url
        context.outside_requests.append(url)
        if TILE_URL.match(url):
            route.fulfill(status=200, content_type="image/png", body=tile_png)
        else:
            route.abort()

    context.route(NOT_LOCAL, outside)
    return context


def _watch(page, report: PageReport) -> None:
    page.in_flight = set()
    page.on("request", lambda r: page.in_flight.add(r))
    page.on("requestfinished", lambda r: page.in_flight.discard(r))

    def console(message) -> None:
        if message.type == "error":
            report.problems.append(f"console error: {message.text}")

    def response(answer) -> None:
        if answer.status >= 400 and not NOT_LOCAL.match(answer.url):
            report.problems.append(f"HTTP {answer.status}: {answer.url}")

    def failed(request) -> None:
        page.in_flight.discard(request)
        # Requests to other hosts are aborted on purpose and reported as such. A request
        # the browser itself cancels (a frame re-pointed or closed) is not a failure:
        # a missing file shows as an HTTP status above.
        if not NOT_LOCAL.match(request.url) and request.failure != "net::ERR_ABORTED":
            report.problems.append(f"request failed ({request.failure}): {request.url}")

    page.on("console", console)
    page.on("pageerror", lambda exc: report.problems.append(f"script error: {exc}"))
    page.on("response", response)
    page.on("requestfailed", failed)


FEATURES = ".leaflet-interactive, .leaflet-marker-icon"
"""What a map drawn with data shows: vector features or markers."""

DRAWN = FEATURES + ", .leaflet-tile-loaded"
"""A map document opened bare (no fragment naming what to show) may draw tiles only."""


class NotDrawn(Exception):
    """A map or chart was not drawn when checked at once (:data:`AT_ONCE`)."""


def _wait_until(frame, function: str, draw_wait_ms: int, arg: object = None) -> None:
    """Wait until ``function`` is true in ``frame``, up to ``draw_wait_ms``; AT_ONCE asks once.

    ``function`` is a function, not an expression: Playwright evals expressions,
    which the pages' CSP forbids.
    """
    if draw_wait_ms != AT_ONCE:
        frame.wait_for_function(function, arg=arg, timeout=draw_wait_ms)
    elif not frame.evaluate(function, arg):
        raise NotDrawn(function)


def _check_map_document(
    frame, report: PageReport, draw_wait_ms: int, drawn: str = FEATURES
) -> None:
    try:
        _wait_until(
            frame,
            f"() => document.querySelector('.leaflet-container') !== null"
            f" && document.querySelectorAll({drawn!r}).length > 0",
            draw_wait_ms,
        )
    except Exception as exc:
        report.problems.append(f"map did not render in {frame.url}: {type(exc).__name__}")
        return
    report.maps_checked += 1


CHART_SETTLED = """el => el.getAttribute('data-drawn') === 'error'
  || (el.querySelector('svg.main-svg') !== null && el.getAttribute('data-drawn') !== 'pending')"""
"""A chart is drawn (its plot is there and charts.js has finished) or has reported an error."""


def check_charts(page, report: PageReport, draw_wait_ms: int = PAGE_TIMEOUT_MS) -> None:
    """Scroll to every chart on ``page`` and report those not drawn within ``draw_wait_ms``."""
    charts = page.locator(".dr-chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        name = chart.get_attribute("id") or f"chart {i}"
        chart.scroll_into_view_if_needed(timeout=PAGE_TIMEOUT_MS)
        try:
            _wait_until(page.main_frame, CHART_SETTLED, draw_wait_ms, chart.element_handle())
        except Exception as exc:
            report.problems.append(f"chart {name} did not render: {type(exc).__name__}")
            continue
        state = chart.get_attribute("data-drawn")
        if state == "error":
            report.problems.append(f"chart {name} reported an error: {chart.inner_text()[:200]}")
        else:
            report.charts_checked += 1


def _check_map_frames(page, report: PageReport, draw_wait_ms: int) -> None:
    frames = page.locator("iframe")
    for i in range(frames.count()):
        element = frames.nth(i)
        element.scroll_into_view_if_needed(timeout=PAGE_TIMEOUT_MS)
        frame = element.element_handle().content_frame()
        if frame is None:
            report.problems.append(f"iframe {element.get_attribute('src')} has no document")
            continue
        frame.wait_for_load_state("load", timeout=PAGE_TIMEOUT_MS)
        if frame.query_selector(".folium-map") is not None:
            _check_map_document(frame, report, draw_wait_ms)


def _settle(page, quiet_ms: int = 150, step_ms: int = 50) -> None:
    """Wait until no request has been in flight for ``quiet_ms`` (Playwright's networkidle waits 500)."""
    quiet = 0
    for _ in range(PAGE_TIMEOUT_MS // step_ms):
        quiet = quiet + step_ms if not page.in_flight else 0
        if quiet >= quiet_ms:
            return
        page.wait_for_timeout(step_ms)
    raise TimeoutError(f"requests still in flight: {sorted(r.url for r in page.in_flight)}")


def _check_icon(page, report: PageReport) -> None:
    # Browsers fetch a page's icon outside the page (headless Chromium not at all), so
    # the crawl fetches it itself: a document without one makes a browser ask for
    # /favicon.ico, which the site does not have.
    icon = page.evaluate(
        "() => { const link = document.querySelector('link[rel~=\"icon\"]');"
        " return link ? link.href : null; }"
    )
    if icon is None:
        report.problems.append("no icon: a browser would ask for /favicon.ico and get a 404")
        return
    status = page.request.get(icon).status
    if status >= 400:
        report.problems.append(f"icon answered HTTP {status}: {icon}")


def check_page(context, url: str, draw_wait_ms: int = PAGE_TIMEOUT_MS) -> PageReport:
    """Open ``url`` in a new tab of ``context`` and report everything wrong with it.

    Maps and charts get ``draw_wait_ms`` each to draw once the page has loaded.
    """
    report = PageReport(url)
    outside_before = len(context.outside_requests)
    page = context.new_page()
    _watch(page, report)
    try:
        response = page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_MS)
        if response is None or response.status >= 400:
            report.problems.append(f"page answered {response and response.status}")
        _check_icon(page, report)
        if page.query_selector(".folium-map") is not None:
            _check_map_document(page.main_frame, report, draw_wait_ms, DRAWN)
        _check_map_frames(page, report, draw_wait_ms)
        check_charts(page, report, draw_wait_ms)
        _settle(page)
    except Exception as exc:
        report.problems.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        page.close()
    report.problems.extend(
        f"request to another host: {u}" for u in context.outside_requests[outside_before:]
    )
    return report


def crawl(
    browser, urls: list[str], tile_png: bytes, draw_wait_ms: int = PAGE_TIMEOUT_MS
) -> list[PageReport]:
    """Check every URL in one browser context (fast), one tab per page (isolated)."""
    context = new_context(browser, tile_png)
    try:
        return [check_page(context, url, draw_wait_ms) for url in urls]
    finally:
        context.close()
