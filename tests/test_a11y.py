"""Accessibility: axe-core on every kind of page, and maps and timelines by keyboard.

axe-core comes from the npm registry (``node_modules``, a devDependency) and is
injected by the test, never shipped. The site's Content-Security-Policy would
rightly refuse an injected script, so only these contexts bypass it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BLANK_PNG
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sitecheck import PageReport, check_charts, new_context, page_urls, published_path, serve_site

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = ("serious", "critical")
"""axe impact levels that fail the build."""

SAME_TEMPLATE_SAMPLE = 3
"""A folder with more sub-pages than this holds generated pages of one template: check one."""

RUN_AXE = """
async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}
"""

FOCUSED = """
() => {
  let doc = document, el = document.activeElement;
  while (el && el.tagName === "IFRAME" && el.contentDocument) {
    doc = el.contentDocument; el = doc.activeElement;
  }
  return el;
}
"""

DESCRIBE = (
    "el => el ? `<${el.tagName.toLowerCase()} class='${el.getAttribute('class')}'>` : 'nothing'"
)


@pytest.fixture(scope="module")
def site_base(built_site: Path, root: Path) -> Iterator[str]:
    with serve_site(built_site, published_path(root / "mkdocs.yml")) as base:
        yield base


def pages_to_audit(site: Path) -> list[str]:
    """Every page, except that generated families (events/<id>/...) are sampled once."""
    rels = sorted(page_urls(site, "").keys())
    children: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        parts = rel.split("/")
        if len(parts) >= 3 and parts[-1] == "index.html":
            children["/".join(parts[:-2])].append(rel)
    skipped = {
        rel
        for family in children.values()
        if len(family) > SAME_TEMPLATE_SAMPLE
        for rel in family[1:]
    }
    return [rel for rel in rels if rel not in skipped]


def _audit(context, url: str, axe_source: str) -> list[dict]:
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        check_charts(page, PageReport(url))  # audit charts as drawn, not as empty boxes
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(RUN_AXE)
    finally:
        page.close()
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_axe_violations_on_any_kind_of_page(
    browser, built_site, site_base, root, scheme
):
    axe_source = (root / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
    audited = pages_to_audit(built_site)
    kinds = {
        "home": "index.html",
        "map page": "maps/index.html",
        "timeline": "timeline/index.html",
        "events index": "events/index.html",
    }
    for kind, rel in kinds.items():
        assert rel in audited, f"no {kind} page ({rel}) to audit"
    assert any(r.startswith("events/") and r != "events/index.html" for r in audited), (
        "no event page"
    )
    assert any(r.startswith("maps/") and not r.endswith("index.html") for r in audited), "no map"
    if scheme == "dark":  # the second palette: same templates, so the main kinds are enough
        audited = [r for r in audited if r in kinds.values() or r.startswith("events/")][:6]
    context = new_context(browser, BLANK_PNG, bypass_csp=True, color_scheme=scheme)
    try:
        found = {rel: _audit(context, site_base + rel, axe_source) for rel in audited}
    finally:
        context.close()
    failures = {rel: v for rel, v in found.items() if v}
    assert failures == {}, "\n".join(
        f"{rel}: " + "; ".join(f"{v['id']} ({v['impact']}) {v['help']} at {v['nodes']}" for v in vs)
        for rel, vs in failures.items()
    )


# --- keyboard ---------------------------------------------------------------


FOCUS_LOG = """
document.addEventListener("focusin", e => { (window.__focused = window.__focused || []).push(e.target.id); }, true);
"""


def _tab_to(page, selector: str, limit: int = 250) -> bool:
    """Press Tab until the focused element (through iframes) matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate_handle(FOCUSED).evaluate(f"el => !!el && el.matches({selector!r})"):
            return True
    return False


def _pages_with_embeds(site: Path) -> list[str]:
    return [
        rel
        for rel in sorted(page_urls(site, ""))
        if 'class="dr-embed"' in (site / rel).read_text(encoding="utf-8")
    ]


def test_every_map_and_chart_has_a_skip_link_that_moves_focus_past_it(
    browser, built_site, site_base
):
    pages = _pages_with_embeds(built_site)
    assert "maps/index.html" in pages
    assert "timeline/index.html" in pages
    context = new_context(browser, BLANK_PNG)
    context.add_init_script(FOCUS_LOG)
    checked = 0
    try:
        for rel in pages:
            page = context.new_page()
            page.goto(site_base + rel, wait_until="load")
            embeds = page.locator(".dr-embed")
            for i in range(embeds.count()):
                embed = embeds.nth(i)
                skip = embed.locator(":scope > a.dr-skip")
                assert skip.count() == 1, f"{rel}: embed {i} has no skip link"
                target = skip.get_attribute("href")
                target_id = target.rpartition("#")[2]  # Material rewrites hrefs to full URLs
                page.locator("body").focus()
                assert _tab_to(page, f"a.dr-skip[href='{target}']"), f"{rel}: {target} unreachable"
                assert skip.is_visible(), f"{rel}: the focused skip link is not shown"
                page.evaluate("() => { window.__focused = []; }")
                page.keyboard.press("Enter")
                # Activation moves focus to the target (a focus log: focus may move on later).
                page.wait_for_function(
                    "id => (window.__focused || []).includes(id)",
                    arg=target_id,
                    polling=100,
                    timeout=15000,
                )
                # Past the embed: the target follows every focusable thing the embed holds.
                past = embed.evaluate(
                    """(e, id) => {
                      const t = document.getElementById(id);
                      const inner = e.querySelectorAll("a[href], button, iframe, input, select, [tabindex]");
                      return !!t && [...inner].every(el => el === t || el.classList.contains("dr-skip")
                        || !!(el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING));
                    }""",
                    target_id,
                )
                assert past, f"{rel}: the skip target #{target_id} does not come after the embed"
                # The next Tab lands after the embed, not inside it.
                page.keyboard.press("Tab")
                after = embed.evaluate(
                    """e => { const a = document.activeElement;
                      return a === document.body || !e.contains(a); }"""
                )
                assert after, f"{rel}: Tab after the skip link went back into the embed"
                checked += 1
            page.close()
    finally:
        context.close()
    assert checked >= 2


MAP_STATE = """
() => {
  for (const key of Object.keys(window)) {
    let value;
    try { value = window[key]; } catch (e) { continue; }
    if (window.L && value instanceof L.Map) {
      const c = value.getCenter();
      return [value.getZoom(), Math.round(c.lng * 1000)];
    }
  }
  return null;
}
"""


def _press_until(page, key: str, condition: str, attempts: int = 4) -> bool:
    # Leaflet ignores keys while a zoom animation runs, and on a loaded machine
    # focus can briefly leave the map; so wait for the map to settle, put focus
    # back where the keyboard user left it, and press again a few times.
    for _ in range(attempts):
        page.wait_for_function(
            "() => !document.querySelector('.leaflet-zoom-anim')", polling=100, timeout=15000
        )
        if not page.evaluate(
            "() => !!document.activeElement && document.activeElement.matches('.leaflet-container')"
        ):
            page.locator(".leaflet-container").first.focus()
        page.keyboard.press(key)
        try:
            page.wait_for_function(condition, polling=100, timeout=4000)
            return True
        except PlaywrightTimeout:
            continue
    return False


def test_every_map_is_reached_and_operated_by_keyboard(browser, built_site, site_base):
    documents = [
        rel
        for rel in sorted(page_urls(built_site, ""))
        if rel.startswith("maps/") and not rel.endswith("index.html")
    ]
    assert documents
    context = new_context(browser, BLANK_PNG)
    try:
        for rel in documents:
            page = context.new_page()
            page.goto(site_base + rel, wait_until="load")
            page.locator(".leaflet-container").wait_for()
            before = page.evaluate(MAP_STATE)
            assert before is not None, f"{rel}: no Leaflet map found"
            assert _tab_to(page, ".leaflet-container", limit=30), f"{rel}: map not reachable"
            assert _press_until(page, "Equal", f"() => ({MAP_STATE})()[0] > {before[0]}"), (
                f"{rel}: the zoom-in key did not zoom"
            )
            assert _press_until(page, "ArrowRight", f"() => ({MAP_STATE})()[1] > {before[1]}"), (
                f"{rel}: the arrow key did not pan"
            )
            page.close()
    finally:
        context.close()


CHART_VIEW = """
() => {
  const div = document.querySelector("#chart-timeline");
  const layout = div && div._fullLayout;
  if (!layout) return null;
  return JSON.stringify([layout.xaxis && layout.xaxis.range,
                         (div._fullData || []).map(t => [t.visible, (t.x || []).length])]);
}
"""


def test_timeline_is_reached_and_operated_by_keyboard(browser, site_base):
    context = new_context(browser, BLANK_PNG)
    try:
        page = context.new_page()
        page.goto(site_base + "timeline/", wait_until="load")
        page.locator("#chart-timeline[data-drawn='true']").wait_for(timeout=15000)
        assert _tab_to(page, "a.dr-skip[href$='#after-chart-timeline']")
        embed = page.locator(".dr-embed:has(#chart-timeline)")
        start = page.evaluate(CHART_VIEW)
        changed = False
        # Every control inside the timeline, in tab order, until one changes the view.
        for _ in range(40):
            page.keyboard.press("Tab")
            focused = page.evaluate_handle(FOCUSED)
            if not embed.evaluate("(e, el) => e.contains(el)", focused):
                break
            kind = focused.evaluate("el => el.tagName + ':' + (el.type || '')")
            if kind in ("INPUT:checkbox", "INPUT:radio"):
                page.keyboard.press("Space")
            elif kind.startswith("BUTTON"):
                page.keyboard.press("Enter")
            else:
                continue  # links would leave the page; selects are operated by arrows

            page.wait_for_timeout(150)
            if page.evaluate(CHART_VIEW) != start:
                changed = True
                break
        assert changed, "no control in the timeline changed its view from the keyboard"
    finally:
        context.close()
