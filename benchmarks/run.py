"""``make bench``: every figure and budget, for the curated data and synthetic sizes.

Usage: ``python benchmarks/run.py [--sizes curated,100,1000,10000]``. Prints a
table per dataset (with the maps' budgets of ``map_budgets.py`` for the curated
data), then each budget as PASS or FAIL (exit status 1 if any fails), then the
maps' and charts' own benchmarks when they exist.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from benchmarks import map_budgets  # noqa: E402
from benchmarks.bench_site import Figures, measure  # noqa: E402
from benchmarks.synthetic import make_project  # noqa: E402

TEXT_PAGE_BUDGET_KB = 100
"""A text page (no map or chart: glossary, methodology), everything it loads, gzipped."""

TIMELINE_BUDGET_KB = 500
"""The timeline page at the curated data, everything it loads, gzipped, tiles excluded."""

HOME_FIRST_SCREEN_BUDGET_KB = 200
"""The home page before the reader scrolls, its map included, everything it loads, gzipped."""

ANY_PAGE_BUDGET_KB = 1024
"""Any page, everything it loads, gzipped."""


def budgets(all_figures: list[Figures]) -> list[tuple[bool, str]]:
    """Each budget of the issue, checked against the figures that exist."""
    checks = []
    for f in all_figures:
        if f.synthetic == 1000:
            checks.append(
                (f.build_s <= 20, f"{f.events:,} events build in {f.build_s:.1f} s (<= 20 s)")
            )
        if f.synthetic == 10000:
            checks.append(
                (f.build_s <= 90, f"{f.events:,} events build in {f.build_s:.1f} s (<= 90 s)")
            )
            checks.append(
                (f.peak_mb <= 1024, f"{f.events:,} events peak {f.peak_mb:.0f} MB (<= 1 GB)")
            )
        checks.append((f.ratio <= 1.3, f"{f.label}: build / bare theme = {f.ratio:.2f} (<= 1.3)"))
        if f.weights_kb and not f.text_pages:
            checks.append((False, f"{f.label}: no page without a map or chart was measured"))
        if f.synthetic == 0 and "timeline" in f.weights_kb:
            total = f.weights_kb["timeline"][1]
            checks.append(
                (
                    total <= TIMELINE_BUDGET_KB,
                    f"{f.label} timeline: {total:.0f} KB gz (<= {TIMELINE_BUDGET_KB})",
                )
            )
        if f.events == 0:
            for window, total in f.first_screen_kb.get("home", {}).items():
                checks.append(
                    (
                        total <= HOME_FIRST_SCREEN_BUDGET_KB,
                        f"{f.label} home before scrolling, {window}: {total:.0f} KB gz "
                        f"(<= {HOME_FIRST_SCREEN_BUDGET_KB})",
                    )
                )
        for kind, (_, total) in f.weights_kb.items():
            if kind in f.text_pages:
                checks.append(
                    (
                        total <= TEXT_PAGE_BUDGET_KB,
                        f"{f.label} {kind} (text page): {total:.0f} KB gz (<= 100)",
                    )
                )
            checks.append(
                (total <= ANY_PAGE_BUDGET_KB, f"{f.label} {kind}: {total:.0f} KB gz (<= 1 MB)")
            )
    return checks


def dataset_label(synthetic: int) -> str:
    """How a dataset is named in the tables: the curated data, plus any synthetic events."""
    return "curated data" if synthetic == 0 else f"curated data + {synthetic:,} synthetic events"


def print_figures(f: Figures) -> None:
    """One dataset's figures as a Markdown table."""
    print(f"\n### {f.label}: {f.events:,} events, {f.pages:,} HTML documents\n")
    print("| figure | value |\n|---|---|")
    print(f"| full build (better of two) | {f.build_s:.1f} s ({f.build_cpu_s:.1f} s CPU) |")
    print(f"| peak memory of the build | {f.peak_mb:.0f} MB |")
    print(f"| rebuild after editing one event | {f.rebuild_s:.1f} s |")
    print(
        f"| bare mkdocs-material, same pages and nav | {f.bare_build_s:.1f} s "
        f"({f.bare_build_cpu_s:.1f} s CPU); ratio {f.ratio:.2f} ({f.cpu_ratio:.2f} in CPU) |"
    )
    for kind, (html_kb, total_kb) in f.weights_kb.items():
        print(
            f"| {kind}: HTML / with everything it loads, gz | {html_kb:.1f} KB / {total_kb:.0f} KB |"
        )
    for kind, by_window in f.first_screen_kb.items():
        after = f.weights_kb.get(kind, (0.0, 0.0))[1]
        budget = f" (budget {HOME_FIRST_SCREEN_BUDGET_KB} KB before)" if kind == "home" else ""
        for window, before in by_window.items():
            print(
                f"| {kind} at {window}: before scrolling / after scrolling to every chart "
                f"and map, gz | {before:.0f} KB / {after:.0f} KB{budget} |"
            )
    print(f"| search index (fetched only when search is used), gz | {f.search_index_kb:.0f} KB |")
    for kind, ms in f.render_ms.items():
        print(f"| {kind}: first render in headless Chromium | {ms:.0f} ms |")


def run_other(name: str) -> bool:
    """Run ``benchmarks/<name>.py``'s ``main()`` if it exists; False if it reports a failed budget."""
    path = HERE / f"{name}.py"
    if not path.is_file():
        return True
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print(f"\n## {name}\n")
    saved, sys.argv = sys.argv, [str(path)]  # its own defaults, not our --sizes
    try:
        result = module.main()
    finally:
        sys.argv = saved
    return result in (None, 0)


def main() -> int:
    """Measure every requested size, print figures and budgets; 1 if a budget fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="curated,100,1000,10000")
    sizes = parser.parse_args().sizes.split(",")
    cpu = os.cpu_count()
    print(
        f"# Benchmarks\n\nMachine: {platform.platform()}, {cpu} CPUs, Python {platform.python_version()}"
    )
    results = []
    map_figures: list[map_budgets.Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            n = 0 if size == "curated" else int(size)
            (work / f"project-{size}").mkdir()
            project = make_project(work / f"project-{size}", n)
            figures = measure(size, project, work, n)
            figures.label = dataset_label(n)
            results.append(figures)
            print_figures(figures)
            if n == 0:  # the maps' budgets hold on the curated data
                map_figures = map_budgets.measure(work / f"{size}-site")
                print("\n### Maps, curated data (each figure beside its budget)\n")
                for figure in map_figures:
                    print(f"- {figure.line()}")
            shutil.rmtree(work / f"project-{size}", ignore_errors=True)
    print("\n## Budgets\n")
    checks = budgets(results)
    checks += [(f.ok, f"curated data, {f.describe()}") for f in map_figures]
    for ok, text in checks:
        print(f"- {'PASS' if ok else 'FAIL'}: {text}")
    others_ok = [run_other(name) for name in ("bench_maps", "bench_charts", "bench_explore")]
    return 0 if all(ok for ok, _ in checks) and all(others_ok) else 1


if __name__ == "__main__":
    sys.exit(main())
