"""Evidence a reader can check: how each date is known, and addresses that lead to the page.

The expected values come from the data files as written (read here with
PyYAML, not through the builder) or from small edits to the test fixture, never
from the output under test.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from site_html import page

from builder.downloads import exports
from builder.pages import bibliography, events
from builder.record.validate import load_dataset

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def raw_events() -> dict[str, dict]:
    """Every event file as written, by id."""
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "data/events").glob("*.yaml"))
    }


RAW = raw_events()
RAW_SOURCES = yaml.safe_load((ROOT / "data/sources.yaml").read_text(encoding="utf-8"))


def test_every_event_says_how_its_date_is_known() -> None:
    for event_id, event in RAW.items():
        kinds = [k for k in ("date_stated_by", "date_inferred") if k in event]
        assert len(kinds) == 1, (event_id, kinds)
        if "date_stated_by" in event:
            assert event["date_stated_by"] in event["sources"], event_id
        else:
            # A sentence a reader can follow, not a placeholder.
            assert len(event["date_inferred"].split()) >= 6, event_id


def test_no_source_address_has_a_port_preview_host_or_bare_shortener() -> None:
    for source_id, source in RAW_SOURCES.items():
        for key in ("url", "resolved_url"):
            if key not in source:
                continue
            url = source[key]
            assert not re.match(r"^https?://[^/]+:\d+", url), (source_id, url)
            for marker in ("pangea-cms", "/preview/", "staging.", "?sh=", "utm_"):
                assert marker not in url, (source_id, url)
        if re.match(r"^https?://(bit\.ly|tinyurl\.com|t\.co)/", source["url"]):
            assert "resolved_url" in source or "unresolved" in source, source_id


def test_each_event_page_shows_how_its_date_is_known(built_site: Path) -> None:
    for event_id, event in RAW.items():
        tree = page(built_site, f"events/{event_id}/")
        facts = tree.find("dl", class_="dr-facts")
        basis = facts.find("span", class_="dr-date-basis")
        assert basis is not None, event_id
        if "date_stated_by" in event:
            source = RAW_SOURCES[event["date_stated_by"]]
            assert basis.text().startswith(f"Date as given by {source['publisher']}"), event_id
            link = basis.find("a")
            assert link.attrs["href"] == f"#source-{event['date_stated_by']}"
            # The link lands on that source in the page's own list of sources.
            cited = tree.find("ol", class_="dr-sources").find("li", id=link.attrs["href"][1:])
            assert cited is not None, event_id
        else:
            assert basis.text().startswith("Date inferred: "), event_id
            assert " ".join(event["date_inferred"].split()) in " ".join(basis.text().split())


def test_sources_page_counts_stated_and_inferred_dates(built_site: Path) -> None:
    stated = sum(1 for e in RAW.values() if "date_stated_by" in e)
    inferred = sum(1 for e in RAW.values() if "date_inferred" in e)
    text = " ".join(page(built_site, "reference/sources/").find("article").text().split())
    assert f"Of the {len(RAW)} events, {stated} have a date" in text
    assert f"and {inferred} a date we worked out" in text


def test_sources_page_names_the_events_each_source_dates(built_site: Path) -> None:
    tree = page(built_site, "reference/sources/")
    for event_id, event in RAW.items():
        if "date_stated_by" not in event:
            continue
        entry = tree.find("li", id=event["date_stated_by"])
        dated = entry.find("span", class_="dr-dates")
        assert dated is not None, event["date_stated_by"]
        assert f"../../events/{event_id}/" in [a.attrs["href"] for a in dated.find_all("a")]


def test_downloads_carry_how_each_date_is_known() -> None:
    data = load_dataset(ROOT / "data")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(exports.events_csv(data)))}
    features = {f["id"]: f["properties"] for f in exports.events_geojson(data)["features"]}
    for event_id, event in RAW.items():
        assert rows[event_id]["date_stated_by"] == event.get("date_stated_by", "")
        assert rows[event_id]["date_inferred"] == " ".join(event.get("date_inferred", "").split())
        assert features[event_id]["date_stated_by"] == event.get("date_stated_by")
        inferred = features[event_id]["date_inferred"]
        assert (inferred and " ".join(inferred.split())) == (
            event.get("date_inferred") and " ".join(event["date_inferred"].split())
        )


SHORTENED_SOURCES = """\
wire-2022:
  title: A wire report about a factory
  publisher: Test Wire
  date: "2022-05-17"
  url: https://bit.ly/3abcDEF
  resolved_url: https://example.org/wire/the-original
  origin: footnote
  footnote: 1
journal-2021:
  title: A journal article about a border
  publisher: Test Journal
  date: "2021-09"
  url: https://tinyurl.com/jrnl
  unresolved: We searched the stored pages and found no copy at the journal.
  origin: footnote
  footnote: 2
"""


@pytest.fixture
def shortened(tmp_path: Path):
    """The fixture whose two footnotes were printed as shortened links, one resolved."""
    shutil.copytree(FIXTURE, tmp_path / "p")
    (tmp_path / "p/data/sources.yaml").write_text(SHORTENED_SOURCES, encoding="utf-8")
    return load_dataset(tmp_path / "p/data")


def test_footnote_shows_the_resolved_page_first_then_what_was_printed(shortened) -> None:
    note = bibliography.footnote_text("wire-2022", shortened)
    resolved = note.index('href="https://example.org/wire/the-original"')
    printed = note.index('href="https://bit.ly/3abcDEF"')
    assert resolved < printed
    assert "(printed in the article as <a" in note[resolved:printed]


def test_footnote_of_an_unresolved_link_says_the_original_is_not_found(shortened) -> None:
    note = bibliography.footnote_text("journal-2021", shortened)
    assert 'href="https://tinyurl.com/jrnl"' in note
    assert bibliography.UNRESOLVED_LABEL in note


def _entry(markdown: str, source_id: str) -> str:
    entry = markdown[markdown.index(f"<li id='{source_id}'>") :]
    return entry[: entry.index("</li>")]


def test_sources_page_entry_shows_the_resolved_page_first(shortened) -> None:
    markdown = bibliography.bibliography(shortened)
    entry = _entry(markdown, "wire-2022")
    assert entry.index("https://example.org/wire/the-original") < entry.index(
        "https://bit.ly/3abcDEF"
    )
    assert "Not found: We searched the stored pages" in _entry(markdown, "journal-2021")


def test_event_page_and_downloads_lead_to_the_resolved_page(shortened) -> None:
    html = events.source_citation("wire-2022", shortened)
    assert "href='https://example.org/wire/the-original'" in html
    assert "bit.ly" not in html
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(exports.events_csv(shortened)))}
    assert rows["factory-opens"]["source_urls"] == "https://example.org/wire/the-original"
    features = {f["id"]: f["properties"] for f in exports.events_geojson(shortened)["features"]}
    (cited,) = features["factory-opens"]["sources"]
    assert cited["url"] == "https://bit.ly/3abcDEF"
    assert cited["resolved_url"] == "https://example.org/wire/the-original"
    (journal,) = features["border-claim"]["sources"]
    assert journal["unresolved"].startswith("We searched the stored pages")
