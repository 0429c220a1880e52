"""Chart budgets: the timeline page's weight and its first render time.

Prints, for the curated data, every file the timeline page loads with its
gzipped size (map tiles excluded; budget 500 KB in total), then for 1,000 and
10,000 synthetic events the size of the timeline JSON, the time to render the
charts in Python, and the time from navigation until the timeline is drawn in
headless Chromium (budget 2 s at 10,000). Run alone with
``python benchmarks/bench_charts.py`` or through ``make bench``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_ARGS, TILE_URL, build_site  # noqa: E402

from benchmarks.synthetic import copy_project, make_project  # noqa: E402
from builder import charts  # noqa: E402
from builder.record.validate import load_dataset  # noqa: E402

WEIGHT_BUDGET_KB = 500
"""Timeline page, everything it loads, gzipped, tiles excluded."""

RENDER_BUDGET_S = 2.0
"""Navigation to drawn timeline at 10,000 events."""

SIZES = (1_000, 10_000)
"""Synthetic dataset sizes whose render time is measured."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _open_timeline(browser: Browser, url: str) -> tuple[dict[str, int], float]:
    """Load the timeline page; return gzipped size per URL and ms until the chart was drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(TILE_URL, lambda route: route.abort())
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url + "timeline/")
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=120_000)
    drawn_ms = page.evaluate(
        "performance.getEntriesByName('dr-chart-drawn:chart-timeline')[0].startTime"
    )
    sizes = {}
    for response in responses:
        if TILE_URL.match(response.url) or response.status >= 300:
            continue
        sizes[response.url.removeprefix(url)] = len(gzip.compress(response.body(), 9))
    context.close()
    return sizes, drawn_ms


def weight(browser: Browser, work: Path) -> int:
    """Print what the curated timeline page loads, gzipped; return the total in bytes."""
    project = copy_project(work / "curated")
    result = build_site(project, work / "curated-site")
    if result.returncode:
        raise SystemExit(result.stderr)
    server, url = _serve(work / "curated-site")
    try:
        sizes, drawn_ms = _open_timeline(browser, url)
    finally:
        server.shutdown()
    print("Timeline page at the curated data, gzipped (tiles excluded):")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"  {size / 1024:8.1f} KB  {name}")
    total = sum(sizes.values())
    verdict = "within" if total <= WEIGHT_BUDGET_KB * 1024 else "OVER"
    print(f"  {total / 1024:8.1f} KB  total ({verdict} the {WEIGHT_BUDGET_KB} KB budget)")
    print(f"  first render: {drawn_ms / 1000:.2f} s")
    return total


def render_time(browser: Browser, work: Path, n_events: int) -> float:
    """Build a site with ``n_events`` synthetic events; print and return the render time."""
    (work / f"n{n_events}").mkdir()
    project = make_project(work / f"n{n_events}", n_events)
    data = load_dataset(project / "data")
    started = time.perf_counter()
    rendered = charts.render_all(data)
    python_s = time.perf_counter() - started
    result = build_site(project, work / f"n{n_events}-site", strict=False)
    if result.returncode:
        raise SystemExit(result.stderr)
    server, url = _serve(work / f"n{n_events}-site")
    try:
        sizes, drawn_ms = _open_timeline(browser, url)
    finally:
        server.shutdown()
    timeline = rendered["data/charts/timeline.json"].encode()
    verdict = "within" if drawn_ms / 1000 <= RENDER_BUDGET_S else "OVER"
    print(
        f"{n_events:>6,} synthetic events: timeline.json {len(timeline) / 1024:,.0f} KB "
        f"({len(gzip.compress(timeline, 9)) / 1024:,.0f} KB gz), chart files rendered in "
        f"{python_s:.2f} s, page {sum(sizes.values()) / 1024:,.0f} KB gz, first render "
        f"{drawn_ms / 1000:.2f} s ({verdict} the {RENDER_BUDGET_S:.0f} s budget)"
    )
    return drawn_ms / 1000


def main() -> None:
    """Print the timeline page's weight and its render times at 1,000 and 10,000 events."""
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        work = Path(tmp)
        weight(browser, work)
        for n_events in SIZES:
            render_time(browser, work, n_events)
        browser.close()


if __name__ == "__main__":
    main()
