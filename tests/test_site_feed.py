"""The Atom feed: valid, stable ids, dates from the data, editor text escaped."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from builder import dates
from builder.pages.feed import events_feed
from builder.site_settings import SiteSettings
from builder.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/minimal/data"
GOLDEN = ROOT / "tests/golden/minimal-feed.xml"
A = "{http://www.w3.org/2005/Atom}"
TEST_SITE = SiteSettings(site_url="https://feed.example.org/site/", site_name="Test Site")
TODAY = dt.date(2025, 1, 1)


def _canonical(xml: str) -> str:
    return ET.canonicalize(xml, strip_text=True)


def test_feed_of_the_fixture_matches_the_hand_written_golden_file() -> None:
    data = load_dataset(FIXTURE, today=TODAY)
    produced = events_feed(data, TEST_SITE)
    assert _canonical(produced) == _canonical(GOLDEN.read_text(encoding="utf-8"))


def test_built_feed_is_atom_with_one_entry_per_event(built_site: Path) -> None:
    data = load_dataset(ROOT / "data")
    feed = ET.parse(built_site / "feed.xml").getroot()
    assert feed.tag == f"{A}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{A}{required}") is not None
    entries = feed.findall(f"{A}entry")
    assert len(entries) == len(data.events)
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        event_id = entry.find(f"{A}id").text.rstrip("/").rsplit("/", 1)[-1]
        event = data.events[event_id]
        assert entry.find(f"{A}title").text == event.title
        start = dates.start(event.date)
        assert entry.find(f"{A}updated").text == f"{start.isoformat()}T00:00:00Z"
        assert entry.find(f"{A}link").attrib["href"] == entry.find(f"{A}id").text
        assert (built_site / "events" / event_id / "index.html").is_file()
    updated = [e.find(f"{A}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.find(f"{A}updated").text == updated[0]


def test_feed_escapes_editor_text_and_renders_identically(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "data")
    event = tmp_path / "data/events/factory-opens.yaml"
    text = event.read_text(encoding="utf-8")
    text = text.replace("title: A factory opens", 'title: "A </title><script>x()</script> opens"')
    text = text.replace(
        "summary: A test", 'summary: "<img src=x onerror=alert(1)> [y](javascript:alert(2)) A test'
    ).replace("capital city.", 'capital city."')
    event.write_text(text, encoding="utf-8")
    data = load_dataset(tmp_path / "data", today=TODAY)
    first = events_feed(data, TEST_SITE)
    assert events_feed(data, TEST_SITE) == first
    feed = ET.fromstring(first)
    entry = next(
        e for e in feed.findall(f"{A}entry") if e.find(f"{A}id").text.endswith("/factory-opens/")
    )
    assert entry.find(f"{A}title").text == "A </title><script>x()</script> opens"
    content = entry.find(f"{A}content").text
    assert "onerror" not in content
    assert "javascript:" not in content
