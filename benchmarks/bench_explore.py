"""Explore page budgets (issue 19): its weight, when it is drawn, how fast it follows a change.

Prints, each beside its budget:

- for the curated data, every file the explore page loads (frames included) with its
  gzipped size, and the total (budget 600 KB gz, tiles excluded);
- for 10,000 synthetic events, the time from navigation until the map and the timeline are
  drawn (budget 1.5 s), and the time from a change of period or filter to the frame in
  which both views show it, over many changes made as a reader makes them (keys on the
  slider's thumbs, ticks in the filters): median (budget 50 ms) and 95th percentile
  (budget 100 ms).

Times come from the page itself (``performance`` marks and the durations ``explore.js``
records for each update, up to the map document's next frame, when Leaflet has repainted).
Run alone with ``python benchmarks/bench_explore.py [--events N]`` or through ``make bench``.
Exit status 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_ARGS, TILE_URL, build_site  # noqa: E402

from benchmarks.synthetic import copy_project, make_project  # noqa: E402
from builder.pages.explore import EXPLORE_RECORD  # noqa: E402

WEIGHT_BUDGET_KB = 600
"""The explore page with everything it loads, curated data, gzipped, tiles excluded."""

DRAWN_BUDGET_S = 1.5
"""Navigation to explore drawn (map and timeline), at 10,000 synthetic events."""

CHANGE_MEDIAN_BUDGET_MS = 50
"""A change of period or filter shown in both views: median."""

CHANGE_P95_BUDGET_MS = 100
"""A change of period or filter shown in both views: 95th percentile."""

CHANGES = 80
"""How many changes the latency figures are taken over."""

DRAWN_RUNS = 5
"""Loads whose median drawn time is reported (the machine is shared)."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _open(browser: Browser, url: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.route(TILE_URL, lambda route: route.abort())
    page = context.new_page()
    return context, page


def weight(browser: Browser, work: Path) -> tuple[bool, str]:
    """Print what the curated explore page loads, gzipped; return the budget line."""
    project = copy_project(work / "curated")
    result = build_site(project, work / "curated-site")
    if result.returncode:
        raise SystemExit(result.stderr)
    server, url = _serve(work / "curated-site")
    try:
        context, page = _open(browser, url)
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url + "explore/")
        page.locator("[data-explore-ready='true']").wait_for(timeout=60_000)
        page.wait_for_timeout(1500)  # the basemap and anything late
        sizes: dict[str, int] = {}
        for response in responses:
            if TILE_URL.match(response.url) or response.status >= 300:
                continue
            sizes[response.url.removeprefix(url)] = len(gzip.compress(response.body(), 9))
        context.close()
    finally:
        server.shutdown()
    print("Explore page at the curated data, everything it loads, gzipped (tiles excluded):")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"  {size / 1024:8.1f} KB  {name}")
    total_kb = sum(sizes.values()) / 1024
    ok = total_kb <= WEIGHT_BUDGET_KB
    line = f"explore page, curated: {total_kb:.0f} KB gz (budget {WEIGHT_BUDGET_KB} KB)"
    print(f"  {_verdict(ok)}  {line}")
    return ok, line


DRIVE = """async ([count]) => {
  const root = document.querySelector("[data-explore]");
  const timings = window.DRExplore.timings;
  const start = timings.length;
  const from = root.querySelector("[data-thumb=from]");
  const to = root.querySelector("[data-thumb=to]");
  const boxes = Array.from(root.querySelectorAll("input[name=category]"));
  const key = (thumb, name) => thumb.dispatchEvent(
    new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }));
  const moves = [
    () => key(from, "PageUp"), () => key(to, "PageDown"), () => key(from, "ArrowRight"),
    () => key(to, "ArrowLeft"), () => boxes[0].click(), () => key(from, "ArrowLeft"),
    () => key(to, "ArrowRight"), () => boxes[0].click(), () => key(from, "PageDown"),
    () => key(to, "PageUp"), () => boxes[2].click(), () => boxes[2].click(),
    () => key(from, "Home"), () => key(to, "End"), () => boxes[4].click(), () => boxes[4].click(),
  ];
  for (let i = 0; i < count; i++) {
    const before = timings.length;
    moves[i % moves.length]();
    while (timings.length === before) { await new Promise((r) => setTimeout(r, 5)); }
    await new Promise((r) => setTimeout(r, 60));  // a reader's pace: one change at a time
  }
  return timings.slice(start);
}"""


def scale(browser: Browser, work: Path, n_events: int) -> list[tuple[bool, str]]:
    """Build ``n_events`` synthetic events; print drawn time and change latencies."""
    project = make_project(work / f"n{n_events}", n_events)
    site = work / f"n{n_events}-site"
    result = build_site(project, site, strict=False)
    if result.returncode:
        raise SystemExit(result.stderr)
    record = (site / EXPLORE_RECORD).read_bytes()
    server, url = _serve(site)
    drawn = []
    try:
        for _ in range(DRAWN_RUNS):
            context, page = _open(browser, url)
            page.goto(url + "explore/")
            page.locator("[data-explore-ready='true']").wait_for(timeout=120_000)
            drawn.append(
                page.evaluate("performance.getEntriesByName('dr-explore-drawn')[0].startTime")
                / 1000
            )
            context.close()
        context, page = _open(browser, url)
        page.goto(url + "explore/")
        page.locator("[data-explore-ready='true']").wait_for(timeout=120_000)
        page.wait_for_timeout(500)
        # Start from a period of two years, as a reader asking a question would.
        page.evaluate("() => { window.location.hash = 'from=2017-01-01&to=2018-12-31'; }")
        page.wait_for_timeout(800)
        changes = page.evaluate(DRIVE, [CHANGES])
        shown = page.locator("[data-explore]").get_attribute("data-explore-shown")
        context.close()
    finally:
        server.shutdown()
    drawn_s = statistics.median(drawn)
    median = statistics.median(changes)
    p95 = sorted(changes)[max(0, round(0.95 * len(changes)) - 1)]
    print(
        f"{n_events:,} synthetic events: {EXPLORE_RECORD} {len(record) / 1024:,.0f} KB "
        f"({len(gzip.compress(record, 6)) / 1024:,.0f} KB gz); drawn after "
        f"{', '.join(f'{d:.2f}' for d in drawn)} s; {len(changes)} changes "
        f"(min {min(changes):.0f} ms, max {max(changes):.0f} ms; last view {shown} events)"
    )
    lines = [
        (
            drawn_s <= DRAWN_BUDGET_S,
            f"explore drawn at {n_events:,} events: {drawn_s:.2f} s, median of {len(drawn)} "
            f"(budget {DRAWN_BUDGET_S} s)",
        ),
        (
            median <= CHANGE_MEDIAN_BUDGET_MS,
            f"explore change at {n_events:,} events, median: {median:.0f} ms "
            f"(budget {CHANGE_MEDIAN_BUDGET_MS} ms)",
        ),
        (
            p95 <= CHANGE_P95_BUDGET_MS,
            f"explore change at {n_events:,} events, 95th percentile: {p95:.0f} ms "
            f"(budget {CHANGE_P95_BUDGET_MS} ms)",
        ),
    ]
    for ok, line in lines:
        print(f"  {_verdict(ok)}  {line}")
    return lines


def measure(*, weigh: bool = True, events: int | None = 10_000) -> list[tuple[bool, str]]:
    """Every explore budget asked for, each as (holds, line); prints the figures as it goes."""
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    results: list[tuple[bool, str]] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        work = Path(tmp)
        if weigh:
            results.append(weight(browser, work))
        if events:
            results += scale(browser, work, events)
        browser.close()
    return results


def main() -> int:
    """Print every explore figure beside its budget; exit 1 if one is exceeded."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="synthetic events")
    args = parser.parse_args()
    results = measure(events=args.events)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
