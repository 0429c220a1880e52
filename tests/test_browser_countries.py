"""Country-level events in Chromium: drawn as the country's outline, labelled inside the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_countries import CAPITALS, NEIGHBOUR_CITIES

from builder.geometry import geo
from builder.geometry.polygons import contains, polygon_rings

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIND_MAP = "Object.values(window).find(v => v instanceof L.Map)"
# Events the sources place only in a country, and that country's ISO code.
COUNTRY_EVENTS = {
    "turkmenistan-tb2-reported": "TKM",
    "kazakhstan-anka-reported": "KAZ",
    "uzbekistan-starts-drone-production": "UZB",
    "kyrgyzstan-buys-tb2": "KGZ",
    "iranian-drone-base-strike-reported": "IRN",
    "afghan-air-force-aircraft-reach-tajikistan": "TJK",
}
DRAWN = f"""(id) => {{
  const map = {FIND_MAP};
  let found = null;
  map.eachLayer(l => {{ if (l.feature && l.feature.properties.id === id) {{
    const b = l.getBounds ? l.getBounds() : null;
    found = {{
      circle: l instanceof L.Circle, polygon: l instanceof L.Polygon,
      classes: String(l.options.className), dash: l.options.dashArray,
      fill: l.options.fillOpacity,
      bounds: b && [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()],
      geometry: l.toGeoJSON(5).geometry,
    }};
  }} }});
  return found;
}}"""


def outline(iso: str) -> dict:
    features = geo.load_geojson(ROOT / "data" / "geo" / geo.COUNTRY_FILE)["features"]
    return next(f for f in features if f["id"] == geo.country_area_id(iso))["geometry"]


def extent(geometry: dict) -> tuple[float, float, float, float]:
    points = [p for rings in polygon_rings(geometry) for ring in rings for p in ring]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lats), min(lons), max(lats), max(lons)


@pytest.mark.parametrize(("event_id", "iso"), sorted(COUNTRY_EVENTS.items()))
def test_regional_map_draws_a_country_event_as_that_country(page, site_url, event_id, iso):
    page.goto(f"{site_url}maps/regional.html")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    drawn = page.evaluate(DRAWN, event_id)
    assert drawn is not None
    assert drawn["polygon"]
    assert not drawn["circle"]
    assert "dr-country" in drawn["classes"].split()
    # A light wash with a dashed edge.
    assert drawn["fill"] <= 0.12
    assert drawn["dash"]
    south, west, north, east = drawn["bounds"]
    lon, lat = CAPITALS[iso]
    assert south <= lat <= north
    assert west <= lon <= east
    # Within the country's real extent: the outline's own box, not a 300 km circle's.
    real = extent(outline(iso))
    tolerance = 1e-4
    assert south >= real[0] - tolerance
    assert west >= real[1] - tolerance
    assert north <= real[2] + tolerance
    assert east <= real[3] + tolerance
    # The shape drawn holds the capital and not the neighbour's city across the border.
    assert contains(drawn["geometry"], lon, lat)
    if iso in NEIGHBOUR_CITIES:
        assert not contains(drawn["geometry"], *NEIGHBOUR_CITIES[iso])
    assert page.page_errors == []


def test_hovering_a_country_says_it_is_the_whole_country(page, site_url):
    page.goto(f"{site_url}maps/regional.html")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    page.evaluate(
        f"""() => {{ const map = {FIND_MAP};
          map.eachLayer(l => {{ if (l.feature && l.feature.properties.id === 'turkmenistan-tb2-reported')
            l.getElement().focus(); }}); }}"""
    )
    tooltip = page.locator(".leaflet-tooltip", has_text="Turkmenistan").inner_text()
    assert "somewhere in Turkmenistan" in tooltip
    assert "whole country" in tooltip
    legend = page.locator("#dr-legend").inner_text()
    assert "Known only to the country" in legend


@pytest.mark.parametrize(
    "event_id",
    [
        "turkmenistan-tb2-reported",
        "kazakhstan-anka-reported",
        "taliban-post-fighters-on-northern-border",
        "csto-drills-near-afghan-border",
        "tajikistan-alleges-militant-camps",
    ],
)
@pytest.mark.parametrize("width", [1280, 390])
def test_event_page_locator_label_stays_inside_the_map(page, site_url, event_id, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}events/{event_id}/")
    iframe = page.locator("iframe[src*='maps/locator.html']")
    frame = page.frame_locator("iframe[src*='maps/locator.html']")
    iframe.scroll_into_view_if_needed()
    frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    label = frame.locator(".dr-locator-label .dr-label-box")
    assert label.count() == 1
    box = label.bounding_box()
    view = frame.locator(".leaflet-container").bounding_box()
    assert box is not None
    assert view is not None
    assert box["x"] >= view["x"]
    assert box["y"] >= view["y"]
    assert box["x"] + box["width"] <= view["x"] + view["width"]
    assert box["y"] + box["height"] <= view["y"] + view["height"]
    # The view is fitted to the shape, so a label on the shape's middle sits mid-map,
    # not beside a point that may lie at one end of a band.
    middle = box["x"] + box["width"] / 2 - view["x"]
    assert abs(middle - view["width"] / 2) <= view["width"] / 6
    assert page.page_errors == []


def test_event_page_locator_draws_the_country_not_a_circle(page, site_url):
    page.goto(f"{site_url}events/turkmenistan-tb2-reported/")
    frame = page.frame_locator("iframe[src*='maps/locator.html']")
    frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    assert frame.locator("path.dr-event.dr-country").count() == 1
    assert "Turkmenistan" in frame.locator(".dr-locator-label").inner_text()
    caption = page.locator("figure.dr-locator figcaption").inner_text()
    assert "Turkmenistan" in caption
    assert "Ashgabat" not in caption
