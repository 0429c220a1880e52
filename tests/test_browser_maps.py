"""The maps as readers get them: drawn in headless Chromium inside the built site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from builder.geometry.basemap import BASEMAP_PATH
from builder.maps.areas import load_geography
from builder.maps.regional import regional_spec
from builder.record.validate import load_dataset

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
MAP_NAMES = ("factory", "border", "deployments", "regional")

# Leaflet objects are read through the map itself: the page's one L.Map instance.
FIND_MAP = "Object.values(window).find(v => v instanceof L.Map)"
EVENT_LAYERS = f"""() => {{
  const map = {FIND_MAP};
  const out = [];
  map.eachLayer(l => {{ if (l.feature && String(l.options.className).split(' ').includes('dr-event')) {{
    out.push({{id: l.feature.properties.id, kind: l instanceof L.CircleMarker && !(l instanceof L.Circle) ? 'pin'
      : (l instanceof L.Circle ? 'circle' : (l instanceof L.Polygon ? 'polygon' : 'band')),
      status: l.feature.properties.status}});
  }} }});
  return out;
}}"""


def _located_ids(built_site: Path) -> set[str]:
    geojson = json.loads((built_site / "data/events.geojson").read_text(encoding="utf-8"))
    return {f["id"] for f in geojson["features"] if f["geometry"] is not None}


def _open_map(page, site_url: str, name: str, fragment: str = ""):
    page.goto(f"{site_url}maps/{name}.html{fragment}")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    return page


def test_maps_page_shows_all_four_maps_with_names_legends_and_text(page, site_url):
    page.goto(site_url + "maps/")
    for name in MAP_NAMES:
        frame_el = page.locator(f"iframe[src$='maps/{name}.html']")
        assert frame_el.get_attribute("title")
        frame = page.frame_locator(f"iframe[src$='maps/{name}.html']")
        frame_el.scroll_into_view_if_needed()  # a map is built as the reader nears it
        frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
        assert frame.locator(".leaflet-container[role='region'][aria-label]").count() == 1
        # The legend is beside or below the map, never a control over it.
        assert frame.locator("#dr-legend").count() == 1
        assert frame.locator(".leaflet-container #dr-legend").count() == 0
        figure = page.locator("figure.dr-map", has=frame_el)
        assert figure.locator("details.dr-map-text table").count() >= 1
    assert page.console_errors == []
    assert page.page_errors == []


def test_regional_map_draws_every_located_event_once(page, site_url, built_site):
    _open_map(page, site_url, "regional")
    drawn = page.evaluate(EVENT_LAYERS)
    assert sorted(d["id"] for d in drawn) == sorted(_located_ids(built_site))
    # Each event is one SVG shape in the page.
    assert page.locator("path.dr-event").count() == len(_located_ids(built_site))
    assert page.console_errors == []
    assert page.page_errors == []


# Counts how often Leaflet writes each event shape's outline (L arrives with leaflet.js).
COUNT_OUTLINES = """(() => {
  let leaflet;
  window.__outlines = {};
  Object.defineProperty(window, "L", { configurable: true, get() { return leaflet; }, set(value) {
    leaflet = value;
    const write = value.SVG.prototype._setPath;
    value.SVG.prototype._setPath = function (layer, path) {
      if (String(layer.options.className).split(" ").includes("dr-event")) {
        const id = value.stamp(layer);
        window.__outlines[id] = (window.__outlines[id] || 0) + 1;
      }
      return write.call(this, layer, path);
    };
  } });
})();"""


@pytest.mark.parametrize("width", [1366, 390])
def test_each_event_shape_is_drawn_once_in_the_framed_view(browser, site_url, width):
    # Framed before its layers exist, a map draws each event once; framed after them (at
    # 10,000 events a third of the regional map's time), Leaflet draws every one twice.
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.add_init_script(COUNT_OUTLINES)
    _open_map(page, site_url, "regional")
    writes = page.evaluate("() => Object.values(window.__outlines)")
    assert len(writes) == page.locator("path.dr-event").count() > 20
    assert set(writes) == {1}
    # And the view is still the one fitted to the map's subject, all of it in sight.
    subject = regional_spec(load_dataset(ROOT / "data"), load_geography()).bounds
    inside = page.evaluate(
        f"(corners) => {{ const b = {FIND_MAP}.getBounds(); return corners.map(c => b.contains(c)); }}",
        subject,
    )
    assert inside == [True, True]
    page.close()


def test_approximate_places_are_areas_not_pins(page, site_url):
    places = yaml.safe_load((ROOT / "data/places.yaml").read_text(encoding="utf-8"))
    _open_map(page, site_url, "regional")
    for item in page.evaluate(EVENT_LAYERS):
        event = yaml.safe_load(
            (ROOT / f"data/events/{item['id']}.yaml").read_text(encoding="utf-8")
        )
        precision = event.get("precision") or places[event["place"]]["precision"]
        if precision in ("exact", "locality"):
            assert item["kind"] == "pin", item
        else:
            assert item["kind"] in ("circle", "polygon", "band"), item


def test_range_ring_measures_the_range_in_the_data(page, site_url):
    system = yaml.safe_load((ROOT / "data/systems.yaml").read_text(encoding="utf-8"))["ababil-2"]
    place = yaml.safe_load((ROOT / "data/places.yaml").read_text(encoding="utf-8"))[
        "ababil-2-factory-dushanbe"
    ]
    _open_map(page, site_url, "factory")
    radii = page.evaluate(
        f"""([lat, lon]) => {{
          const map = {FIND_MAP};
          const out = [];
          map.eachLayer(l => {{ if (l.options.className === 'dr-ring' && l.getLatLngs) {{
            l.getLatLngs()[0].forEach(p => out.push(map.distance([lat, lon], p) / 1000));
          }} }});
          return out;
        }}""",
        [place["lat"], place["lon"]],
    )
    assert len(radii) >= 90
    expected = system["range_km"]["value"]
    # Leaflet measures on a sphere; the ring is geodesic on the ellipsoid: within 0.5 %.
    for km in radii:
        assert km == pytest.approx(expected, rel=0.005)
    assert page.locator("path.dr-ring").count() == 1
    legend = page.locator("#dr-legend").inner_text()
    assert f"{system['endurance_h']['value']:g} h" in legend
    assert f"{expected:g} km" in legend


def test_border_line_drawn_measures_the_length_the_site_states(page, site_url):
    _open_map(page, site_url, "border")
    drawn_km = page.evaluate(
        f"""() => {{
          const map = {FIND_MAP};
          let total = 0;
          map.eachLayer(l => {{ if (l.options.className === 'dr-border' && l.getLatLngs) {{
            const pts = l.getLatLngs();
            for (let i = 1; i < pts.length; i++) total += map.distance(pts[i - 1], pts[i]);
          }} }});
          return total / 1000;
        }}"""
    )
    label = page.locator(".dr-label-box", has_text="as drawn").inner_text()
    stated = float(re.search(r"([\d,]+) km as drawn", label).group(1).replace(",", ""))
    assert drawn_km == pytest.approx(stated, rel=0.005)
    assert "1,300 km" in label  # the article's figure beside it
    assert page.console_errors == []


def test_border_length_in_the_text_version_matches_the_drawn_line(page, site_url):
    page.goto(site_url + "maps/")
    figure = page.locator("figure.dr-map", has=page.locator("iframe[src$='maps/border.html']"))
    figure.locator("details.dr-map-text summary").click()
    row = figure.locator("tr", has_text="Measured").inner_text()
    stated = float(re.search(r"([\d,.]+) km", row).group(1).replace(",", ""))
    page.locator("iframe[src$='maps/border.html']").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe[src$='maps/border.html']")
    label = frame.locator(".dr-label-box", has_text="as drawn").inner_text()
    assert f"{stated:,.0f} km as drawn" in label


def test_a_denied_claim_looks_different_from_a_reported_move(page, site_url):
    _open_map(page, site_url, "deployments")
    denied = page.locator("path.dr-event.dr-status-denied").first
    reported = page.locator("path.dr-event.dr-status-reported").first
    assert denied.get_attribute("stroke-dasharray")
    assert reported.get_attribute("stroke-dasharray") is None
    assert float(denied.get_attribute("fill-opacity")) == 0
    assert float(reported.get_attribute("fill-opacity")) > 0
    kinds = {d["id"]: d["kind"] for d in page.evaluate(EVENT_LAYERS)}
    assert kinds["taliban-suicide-squads-badakhshan"] == "polygon"
    assert kinds["taliban-suicide-squads-takhar"] == "polygon"
    assert kinds["tajikistan-alleges-militant-camps"] == "polygon"


def test_fighters_on_the_frontier_are_a_band_along_the_three_northern_borders(page, site_url):
    lines = []
    for name in ("afghanistan-tajikistan-border", "afghanistan-northern-borders"):
        collection = json.loads((ROOT / f"data/geo/{name}.geojson").read_text(encoding="utf-8"))
        lines += [f["geometry"]["coordinates"] for f in collection["features"]]
    page.set_viewport_size({"width": 700, "height": 520})  # about the size embedded in a page
    _open_map(page, site_url, "deployments")
    kinds = {d["id"]: d["kind"] for d in page.evaluate(EVENT_LAYERS)}
    assert kinds["taliban-post-fighters-on-northern-border"] == "band"
    band = page.evaluate(
        f"""() => {{ const map = {FIND_MAP}; let out = null;
          map.eachLayer(l => {{ if (l.feature && l.feature.id === 'taliban-post-fighters-on-northern-border') {{
            const b = l.getBounds();
            out = {{parts: l.getLatLngs().length, west: b.getWest(), east: b.getEast(),
                    inView: map.getBounds().contains(b)}};
          }} }});
          return out; }}"""
    )
    assert band["parts"] == len(lines) == 3
    # Drawn shapes keep 3 decimals (builder.geometry.simplify.DRAWN_DECIMALS): ends move by 0.0005° at most.
    west = min(lon for line in lines for lon, _ in line)
    east = max(lon for line in lines for lon, _ in line)
    assert band["west"] == pytest.approx(west, abs=0.0005)
    assert band["east"] == pytest.approx(east, abs=0.0005)
    assert band["inView"]
    page.locator("path.dr-category-military.dr-status-reported").first.wait_for()
    page.evaluate(
        f"""() => {{ const map = {FIND_MAP};
          map.eachLayer(l => {{ if (l.feature && l.feature.id === 'taliban-post-fighters-on-northern-border') {{
            l.getElement().focus(); }} }}); }}"""
    )
    assert "approximate" in page.locator(".leaflet-tooltip").inner_text()
    # Folded under a map this narrow, the legend still holds the explanation.
    assert "no positions given" in page.locator("#dr-legend").text_content()
    assert page.console_errors == []
    assert page.page_errors == []


def test_popup_shows_date_status_summary_sources_and_event_link(page, site_url):
    _open_map(page, site_url, "regional")
    page.locator("path.dr-event").first.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup .dr-popup")
    popup.wait_for()
    # Summary and sources arrive from the shared details file.
    popup.locator(".dr-popup-sources li").first.wait_for()
    facts = popup.locator(".dr-popup-facts").inner_text()
    assert "Date" in facts
    assert "Status" in facts
    assert popup.locator(".dr-popup-summary").inner_text().strip()
    assert popup.locator(".dr-popup-sources li a[href^='http']").count() >= 1
    href = popup.locator("a.dr-popup-title").get_attribute("href")
    assert re.fullmatch(r"\.\./events/[a-z0-9-]+/", href)


def test_events_at_one_spot_can_be_paged_through(page, site_url):
    _open_map(page, site_url, "regional")
    # Several events share Dushanbe: its popup pages through them.
    page.evaluate(
        f"""() => {{ const map = {FIND_MAP}; let done = false;
          map.eachLayer(l => {{ if (!done && l.feature && l.feature.properties.id === 'ababil-2-factory-opens') {{
            l.getElement().focus(); done = true; }} }}); }}"""
    )
    page.keyboard.press("Enter")
    pager = page.locator(".dr-popup-pager")
    pager.wait_for()
    first = page.locator("a.dr-popup-title").inner_text()
    pager.locator("button", has_text="Next").click()
    assert page.locator("a.dr-popup-title").inner_text() != first


def test_layers_toggle_from_the_keyboard(page, site_url):
    _open_map(page, site_url, "regional")
    before = page.locator("path.dr-event").count()
    # The switcher opens as one button; Enter unfolds it.
    page.locator(".leaflet-control-layers-toggle").focus()
    page.keyboard.press("Enter")
    # Leaflet ignores clicks in the list until a zero-delay timer after it unfolds
    # (Control.Layers._expandSafely); a reader is never that fast, a test can be.
    page.evaluate("() => new Promise((done) => setTimeout(done, 50))")
    box = page.locator(".leaflet-control-layers-overlays label", has_text="Diplomacy").locator(
        "input"
    )
    box.focus()
    page.keyboard.press("Space")
    # The switch redraws the layers once the browser has handled the key: wait for it.
    page.wait_for_function(
        "(n) => document.querySelectorAll('path.dr-event').length < n",
        arg=before,
        polling=100,
        timeout=5000,
    )
    after = page.locator("path.dr-event").count()
    assert 0 < after < before
    assert page.locator("path.dr-category-diplomacy").count() == 0


def test_map_survives_in_site_navigation(page, site_url):
    page.goto(site_url)
    page.locator("a[href$='maps/']").first.click()
    page.wait_for_url(re.compile(r"/maps/$"))
    page.locator("iframe[src$='maps/regional.html']").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe[src$='maps/regional.html']")
    frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    assert frame.locator("path.dr-event").count() > 0
    assert page.page_errors == []


def test_maps_fit_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True)
    context.route(re.compile(r"^https://([a-c]\.)?tile\.openstreetmap\.org/"), lambda r: r.abort())
    page = context.new_page()
    page.goto(site_url + "maps/")
    frame_el = page.locator("iframe[src$='maps/factory.html']")
    frame_el.scroll_into_view_if_needed()
    box = frame_el.bounding_box()
    assert box["width"] <= 390
    frame = page.frame_locator("iframe[src$='maps/factory.html']")
    frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    # On a phone the legend and the layer list start folded so the map stays visible.
    assert frame.locator("#dr-legend[open]").count() == 0
    assert frame.locator(".leaflet-control-layers-expanded").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_maps_ask_no_third_party_host_and_credit_natural_earth(page, site_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "maps/")
    for name in MAP_NAMES:
        page.locator(f"iframe[src$='maps/{name}.html']").scroll_into_view_if_needed()
        page.frame_locator(f"iframe[src$='maps/{name}.html']").locator(
            "html[data-dr-ready='true']"
        ).wait_for(state="attached")
    assert [u for u in requests if not u.startswith(site_url)] == []
    attribution = page.frame_locator("iframe[src$='maps/regional.html']").locator(
        ".leaflet-control-attribution"
    )
    assert "Natural Earth" in attribution.inner_text()
    assert "OpenStreetMap" not in attribution.inner_text()


def test_locator_draws_the_event_in_the_fragment(page, site_url):
    _open_map(page, site_url, "locator", "#taliban-suicide-squads-takhar")
    drawn = page.locator("path.dr-event")
    assert drawn.count() == 1
    assert "approximate" in page.locator(".dr-locator-label").inner_text()
    page.evaluate("window.location.hash = '#kabul-falls-does-not-exist'")
    page.locator("#dr-locator-message:not([hidden])").wait_for()
    assert page.locator("path.dr-event").count() == 0
    page.evaluate("window.location.hash = '#taliban-take-kabul'")
    page.locator("path.dr-event").wait_for()
    assert page.locator("path.dr-event").count() == 1
    assert page.console_errors == []
    assert page.page_errors == []


def test_event_page_locator_shows_its_event_as_an_area(page, site_url):
    page.goto(site_url + "events/taliban-suicide-squads-badakhshan/")
    frame = page.frame_locator("iframe[src*='maps/locator.html#taliban-suicide-squads-badakhshan']")
    frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    assert frame.locator("path.dr-event").count() == 1
    assert "approximate" in frame.locator(".dr-locator-label").inner_text()
    assert page.page_errors == []


@pytest.mark.parametrize(
    "event_id", ["taliban-suicide-squads-badakhshan", "ababil-2-factory-opens"]
)
def test_event_page_locator_draws_from_its_fragment_and_downloads_no_event_data(
    page, site_url, event_id
):
    requested = []
    page.on("request", lambda request: requested.append(request))
    page.goto(site_url + f"events/{event_id}/")
    frame = page.frame_locator(f"iframe[src*='maps/locator.html#{event_id}&']")
    frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    assert frame.locator("path.dr-event").count() == 1
    assert frame.locator("#dr-locator-message").is_hidden()
    assert any(r.url.split("#")[0].endswith("maps/locator.html") for r in requested)
    from_locator = [r.url for r in requested if "maps/locator.html" in r.frame.url]
    # The basemap is geography shared by every map, not event data.
    event_data = [u for u in from_locator if u.endswith((".geojson", ".json"))]
    assert [u for u in event_data if not u.endswith("/" + BASEMAP_PATH)] == []
    assert page.page_errors == []


def _map_requests(page) -> list[str]:
    found: list[str] = []
    page.on(
        "request",
        lambda r: (
            found.append(r.url.split("/maps/")[1])
            if "/maps/" in r.url and r.url.endswith(".html")
            else None
        ),
    )
    return found


@pytest.mark.parametrize("path", ["maps/", "chapters/central-asia-drones/"])
def test_each_map_on_a_page_is_fetched_and_drawn_once(page, site_url, path):
    """Material's start-up re-assigns every relative src; a frame must not load again for it."""
    requested = _map_requests(page)
    page.goto(site_url + path)
    frames = page.locator("iframe[src*='maps/']")
    names = [frames.nth(i).get_attribute("src").split("/")[-1] for i in range(frames.count())]
    assert names
    for i in range(frames.count()):
        frames.nth(i).scroll_into_view_if_needed()
        frames.nth(i).content_frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    page.wait_for_timeout(1500)  # a second load would start within Material's start-up
    assert sorted(requested) == sorted(names)
    assert page.page_errors == []


def test_a_map_document_downloads_the_basemap_once(page, site_url):
    """The preload hint and basemap.js's fetch() must match, or the file comes twice."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.url.endswith(BASEMAP_PATH) else None)
    _open_map(page, site_url, "factory")
    page.wait_for_timeout(500)
    assert len(fetched) == 1


def test_a_map_below_the_fold_is_built_only_as_the_reader_nears_it(browser, site_url):
    """Four maps built at once on one thread held back the first: the rest wait for the reader."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(site_url + "maps/")
    first = page.frame_locator("iframe[src$='maps/factory.html']")
    first.locator("html[data-dr-ready='true']").wait_for(state="attached")
    last = page.locator("iframe[src$='maps/regional.html']")
    page.wait_for_timeout(1000)
    frame = last.element_handle().content_frame()
    assert frame.evaluate("() => document.readyState") == "complete"  # loaded, not built
    assert frame.locator(".leaflet-container").count() == 0
    assert frame.evaluate("() => typeof window.L") == "undefined"  # Leaflet not even run
    last.scroll_into_view_if_needed()
    frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    assert frame.locator("path.dr-event").count() > 0
    context.close()
