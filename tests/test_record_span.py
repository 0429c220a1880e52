"""The record after the article: its span on the home page, the Sources page grouped by
origin, the chapter "After the article", and every event reaching every generated page."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

from site_html import page

from builder.pages.bibliography import ORIGIN_SECTIONS, sources_by_origin
from builder.record import dates, record_span
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dataset(ROOT / "data")
PUBLISHED = "2022-08-14"
"""The article's publication date."""


def extremes() -> tuple[str, str]:
    """Ids of the earliest-starting and the latest-reaching event, found by brute force."""
    first = min(DATA.events, key=lambda k: (dates.start(DATA.events[k].date), k))
    last = max(
        DATA.events,
        key=lambda k: (dates.end(DATA.events[k].end_date or DATA.events[k].date), k),
    )
    return first, last


# --- the span, computed -----------------------------------------------------


def test_span_runs_from_the_earliest_to_the_latest_event() -> None:
    span = record_span.record_span(DATA)
    first, last = extremes()
    assert (span.first_id, span.last_id) == (first, last)
    assert span.first_date == DATA.events[first].date
    assert span.events == len(DATA.events)
    # The record now reaches past the article.
    assert dates.start(span.last_date) > dates.start(PUBLISHED)


def test_a_new_event_moves_the_span_with_no_page_edit() -> None:
    template = DATA.events["kyrgyzstan-buys-tb2"]
    later = template.model_copy(update={"date": "2026-11-30", "title": "A later test event"})
    more = replace(DATA, events={**DATA.events, "zz-later": later})
    span = record_span.record_span(more)
    assert span.last_id == "zz-later"
    assert span.events == len(DATA.events) + 1
    block = record_span.expand("[[record span]]\n", more, "index.md")
    assert "30 November 2026" in block
    assert "(events/zz-later.md)" in block


def test_an_end_date_counts_towards_the_span() -> None:
    template = DATA.events["kyrgyzstan-buys-tb2"]
    lasting = template.model_copy(update={"date": "2021-01", "end_date": "2026-10"})
    more = replace(DATA, events={**DATA.events, "zz-lasting": lasting})
    span = record_span.record_span(more)
    assert (span.last_id, span.last_date) == ("zz-lasting", "2026-10")


def test_span_links_are_relative_to_the_page() -> None:
    span = record_span.record_span(DATA)
    top = record_span.span_markdown(span, "index.md")
    deep = record_span.span_markdown(span, "chapters/after-the-article.md")
    assert f"](events/{span.first_id}.md)" in top
    assert f"](../events/{span.last_id}.md)" in deep


def test_only_a_directive_on_its_own_line_is_expanded() -> None:
    text = "Write `[[record span]]` alone on a line.\n"
    assert record_span.expand(text, DATA, "index.md") == text
    assert record_span.expand("no directive\n", DATA, "index.md") == "no directive\n"


def test_titles_in_the_span_are_escaped() -> None:
    template = DATA.events["kyrgyzstan-buys-tb2"]
    odd = template.model_copy(update={"date": "2026-11-30", "title": "<b>[x]</b>"})
    more = replace(DATA, events={**DATA.events, "zz-odd": odd})
    block = record_span.expand("[[record span]]\n", more, "index.md")
    assert "<b>" not in block
    assert "\\[x\\]" in block


def test_home_page_gives_the_span_computed_from_the_data(built_site: Path) -> None:
    tree = page(built_site, "")
    block = tree.find("div", class_="dr-record-span")
    assert block is not None
    first, last = extremes()
    shown = block.text()
    assert dates.display(DATA.events[first].date) in shown
    end = DATA.events[last].end_date or DATA.events[last].date
    assert dates.display(end) in shown
    hrefs = [a.attrs.get("href", "") for a in block.find_all("a")]
    assert any(f"events/{first}/" in h for h in hrefs)
    assert any(f"events/{last}/" in h for h in hrefs)
    assert "[[record span]]" not in tree.text()


# --- the Sources page, grouped by origin ------------------------------------


def heading_text(node) -> str:
    """A heading's words without the permalink mark Material appends."""
    return node.text().rstrip("¶").strip()


def test_sources_page_groups_every_source_under_its_origin(built_site: Path) -> None:
    tree = page(built_site, "reference/sources/")
    headings = [heading_text(h) for h in tree.find_all("h2")]
    wanted = [heading for origin, (heading, _) in ORIGIN_SECTIONS.items()]
    assert [h for h in headings if h in wanted] == wanted
    groups = sources_by_origin(DATA)
    for origin, (heading, _) in ORIGIN_SECTIONS.items():
        h2 = next(h for h in tree.find_all("h2") if heading_text(h) == heading)
        siblings = h2.parent.children
        after = siblings[siblings.index(h2) + 1 :]
        listing = next(n for n in after if not isinstance(n, str) and n.tag == "ol")
        listed = [li.attrs["id"] for li in listing.find_all("li")]
        expected = sorted(k for k, s in DATA.sources.items() if s.origin == origin)
        assert sorted(listed) == expected, origin
        assert listed == groups[origin], origin


def test_added_sources_are_listed_oldest_first() -> None:
    added = sources_by_origin(DATA)["added"]
    starts = [dates.start(DATA.sources[k].date) for k in added]
    assert starts == sorted(starts)
    assert len(added) >= 20


def test_methodology_explains_how_added_sources_are_chosen(built_site: Path) -> None:
    tree = page(built_site, "reference/methodology/")
    section = tree.find(id="sources-we-added")
    assert section is not None
    body = tree.text()
    for phrase in ("original publisher", "read the page ourselves", "repost"):
        assert phrase in body, phrase


# --- the chapter ------------------------------------------------------------


def test_after_the_article_chapter_follows_the_other_chapters() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    story = nav[nav.index("  - Chapters:") : nav.index("  - Explore:")]
    chapters = re.findall(r"chapters/([a-z-]+)\.md", story)
    assert chapters[-1] == "after-the-article"
    assert len(chapters) >= 5


def test_after_the_article_chapter_is_long_enough_and_cites_added_sources() -> None:
    text = (ROOT / "docs/chapters/after-the-article.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    cited = set(re.findall(r"\[\^([a-z0-9-]+)\]", body))
    assert cited <= set(DATA.sources)
    assert sum(DATA.sources[c].origin == "added" for c in cited) >= 10
    prose = re.sub(r"\[\^[^\]]+\]|\[\[[^\]]+\]\]|\{:[^}]*\}", "", body)
    assert len(prose.split()) >= 400


# --- every event reaches every generated page -------------------------------


def test_every_event_reaches_the_feed_downloads_timeline_and_actor_pages(
    built_site: Path,
) -> None:
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((built_site / "data/events.csv").read_text())))
    in_csv = {row["id"] for row in rows}
    geojson = json.loads((built_site / "data/events.geojson").read_text(encoding="utf-8"))
    in_geojson = {f["properties"]["id"] for f in geojson["features"]}
    timeline = (built_site / "data/charts/timeline.json").read_text(encoding="utf-8")
    index = page(built_site, "events/")
    index_links = {a.attrs.get("href", "") for a in index.find_all("a")}
    for event_id, event in DATA.events.items():
        assert f"events/{event_id}/" in feed, event_id
        assert event_id in in_csv, event_id
        if event.place or event.location:
            assert event_id in in_geojson, event_id
        assert f"events/{event_id}/" in timeline, event_id
        assert any(h.endswith(f"{event_id}/") for h in index_links), event_id
        assert (built_site / "events" / event_id / "index.html").exists(), event_id
        for actor in {*event.actors, *event.claimed_by, *event.denied_by}:
            actor_page = (built_site / "actors" / actor / "index.html").read_text()
            assert f"events/{event_id}/" in actor_page, (actor, event_id)


# --- the regional map's country labels --------------------------------------


def test_country_labels_name_a_claim_as_a_claim() -> None:
    from builder.maps.regional import drones_by_country

    claimed = DATA.events["tajikistan-buys-tb2"]
    assert claimed.status == "claimed"
    lines = drones_by_country(DATA)["TJK"]["lines"]
    assert "buys Bayraktar TB2 (claimed)" in lines
    assert "buys Bayraktar TB2" not in lines
    # Once any event confirms it, the label states it plainly.
    confirmed = claimed.model_copy(update={"status": "confirmed", "claimed_by": []})
    more = replace(DATA, events={**DATA.events, "zz-confirmed": confirmed})
    lines = drones_by_country(more)["TJK"]["lines"]
    assert "buys Bayraktar TB2" in lines
    assert "buys Bayraktar TB2 (claimed)" not in lines
