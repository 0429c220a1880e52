"""A new editor adds an event by following the guide alone, and it shows up everywhere.

The template is read from the guide itself (docs/contribute/index.md), so the
test fails if the guide's template stops working.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_project
from site_html import page as read_page

NEW_ID = "tajik-officials-tour-drone-plant"
NEW_TITLE = "Tajik officials tour the Ababil-2 plant in Dushanbe"
NEW_SUMMARY = (
    "  Tajik defence officials visited the new drone plant in Dushanbe, according to the\n"
    "  article. This entry exists to test the editor's guide.\n"
)


def guide_template() -> str:
    """The YAML block under step 3 of the guide, exactly as an editor would copy it."""
    guide = (ROOT / "docs/contribute/index.md").read_text(encoding="utf-8")
    step = guide.split("## 3. Copy the template", 1)[1]
    return re.search(r"```yaml\n(.*?)```", step, re.DOTALL).group(1)


def fill_in(template: str) -> str:
    """Step 4: replace the title, date and summary as the guide says; keep the rest."""
    lines = template.splitlines(keepends=True)
    out, skipping = [], False
    for line in lines:
        if skipping and line.startswith("  "):
            continue
        skipping = False
        if line.startswith("title:"):
            line = f"title: {NEW_TITLE}\n"
        elif line.startswith("date:"):
            line = 'date: "2022-06"\n'
        elif line.startswith("summary:"):
            out.append("summary: >-\n" + NEW_SUMMARY)
            skipping = True
            continue
        out.append(line)
    return "".join(out)


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("editor") / "p")
    event_file = project / "data/events" / f"{NEW_ID}.yaml"
    event_file.write_text(fill_in(guide_template()), encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(project), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("data OK")
    out = project.parent / "site"
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    return out


def test_the_template_in_the_guide_is_valid_as_copied(tmp_path: Path) -> None:
    from builder.record.validate import load_dataset

    project = copy_project(tmp_path / "p")
    (project / "data/events/template-as-is.yaml").write_text(guide_template(), encoding="utf-8")
    data = load_dataset(project / "data")
    assert "template-as-is" in data.events


def test_new_event_is_in_the_index(edited_site: Path) -> None:
    table = read_page(edited_site, "events/").find("table", class_="dr-events-index")
    row = table.find("tr", id=NEW_ID)
    assert row is not None
    assert row.find("a").text() == NEW_TITLE
    assert row.attrs["data-countries"] == "TJK"


def test_new_event_has_its_own_page(edited_site: Path) -> None:
    tree = read_page(edited_site, f"events/{NEW_ID}/")
    assert tree.find("h1").text() == NEW_TITLE
    assert tree.find("time").attrs["datetime"] == "2022-06"
    assert "Tajik defence officials visited" in tree.find("div", class_="dr-summary").text()


def test_new_event_is_in_the_downloads_and_feed(edited_site: Path) -> None:
    geojson = json.loads((edited_site / "data/events.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in geojson["features"] if f["id"] == NEW_ID)
    assert feature["geometry"]["type"] == "Point"
    feed = ET.parse(edited_site / "feed.xml").getroot()
    ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
    assert any(i.endswith(f"/events/{NEW_ID}/") for i in ids)


def test_new_event_is_on_the_timeline(edited_site: Path) -> None:
    timeline = json.loads((edited_site / "data/charts/timeline.json").read_text(encoding="utf-8"))
    figure = timeline["views"][0]["figure"]  # the first view is drawn first; others load later
    titles = [t for trace in figure["data"] for t in trace.get("text", [])]
    assert NEW_TITLE in titles


@pytest.mark.browser
def test_new_event_is_on_the_regional_map(edited_site: Path, serve, page) -> None:
    page.goto(serve(edited_site) + "maps/regional.html")
    page.locator(".leaflet-container").wait_for()
    ids = page.evaluate(
        """() => {
        const ids = [];
        for (const key of Object.keys(window)) {
          const value = window[key];
          if (value instanceof L.Map) {
            value.eachLayer((layer) => { if (layer.feature) ids.push(layer.feature.id); });
          }
        }
        return ids;
      }"""
    )
    assert NEW_ID in ids
    assert page.page_errors == []
