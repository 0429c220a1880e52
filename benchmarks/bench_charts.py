"""Chart budgets: the timeline page's weight and its first render time.

``run.py`` calls :func:`report` on every site it builds: the size of the
timeline JSON, the time to render the chart files in Python, and every file the
timeline page loads with its gzipped size (map tiles excluded; budget 500 KB in
total at the curated data, checked by ``run.py``). The time until the timeline
is drawn is measured by ``reader_wait.py`` (budget 2 s at 10,000 events). Run
alone with ``python benchmarks/bench_charts.py``: it builds the curated data and
1,000 and 10,000 synthetic events itself.
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

from benchmarks.synthetic import make_project  # noqa: E402
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


def report(site: Path, data_dir: Path, n_events: int) -> None:
    """Print what the timeline page of the built ``site`` loads, and the chart files' render time.

    The time until the timeline is drawn is ``reader_wait.py``'s, in ``run.py``'s
    table (a median of several loads); this adds what the page fetches, file by
    file, and how long the builder takes to render the chart files from ``data_dir``.
    """
    from playwright.sync_api import sync_playwright

    data = load_dataset(data_dir)
    started = time.perf_counter()
    rendered = charts.render_all(data)
    python_s = time.perf_counter() - started
    timeline = rendered["data/charts/timeline.json"].encode()
    server, url = _serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            sizes, drawn_ms = _open_timeline(browser, url)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    label = "curated data" if not n_events else f"curated + {n_events:,} synthetic events"
    total = sum(sizes.values())
    verdict = "within" if total <= WEIGHT_BUDGET_KB * 1024 else "OVER"
    print(
        f"\n{label}: timeline.json {len(timeline) / 1024:,.0f} KB "
        f"({len(gzip.compress(timeline, 9)) / 1024:,.0f} KB gz), chart files rendered in "
        f"{python_s:.2f} s; the timeline page loads {total / 1024:,.0f} KB gz "
        f"({verdict} the {WEIGHT_BUDGET_KB} KB budget of the curated data), drawn after "
        f"{drawn_ms / 1000:.2f} s in this one load:"
    )
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {size / 1024:8.1f} KB  {name}")


def main() -> None:
    """Build the site for the curated data and for 1,000 and 10,000 events; report each timeline."""
    if shutil.which("chromium") is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    for n_events in (0, *SIZES):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            project = make_project(work / "project", n_events)
            result = build_site(project, work / "site", strict=not n_events)
            if result.returncode:
                raise SystemExit(result.stderr)
            report(work / "site", project / "data", n_events)


if __name__ == "__main__":
    main()
