"""The site search indexes each event on its own page and each source in the bibliography.

Lists that repeat other pages (events beside a map or chart, an actor's
events, an event's sources, footnote citations) stay on their pages for
readers but out of ``search/search_index.json``, which a reader's browser
downloads whole on first searching (docs/assets/js/lazy-requests.js).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from conftest import ROOT
from site_html import page

from builder.html.search import NOT_INDEXED, unindexed_heading
from builder.record.validate import Dataset, load_dataset

LISTING_PAGES = ("timeline/", "events/", "actors/", "reference/drones/", "reference/sources/")
"""Pages (and folders of pages) that list events generated from the data."""


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def index(built_site: Path) -> list[dict[str, str]]:
    return json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def _indexed(entry: dict[str, str]) -> str:
    return entry["title"] + " " + entry["text"]


def _listing(location: str) -> bool:
    page_path = location.split("#")[0]
    if page_path.startswith("events/") and page_path != "events/":
        return False  # an event's own page
    return page_path.startswith(LISTING_PAGES)


def test_event_listings_leave_event_titles_to_the_events_own_pages(
    index: list[dict[str, str]], data: Dataset
) -> None:
    titles = {html.escape(ev.title, quote=False) for ev in data.events.values()}
    listings = [e for e in index if _listing(e["location"])]
    assert {e["location"].split("/")[0] for e in listings} >= {"timeline", "events", "actors"}
    for entry in listings:
        found = sorted(t for t in titles if t in _indexed(entry))
        assert not found, (entry["location"], found[:3])


def test_each_event_title_is_indexed_on_its_own_page(
    index: list[dict[str, str]], data: Dataset
) -> None:
    for event_id, event in data.events.items():
        title = html.escape(event.title, quote=False)
        own = [e for e in index if e["location"].startswith(f"events/{event_id}/")]
        assert any(title in _indexed(e) for e in own), event_id


def test_maps_page_indexes_at_most_a_fact_naming_an_event(
    index: list[dict[str, str]], data: Dataset
) -> None:
    # The regional map lists every located event; only a figure table may name one.
    titles = {html.escape(ev.title, quote=False) for ev in data.events.values()}
    maps = " ".join(_indexed(e) for e in index if e["location"].startswith("maps/"))
    assert sum(t in maps for t in titles) <= 1


def test_source_addresses_are_indexed_in_the_bibliography_only(
    index: list[dict[str, str]], data: Dataset
) -> None:
    for source_id, source in data.sources.items():
        url = html.escape(str(source.url), quote=False)
        where = {e["location"].split("#")[0] for e in index if url in e["text"]}
        assert where == {"reference/sources/"}, (source_id, where)
    assert not [e for e in index if e["location"].endswith("#sources")]


def test_left_out_blocks_stay_on_the_pages(built_site: Path, data: Dataset) -> None:
    event_id, event = next((k, v) for k, v in data.events.items() if len(v.sources) > 1)
    sources = page(built_site, f"events/{event_id}/").find("ol", class_="dr-sources")
    assert len(sources.find_all("li")) == len(event.sources)
    maps = page(built_site, "maps/")
    excluded = [t for t in maps.find_all("table") if NOT_INDEXED in t.attrs]
    rows = [a for t in excluded for a in t.find_all("a") if "/events/" in a.attrs["href"]]
    located = [e for e in data.events.values() if data.coordinates(e) is not None]
    assert len({a.attrs["href"] for a in rows}) == len(located)


def test_unindexed_heading_is_a_markdown_heading_with_the_attribute() -> None:
    heading = unindexed_heading("Sources", level=3)
    assert heading.startswith("### Sources ")
    assert "{: " + NOT_INDEXED + " }" in heading
