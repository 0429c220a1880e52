"""Charts that say what matters, in headless Chromium at a laptop's and a phone's size.

The timeline writes the story's key events (those with a ``timeline_label`` in
data/events/) on the plot: at least six, none overlapping another, none cut at
the plot's edges, again after the window changes size or the range changes.
The inventory names each row's supplier in words on the chart.
"""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, _recording_page

pytestmark = pytest.mark.browser


MIN_LABELS = 6

# Viewport boxes of a chart's labels (text box only, leader line excluded), their text and
# font size, and the boxes of the plot area (plotly's drag surface covers it) and the chart.
# A chart's words are either the timeline's labels, links in a layer of our own
# (chart-labels.js), or plotly's own annotations, written by the builder (the inventory's
# suppliers): [id, "plotly"] reads the second kind.
ANNOTATIONS = """(arg) => {
  const [id, kind] = Array.isArray(arg) ? arg : [arg, "ours"];
  const gd = document.getElementById(id);
  const box = (el) => { const r = el.getBoundingClientRect();
                        return {x0: r.left, x1: r.right, y0: r.top, y1: r.bottom}; };
  const label = kind === "plotly"
    ? (a) => ({text: a.querySelector("text").textContent,
               size: parseFloat(getComputedStyle(a.querySelector("text")).fontSize),
               box: box(a.querySelector(".annotation-text-g"))})
    : (a) => ({text: a.textContent, size: parseFloat(getComputedStyle(a).fontSize),
               box: box(a), href: a.getAttribute("href")});
  const found = kind === "plotly" ? ".annotation" : ".dr-chart-labels:not([hidden]) .dr-chart-label";
  return {
    plot: box(gd.querySelector(".nsewdrag")),
    svg: box(gd.querySelector("svg.main-svg")),
    labels: [...gd.querySelectorAll(found)].map(label),
  };
}"""


def _key_labels() -> set[str]:
    labels = set()
    for path in (ROOT / "data/events").glob("*.yaml"):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        if event.get("timeline_label"):
            labels.add(event["timeline_label"])
    return labels


def _inside(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    return (
        inner["x0"] >= outer["x0"] - slack
        and inner["x1"] <= outer["x1"] + slack
        and inner["y0"] >= outer["y0"] - slack
        and inner["y1"] <= outer["y1"] + slack
    )


def _overlap(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]


def _check_timeline_labels(page, where: str) -> list[str]:
    shown = page.evaluate(ANNOTATIONS, "chart-timeline")
    labels = shown["labels"]
    texts = [label["text"] for label in labels]
    assert len(labels) >= MIN_LABELS, (where, texts)
    assert set(texts) <= _key_labels(), where
    assert len(set(texts)) == len(texts), where
    for label in labels:
        assert label["size"] >= 10, (where, label["text"])
        assert _inside(label["box"], shown["plot"]), (where, label["text"], "cut by the plot edge")
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlap(a["box"], b["box"]), (where, a["text"], b["text"])
    return texts


def _wait_for_labels(page) -> None:
    page.locator("#chart-timeline[data-drawn='true'][data-labels]").wait_for(timeout=20000)
    page.locator("#chart-timeline .dr-chart-label").first.wait_for(timeout=5000)


def test_timeline_writes_six_key_events_without_collisions(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    _check_timeline_labels(page, "opening view")

    page.get_by_role("button", name="The whole story").click()
    page.wait_for_function(
        "() => document.getElementById('chart-timeline')._fullLayout.xaxis.range[0] < '2000'"
    )
    page.wait_for_timeout(300)  # placement runs on the frame after plotly redraws
    _check_timeline_labels(page, "the whole story")

    page.get_by_role("button", name="By country").click()
    page.wait_for_function(
        "() => document.querySelector('#chart-timeline').getAttribute('data-labels') !== null"
        " && [...document.querySelectorAll('#chart-timeline .ytick text')]"
        ".some(t => t.textContent === 'Tajikistan')"
    )
    page.wait_for_timeout(300)
    _check_timeline_labels(page, "rows by country")
    assert page.page_errors == []


def test_labels_are_placed_again_when_the_window_narrows(browser, site_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = _recording_page(context)
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    wide = page.evaluate(ANNOTATIONS, "chart-timeline")["plot"]
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(
        "(w) => document.querySelector('#chart-timeline .nsewdrag')"
        ".getBoundingClientRect().width < w / 2",
        arg=wide["x1"] - wide["x0"],
    )
    page.wait_for_timeout(500)  # plotly's own resize is debounced; placement follows it
    _check_timeline_labels(page, "after narrowing the window")
    context.close()


def test_filtered_out_events_lose_their_labels(page, site_url):
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    page.get_by_label("Category", exact=True).select_option("drone-acquisition")
    page.wait_for_timeout(500)
    texts = [label["text"] for label in page.evaluate(ANNOTATIONS, "chart-timeline")["labels"]]
    acquisitions = set()
    for path in (ROOT / "data/events").glob("*.yaml"):
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        if event["category"] == "drone-acquisition" and event.get("timeline_label"):
            acquisitions.add(event["timeline_label"])
    assert texts
    assert set(texts) <= acquisitions


def test_inventory_names_each_rows_supplier_in_words(sized_page, site_url):
    page = sized_page
    page.goto(site_url + "drones-and-trade/")
    chart = page.locator("#chart-inventory")
    chart.scroll_into_view_if_needed()
    page.locator("#chart-inventory[data-drawn='true']").wait_for(timeout=20000)
    shown = page.evaluate(ANNOTATIONS, ["chart-inventory", "plotly"])
    rows = {label["text"] for label in shown["labels"]}
    # The article's facts: Kyrgyzstan bought Turkey's TB2, Tajikistan makes Iran's Ababil-2,
    # Uzbekistan makes its own drones.
    assert any(r.startswith("Kyrgyzstan") and "from Turkey" in r for r in rows), rows
    assert any(r.startswith("Tajikistan") and "from Iran" in r for r in rows), rows
    assert any(r.startswith("Uzbekistan") and "made at home" in r for r in rows), rows
    for label in shown["labels"]:
        assert "from " in label["text"] or "made at home" in label["text"], label["text"]
        assert _inside(label["box"], shown["svg"]), (label["text"], "cut by the chart's edge")
        assert label["size"] >= 10
    labels = shown["labels"]
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlap(a["box"], b["box"]), (a["text"], b["text"])


def test_clicking_a_label_opens_its_event(page, site_url):
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    kabul = yaml.safe_load((ROOT / "data/events/taliban-take-kabul.yaml").read_text("utf-8"))
    page.locator("#chart-timeline .dr-chart-label", has_text=kabul["timeline_label"]).click()
    page.wait_for_url("**/events/taliban-take-kabul/", timeout=10000)
    assert page.locator("h1").inner_text().strip() == kabul["title"]


def test_each_label_is_a_link_a_keyboard_reaches(page, site_url):
    """The labels are links to their events: Tab reaches them and Enter opens one."""
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    labels = page.evaluate(ANNOTATIONS, "chart-timeline")["labels"]
    assert len(labels) >= MIN_LABELS
    ids = {p.stem for p in (ROOT / "data/events").glob("*.yaml")}
    for label in labels:
        assert label["href"].startswith("../events/"), label
        assert label["href"].split("/")[-2] in ids, label
    first = page.locator("#chart-timeline .dr-chart-label").first
    target = first.get_attribute("href").split("/")[-2]
    first.focus()
    assert page.evaluate("document.activeElement.classList.contains('dr-chart-label')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/events/{target}/", timeout=10000)


ROW_NAMES = """(id) => {
  const gd = document.getElementById(id);
  const box = (el) => { const r = el.getBoundingClientRect();
                        return {x0: r.left, x1: r.right, y0: r.top, y1: r.bottom}; };
  return {
    chart: box(gd), plot: box(gd.querySelector(".nsewdrag")),
    names: [...gd.querySelectorAll(".ytick text")].map(t => ({
      text: t.textContent, lines: t.querySelectorAll("tspan.line").length || 1, box: box(t)})),
  };
}"""


def test_row_names_leave_a_phone_most_of_its_width_for_the_plot(sized_page, site_url):
    """On a phone, long row names take two lines so the margin holds only the longer line."""
    page = sized_page
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    for view in ("By theme", "By country"):
        page.get_by_role("button", name=view).click()
        page.wait_for_timeout(300)
        seen = page.evaluate(ROW_NAMES, "chart-timeline")
        assert seen["names"], view
        for name in seen["names"]:
            assert name["box"]["x0"] >= seen["chart"]["x0"], (view, name["text"])
            assert name["box"]["x1"] <= seen["plot"]["x0"], (view, name["text"], "under the plot")
        if page.size == "phone":
            share = (seen["plot"]["x1"] - seen["plot"]["x0"]) / (
                seen["chart"]["x1"] - seen["chart"]["x0"]
            )
            assert share >= 0.65, (view, share)
            assert any(name["lines"] == 2 for name in seen["names"]), view


# Every call to plotly's newPlot, react and relayout, recorded with how many traces of
# markers it draws, how many labels it carries and whether the chart was drawn before it.
RECORD_DRAWS = """(() => {
  window.drDraws = [];
  let real;
  Object.defineProperty(window, "Plotly", {configurable: true, get() { return real; }, set(P) {
    real = P;
    for (const name of ["newPlot", "react", "relayout"]) {
      const own = P[name];
      P[name] = function (gd, first, second) {
        const traces = name === "relayout" ? [] : first || [];
        window.drDraws.push({
          name,
          markers: traces.filter((t) => t.type === "scatter" && t.visible !== false
                                        && t.x && t.x.length > 1).length,
          labels: name === "relayout"
            ? (first && "annotations" in first ? first.annotations.length : -1)
            : (second && second.annotations ? second.annotations.length : -1),
          keys: name === "relayout" && first ? Object.keys(first) : [],
          afterDrawn: performance.getEntriesByType("mark")
            .some((m) => m.name.startsWith("dr-chart-drawn")),
        });
        return own.apply(this, arguments);
      };
    }
  }});
})();"""


def _annotated(calls: list[dict]) -> list[dict]:
    return [c for c in calls if c["labels"] >= 0 or "annotations" in c["keys"]]


def test_the_markers_are_drawn_once_and_the_labels_cost_no_drawing(page, site_url):
    """Any change to plotly's annotations draws every marker again (half a second at 10,000
    events), and drawing labels as annotations with the markers cost a quarter of the
    drawing there: the labels are written in a layer of our own once the markers are drawn."""
    page.add_init_script(RECORD_DRAWS)
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    draws = [d for d in page.evaluate("window.drDraws") if not d["afterDrawn"]]
    shown = int(page.get_attribute("#chart-timeline", "data-labels"))
    assert shown >= MIN_LABELS
    assert len(page.evaluate(ANNOTATIONS, "chart-timeline")["labels"]) == shown
    assert [d["name"] for d in draws if d["markers"]] == ["react"], draws
    assert _annotated(draws) == [], draws
    assert [d for d in draws if d["name"] == "relayout"] == [], draws
    assert page.evaluate("document.querySelectorAll('#chart-timeline .annotation').length") == 0
    assert page.page_errors == []


def test_a_new_period_is_one_relayout_and_its_labels_follow(page, site_url):
    page.add_init_script(RECORD_DRAWS)
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    before = page.evaluate("window.drDraws.length")
    page.get_by_role("button", name="The whole story").click()
    page.wait_for_function(
        "() => document.getElementById('chart-timeline')._fullLayout.xaxis.range[0] < '2000'"
    )
    page.wait_for_timeout(500)  # the labels are placed on the frame after plotly's drawing
    calls = page.evaluate("window.drDraws")[before:]
    assert [(c["name"], c["keys"]) for c in calls] == [("relayout", ["xaxis.range"])], calls
    texts = _check_timeline_labels(page, "the whole story")
    assert len(texts) == int(page.get_attribute("#chart-timeline", "data-labels"))
    assert page.page_errors == []


def test_a_zoom_moves_the_labels_without_drawing_again(page, site_url):
    """A drag-zoom ends in one relayout of the range (plotly's own, done here by the test):
    the labels are placed again for the new range and plotly is not called again."""
    page.add_init_script(RECORD_DRAWS)
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    wide = {
        label["text"]: label["box"]
        for label in page.evaluate(ANNOTATIONS, "chart-timeline")["labels"]
    }
    before = page.evaluate("window.drDraws.length")
    page.evaluate(
        "() => Plotly.relayout(document.getElementById('chart-timeline'),"
        " {'xaxis.range[0]': '2019-01-01', 'xaxis.range[1]': '2026-01-01'})"
    )
    page.wait_for_timeout(500)
    calls = page.evaluate("window.drDraws")[before:]
    assert [c["name"] for c in calls] == ["relayout"], calls
    assert _annotated(calls) == [], calls
    zoomed = page.evaluate(ANNOTATIONS, "chart-timeline")
    assert zoomed["labels"], "no label after the zoom"
    moved = [label for label in zoomed["labels"] if wide.get(label["text"]) != label["box"]]
    assert moved, "the labels stayed where the wider range had put them"
    for label in zoomed["labels"]:
        assert _inside(label["box"], zoomed["plot"]), label
    for i, a in enumerate(zoomed["labels"]):
        for b in zoomed["labels"][i + 1 :]:
            assert not _overlap(a["box"], b["box"]), (a["text"], b["text"])
    assert page.page_errors == []


LAYER_HIDDEN = "() => document.querySelector('#chart-timeline .dr-chart-labels').hidden"


# Viewport coordinates of a spot of the plot with no marker within 40 px and no label
# within 40 px: pressing there is neither a click on an event nor on a label.
EMPTY_SPOT = """() => {
  const gd = document.getElementById("chart-timeline");
  const fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis;
  const plot = gd.querySelector(".nsewdrag").getBoundingClientRect();
  const marks = [];
  gd.calcdata.forEach((points) => points.forEach((p) => marks.push([xa.c2p(p.x), ya.c2p(p.y)])));
  const labels = [...gd.querySelectorAll(".dr-chart-label")].map((a) => a.getBoundingClientRect());
  for (let y = plot.height - 10; y > 10; y -= 10) {
    for (let x = 60; x < plot.width - 60; x += 10) {
      if (marks.some(([mx, my]) => Math.hypot(mx - x, my - y) < 40)) continue;
      const vx = plot.left + x, vy = plot.top + y;
      if (labels.some((r) => vx > r.left - 40 && vx < r.right + 40 && vy > r.top - 40 && vy < r.bottom + 40)) continue;
      return {x: vx, y: vy};
    }
  }
  return null;
}"""


def _drag(page, dx: float, steps: int = 5) -> None:
    spot = page.evaluate(EMPTY_SPOT)
    assert spot, "no empty spot on the plot"
    page.mouse.move(spot["x"], spot["y"])
    page.mouse.down()
    for step in range(1, steps + 1):
        page.mouse.move(spot["x"] + dx * step / steps, spot["y"])


def test_a_zoom_box_too_small_to_zoom_leaves_the_labels_shown(page, site_url):
    """Plotly reports a zoom box as it is dragged and draws nothing when it ends too small."""
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    page.locator("#chart-timeline").scroll_into_view_if_needed()
    before = page.evaluate(ANNOTATIONS, "chart-timeline")["labels"]
    _drag(page, 6)
    page.mouse.up()
    page.wait_for_timeout(500)
    assert page.evaluate(LAYER_HIDDEN) is False
    assert page.evaluate(ANNOTATIONS, "chart-timeline")["labels"] == before
    assert page.page_errors == []


def test_a_pan_takes_the_labels_away_and_brings_them_back_where_they_belong(page, site_url):
    page.goto(site_url + "timeline/")
    _wait_for_labels(page)
    page.locator("#chart-timeline").scroll_into_view_if_needed()
    page.evaluate(
        "() => Plotly.relayout(document.getElementById('chart-timeline'), {dragmode: 'pan'})"
    )
    page.wait_for_timeout(300)
    before = {
        label["text"]: label["box"]
        for label in page.evaluate(ANNOTATIONS, "chart-timeline")["labels"]
    }
    _drag(page, -150, steps=10)
    page.wait_for_timeout(100)
    assert page.evaluate(LAYER_HIDDEN) is True, "labels left over a moving plot"
    page.mouse.up()
    page.wait_for_function(f"() => !({LAYER_HIDDEN})()", timeout=5000)
    after = page.evaluate(ANNOTATIONS, "chart-timeline")
    assert after["labels"]
    assert any(before.get(label["text"]) != label["box"] for label in after["labels"])
    for label in after["labels"]:
        assert _inside(label["box"], after["plot"]), label
    assert page.page_errors == []
