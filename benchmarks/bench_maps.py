"""Map budgets: build time, gzipped weight and first render, for 0, 1,000 and 10,000 extra events.

Run alone with ``.venv/bin/python benchmarks/bench_maps.py [N ...]``. For the
curated data and for synthetic datasets it prints, per map document: the
time to build it, its gzipped size, and the time headless Chromium takes
from navigation to the first frame painted after every layer is drawn.
Budgets at 10,000 events: build <= 1 s per map, page <= 300 KB gzipped,
first render <= 1.5 s. Figures over budget are flagged, not hidden.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_events  # noqa: E402
from builder.downloads import exports  # noqa: E402
from builder.geometry.basemap import BASEMAP_CSS, BASEMAP_JS, basemap_files  # noqa: E402
from builder.html.assets import vendor_files  # noqa: E402
from builder.maps import MAPS, locator  # noqa: E402
from builder.maps.areas import load_geography  # noqa: E402
from builder.maps.base import MAP_DOCUMENT_CSS, MAP_LAYERS_JS, counted_ids  # noqa: E402
from builder.maps.features import details  # noqa: E402
from builder.record.validate import Dataset, load_dataset  # noqa: E402

SIZES = (0, 1_000, 10_000)
BUDGET_BUILD_S = 1.0
BUDGET_GZ_KB = 300.0
BUDGET_RENDER_S = 1.5
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def gz_kb(content: str | bytes) -> float:
    """Gzipped size in KB at level 6, what a typical web server sends."""
    raw = content.encode() if isinstance(content, str) else content
    return len(gzip.compress(raw, compresslevel=6, mtime=0)) / 1024


def build_documents(data_dir: Path) -> tuple[dict[str, str], dict[str, float], float, Dataset]:
    """Load the data, then build each map document and time it alone."""
    started = time.perf_counter()
    data = load_dataset(data_dir)
    load_s = time.perf_counter() - started
    geography = load_geography()
    documents, seconds = {}, {}
    for name, (render_map, _) in MAPS.items():
        started = time.perf_counter()
        with counted_ids(name):
            documents[name] = render_map(data, geography)
        seconds[name] = time.perf_counter() - started
    started = time.perf_counter()
    documents["locator"] = locator.locator_map(data, geography)
    seconds["locator"] = time.perf_counter() - started
    started = time.perf_counter()
    documents["details.json"] = json.dumps(details(data, geography), separators=(",", ":"))
    seconds["details.json"] = time.perf_counter() - started
    return documents, seconds, load_s, data


def write_site(folder: Path, documents: dict[str, str], data: Dataset) -> None:
    """The files the map documents load: Leaflet, topojson-client, basemap, scripts, styles, events."""
    served = {**vendor_files(ROOT / "node_modules"), **basemap_files()}
    for path, content in served.items():
        if "plotly" not in path:
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(content)
    for path in (MAP_LAYERS_JS, MAP_DOCUMENT_CSS, BASEMAP_JS, BASEMAP_CSS):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "docs" / path, folder / path)
    (folder / "maps").mkdir()
    for name, document in documents.items():
        file_name = name if name.endswith(".json") else f"{name}.html"
        (folder / "maps" / file_name).write_text(document, encoding="utf-8")
    (folder / "data").mkdir()
    (folder / "data/events.geojson").write_text(
        exports.feature_collection_json(exports.events_geojson(data)), encoding="utf-8"
    )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    # A page closed mid-request (the browser's favicon probe) is not a benchmark failure.
    def handle_error(self, request: object, client_address: object) -> None:
        pass


def first_render_seconds(folder: Path, names: list[str], located_id: str) -> dict[str, float]:
    """Navigation start to the first frame painted once every layer is drawn, per fresh page."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/maps/"
    results = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS
            )
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
            for name in names:
                page = context.new_page()
                fragment = f"#{located_id}" if name == "locator" else ""
                page.goto(base + f"{name}.html{fragment}", wait_until="commit")
                page.locator("html[data-dr-ready='true']").wait_for(
                    state="attached", timeout=60_000
                )
                # map-layers.js marks the first frame painted after every layer was drawn.
                ms = page.evaluate(
                    """() => new Promise(resolve => {
                      const read = () => {
                        const mark = performance.getEntriesByName("dr-painted")[0];
                        if (mark) resolve(mark.startTime); else requestAnimationFrame(read);
                      };
                      read();
                    })"""
                )
                results[name] = ms / 1000
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return results


def flag(value: float, budget: float) -> str:
    """Mark a figure over its budget."""
    return " OVER" if value > budget else ""


def run(n_events: int) -> None:
    """Build, weigh and render every map for the curated data plus ``n_events``."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data_dir)
        if n_events:
            write_events(data_dir, n_events)
        documents, seconds, load_s, data = build_documents(data_dir)
        site = Path(tmp) / "site"
        write_site(site, documents, data)
        located = next(eid for eid, ev in data.chronological() if data.coordinates(ev))
        maps_only = [name for name in documents if not name.endswith(".json")]
        render = first_render_seconds(site, maps_only, located)
        geojson_kb = gz_kb((site / "data/events.geojson").read_bytes())
    label = "curated data" if not n_events else f"curated + {n_events:,} synthetic events"
    print(f"\n== {label} ({len(data.events):,} events; data load {load_s:.2f} s, not per map)")
    print(f"{'map':<12} {'build s':>8} {'HTML gz KB':>11} {'first render s':>15}")
    for name, html in documents.items():
        kb = gz_kb(html)
        if name.endswith(".json"):
            print(f"{name:<12} {seconds[name]:>8.3f}{'':<5}{kb:>7.1f}  fetched on first popup")
            continue
        print(
            f"{name:<12} {seconds[name]:>8.3f}{flag(seconds[name], BUDGET_BUILD_S):<5}"
            f"{kb:>7.1f}{flag(kb, BUDGET_GZ_KB):<5}"
            f"{render[name]:>10.3f}{flag(render[name], BUDGET_RENDER_S)}"
        )
    shared = sum(
        gz_kb((ROOT / "node_modules/leaflet/dist" / f).read_bytes())
        for f in ("leaflet.js", "leaflet.css")
    )
    shared += gz_kb(
        (ROOT / "node_modules/topojson-client/dist/topojson-client.min.js").read_bytes()
    )
    for path in (MAP_LAYERS_JS, MAP_DOCUMENT_CSS, BASEMAP_JS, BASEMAP_CSS):
        shared += gz_kb((ROOT / "docs" / path).read_bytes())
    basemap_kb = sum(gz_kb(content) for content in basemap_files().values())
    print(
        f"shared, cached across maps: Leaflet, topojson-client, map and basemap scripts and "
        f"styles {shared:.1f} KB gz; basemap.topo.json {basemap_kb:.1f} KB gz"
    )
    print(
        f"data/events.geojson: {geojson_kb:.1f} KB gz, fetched by the locator only for a bare "
        "#<event-id> link (event pages give the position in the fragment)"
    )


def main() -> None:
    """Print the map figures for each dataset size given (default 0, 1,000 and 10,000)."""
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    print(
        f"Budgets: build <= {BUDGET_BUILD_S} s per map, HTML <= {BUDGET_GZ_KB:.0f} KB gz, "
        f"first render <= {BUDGET_RENDER_S} s (at 10,000 events)"
    )
    for n in sizes:
        run(n)


if __name__ == "__main__":
    main()
