"""The Russian edition at ru/: a twin for every page, each page naming its twins, the
switch between them, Russian dates and words on generated pages, English fallbacks
marked as English, both sitemaps and a feed per language.

Most tests read the real strict build (``built_site``); the page-level ones render the
minimal fixture's event in Russian.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import TEST_SITE_URL, build_site, copy_project
from site_html import Node, parse

from builder.html.held_html import release_all
from builder.i18n.coverage import untranslated_pages
from builder.i18n.messages import MESSAGES
from builder.pages import events as event_pages
from builder.pages import events_index
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/minimal"
RU_SITE = TEST_SITE_URL + "ru/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
XHTML = "{http://www.w3.org/1999/xhtml}link"


def _pages(site: Path) -> set[str]:
    """Every HTML page of an edition, as its path, the other edition's folder left out."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.name == "index.html" and not p.relative_to(site).as_posix().startswith("ru/")
    }


def _html(site: Path, path: str) -> Node:
    return parse((site / path).read_text(encoding="utf-8"))


def _alternates(doc: Node) -> dict[str, str]:
    return {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in doc.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }


def _url(path: str) -> str:
    return path.removesuffix("index.html")


def test_every_english_page_has_a_russian_twin_and_every_russian_page_an_english_one(
    built_site: Path,
) -> None:
    english = _pages(built_site)
    russian = _pages(built_site / "ru")
    assert len(english) > 50
    assert sorted(english - russian) == []
    assert sorted(russian - english) == []


def test_each_edition_says_its_language_on_the_html_element(built_site: Path) -> None:
    for path in sorted(_pages(built_site)):
        assert _html(built_site, path).find("html").attrs["lang"] == "en", path
        assert _html(built_site / "ru", path).find("html").attrs["lang"] == "ru", path


def test_each_page_names_its_twin_both_ways_with_english_as_x_default(built_site: Path) -> None:
    for path in sorted(_pages(built_site)):
        english = TEST_SITE_URL + _url(path)
        russian = RU_SITE + _url(path)
        expected = {"en": english, "ru": russian, "x-default": english}
        assert _alternates(_html(built_site, path)) == expected, path
        assert _alternates(_html(built_site / "ru", path)) == expected, f"ru/{path}"


def test_the_language_switch_lands_on_the_same_page_in_the_other_language(
    built_site: Path,
) -> None:
    for path in ("index.html", "events/index.html", "reference/glossary/index.html"):
        (to_russian,) = _html(built_site, path).find_all("a", class_="dr-language-link")
        assert to_russian.attrs["href"] == RU_SITE + _url(path)
        assert to_russian.attrs["hreflang"] == "ru"
        (to_english,) = _html(built_site / "ru", path).find_all("a", class_="dr-language-link")
        assert to_english.attrs["href"] == TEST_SITE_URL + _url(path)
        assert to_english.text().strip() == "English"


def test_an_untranslated_page_shows_the_english_text_marked_english(built_site: Path) -> None:
    missing = untranslated_pages(ROOT / "docs", "ru")
    assert missing, "every page is translated: pick another fallback case"
    source = missing[0].removeprefix("docs/").removesuffix(".md")
    path = "index.html" if source == "index" else f"{source.removesuffix('/index')}/index.html"
    doc = _html(built_site / "ru", path)
    (wrapped,) = doc.find_all("div", class_="dr-untranslated")
    assert wrapped.attrs["lang"] == "en"
    english_heading = _html(built_site, path).find("h1")
    assert english_heading is not None
    assert wrapped.find("h1") is not None
    assert wrapped.find("h1").text() == english_heading.text()
    (note,) = doc.find_all("p", class_="dr-untranslated-note")
    assert re.search("[а-я]", note.text())


PAGE_MESSAGES = (
    "event.",
    "status.long.",
    "date.",
    "where.",
    "record.",
    "index.",
    "category.",
    "actor.",
    "drones.",
    "sources.",
    "explore.",
    "story.",
    "embed.",
)
"""The messages of the generated pages (builder/pages), by key prefix."""


def _english_interface_words(prefixes: tuple[str, ...] = PAGE_MESSAGES[:7]) -> list[str]:
    """The English of every message with one of ``prefixes`` (by default those an event
    page or the index shows: labels, headings, statuses, precision, record lines), as
    phrases of three or more letters."""
    phrases: set[str] = set()
    for key, texts in MESSAGES.items():
        if key.startswith(prefixes):
            for piece in re.split(r"\{[a-z]+\}|[()\[\]:.,*;]", texts["en"]):
                if len(piece.strip()) > 2 and not piece.strip().startswith("data/"):
                    phrases.add(piece.strip())
    return sorted(phrases)


def _visible_outside_english(node: Node) -> str:
    """The text of ``node`` less anything marked as English (record text not yet translated,
    quotes, source titles), code to copy, and file paths and addresses."""
    if node.attrs.get("lang") == "en" or node.tag in ("code", "pre", "script", "style"):
        return ""
    parts = []
    for child in node.children:
        parts.append(child if isinstance(child, str) else _visible_outside_english(child))
    return re.sub(r"\S*/\S*", " ", " ".join(parts))


def test_a_russian_event_page_has_a_russian_date_and_no_english_interface_word() -> None:
    data = load_dataset(FIXTURE / "data")
    markdown = event_pages.event_page("factory-opens", data, None, "border-claim", lang="ru")
    doc = parse(release_all(markdown.split("---\n\n", 1)[1]))
    (when,) = doc.find_all("time")[:1]
    assert when.text() == "17 мая 2022 г."
    shown = _visible_outside_english(doc)
    words = _english_interface_words()
    assert len(words) > 30
    found = [w for w in words if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", shown)]
    assert found == []
    # The summary has no Russian yet: it is there in English, marked, with a note.
    (summary,) = doc.find_all("div", class_="dr-summary")
    assert summary.find("div", lang="en").text().startswith("A test event")
    assert "только на английском" in summary.text()


def test_a_built_russian_event_page_reads_russian_outside_the_marked_english(
    built_site: Path,
) -> None:
    doc = _html(built_site / "ru", "events/ababil-2-factory-opens/index.html")
    article = doc.find("article")
    assert article.find("time").text() == "17 мая 2022 г."
    shown = _visible_outside_english(article)
    found = [
        w
        for w in _english_interface_words()
        if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", shown)
    ]
    assert found == []


def test_no_generated_russian_page_shows_an_english_interface_word(built_site: Path) -> None:
    words = _english_interface_words(PAGE_MESSAGES)
    pages = [
        "events/index.html",
        "actors/index.html",
        "actors/tajikistan/index.html",
        "reference/drones/index.html",
        "reference/sources/index.html",
        "explore/index.html",
        "story/index.html",
    ]
    phrases = [w for w in words if " " in w]
    labels = {w for w in words if " " not in w}
    label_tags = ("dt", "th", "h1", "h2", "h3", "legend", "button", "label", "summary", "option")
    found = {}
    for path in pages:
        article = _html(built_site / "ru", path).find("article")
        shown = _visible_outside_english(article)
        # A phrase anywhere; a one-word message (Date, Status, Maker) as a whole label.
        hits = [w for w in phrases if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", shown)]
        hits += sorted(
            {
                node.text().strip()
                for node in article.iter()
                if node.tag in label_tags
                and node.text().strip().rstrip("¶").strip() in labels
                and node.attrs.get("lang") != "en"
            }
        )
        if hits:
            found[path] = hits
    assert found == {}


def test_a_translated_event_shows_its_russian_text_unmarked() -> None:
    data = load_dataset(FIXTURE / "data")
    event = data.events["factory-opens"]
    data.events["factory-opens"] = event.model_copy(
        update={"title_ru": "Открывается завод", "summary_ru": "Тестовое событие."}
    )
    doc = parse(release_all(event_pages.event_page("factory-opens", data, None, None, lang="ru")))
    assert doc.find("h1").text() == "Открывается завод"
    (summary,) = doc.find_all("div", class_="dr-summary")
    assert summary.find(lang="en") is None
    assert summary.text().strip() == "Тестовое событие."


def test_the_russian_events_index_dates_and_labels_are_russian() -> None:
    data = load_dataset(FIXTURE / "data")
    doc = parse(release_all(events_index.events_index(data, lang="ru")))
    headings = [th.text() for th in doc.find_all("th")]
    assert headings == ["Дата", "Событие", "Страны", "Тема", "Статус", "Добавлено"]
    dates = [row.find("time").text() for row in doc.find_all("tr") if row.find("time")]
    assert "17 мая 2022 г." in dates


def test_both_sitemaps_list_both_languages(built_site: Path) -> None:
    for site, own in ((built_site, TEST_SITE_URL), (built_site / "ru", RU_SITE)):
        tree = ET.parse(site / "sitemap.xml")
        entries = tree.getroot().findall("s:url", SITEMAP_NS)
        assert len(entries) > 50
        for entry in entries:
            loc = entry.find("s:loc", SITEMAP_NS)
            assert loc is not None
            assert loc.text is not None
            assert loc.text.startswith(own)
            path = loc.text.removeprefix(own)
            links = {link.get("hreflang"): link.get("href") for link in entry.iter(XHTML)}
            assert links == {
                "en": TEST_SITE_URL + path,
                "ru": RU_SITE + path,
                "x-default": TEST_SITE_URL + path,
            }


def test_each_language_has_its_feed(built_site: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    english = ET.parse(built_site / "feed.xml").getroot()
    russian = ET.parse(built_site / "ru/feed.xml").getroot()
    assert russian.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert re.search("[а-я]", russian.findtext(f"{atom}title") or "")
    ru_links = [e.find(f"{atom}link").get("href") for e in russian.iter(f"{atom}entry")]
    en_links = [e.find(f"{atom}link").get("href") for e in english.iter(f"{atom}entry")]
    assert ru_links
    assert all(link.startswith(RU_SITE + "events/") for link in ru_links)
    assert [link.replace(RU_SITE, TEST_SITE_URL) for link in ru_links] == en_links
    # Each page's head points at its own edition's feed.
    (ru_feed,) = [
        link
        for link in _html(built_site / "ru", "index.html").find_all("link", rel="alternate")
        if link.attrs.get("type") == "application/atom+xml"
    ]
    assert ru_feed.attrs["href"] == "feed.xml"


def test_each_edition_has_its_own_search_index_in_its_language(built_site: Path) -> None:
    import json

    english = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    russian = json.loads((built_site / "ru/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    assert russian["config"]["lang"] == ["ru"]


def test_a_failed_russian_build_fails_the_whole_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    orphan = project / "docs/ru/no-such-english-page.md"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_text("# Страница без английской\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-english-page.md" in result.stdout + result.stderr


def test_make_check_notes_untranslated_records_without_failing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(FIXTURE), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("data OK")
    assert (
        "NOTE: not yet in ru: data/events/factory-opens.yaml: factory-opens: "
        "title_ru, summary_ru" in result.stdout
    )
    assert "NOTE: ru edition: 0 of 3 events" in result.stdout
