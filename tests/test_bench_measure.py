"""``make bench``'s measuring code, run on the real built site (the curated data).

The bench once died after 60 s on the first map document because the pages had
changed under it (map documents began loading their scripts through
``map-loader.js``). These tests run the same code the bench runs, on one load
of each page, so such a change fails here, in ``make test``, instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import bench_maps, reader_wait
from benchmarks.bench_site import Figures, measured_pages, weigh
from benchmarks.run import budgets, dataset_label

ROOT = Path(__file__).resolve().parent.parent


# Playwright runs once per process: the measuring code is given the session's browser.


@pytest.fixture(scope="module")
def reader_times(built_site: Path, browser) -> dict[str, reader_wait.PageTimes]:
    """One timed load of every page kind the bench measures."""
    return reader_wait.time_pages(built_site, measured_pages(built_site), loads=1, browser=browser)


def test_every_page_kind_is_timed(built_site: Path, reader_times) -> None:
    kinds = set(measured_pages(built_site))
    assert {"home", "timeline", "map", "event", "glossary", "maps page", "story"} <= kinds
    assert set(reader_times) == kinds


def test_the_first_screen_waits_for_its_maps_and_charts(reader_times) -> None:
    for kind in ("home", "timeline", "map", "story"):
        load = reader_times[kind].loads[0]
        assert load.first_screen_embeds >= 1, kind
        assert 0 < load.first_screen_s <= load.all_drawn_s, kind
    # A map document opened on its own is its own first screen, drawn with its basemap.
    assert reader_times["map"].loads[0].below_embeds == 0


def test_what_lies_below_the_first_screen_is_scrolled_to_and_timed(reader_times) -> None:
    maps_page = reader_times["maps page"].loads[0]
    assert maps_page.below_embeds >= 2  # the Maps page holds four maps, one in the first screen
    assert maps_page.after_scroll_s > 0
    assert maps_page.all_drawn_s > maps_page.first_screen_s


def test_a_text_page_is_timed_by_its_first_paint(reader_times) -> None:
    glossary = reader_times["glossary"].loads[0]
    assert (glossary.first_screen_embeds, glossary.below_embeds) == (0, 0)
    assert glossary.first_screen_s == glossary.all_drawn_s > 0


def test_every_map_document_is_drawn_and_reported(
    built_site: Path, browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench_maps, "MAP_LOADS", 1)
    checks = bench_maps.report(built_site, ROOT / "data", 0, browser)
    documents = sorted(p.stem for p in (built_site / "maps").glob("*.html") if p.stem != "index")
    assert len(checks) == len(documents) >= 6
    for document, (verdict, line) in zip(documents, checks, strict=True):
        assert f"maps/{document}.html drawn in" in line
        assert verdict is None  # a budget at 10,000 events only


def test_weights_count_a_page_and_what_it_loads(built_site: Path, browser) -> None:
    pages = {k: v for k, v in measured_pages(built_site).items() if k in ("glossary", "map")}
    weights, text_pages = weigh(built_site, pages, browser)
    assert text_pages == ["glossary"]
    for kind, (html_kb, total_kb) in weights.items():
        assert 0 < html_kb < total_kb, kind  # the page's own HTML and the files it loads


def _figures(synthetic: int, **values: float) -> Figures:
    figures = Figures(dataset_label(synthetic), 61 + synthetic, synthetic)
    for name, value in values.items():
        setattr(figures, name, value)
    return figures


def test_live_budgets_fail_and_retired_ones_only_inform() -> None:
    curated = _figures(0, build_s=3.0, bare_build_s=1.0, rebuild_s=2.5)
    large = _figures(10000, build_s=60.0, bare_build_s=40.0, peak_mb=450.0)
    checks = budgets([curated, large])
    verdicts = {text.split(" (")[0]: ok for ok, text in checks}
    assert verdicts["curated data: build / bare theme = 3.00"] is None  # retired: imports
    assert verdicts["curated data: rebuild after editing one event 2.5 s"] is False
    assert verdicts["curated data + 10,000 synthetic events: build / bare theme = 1.50"] is False
    assert verdicts["10,061 events peak 450 MB"] is True


def test_a_figure_that_could_not_be_taken_fails_the_bench() -> None:
    figures = _figures(0, build_s=1.0, bare_build_s=1.0, rebuild_s=1.0)
    figures.problems.append("curated data: reader's wait not measured: TimeoutError")
    assert (False, "curated data: reader's wait not measured: TimeoutError") in budgets([figures])
