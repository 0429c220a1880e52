"""Event pages and the events index, read from the real strict build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from site_html import page

from builder.record import dates
from builder.record.countries import country_name
from builder.record.validate import load_dataset
from builder.site_settings import published_at

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dataset(ROOT / "data")


def _by_date() -> list[str]:
    # Independent of the builder's ordering: sort by first possible day, then id.
    return sorted(DATA.events, key=lambda e: (dates.start(DATA.events[e].date), e))


def _edit_base() -> str | None:
    """Where this environment's build links edits (builder.site_settings): a GitHub Actions
    run links to its repository; a local build has no repository to link to."""
    return published_at(os.environ).data_edit_url


def test_every_event_page_has_its_facts(built_site: Path) -> None:
    ordered = _by_date()
    for i, event_id in enumerate(ordered):
        event = DATA.events[event_id]
        tree = page(built_site, f"events/{event_id}/")
        assert tree.find("h1").text() == event.title
        assert tree.find("title").text().startswith(event.title)
        time = tree.find("dl", class_="dr-facts").find("time")
        assert time.attrs["datetime"] == event.date
        assert time.text().startswith(dates.display(event.date))
        status = tree.find("span", class_=f"dr-status-{event.status}")
        assert status is not None, event_id
        summary_words = event.summary.split()[:4]
        assert " ".join(summary_words) in tree.find("div", class_="dr-summary").text()
        sources = tree.find("ol", class_="dr-sources").find_all("li")
        assert len(sources) == len(event.sources)
        hrefs = {a.attrs["href"] for li in sources for a in li.find_all("a")}
        assert {str(DATA.sources[s].url) for s in event.sources} <= hrefs
        pager = tree.find("nav", class_="dr-pager")
        prev = pager.find("a", rel="prev")
        following = pager.find("a", rel="next")
        if i > 0:
            assert prev.attrs["href"] == f"../{ordered[i - 1]}/"
        else:
            assert prev is None
        if i + 1 < len(ordered):
            assert following.attrs["href"] == f"../{ordered[i + 1]}/"
        else:
            assert following is None
        edit_base = _edit_base()
        if edit_base is None:
            assert tree.find("p", class_="dr-edit") is None
        else:
            edit = tree.find("p", class_="dr-edit").find("a")
            assert edit.attrs["href"] == f"{edit_base}{event_id}.yaml"


def test_event_pages_show_systems_and_who_claims_and_denies(built_site: Path) -> None:
    claims = [e for e in DATA.events if DATA.events[e].claimed_by]
    assert claims
    for event_id in claims:
        event = DATA.events[event_id]
        block = page(built_site, f"events/{event_id}/").find("dl", class_="dr-claim")
        said = block.text()
        for actor in event.claimed_by + event.denied_by:
            assert DATA.actors[actor].name in said
    with_systems = [e for e in DATA.events if DATA.events[e].systems]
    assert with_systems
    for event_id in with_systems:
        items = page(built_site, f"events/{event_id}/").find("ul", class_="dr-systems")
        names = [a.text() for a in items.find_all("a")]
        assert names == [DATA.systems[s].name for s in DATA.events[event_id].systems]


def test_located_event_pages_embed_the_locator_map_when_it_exists(built_site: Path) -> None:
    locator = (built_site / "maps/locator.html").is_file()
    for event_id, event in DATA.events.items():
        frames = [
            f
            for f in page(built_site, f"events/{event_id}/").find_all("iframe")
            if "locator.html" in f.attrs.get("src", "")
        ]
        if locator and DATA.coordinates(event) is not None:
            assert len(frames) == 1, event_id
            src = frames[0].attrs["src"]
            assert src.startswith(f"../../maps/locator.html#{event_id}&")
            params = dict(pair.split("=") for pair in src.split("#")[1].split("&")[1:])
            lat, lon = DATA.coordinates(event)
            assert (float(params["lat"]), float(params["lon"])) == pytest.approx((lat, lon))
            assert params["status"] == event.status
            assert params.get("place") == event.place
            assert frames[0].attrs["title"]
            assert frames[0].attrs["loading"] == "lazy"
        else:
            assert frames == [], event_id


def test_events_index_is_a_plain_table_with_filter_keys(built_site: Path) -> None:
    tree = page(built_site, "events/")
    table = tree.find("table", class_="dr-events-index")
    headers = [th.text() for th in table.find("thead").find_all("th")]
    assert headers == ["Date", "Event", "Countries", "Category", "Status", "Added"]
    rows = table.find("tbody").find_all("tr")
    assert [r.attrs["id"] for r in rows] == _by_date()
    for row in rows:
        event = DATA.events[row.attrs["id"]]
        link = row.find("a")
        assert link.attrs["href"] == f"{row.attrs['id']}/"
        assert link.text() == event.title
        assert row.attrs["data-category"] == event.category
        assert row.attrs["data-status"] == event.status
        codes = row.attrs["data-countries"].split()
        if event.place:
            assert DATA.places[event.place].country in codes
        cells = row.find_all("td")
        assert cells[2].text() == ", ".join(country_name(c) for c in codes)
    # Without JavaScript nothing is hidden: the controls start hidden, the rows do not.
    assert "hidden" in tree.find("div", class_="dr-index-controls").attrs
    assert not any("hidden" in r.attrs for r in rows)


def test_generated_pages_stay_out_of_the_sidebar(built_site: Path) -> None:
    for path in ("events/", f"events/{_by_date()[0]}/", "actors/"):
        sidebar = page(built_site, path).find("nav", class_="md-nav--primary")
        targets = [
            a.attrs.get("href", "").rstrip("/").split("/")[-1] for a in sidebar.find_all("a")
        ]
        assert "Add an event" in sidebar.text()  # the explicit nav is there
        assert not set(targets) & set(DATA.events), path
        assert not set(targets) & set(DATA.actors), path
