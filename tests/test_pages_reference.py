"""Chapters, actor pages and reference pages, read from the real strict build."""

from __future__ import annotations

import re
from pathlib import Path

from site_html import Node, page

from builder.downloads.exports import CSV_COLUMNS
from builder.geometry import geo
from builder.pages.actors import KIND_LABELS
from builder.pages.bibliography import MISSING_SOURCE
from builder.pages.field_reference import SECTIONS
from builder.record.schema import PRECISIONS, STATUSES
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dataset(ROOT / "data")
CHAPTERS = [
    "chapters/iran-drone-diplomacy/",
    "chapters/central-asia-drones/",
    "chapters/afghanistan-border/",
    "chapters/ukraine-effect/",
    "chapters/after-the-article/",
]
# A sentence ends at . ! or ? (maybe after a closing quote), then footnote marks, then space.
SENTENCE_END = re.compile(r"(?<=[.!?\"”])((?:\s*\[\d+\])*)\s+(?=[A-Z“\"])")


def _content(tree: Node) -> Node:
    return tree.find("article", class_="md-content__inner")


def _prose_paragraphs(tree: Node) -> list[Node]:
    """Paragraphs of running text: not footnotes, admonitions, lists or navigation."""
    # dr-page-contents: a chapter's "On this page" line of links to its sections.
    skip = {"footnote", "admonition", "dr-see-also", "dr-next-chapter", "dr-keynumber"}
    skip |= {"dr-page-contents"}
    paragraphs = []
    for p in _content(tree).find_all("p"):
        classes = set(p.attrs.get("class", "").split())
        parents = [set(a.attrs.get("class", "").split()) for a in p.ancestors()]
        if classes & skip or any(c & skip for c in parents):
            continue
        if any(a.tag in ("li", "figure", "table") for a in p.ancestors()):
            continue
        paragraphs.append(p)
    return paragraphs


def _with_marks(node: Node) -> str:
    # Footnote references become [n] so sentences can be checked for them.
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "sup" and child.attrs.get("id", "").startswith("fnref"):
            parts.append(f"[{child.text()}]")
        else:
            parts.append(_with_marks(child))
    return "".join(parts)


def test_every_sentence_in_the_chapters_carries_a_footnote(built_site: Path) -> None:
    for path in ["", *CHAPTERS]:
        tree = page(built_site, path)
        paragraphs = _prose_paragraphs(tree)
        if path:
            assert len(paragraphs) >= 2, path
        unsourced = []
        for p in paragraphs:
            text = " ".join(_with_marks(p).split())
            pieces = SENTENCE_END.split(text)
            # split() keeps the captured footnote marks: rejoin sentence + its marks.
            sentences = [pieces[i] + (pieces[i + 1] or "") for i in range(0, len(pieces) - 1, 2)]
            sentences.append(pieces[-1])
            unsourced += [s for s in sentences if s.strip() and not re.search(r"\[\d+\]", s)]
        if path:
            assert unsourced == [], path


def test_chapter_footnotes_name_title_publisher_date_and_address(built_site: Path) -> None:
    for path in ["", *CHAPTERS, "reference/glossary/", "reference/methodology/"]:
        tree = page(built_site, path)
        notes = tree.find("div", class_="footnote")
        assert notes is not None, path
        for item in notes.find_all("li"):
            text = item.text()
            assert MISSING_SOURCE not in text, path
            link = item.find("a")
            source = next(s for s in DATA.sources.values() if str(s.url) == link.attrs["href"])
            assert source.title in text
            assert source.publisher in text


def test_chapters_place_maps_and_charts(built_site: Path) -> None:
    figures = 0
    for path in ["", *CHAPTERS]:
        content = _content(page(built_site, path))
        figures += len(content.find_all("iframe")) + len(content.find_all("div", class_="dr-chart"))
    assert figures >= 2


def test_every_actor_has_a_page_with_events_drones_and_relations(built_site: Path) -> None:
    index = page(built_site, "actors/")
    listed = {a.attrs["href"].rstrip("/") for a in _content(index).find_all("a")}
    for actor_id, actor in DATA.actors.items():
        assert actor_id in listed
        tree = page(built_site, f"actors/{actor_id}/")
        assert tree.find("h1").text() == actor.name
        assert KIND_LABELS[actor.kind] in tree.find("p", class_="dr-kind").text()
        involved = [
            e
            for e, ev in DATA.events.items()
            if actor_id in (*ev.actors, *ev.claimed_by, *ev.denied_by)
        ]
        table = tree.find("table", class_="dr-actor-events")
        linked = [a.attrs["href"].split("/")[-2] for a in table.find_all("a")] if table else []
        assert sorted(linked) == sorted(involved), actor_id
        headings = [h.text().rstrip("¶").strip() for h in tree.find_all("h2")]
        assert headings[:3] == ["Events", "Drones", "Relations"]
    iran = page(built_site, "actors/iran/")
    assert "Ababil-2" in iran.find("h2", id="drones").parent.text()
    relations = iran.find("ul", class_="dr-relations")
    assert "Tajikistan" in relations.find("li").text()  # the most shared events come first


def test_bibliography_lists_every_source_with_its_address(built_site: Path) -> None:
    tree = page(built_site, "reference/sources/")
    for source_id, source in DATA.sources.items():
        entry = tree.find("li", id=source_id)
        assert entry is not None, source_id
        assert source.title in entry.text()
        assert str(source.url) in [a.attrs["href"] for a in entry.find_all("a")]
    numbers = [int(n.text().split()[-1]) for n in tree.find_all("span", class_="dr-footnote-no")]
    assert numbers == sorted(s.footnote for s in DATA.sources.values() if s.footnote)


def test_glossary_defines_the_key_terms(built_site: Path) -> None:
    terms = [dt.text() for dt in page(built_site, "reference/glossary/").find_all("dt")]
    for wanted in ("Transfer of technology", "Loitering munition", "UAV", "CSTO", "SCO"):
        assert any(t.startswith(wanted) for t in terms), wanted


def test_methodology_explains_status_precision_and_the_border(built_site: Path) -> None:
    tree = page(built_site, "reference/methodology/")
    for section, values in (("status", STATUSES), ("precision", PRECISIONS)):
        heading = tree.find("h2", id=section)
        table = heading.parent.children[heading.parent.children.index(heading) + 1 :]
        text = " ".join(n.text() for n in table if isinstance(n, Node) and n.tag == "table")
        for value in values:
            assert value in text.split(), (section, value)
    border = tree.find("h2", id="border-length")
    after = border.parent.children[border.parent.children.index(border) :]
    text = " ".join(n.text() for n in after if isinstance(n, Node))
    measured = geo.measured_figure(
        geo.load_border(ROOT / "data/geo/afghanistan-tajikistan-border.geojson")
    )
    assert f"{measured.km:,.1f} km" in text
    assert "1,300" in text
    assert "1,344" in text


def test_downloads_page_links_every_file_and_documents_every_column(built_site: Path) -> None:
    tree = page(built_site, "reference/downloads/")
    hrefs = {a.attrs["href"] for a in _content(tree).find_all("a")}
    for file in ("../../data/events.csv", "../../data/events.geojson",
                 "../../data/event.schema.json", "../../feed.xml"):  # fmt: skip
        assert file in hrefs
        assert (built_site / file.removeprefix("../../")).is_file()
    codes = {c.text() for c in _content(tree).find_all("code")}
    assert set(CSV_COLUMNS) <= codes
    assert tree.find("h2", id="licence")
    assert tree.find("h2", id="cite")


def test_field_reference_is_the_schema(built_site: Path) -> None:
    tree = page(built_site, "contribute/fields/")
    for _, _, model in SECTIONS:
        for name, info in model.model_fields.items():
            row = tree.find("tr", id=f"{model.__name__.lower()}-{name}")
            assert row is not None, (model.__name__, name)
            cells = row.find_all("td")
            assert cells[0].text() == ("required" if info.is_required() else "optional")
            assert cells[2].text() == " ".join((info.description or "").split())


def _english_pages(site: Path) -> list[Path]:
    # The Russian edition (ru/) shares an untranslated page's description with its twin.
    return [p for p in sorted(site.rglob("index.html")) if p.relative_to(site).parts[:1] != ("ru",)]


def test_every_page_has_its_own_description_and_sharing_tags(built_site: Path) -> None:
    seen: dict[str, str] = {}
    for html in _english_pages(built_site):
        tree = page(built_site, html.relative_to(built_site).parent.as_posix() + "/")
        head = tree.find("head")
        description = head.find("meta", name="description").attrs["content"]
        assert description, html
        assert "<" not in description, html
        assert head.find("meta", property="og:title").attrs["content"], html
        assert head.find("meta", property="og:description").attrs["content"] == description
        assert head.find("link", type="application/atom+xml") is not None
        seen.setdefault(description, str(html.relative_to(built_site)))
    assert len(seen) > 0.95 * len(_english_pages(built_site))
    event = DATA.events["ababil-2-factory-opens"]
    tree = page(built_site, "events/ababil-2-factory-opens/")
    content = tree.find("meta", name="description").attrs["content"]
    assert content.split()[:6] == event.summary.split()[:6]


def test_methodology_describes_each_status_as_the_map_legends_draw_it() -> None:
    """The methodology's status table and the maps' legend say the same thing."""
    from builder.maps.style import STATUS_MEANINGS

    text = (ROOT / "docs/reference/methodology.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| \*\*(\w+)\*\* \|[^|]*\| ([^|]+) \|$", text, flags=re.M))
    assert set(rows) == set(STATUS_MEANINGS)
    for status, meaning in STATUS_MEANINGS.items():
        assert rows[status].strip() == meaning.split(": ", 1)[1], status
