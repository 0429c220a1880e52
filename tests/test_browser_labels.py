"""Labels in the browser: place names and the map's own labels, placed in one pass.

basemap.js's place names are placed by labels.js after the map's own labels,
against the same collision index: at any view, no name shown touches a label, a
control or another name, and names come back or go as the view changes.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MAP_DOCUMENTS = ["factory", "border", "deployments", "regional", "story"]
SIZES = {"laptop": (1366, 768), "phone": (390, 844)}

BOXES = """() => {
  const shown = e => { const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const pick = selector => [...document.querySelectorAll(selector)].filter(shown)
    .map(e => ({text: e.textContent.trim().slice(0, 40), box: box(e)}));
  return {
    names: pick('.dr-base-label .dr-base-label-text'),
    labels: pick('.dr-label:not(.dr-label-hidden) .dr-label-box'),
    controls: pick('.leaflet-control'),
  };
}"""

SETTLED = (
    "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
)


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def clashes(boxes: dict) -> list[str]:
    """Every shown place name that touches a label, a control or another name."""
    found = []
    names = boxes["names"]
    for i, name in enumerate(names):
        for other in boxes["labels"] + boxes["controls"] + names[i + 1 :]:
            if overlap(name["box"], other["box"]):
                found.append(f"{name['text']!r} touches {other['text']!r}")
    return found


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("name", MAP_DOCUMENTS)
def test_no_place_name_touches_a_label_a_control_or_another_name(browser, site_url, name, size):
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=size == "phone"
    )
    page = context.new_page()
    try:
        page.goto(site_url + f"maps/{name}.html")
        page.locator("html[data-dr-ready='true']").wait_for(state="attached", timeout=20_000)
        page.evaluate(SETTLED)
        opening = page.evaluate(BOXES)
        assert opening["names"], "the basemap should name some places"
        assert clashes(opening) == []
        # A closer view: names are placed again with the labels, still clear of them.
        page.evaluate("() => { window.drMap.zoomIn(1, {animate: false}); }")
        page.evaluate(SETTLED)
        assert clashes(page.evaluate(BOXES)) == []
    finally:
        context.close()


TAJIKISTAN_LABEL = """() => {
  const map = window.drMap, origin = map.getContainer().getBoundingClientRect();
  let found = null;
  map.eachLayer(layer => {
    const element = layer.options && layer.options.drLabel && layer.getElement && layer.getElement();
    const heading = element && element.querySelector('.dr-label-box strong');
    if (!heading || heading.textContent !== 'Tajikistan') return;
    const anchor = map.latLngToContainerPoint(layer.getLatLng());
    // The name's own text, not its line (a flex item as wide as the label).
    const range = document.createRange();
    range.selectNodeContents(heading);
    const r = range.getBoundingClientRect();
    found = {
      hidden: element.classList.contains('dr-label-hidden'),
      // From the point labelled to the nearest edge of the country's name, in px.
      gap: Math.hypot(
        Math.max(r.left - origin.left - anchor.x, 0, anchor.x - (r.right - origin.left)),
        Math.max(r.top - origin.top - anchor.y, 0, anchor.y - (r.bottom - origin.top))),
    };
  });
  return found;
}"""

NAME_GAP_PX = 30
"""How far a label's name may lie from the point it labels: the gap labels.js keeps, on a diagonal."""


def test_on_a_phone_tajikistans_label_sits_by_its_point(browser, site_url):
    """The regional map on a phone: Tajikistan's name beside Dushanbe, not off a far corner.

    A label wider than the room beside its point went to the point's far side, where
    only its corner touched the point and the name sat over Turkmenistan.
    """
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        page.goto(site_url + "maps/")
        frame_element = page.locator("iframe[src$='maps/regional.html']")
        frame_element.scroll_into_view_if_needed()
        frame = frame_element.content_frame
        frame.locator("html[data-dr-ready='true']").wait_for(state="attached", timeout=20_000)
        frame.locator("html").evaluate(SETTLED)
        label = frame.locator("html").evaluate(TAJIKISTAN_LABEL)
        assert label is not None, "the regional map should label Tajikistan's drones"
        assert not label["hidden"]
        assert label["gap"] <= NAME_GAP_PX, label
    finally:
        context.close()
