"""The explore page and its map document as the builder writes them (no browser).

The page must carry no copy of the record (it reads ``data/events.geojson``), its map must
draw each event as every other map does, and the links into it must say the view they mean.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from builder.charts.facets import involved_actors
from builder.html.held_html import release_all
from builder.maps.areas import load_geography
from builder.maps.explore import SYMBOLS_ELEMENT_ID, area_symbols, explore_map, symbol_key
from builder.maps.features import event_feature
from builder.maps.story import step_views
from builder.pages.explore import CONFIG_ELEMENT_ID, explore_fragment, explore_page
from builder.pages.story import step_explore_link
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dataset(ROOT / "data")
GEOGRAPHY = load_geography()


def _json_element(document: str, element_id: str) -> dict:
    match = re.search(
        rf'<script type="application/json" id="{element_id}">(.*?)</script>', document, re.S
    )
    assert match, element_id
    return json.loads(match.group(1))


def test_the_fragment_names_the_view_in_a_fixed_order() -> None:
    assert explore_fragment() == ""
    assert (
        explore_fragment(event="a-b", start="2021-08-15", end="2022", category="conflict")
        == "from=2021-08-15&to=2022&category=conflict&event=a-b"
    )
    assert explore_fragment(actor="kyrgyzstan", status="claimed") == (
        "actor=kyrgyzstan&status=claimed"
    )


def test_the_map_draws_each_event_as_the_other_maps_do() -> None:
    symbols = area_symbols(DATA, GEOGRAPHY)
    document = explore_map(DATA, GEOGRAPHY)
    written = _json_element(document, SYMBOLS_ELEMENT_ID)
    assert written["areas"] == symbols
    checked = 0
    for event_id, event in DATA.chronological():
        feature = event_feature(event_id, DATA, GEOGRAPHY)
        if feature is None:
            continue
        place = DATA.places[event.place].name if event.place else None
        key = symbol_key(place, DATA.precision(event))
        p = feature["properties"]
        if "shape" in p:
            assert symbols[key] == {"shape": p["shape"]}, event_id
            assert p["shape"] in written["shapes"], event_id
            checked += 1
        elif "radius_km" in p:
            assert symbols[key] == {"radius_km": p["radius_km"]}, event_id
            checked += 1
        else:
            assert key not in symbols, event_id
    assert checked, "the record has events known only roughly"


def test_the_page_carries_no_copy_of_the_record() -> None:
    markdown = explore_page(DATA)
    for event in DATA.events.values():
        assert event.title not in markdown
        assert event.summary[:60] not in markdown
    config = _json_element(release_all(markdown), CONFIG_ELEMENT_ID)
    assert config["events"] == "../data/explore.json"
    named = {a for ev in DATA.events.values() for a in involved_actors(ev)}
    assert set(config["actors"]) == named
    assert set(config["categories"]) >= {ev.category for ev in DATA.events.values()}


def test_without_javascript_the_page_links_to_the_record() -> None:
    markdown = explore_page(DATA)
    noscript = re.search(r"<noscript>(.*?)</noscript>", markdown, re.S)
    # The app is held as one block; the hook puts it back in the finished page.
    assert noscript is None
    html = release_all(markdown)
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S)
    assert noscript
    assert 'href="../events/"' in noscript.group(1)
    assert 'href="../maps/"' in noscript.group(1)
    assert f"{len(DATA.events)} events" in noscript.group(1)


def test_explore_is_first_under_explore_in_the_navigation() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    explore = next(item["Explore"] for item in config["nav"] if "Explore" in item)
    assert list(explore[0].values()) == ["explore/index.md"]


def test_each_story_step_links_to_its_period_and_first_located_event() -> None:
    for view in step_views(DATA, GEOGRAPHY):
        link = step_explore_link(view)
        assert link.startswith("../explore/#")
        query = dict(part.split("=", 1) for part in link.split("#", 1)[1].split("&"))
        assert query["from"] == view.start
        assert query["to"] == view.end
        assert query["event"] == view.events[0]
        assert DATA.coordinates(DATA.events[query["event"]]) is not None
