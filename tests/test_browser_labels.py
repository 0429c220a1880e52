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
