"""The charts as readers get them, in headless Chromium: marks, clicks, filters, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import (
    ROOT,
    SITE,
    build_site,
    click_instantly,
    copy_project,
    wait_for_instant_navigation,
)
from test_charts_site import outline

pytestmark = pytest.mark.browser

BARS = "#chart-timeline .barlayer .point"

# Whether the timeline's canvas holds n event markers (chart-marks.js paints them and
# counts them in data-marks; test_markers_are_painted_in_their_shape_where_plotly_puts_them
# checks the pixels).
MARKS_ARE = (
    "(n) => document.getElementById('chart-timeline').getAttribute('data-marks') === String(n)"
)

# Viewport coordinates of the marker whose customdata url is given, from plotly's own
# axes; the page is first scrolled so that the marker is in the middle of the viewport.
MARKER_XY = """(url) => {
  const gd = document.getElementById("chart-timeline");
  const fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis;
  for (const t of gd.data) {
    if (t.type !== "scatter" || !t.customdata) continue;
    const i = t.customdata.findIndex(c => c[0] === url);
    if (i < 0) continue;
    const y = () => gd.getBoundingClientRect().top + fl._size.t + ya.l2p(ya.d2l(t.y[i]));
    window.scrollBy(0, y() - window.innerHeight / 2);
    const box = gd.getBoundingClientRect();
    return {x: box.left + fl._size.l + xa.l2p(xa.d2l(t.x[i])), y: y()};
  }
  return null;
}"""


def _events() -> dict[str, dict]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "data/events").glob("*.yaml"))
    }


def _registry(name: str) -> dict[str, dict]:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def _countries(event: dict) -> set[str]:
    """The site's rule: the place's country, and those of states and armed groups taking part."""
    actors, places = _registry("actors.yaml"), _registry("places.yaml")
    found = {places[event["place"]]["country"]} if "place" in event else set()
    for actor in event.get("actors", []):
        if actors[actor]["kind"] in ("state", "armed-group") and actors[actor].get("country"):
            found.add(actors[actor]["country"])
    return found


def _open_timeline(page, url: str) -> None:
    page.goto(url + "timeline/")
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=20000)


KABUL = "events/taliban-take-kabul/"
"""The event whose marker the click and hover tests use."""


def _kabul_marker(page) -> dict[str, float]:
    """Zoom the drawn timeline to August 2021 onward; the viewport position of Kabul's marker."""
    page.get_by_role("button", name="August 2021 onward").click()
    page.wait_for_timeout(300)  # the range change is animated
    return page.evaluate(MARKER_XY, KABUL)


def test_one_marker_per_event_and_one_bar_per_imprecise_or_lasting_event(page, site_url):
    _open_timeline(page, site_url)
    events = _events()
    spans = [e for e in events.values() if "end_date" in e or len(str(e["date"])) < 10]
    assert page.get_attribute("#chart-timeline", "data-marks") == str(len(events))
    assert page.locator(BARS).count() == len(spans) > 0


# For the first marker of each symbol that no other marker comes near, in plot pixels from
# plotly's own axes: the colour of its trace and the canvas pixels at its centre and on its
# outline (right of the centre by the marker's radius).
PAINTED = """() => {
  const gd = document.getElementById("chart-timeline");
  const canvas = gd.querySelector("canvas.dr-chart-marks");
  const ratio = canvas.width / parseFloat(canvas.style.width);
  const context = canvas.getContext("2d");
  const fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis;
  const pixel = (x, y) => [...context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data];
  const all = [];
  gd.calcdata.forEach((points) => {
    const input = gd.data[points[0].trace.index];
    if (input.mode !== "none" || !input.marker) return;
    points.forEach((p) => all.push({x: xa.c2p(p.x), y: ya.c2p(p.y), colour: input.marker.color,
                                    size: input.marker.size, symbol: input.marker.symbol[p.i]}));
  });
  const found = {};
  for (const m of all) {
    if (found[m.symbol] || m.x < 10 || m.y < 10 || m.x > fl._size.w - 10 || m.y > fl._size.h - 10) continue;
    if (all.some((o) => o !== m && Math.abs(o.x - m.x) < 16 && Math.abs(o.y - m.y) < 16)) continue;
    found[m.symbol] = {colour: m.colour, centre: pixel(m.x, m.y), outline: pixel(m.x + m.size / 2, m.y)};
  }
  return {found, svgPoints: gd.querySelectorAll(".scatterlayer .point").length};
}"""


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


def test_markers_are_painted_in_their_shape_where_plotly_puts_them(page, site_url):
    """One canvas holds every marker (chart-marks.js): no SVG element per event, and each
    marker painted at the point plotly computed, solid for a confirmed event, an open ring
    for a claim."""
    _open_timeline(page, site_url)
    seen = page.evaluate(PAINTED)
    assert seen["svgPoints"] == 0
    found = seen["found"]
    assert {"circle", "circle-open"} <= set(found), found
    solid, ring = found["circle"], found["circle-open"]
    assert solid["centre"][3] == 255, solid
    assert all(
        abs(a - b) <= 2 for a, b in zip(solid["centre"][:3], _rgb(solid["colour"]), strict=True)
    ), solid
    assert ring["centre"][3] == 0, ring
    assert ring["outline"][3] > 128, ring
    assert all(
        abs(a - b) <= 40 for a, b in zip(ring["outline"][:3], _rgb(ring["colour"]), strict=True)
    ), ring


def test_hover_then_click_opens_that_events_page(page, site_url):
    _open_timeline(page, site_url)
    xy = _kabul_marker(page)
    page.mouse.move(xy["x"], xy["y"])
    hover = page.locator("#chart-timeline .hoverlayer .hovertext")
    hover.wait_for()
    title = _events()["taliban-take-kabul"]["title"]
    assert title in hover.text_content()
    assert "15 August 2021" in hover.text_content()
    assert "confirmed" in hover.text_content()
    page.mouse.click(xy["x"], xy["y"])
    page.wait_for_url("**/events/taliban-take-kabul/", timeout=10000)
    assert page.locator("h1").inner_text().strip() == title


def test_clicking_an_event_switches_to_its_page_instantly(instant_page):
    page = instant_page
    page.goto(SITE + "timeline/")
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=20000)
    wait_for_instant_navigation(page)
    page.evaluate("() => { window.__drSameDocument = true; }")
    xy = _kabul_marker(page)
    page.mouse.click(xy["x"], xy["y"])
    page.wait_for_url("**/events/taliban-take-kabul/", timeout=10000)
    title = _events()["taliban-take-kabul"]["title"]
    page.locator("h1", has_text=title).wait_for()
    assert page.evaluate("() => window.__drSameDocument === true"), "the event page reloaded"
    assert page.page_errors == []


def test_filters_change_what_is_drawn_and_reset_restores_it(page, site_url):
    _open_timeline(page, site_url)
    events = _events()
    page.get_by_label("Category", exact=True).select_option("drone-acquisition")
    acquisitions = [e for e in events.values() if e["category"] == "drone-acquisition"]
    page.wait_for_function(MARKS_ARE, arg=len(acquisitions))
    assert 0 < len(acquisitions) < len(events)

    page.get_by_label("Category", exact=True).select_option("")
    page.get_by_label("Country", exact=True).select_option("KGZ")
    kyrgyz = [e for e in events.values() if "KGZ" in _countries(e)]
    page.wait_for_function(MARKS_ARE, arg=len(kyrgyz))
    assert page.locator(".dr-chart-status").inner_text() == (
        f"Showing {len(kyrgyz)} of {len(events)} events."
    )

    page.get_by_label("Actor", exact=True).select_option("turkey")
    both = [e for e in kyrgyz if "turkey" in e.get("actors", [])]
    page.wait_for_function(MARKS_ARE, arg=len(both))
    assert len(both) < len(kyrgyz)

    page.get_by_role("button", name="Show everything").click()
    page.wait_for_function(MARKS_ARE, arg=len(events))
    assert page.get_by_label("Country", exact=True).input_value() == ""


def test_country_rows_show_an_event_once_per_country(page, site_url):
    _open_timeline(page, site_url)
    page.get_by_role("button", name="By country").click()
    expected = sum(max(1, len(_countries(e))) for e in _events().values())
    page.wait_for_function(MARKS_ARE, arg=expected)
    assert page.get_by_role("button", name="By country").get_attribute("aria-pressed") == "true"


# Left edge of each row label, and of the chart, in viewport pixels.
LABEL_EDGES = """() => {
  const gd = document.getElementById("chart-timeline");
  const labels = [...gd.querySelectorAll(".yaxislayer-above .ytick text")];
  return {chart: gd.getBoundingClientRect().left,
          labels: labels.map(t => [t.textContent, t.getBoundingClientRect().left])};
}"""


def test_row_labels_fit_in_the_fixed_left_margin(page, site_url):
    _open_timeline(page, site_url)
    for view in ("By theme", "By country"):
        page.get_by_role("button", name=view).click()
        page.wait_for_function(
            "document.querySelector(\"button[aria-pressed='true']\") &&"
            " document.querySelectorAll('#chart-timeline .ytick text').length > 0"
        )
        page.wait_for_timeout(200)
        edges = page.evaluate(LABEL_EDGES)
        assert edges["labels"], view
        for label, left in edges["labels"]:
            assert left >= edges["chart"], (view, label)


def test_quick_ranges_work_from_the_keyboard(page, site_url):
    _open_timeline(page, site_url)
    button = page.get_by_role("button", name="2015–2016")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.getElementById('chart-timeline')._fullLayout.xaxis.range[0].startsWith('2014')"
    )
    shown = page.evaluate("document.getElementById('chart-timeline')._fullLayout.xaxis.range")
    assert shown[1].startswith("2017")
    assert button.get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="Since 2015").get_attribute("aria-pressed") == "false"


def _chart_pages(built_site: Path) -> list[str]:
    pages = []
    for html_file in sorted(built_site.rglob("*.html")):
        parsed = outline(html_file)
        if any("dr-chart" in a.get("class", "").split() for _, a in parsed.elements):
            pages.append(html_file.relative_to(built_site).as_posix().removesuffix("index.html"))
    return pages


def test_no_page_with_a_chart_logs_an_error(page, site_url, built_site):
    pages = _chart_pages(built_site)
    assert {"timeline/", "drones-and-trade/"} <= set(pages)
    for rel in pages:
        page.goto(site_url + rel)
        for chart in page.locator(".dr-chart").all():  # charts draw when they near the viewport
            chart.scroll_into_view_if_needed()
            page.locator(f"#{chart.get_attribute('id')}[data-drawn='true']").wait_for(timeout=20000)
        drawn = page.locator(".dr-chart .main-svg").count()
        assert drawn >= page.locator(".dr-chart").count(), rel
    assert page.console_errors == []
    assert page.page_errors == []


def test_charts_draw_after_instant_navigation(instant_page):
    page = instant_page
    page.goto(SITE)
    wait_for_instant_navigation(page)
    primary = page.locator("nav.md-nav--primary")

    click_instantly(page, primary.locator("a", has_text="Drones and trade").first)
    page.locator("#chart-inventory[data-drawn='true']").wait_for(timeout=20000)
    # The second chart lies below the first screen: it is drawn as the reader nears it.
    page.locator("#chart-trade").scroll_into_view_if_needed()
    page.locator("#chart-trade[data-drawn='true']").wait_for(timeout=20000)
    assert page.locator("#chart-inventory .scatterlayer .point").count() > 0
    assert page.locator("#chart-trade .main-svg").count() > 0

    click_instantly(page, primary.locator("a", has_text="Timeline").first)
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=20000)
    events = _events()
    spans = [e for e in events.values() if "end_date" in e or len(str(e["date"])) < 10]
    assert page.get_attribute("#chart-timeline", "data-marks") == str(len(events))
    assert page.locator(BARS).count() == len(spans) > 0
    assert page.console_errors == []
    assert page.page_errors == []


def test_editor_html_in_a_title_shows_as_text_in_hover_and_table(page, serve, tmp_path):
    project = copy_project(tmp_path / "project")
    evil = '<img src=x onerror="window.__xss=1">'
    event_file = project / "data/events/taliban-take-kabul.yaml"
    event = yaml.safe_load(event_file.read_text(encoding="utf-8"))
    event["title"] = f"Kabul falls {evil}"
    event_file.write_text(yaml.safe_dump(event, sort_keys=False), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    url = serve(tmp_path / "site")
    _open_timeline(page, url)
    xy = _kabul_marker(page)
    page.mouse.move(xy["x"], xy["y"])
    hover = page.locator("#chart-timeline .hoverlayer .hovertext")
    hover.wait_for()
    assert evil in hover.text_content()
    assert page.locator(".hoverlayer img, .dr-chart img, .dr-chart-table img").count() == 0
    page.locator("#figure-timeline details:not(.dr-embed-code) > summary").click()
    assert page.get_by_role("link", name=f"Kabul falls {evil}").count() == 1
    assert page.evaluate("window.__xss") is None
    assert page.page_errors == []


def test_charts_draw_after_instant_navigation_from_a_page_without_one(instant_page):
    """Only pages with a chart load charts.js: arriving from one without, charts still draw."""
    page = instant_page
    page.goto(SITE + "reference/glossary/")
    wait_for_instant_navigation(page)
    assert page.locator("script[src$='assets/js/charts.js']").count() == 0
    primary = page.locator("nav.md-nav--primary")
    click_instantly(page, primary.locator("a", has_text="Drones and trade").first)
    page.locator("#chart-inventory[data-drawn='true']").wait_for(timeout=20000)
    click_instantly(page, primary.locator("a", has_text="Timeline").first)
    page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=20000)
    # Run again by each swap, the script watched for charts once: each chart drew once.
    assert (
        page.evaluate("() => performance.getEntriesByName('dr-chart-drawn:chart-timeline').length")
        == 1
    )
    assert page.locator("#chart-timeline .main-svg").count() > 0
    assert page.console_errors == []
    assert page.page_errors == []
