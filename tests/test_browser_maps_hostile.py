"""Hostile editor text in titles, summaries, source titles and place names runs nowhere on the maps."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import build_site, copy_project

pytestmark = pytest.mark.browser

MAP_NAMES = ("factory", "border", "deployments", "regional")
# Each payload would set a flag on the top window if the browser ever ran it.
PAYLOADS = (
    '<img src=x onerror="top.__pwned=1">',
    "</script><script>top.__pwned=2</script>",
    "`${top.__pwned=3}` ${top.__pwned=4}",
)
HOSTILE = " ".join(PAYLOADS)
TARGETS = ("ababil-2-factory-opens", "taliban-suicide-squads-badakhshan", "kyrgyzstan-buys-tb2")
FIND_MAP = "Object.values(window).find(v => v instanceof L.Map)"


def _edit(path: Path, change) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, serve) -> str:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "p")
    data = project / "data"
    for event_id in TARGETS:

        def poison(event: dict) -> None:
            event["title"] = f"T {HOSTILE}"
            event["summary"] = f"Summary {HOSTILE}"

        _edit(data / "events" / f"{event_id}.yaml", poison)
    _edit(data / "sources.yaml", lambda s: s["gosselin-malo-2022"].update(title=f"S {HOSTILE}"))
    _edit(data / "places.yaml", lambda p: p["badakhshan-province"].update(name=f"P {HOSTILE}"))
    _edit(data / "places.yaml", lambda p: p["kyrgyzstan-country"].update(name=f"B {HOSTILE}"))
    out = project / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    return serve(out)


def _assert_not_pwned(page) -> None:
    assert page.evaluate("window.__pwned") is None
    for frame in page.frames:
        assert frame.evaluate("window.__pwned") is None


def _open_popup(page, event_id: str) -> None:
    """Focus the event's shape (its tooltip opens) and press Enter (its popup opens)."""
    found = page.evaluate(
        f"""(id) => {{ const map = {FIND_MAP}; let done = false;
          map.eachLayer(l => {{ if (!done && l.feature && l.feature.properties.id === id) {{
            l.getElement().focus(); done = true; }} }}); return done; }}""",
        event_id,
    )
    assert found
    page.keyboard.press("Enter")


def test_maps_page_with_hostile_text_runs_no_script(page, hostile_site):
    page.goto(hostile_site + "maps/")
    for name in MAP_NAMES:
        page.locator(f"iframe[src$='maps/{name}.html']").scroll_into_view_if_needed()
        frame = page.frame_locator(f"iframe[src$='maps/{name}.html']")
        frame.locator("html[data-dr-ready='true']").wait_for(state="attached")
    # The text versions show the titles as text: the link text is the title itself.
    for details in page.locator("details.dr-map-text").all():
        details.locator("summary").click()
    links = page.locator("details.dr-map-text a", has_text="T <img src=x onerror=")
    assert links.count() >= 3
    assert links.first.inner_text().strip() == f"T {HOSTILE}"
    assert page.locator("details.dr-map-text img").count() == 0
    _assert_not_pwned(page)
    assert page.page_errors == []


@pytest.mark.parametrize(
    ("name", "event_id"),
    [
        ("factory", "ababil-2-factory-opens"),
        ("border", "taliban-suicide-squads-badakhshan"),
        ("deployments", "taliban-suicide-squads-badakhshan"),
        ("regional", "kyrgyzstan-buys-tb2"),
    ],
)
def test_popups_tooltips_and_labels_show_hostile_text_as_text(page, hostile_site, name, event_id):
    page.goto(f"{hostile_site}maps/{name}.html")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    _open_popup(page, event_id)
    popup = page.locator(".leaflet-popup .dr-popup")
    popup.wait_for()
    popup.locator(".dr-popup-sources li").first.wait_for()
    assert popup.locator("a.dr-popup-title").inner_text() == f"T {HOSTILE}"
    assert HOSTILE in popup.locator(".dr-popup-sources").inner_text()
    tooltip = page.locator(".leaflet-tooltip", has_text="T <img src=x")
    assert tooltip.inner_text().startswith(f"T {HOSTILE}")
    if event_id in ("kyrgyzstan-buys-tb2", "taliban-suicide-squads-badakhshan"):
        # Both events sit at a place whose name was poisoned.
        assert HOSTILE in popup.locator(".dr-popup-facts").inner_text()
    assert page.locator(".leaflet-container img:not(.leaflet-tile)").count() == 0
    _assert_not_pwned(page)
    assert page.page_errors == []


def test_locator_shows_a_hostile_place_name_as_text(page, hostile_site):
    page.goto(f"{hostile_site}maps/locator.html#taliban-suicide-squads-badakhshan")
    page.locator("html[data-dr-ready='true']").wait_for(state="attached")
    assert HOSTILE in page.locator(".dr-locator-label").text_content()
    assert page.locator("path.dr-event").count() == 1
    _assert_not_pwned(page)
    assert page.page_errors == []
