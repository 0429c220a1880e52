"""Charts in the built site: one plotly.js, and every chart named, summarised and tabulated."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT

from benchmarks.synthetic import write_events
from builder import charts
from builder.charts.timeline_text import TABLE_LIMIT
from builder.record.validate import load_dataset

CHART_PAGES = ("timeline/index.html", "drones-and-trade/index.html")


class Outline(HTMLParser):
    """Elements (tag, attributes) in order, the text inside each id, and table rows."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_by_id: dict[str, str] = {}
        self.scripts: list[str] = []
        self._open: list[tuple[str, str | None]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag in ("br", "img", "input", "meta", "link", "hr", "circle", "path", "rect"):
            return
        self._open.append((tag, attributes.get("id")))
        if attributes.get("id"):
            self.text_by_id[attributes["id"]] = ""
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            opened, _ = self._open.pop()
            if opened == tag:
                break
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        for _, element_id in self._open:
            if element_id:
                self.text_by_id[element_id] += data


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _charts(page: Outline) -> list[dict[str, str]]:
    return [a for tag, a in page.elements if "dr-chart" in a.get("class", "").split()]


def test_each_chart_is_on_a_page_with_name_summary_and_table(built_site: Path) -> None:
    found = {}
    for rel in CHART_PAGES:
        page = outline(built_site / rel)
        for chart in _charts(page):
            found[chart["id"]] = rel
            name = page.text_by_id[chart["aria-labelledby"]].strip()
            assert len(name) > 20, chart["id"]
            summary = page.text_by_id[chart["aria-describedby"]].strip()
            assert summary.count(".") >= 1
            assert len(summary) > 100, chart["id"]
            assert chart["role"] == "group"  # it holds plotly buttons, which an img may not
        # One text version per chart (the "Embed" control is a details element too).
        text_versions = [
            a for tag, a in page.elements if tag == "details" and a.get("class") != "dr-embed-code"
        ]
        assert len(text_versions) == len(_charts(page))
    assert set(found) == {"chart-timeline", "chart-inventory", "chart-trade"}


def test_timeline_table_lists_every_event_with_a_link_to_its_page(built_site: Path) -> None:
    page = outline(built_site / "timeline/index.html")
    links = [a["href"] for tag, a in page.elements if tag == "a" and "href" in a]
    event_links = {h for h in links if h.startswith("../events/") and h != "../events/"}
    stems = {p.stem for p in (ROOT / "data/events").glob("*.yaml")}
    assert event_links == {f"../events/{s}/" for s in stems}
    for href in event_links:
        assert (built_site / href.removeprefix("../") / "index.html").is_file()


def test_large_datasets_get_a_count_table_and_a_link_to_the_events_index(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    write_events(data_dir, TABLE_LIMIT + 50)
    data = load_dataset(data_dir)
    html = charts.embeds_for(data)["chart:timeline"].alternative("../")
    parser = Outline()
    parser.feed(html)
    rows = sum(tag == "tr" for tag, _ in parser.elements)
    years = {int(ev.date[:4]) for ev in data.events.values()}
    assert rows == 1 + len(years)  # heading row + one row per year
    hrefs = [a["href"] for tag, a in parser.elements if tag == "a"]
    assert hrefs == ["../events/"]


def test_one_self_hosted_plotly_bundle_serves_every_chart(built_site: Path) -> None:
    # Each edition is a MkDocs project of its own (Material's advice; README), serving its own
    # copy of the assets: one bundle per edition, and every chart of an edition uses its own.
    bundles = sorted(p.relative_to(built_site) for p in built_site.rglob("*plotly*.js"))
    bundle = Path("assets/vendor/plotly/plotly-basic.min.js")
    assert bundles == [bundle, Path("ru") / bundle]
    for html_file in built_site.rglob("*.html"):
        in_russian = html_file.relative_to(built_site).parts[0] == "ru"
        own_bundle = built_site / "ru" / bundle if in_russian else built_site / bundle
        page = outline(html_file)
        for tag, attributes in page.elements:
            if tag == "script":
                assert "plotly" not in attributes.get("src", "").lower(), html_file
        assert not any("Plotly" in script for script in page.scripts), html_file
        for chart in _charts(page):
            target = (html_file.parent / chart["data-plotly"]).resolve()
            assert target == own_bundle.resolve()
            assert (html_file.parent / chart["data-figure"]).resolve().is_file()


def test_plotly_bundle_needs_no_eval(built_site: Path) -> None:
    bundle = (built_site / "assets/vendor/plotly/plotly-basic.min.js").read_text(encoding="utf-8")
    assert "new Function" not in bundle
    assert "eval(" not in bundle
