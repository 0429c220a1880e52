"""The work of one event page does not grow with the record (issue 24, point 2).

An event page is made from its own event, its neighbours and what the dataset indexes
once; a pass over every event per page would make a 10,000-event build quadratic. The
calls and lines Python runs while rendering the same pages are counted, with the curated
record and with ten times as many synthetic events beside it.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from conftest import ROOT

from benchmarks.synthetic import write_events
from builder.pages.events import event_page
from builder.record.validate import Dataset, load_dataset

PAGES = ("ababil-2-factory-opens", "taliban-take-kabul", "iran-drones-over-kabul-1990s")
"""Curated events whose pages are counted: located, with a neighbour on each side or one."""


def _steps(make: Callable[[], object]) -> int:
    """Python calls and lines executed while ``make`` runs (a loop's every turn counts:
    the tracer sees each jump back, a comprehension's included)."""
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        make()
    finally:
        sys.settrace(None)
    return count


def _page_calls(data: Dataset) -> dict[str, int]:
    counts = {}
    for event_id in PAGES:
        # The same neighbours at every size: the footer's links are not the point here.
        def page(event_id: str = event_id) -> str:
            return event_page(event_id, data, PAGES[0], PAGES[-1])

        page()  # what a dataset builds once (indexes, caches) is built by the first page
        counts[event_id] = _steps(page)
    return counts


def _with_synthetic(tmp_path: Path, n_events: int) -> Dataset:
    data_dir = tmp_path / f"data-{n_events}"
    shutil.copytree(ROOT / "data", data_dir)
    write_events(data_dir, n_events)
    return load_dataset(data_dir)


def test_an_event_pages_work_is_the_same_with_ten_times_the_events(tmp_path: Path) -> None:
    curated = load_dataset(ROOT / "data")
    larger = _with_synthetic(tmp_path, 10 * len(curated.events))
    assert len(larger.events) > 10 * len(curated.events)
    small, large = _page_calls(curated), _page_calls(larger)
    for event_id in PAGES:
        assert small[event_id] > 0
        assert large[event_id] == small[event_id], (event_id, small[event_id], large[event_id])


def test_a_finished_page_is_scanned_once_for_its_policy_and_its_preloads(monkeypatch) -> None:
    """Each page's policy and script preloads come from one pass over its HTML: at 10,000
    pages every further pass over every page cost a second or more of the build."""
    from builder.html import csp, preload

    scans: list[int] = []
    real_scan = csp.scan

    def counted_scan(document: str) -> csp.Inline:
        scans.append(len(document))
        return real_scan(document)

    def no_second_pass(document: str) -> list[str]:
        raise AssertionError("the body's scripts were searched for again")

    monkeypatch.setattr(csp, "scan", counted_scan)
    monkeypatch.setattr(preload, "body_scripts", no_second_pass)
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><style>p{}</style></head><body>"
        + "<p>text</p>" * 2000
        + '<script>var a = 1;</script><script src="assets/js/charts.js"></script></body></html>'
    )
    out = csp.apply(page, preload=True)
    assert len(scans) == 1
    assert '<link rel="preload" href="assets/js/charts.js" as="script">' in out
    assert "Content-Security-Policy" in out
