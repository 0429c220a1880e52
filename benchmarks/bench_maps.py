"""Map figures: build time, gzipped weight and draw time of every map document.

``run.py`` calls :func:`report` on each site it builds; run alone,
``.venv/bin/python benchmarks/bench_maps.py [N ...]`` builds the site for the
curated data plus N synthetic events (default 0, 1,000 and 10,000) with
``mkdocs build`` and reports on it. Per map document it prints the time to
build it alone in Python, its gzipped size, and the time headless Chromium
takes from navigation to the first frame painted after every layer and the
basemap are drawn (``reader_wait.py``; the median of :data:`MAP_LOADS` fresh
loads of the real built document, so it loads what readers load, map-loader.js
and all). The draw time is a budget at 10,000 events (<= 1.5 s, exit status 1
when one fails); build time (<= 1 s) and weight (<= 300 KB gz) are flagged
when over, as information.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from builder.geometry.basemap import basemap_files  # noqa: E402
from builder.maps import MAPS, locator  # noqa: E402
from builder.maps.areas import load_geography  # noqa: E402
from builder.maps.base import counted_ids  # noqa: E402
from builder.maps.features import details  # noqa: E402
from builder.record.validate import Dataset, load_dataset  # noqa: E402

SIZES = (0, 1_000, 10_000)
BUDGET_BUILD_S = 1.0
BUDGET_GZ_KB = 300.0
BUDGET_RENDER_S = 1.5


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


def flag(value: float, budget: float) -> str:
    """Mark a figure over its budget."""
    return " OVER" if value > budget else ""


MAP_LOADS = 3
"""Fresh loads per map document; the median is the figure."""


def report(
    site: Path, data_dir: Path, n_events: int, browser: Any = None
) -> list[tuple[bool | None, str]]:
    """Print every map document's build time, weight and draw time in the built ``site``.

    ``data_dir`` is the data the site was built from (the maps are built again
    from it, each alone, to time them). Returns the draw-time checks: at 10,000
    synthetic events each map document drawn within :data:`BUDGET_RENDER_S`;
    at other sizes the figures are information.
    """
    from benchmarks.map_budgets import _locator_fragment
    from benchmarks.reader_wait import time_pages

    documents, seconds, load_s, data = build_documents(data_dir)
    names = sorted(p.stem for p in (site / "maps").glob("*.html") if p.name != "index.html")
    # The locator as event pages embed it: the event and its place in the fragment.
    pages = {
        name: f"maps/{name}.html" + (_locator_fragment(site) if name == "locator" else "")
        for name in names
    }
    render = time_pages(site, pages, loads=MAP_LOADS, browser=browser)
    label = "curated data" if not n_events else f"curated + {n_events:,} synthetic events"
    print(f"\n== {label} ({len(data.events):,} events; data load {load_s:.2f} s, not per map)")
    print(
        f"{'map':<16} {'build s':>8} {'HTML gz KB':>11} {'drawn s':>8}  (median of {MAP_LOADS} loads)"
    )
    checks: list[tuple[bool | None, str]] = []
    for name in names:
        kb = gz_kb((site / "maps" / f"{name}.html").read_bytes())
        build = seconds.get(name)
        build_text = (
            f"{build:>8.3f}{flag(build, BUDGET_BUILD_S):<5}"
            if build is not None
            else f"{'-':>8}{'':<5}"
        )
        drawn = render[name].all_drawn_s
        print(
            f"{name:<16} {build_text}{kb:>7.1f}{flag(kb, BUDGET_GZ_KB):<5}{drawn:>7.3f}{flag(drawn, BUDGET_RENDER_S)}"
        )
        verdict: bool | None = drawn <= BUDGET_RENDER_S if n_events == 10_000 else None
        checks.append(
            (
                verdict,
                f"{label}: map document maps/{name}.html drawn in {drawn:.2f} s (median; <= {BUDGET_RENDER_S} s at 10,000 events)",
            )
        )
    details_kb = gz_kb(documents["details.json"])
    print(
        f"details.json {seconds['details.json']:>8.3f}{'':<5}{details_kb:>7.1f}  fetched on first popup"
    )
    geojson_kb = gz_kb((site / "data/events.geojson").read_bytes())
    basemap_kb = sum(gz_kb(content) for content in basemap_files().values())
    print(
        f"basemap.topo.json {basemap_kb:.1f} KB gz, shared by every map; data/events.geojson "
        f"{geojson_kb:.1f} KB gz, fetched by the locator only for a bare #<event-id> link"
    )
    return checks


def main() -> None:
    """Build the site for each dataset size given (default 0, 1,000 and 10,000) and report its maps."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import build_site

    from benchmarks.synthetic import make_project

    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    print(
        f"Budgets: build <= {BUDGET_BUILD_S} s per map, HTML <= {BUDGET_GZ_KB:.0f} KB gz, "
        f"drawn <= {BUDGET_RENDER_S} s (at 10,000 events)"
    )
    failed = False
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_project(Path(tmp) / "project", n)
            result = build_site(project, Path(tmp) / "site", strict=False)
            if result.returncode:
                raise SystemExit(result.stderr[-3000:])
            checks = report(Path(tmp) / "site", project / "data", n)
            failed |= any(ok is False for ok, _ in checks)
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
