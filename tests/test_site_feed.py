"""The Atom feed: valid, stable ids, dates from the repository's history, editor text escaped."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from builder.pages.feed import events_feed
from builder.record.record_dates import parse_git_log
from builder.record.validate import load_dataset
from builder.site_settings import SiteSettings

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/minimal/data"
GOLDEN = ROOT / "tests/golden/minimal-feed.xml"
A = "{http://www.w3.org/2005/Atom}"
TEST_SITE = SiteSettings(site_url="https://feed.example.org/site/", site_name="Test Site")
TODAY = dt.date(2025, 1, 1)


def _canonical(xml: str) -> str:
    return ET.canonicalize(xml, strip_text=True)


def _epoch(stamp: str) -> int:
    return int(dt.datetime.fromisoformat(stamp).timestamp())


# Newest commit first, as git log prints it: one edit, one addition, the first two files.
FIXTURE_LOG = (
    f"\x1e{_epoch('2023-11-14T22:13:20+00:00')}\x1fHEAD -> main\n\n"
    "M\tdata/events/border-claim.yaml\n"
    f"\x1e{_epoch('2023-07-22T04:26:40+00:00')}\x1f\n\n"
    "A\tdata/events/factory-opens.yaml\n"
    f"\x1e{_epoch('2023-03-28T10:40:00+00:00')}\x1f\n\n"
    "A\tdata/events/border-claim.yaml\nA\tdata/events/trade-pledge.yaml\n"
)


def test_feed_of_the_fixture_matches_the_hand_written_golden_file() -> None:
    data = load_dataset(FIXTURE, today=TODAY)
    produced = events_feed(data, TEST_SITE, parse_git_log(FIXTURE_LOG, 0))
    assert _canonical(produced) == _canonical(GOLDEN.read_text(encoding="utf-8"))


def _git_times(path: str) -> list[str]:
    """Commit times (newest first) that touched ``path``, asked of git one file at a time."""
    out = subprocess.run(
        ["git", "log", "--format=%cI", "--", path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, TZ="UTC"),
    ).stdout
    return out.split()


def _zulu(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
        times = _git_times(f"data/events/{event_id}.yaml")
        if times:  # committed: added with its first commit, updated with its last
            assert entry.find(f"{A}published").text == _zulu(times[-1]), event_id
            assert entry.find(f"{A}updated").text == _zulu(times[0]), event_id
        else:  # no history: the build's SOURCE_DATE_EPOCH (14 August 2022, see conftest)
            assert entry.find(f"{A}published").text == "2022-08-14T00:00:00Z", event_id
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
