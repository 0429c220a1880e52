"""The map and timeline pages render for real in headless Chromium."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def _located(built_site) -> list[dict]:
    geojson = json.loads((built_site / "data/events.geojson").read_text(encoding="utf-8"))
    return [f for f in geojson["features"] if f["geometry"] is not None]


def test_map_page_draws_one_marker_per_located_event(page, site_url, built_site):
    page.goto(site_url + "maps/")
    page.locator("iframe[src$='maps/regional.html']").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe[src$='maps/regional.html']")
    frame.locator(".leaflet-container").wait_for()
    markers = frame.locator("path.leaflet-interactive")
    markers.first.wait_for()
    assert markers.count() == len(_located(built_site)) > 0
    assert page.console_errors == []
    assert page.page_errors == []


def test_timeline_page_draws_one_point_per_event(page, site_url, built_site):
    page.goto(site_url + "timeline/")
    page.locator(".dr-chart[data-drawn='true']").wait_for(timeout=15000)
    features = json.loads((built_site / "data/events.geojson").read_text(encoding="utf-8"))
    painted = page.get_attribute(".dr-chart", "data-marks")
    assert painted == str(len(features["features"]))
    assert painted != "0"
    assert page.console_errors == []
    assert page.page_errors == []
