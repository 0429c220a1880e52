"""Shared fixtures: the project root, a site built once per session, a browser.

The built site comes from a real ``mkdocs build --strict`` into a temporary
folder, so tests see exactly what readers get. Browser tests drive Debian's
chromium through Playwright; under CI a missing browser is a failure, never a
silent skip. ``instant_page`` serves the site at ``http://site.test/`` instead, where
Material's instant navigation works as it does when published.
"""

from __future__ import annotations

import base64
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks.synthetic import copy_project  # noqa: F401  (re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TILE_URL = re.compile(r"^https://([a-c]\.)?tile\.openstreetmap\.org/")
"""Map tiles: the one outside request the site may make."""
# A 1x1 transparent PNG, standing in for map tiles the sandbox cannot fetch.
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


TEST_SITE_URL = "http://site.test/"
"""The address the tests' builds are made for, wherever they run (a GitHub Actions run would
otherwise give its Pages address): the one :func:`instant_page` serves the site at."""


def build_site(
    project: Path, out: Path, *, strict: bool = True, env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` for ``project`` into ``out`` and return the finished process.

    The site is made for :data:`TEST_SITE_URL`; ``env`` adds variables (None removes one).
    """
    variables = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH="1660435200",
        SITE_URL=TEST_SITE_URL,
    )
    for name, value in (env or {}).items():
        if value is None:
            variables.pop(name, None)
        else:
            variables[name] = value
    env = {k: v for k, v in variables.items() if v is not None}
    cmd = [str(BIN / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def root() -> Path:
    """The project folder."""
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with ``--strict``."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator:
    """A function that serves a folder on 127.0.0.1 and returns its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path, serve) -> str:
    """Base URL of the built site served on 127.0.0.1."""
    return serve(built_site)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Headless Debian chromium driven by Playwright."""
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail(
                "chromium is not installed; `make test` installs it (apt-get install chromium)"
            )
        pytest.skip("chromium is not installed; run `make test` to install it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _recording_page(context):
    """A new page in ``context``, with tiles blocked and console and script errors recorded."""
    # No network here: answer tile requests with a blank tile so no test waits on them.
    context.route(
        TILE_URL,
        lambda route: route.fulfill(status=200, content_type="image/png", body=BLANK_PNG),
    )
    pg = context.new_page()
    pg.console_errors = []
    pg.page_errors = []
    pg.on(
        "console",
        lambda msg: pg.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    pg.on("pageerror", lambda exc: pg.page_errors.append(str(exc)))
    return pg


WINDOW_SIZES = {"laptop": (1366, 768), "phone": (390, 844)}
"""The two windows readers use, as the issues name them: a laptop and a phone."""


@pytest.fixture(params=sorted(WINDOW_SIZES))
def sized_page(request, browser) -> Iterator:
    """A recording page at each of :data:`WINDOW_SIZES` (the phone one touch-enabled).

    ``page.size`` names the window; ``page.requested`` lists every URL the page asked for.
    """
    width, height = WINDOW_SIZES[request.param]
    phone = request.param == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    pg = _recording_page(context)
    pg.size = request.param
    pg.requested = []
    pg.on("request", lambda r: pg.requested.append(r.url))
    yield pg
    context.close()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh page that records console errors and failed requests, with tiles blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield _recording_page(context)
    context.close()


SITE = TEST_SITE_URL
"""Where :func:`instant_page` serves the built site."""

INSTANT_TIMEOUT_MS = 20_000
"""Upper bound for Material to get the sitemap: lazy-requests.js lifts its hold 5 s after load
at the latest, and a loaded 2-core machine may take a while to draw the charts before that."""

# Counts the sitemap requests Material sends and the sitemaps it has parsed. Material
# parses each with DOMParser and hands the result on synchronously, so once every
# request sent has been parsed, its click handler has the sitemap and switches
# pages in place. Installed before any page script, so lazy-requests.js wraps this:
# a request it holds counts once sent, one it never sends (another edition's sitemap,
# which Material asks for beside each hreflang link) never counts.
SITEMAP_WATCH = r"""
(() => {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__drSitemap = /(^|\/)sitemap\.xml$/.test(new URL(String(url), document.baseURI).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__drSitemap) {
      window.__drSitemapsOpened = (window.__drSitemapsOpened || 0) + 1;
    }
    return send.apply(this, arguments);
  };
  const parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (text) {
    const parsed = parse.apply(this, arguments);
    if (/<urlset[\s>]/.test(String(text))) {
      window.__drSitemapsParsed = (window.__drSitemapsParsed || 0) + 1;
    }
    return parsed;
  };
})();
"""

# Functions, not bare expressions: Playwright evals a bare expression, which the
# Content-Security-Policy of some pages forbids.
SITEMAP_READY = (
    "() => window.__drSitemapsOpened > 0 && window.__drSitemapsParsed >= window.__drSitemapsOpened"
)


@pytest.fixture
def instant_page(browser, built_site: Path) -> Iterator:
    """A page on which the built site answers at :data:`SITE` (port 80), as when published.

    Material matches links against sitemap entries after giving them the page's
    protocol and host but not its port, so on the test server's random port it
    never switches pages instantly; on a default port it does. Tiles are blocked
    and errors recorded as on :func:`page`.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def answer(route) -> None:
        local = built_site / urlsplit(route.request.url).path.lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        if local.is_file():
            route.fulfill(path=local)
        else:
            route.fulfill(status=404, body="not found")

    context.route(SITE + "**", answer)
    context.add_init_script(SITEMAP_WATCH)
    yield _recording_page(context)
    context.close()


def wait_for_instant_navigation(page) -> None:
    """Move the pointer, as a reader does, and wait until Material has the sitemap.

    lazy-requests.js asks for the sitemap only once the reader has done
    something; before Material has it, a click loads the next page in full.
    """
    page.mouse.move(4, 4)
    page.mouse.move(8, 8)
    page.wait_for_function(SITEMAP_READY, timeout=INSTANT_TIMEOUT_MS)


def click_instantly(page, link) -> None:
    """Click the ``link`` locator and check Material swapped the page in without a new load.

    A marker set on ``window`` before the click survives only if the document stays
    the same. Material changes the address before it has fetched the next page, so
    this also waits for the new content to replace the old: until then, locators
    would still find the previous page's elements.
    """
    page.evaluate(
        """() => {
          window.__drSameDocument = true;
          window.__drOldContainer = document.querySelector("[data-md-component=container]");
        }"""
    )
    href = link.get_attribute("href")
    target = urlsplit(page.evaluate("(href) => new URL(href, location.href).href", href))
    link.click()
    page.wait_for_url(lambda url: urlsplit(url).path == target.path)
    assert page.evaluate("window.__drSameDocument === true"), f"{href} loaded a new document"
    page.wait_for_function(
        "() => document.querySelector('[data-md-component=container]') !== window.__drOldContainer"
    )
