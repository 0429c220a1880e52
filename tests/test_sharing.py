"""Sharing cards, static maps and embed codes, read from the real strict build (issue 20, 3-5).

Every page carries Open Graph and Twitter card tags with its own description and an
absolute card address; the cards are 1200x630 PNGs the build drew; every map figure
has a static image with a written description; every map and chart offers an embed code.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import TEST_SITE_URL
from PIL import Image
from site_html import Node, page, parse

from builder.html import embeds
from builder.html.embeds import PLOTLY_JS, Publication
from builder.i18n.messages import MESSAGES
from builder.record.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dataset(ROOT / "data")
CONFIG = yaml.safe_load(
    re.sub(r"!!python\S*", "", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
)
SITE_URL = TEST_SITE_URL
RU_SITE_NAME = re.search(
    r"^site_name: (.+)$", (ROOT / "mkdocs.ru.yml").read_text(encoding="utf-8"), re.MULTILINE
)[1]
"""The address the test build is made for (the local default outside GitHub Actions)."""

CARD_SIZE = (1200, 630)
MAX_CARD_BYTES = 250 * 1024
CHAPTERS = sorted(p.stem for p in (ROOT / "docs" / "chapters").glob("*.md"))


def _pages(site: Path) -> list[str]:
    """Every page MkDocs rendered (index.html files), as site paths of their folders."""
    return sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        # maps/index.html is the maps page; the map documents beside it are not index.html.
        if not p.relative_to(site).as_posix().startswith(("assets/", "embed/"))
    )


def _meta(tree: Node) -> dict[str, str]:
    found = {}
    for node in tree.find_all("meta"):
        key = node.attrs.get("property") or node.attrs.get("name")
        if key:
            found[key] = node.attrs.get("content", "")
    return found


def _local(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / url.removeprefix(SITE_URL)


REQUIRED = (
    "og:title",
    "og:description",
    "og:image",
    "og:url",
    "og:type",
    "og:site_name",
    "og:locale",
    "twitter:card",
)


def test_every_page_has_its_sharing_tags_and_a_canonical_link(built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) > len(DATA.events)
    problems = []
    for path in pages:
        tree = page(built_site, path.removeprefix("./"))
        meta = _meta(tree)
        missing = [key for key in REQUIRED if not meta.get(key)]
        if missing:
            problems.append(f"{path}: missing {missing}")
            continue
        canonical = tree.find("link", rel="canonical")
        expected = SITE_URL + ("" if path == "./" else path)
        if canonical is None or canonical.attrs["href"] != expected:
            problems.append(f"{path}: canonical link")
        if meta["og:url"] != expected:
            problems.append(f"{path}: og:url {meta['og:url']}")
        if meta["twitter:card"] != "summary_large_image":
            problems.append(f"{path}: twitter:card {meta['twitter:card']}")
        if not meta["og:image"].startswith(SITE_URL) or not meta["og:image"].endswith(".png"):
            problems.append(f"{path}: og:image {meta['og:image']} is not an absolute PNG address")
        elif not _local(built_site, meta["og:image"]).is_file():
            problems.append(f"{path}: og:image {meta['og:image']} is not in the site")
        # The Russian edition (ru/) carries its own name (mkdocs.ru.yml).
        name = RU_SITE_NAME if path.startswith("ru/") else CONFIG["site_name"]
        if meta["og:site_name"] != name:
            problems.append(f"{path}: og:site_name")
    assert not problems, "\n".join(problems[:20])


def test_descriptions_are_the_pages_own(built_site: Path) -> None:
    """A page shares its own lede or summary, not the site's description."""
    site_description = " ".join(CONFIG["site_description"].split())
    for path in _pages(built_site):
        description = _meta(page(built_site, path.removeprefix("./")))["og:description"]
        assert description, path
        assert description != site_description, path
    event_id = "ababil-2-factory-opens"
    shared = _meta(page(built_site, f"events/{event_id}/"))["og:description"]
    assert shared.split()[:6] == DATA.events[event_id].summary.split()[:6]


def test_chapters_and_home_have_their_own_cards_and_events_share_their_places(
    built_site: Path,
) -> None:
    own = {name: _meta(page(built_site, f"chapters/{name}/"))["og:image"] for name in CHAPTERS}
    own["home"] = _meta(page(built_site, ""))["og:image"]
    assert len(set(own.values())) == len(own), own
    by_place: dict[str, set[str]] = {}
    for event_id, event in DATA.events.items():
        image = _meta(page(built_site, f"events/{event_id}/"))["og:image"]
        assert image not in own.values() or event.place is None, event_id
        if event.place:
            by_place.setdefault(event.place, set()).add(image)
    assert by_place
    assert all(len(images) == 1 for images in by_place.values()), by_place
    assert len({next(iter(i)) for i in by_place.values()}) == len(by_place)


def _near(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 4 for a, b in zip(colour, expected, strict=True))


def test_cards_are_1200_by_630_pngs_under_250_kb_in_the_sites_palette(built_site: Path) -> None:
    cards = sorted((built_site / "assets" / "cards").rglob("*.png"))
    assert len(cards) >= len(CHAPTERS) + 1
    for card in cards:
        assert card.stat().st_size <= MAX_CARD_BYTES, card
        with Image.open(card) as image:
            assert image.format == "PNG"
            assert image.size == CARD_SIZE, card
            rgb = image.convert("RGB")
        # The panel in Material's blue grey 900 with the deep orange accent edge; the map
        # beside it in the basemap's land colours, not one flat fill.
        # (The palette reduction may move a colour by a step or two.)
        assert _near(rgb.getpixel((10, 600)), (0x26, 0x32, 0x38)), card
        assert _near(rgb.getpixel((497, 300)), (0xFF, 0x6E, 0x40)), card
        colours = rgb.crop((520, 0, 1200, 630)).getcolors(maxcolors=4096)
        assert colours is None or len(colours) > 8, card
        # The title: white text on the panel.
        panel = {c for _, c in rgb.crop((0, 300, 490, 630)).getcolors(65536)}
        assert any(_near(c, (255, 255, 255)) for c in panel), card


def test_every_map_figure_has_a_static_image_with_a_description(built_site: Path) -> None:
    checked = 0
    for path in _pages(built_site):
        tree = page(built_site, path.removeprefix("./"))
        for figure in tree.find_all("figure"):
            classes = figure.attrs.get("class", "").split()
            if "dr-map" not in classes and "dr-hero-map" not in classes:
                continue
            image = figure.find("img")
            assert image is not None, f"{path}: a map figure without its static image"
            assert "dr-map-static" in (
                image.attrs.get("class", "") + " " + image.parent.attrs.get("class", "")
            )
            alt = image.attrs.get("alt", "")
            assert len(alt.split()) >= 5, f"{path}: {alt!r}"
            assert (built_site / path.removeprefix("./") / image.attrs["src"]).resolve().is_file()
            checked += 1
    assert checked > len(DATA.events) // 2


def test_each_placed_map_describes_what_it_draws(built_site: Path) -> None:
    tree = page(built_site, "maps/")
    alts = {
        Path(img.attrs["src"]).stem: img.attrs["alt"]
        for img in tree.find_all("img", class_="dr-map-static")
    }
    assert set(alts) == {"factory", "border", "deployments", "regional"}
    assert "200 km" in alts["factory"]
    assert "border" in alts["border"].lower()
    located = sum(1 for e in DATA.events.values() if DATA.coordinates(e) is not None)
    assert f"{located} events" in alts["regional"]


def _snippets(tree: Node) -> list[str]:
    return [
        html.unescape(details.find("code").text())
        for details in tree.find_all("details", class_="dr-embed-code")
    ]


@pytest.mark.parametrize(
    ("path", "kinds"),
    [
        ("maps/", {"map"}),
        ("timeline/", {"chart"}),
        ("chapters/central-asia-drones/", {"map", "chart"}),
        ("events/ababil-2-factory-opens/", {"map"}),
    ],
)
def test_every_map_and_chart_offers_an_embed_code(built_site: Path, path: str, kinds) -> None:
    tree = page(built_site, path)
    figures = tree.find_all("figure", class_="dr-map") + tree.find_all(
        "figure", class_="dr-chart-figure"
    )
    snippets = _snippets(tree)
    assert len(snippets) == len(figures) > 0
    seen = set()
    for snippet in snippets:
        frame = re.search(
            r'<iframe src="([^"]+)" title="([^"]+)" width="100%" height="(\d+)"', snippet
        )
        assert frame, snippet
        src, title, height = frame.groups()
        assert 300 <= int(height) <= 900
        assert title
        target = _local(built_site, src.split("#")[0])
        assert target.is_file(), src
        seen.add("map" if urlsplit(src).path.split("/")[-2] == "maps" else "chart")
        credit = re.search(r'<a href="([^"]+)">([^<]+)</a>', snippet)
        assert credit
        assert credit.group(1) == SITE_URL + path
        assert credit.group(2) == CONFIG["site_name"]
    assert seen == kinds


def _views(tree: Node, path: str) -> list[Node]:
    """Every map or chart a built page shows, found by what draws it: a frame showing a map
    or chart document of the site, an element a script puts a map document in
    (``data-map-src``), a chart container ``charts.js`` fills (``data-figure``)."""
    found = []
    for node in tree.iter():
        src = node.attrs.get("src", "") if node.tag == "iframe" else ""
        shown = urlsplit(urljoin(SITE_URL + path, src)).path.lstrip("/")
        framed = bool(src) and shown.startswith(("maps/", "embed/"))
        if framed or "data-map-src" in node.attrs or "data-figure" in node.attrs:
            found.append(node)
    return found


def _offered(view: Node, controls: list[Node]) -> bool:
    """Whether an "Embed" control offers ``view``: one in the view's own figure, or one that
    names the view (or the element holding it) by id."""
    figure = next((n for n in (view, *view.ancestors()) if n.tag == "figure"), None)
    if figure is not None and figure.find("details", class_="dr-embed-code") is not None:
        return True
    ids = {n.attrs["id"] for n in (view, *view.ancestors()) if n.attrs.get("id")}
    return any(c.attrs.get("data-embed-for") in ids for c in controls)


def test_every_map_and_chart_of_the_built_site_offers_an_embed_code(built_site: Path) -> None:
    """Each page's maps and charts, found in the built pages, each with its "Embed" control;
    every control's code frames a document of the site and credits the page."""
    with_views = set()
    problems = []
    for path in _pages(built_site):
        path = path.removeprefix("./")
        tree = page(built_site, path)
        controls = tree.find_all("details", class_="dr-embed-code")
        views = _views(tree, path)
        if views:
            with_views.add(path)
        for view in views:
            if not _offered(view, controls):
                problems.append(f"{path}: <{view.tag} {view.attrs}> has no Embed control")
        ids = {n.attrs["id"] for n in tree.iter() if n.attrs.get("id")}
        for control in controls:
            named = control.attrs.get("data-embed-for")
            if named is not None and named not in ids:
                problems.append(f"{path}: a control offers #{named}, which is not on the page")
            # The code as a reader copies it (the parser has decoded the page's escaping).
            code = control.find("code").text()
            frame = re.search(
                r'<iframe src="([^"]+)" title="([^"]+)" width="100%" height="(\d+)"', code
            )
            credit = re.search(r'<a href="([^"]+)">([^<]+)</a>', code)
            if not frame or not credit:
                problems.append(f"{path}: embed code {code!r}")
                continue
            src, title, height = (html.unescape(group) for group in frame.groups())
            if not _local(built_site, src.split("#")[0]).is_file():
                problems.append(f"{path}: embed code frames {src}, not in the site")
            if not title or not 300 <= int(height) <= 900:
                problems.append(f"{path}: embed code title {title!r}, height {height}")
            name = RU_SITE_NAME if path.startswith("ru/") else CONFIG["site_name"]
            if tuple(map(html.unescape, credit.groups())) != (SITE_URL + path, name):
                problems.append(f"{path}: credit {credit.groups()}")
    assert not problems, "\n".join(problems[:20])
    # The pages that lay their maps out themselves are among those found.
    assert {"", "story/", "explore/", "maps/", "timeline/"} <= with_views, sorted(with_views)[:10]


def test_a_view_that_cannot_stand_alone_says_what_its_code_frames(built_site: Path) -> None:
    """The explore page's map and timeline are driven by the page: their codes frame the
    standalone regional map and timeline chart, and their titles say so."""
    tree = page(built_site, "explore/")
    codes = {
        control.attrs["data-embed-for"]: control.find("code").text()
        for control in tree.find_all("details", class_="dr-embed-code")
    }
    assert set(codes) == {"dr-explore-frame", "dr-explore-timeline"}
    framed = {
        key: re.search(r'<iframe src="([^"]+)" title="([^"]+)"', code).groups()
        for key, code in codes.items()
    }
    assert framed["dr-explore-frame"][0] == SITE_URL + "maps/regional.html"
    assert framed["dr-explore-timeline"][0] == SITE_URL + "embed/timeline.html"
    for _, title in framed.values():
        assert "explore page" in html.unescape(title), title


def test_a_chart_document_stands_alone_and_opens_links_on_our_site(built_site: Path) -> None:
    for name in ("timeline", "inventory", "trade"):
        tree = page(built_site, f"embed/{name}.html")
        chart = tree.find("div", class_="dr-chart")
        assert chart.attrs["data-figure"] == f"../data/charts/{name}.json"
        assert (built_site / "data" / "charts" / f"{name}.json").is_file()
        assert chart.attrs["data-plotly"] == f"../{PLOTLY_JS}"
        assert tree.find("script", src="../assets/js/charts.js") is not None
        links = tree.find_all("a")
        assert links
        assert all(a.attrs.get("target") == "_top" for a in links)
        assert tree.find("meta", **{"http_equiv": "Content-Security-Policy"}) is not None
    script = (built_site / "assets" / "js" / "chart-draw.js").read_text(encoding="utf-8")
    # Served minified (builder/html/minify.py): spaces around "=" may be gone.
    assert re.search(r'link\.target\s*=\s*"_top"', script)


def test_feed_entries_carry_their_places_static_map(built_site: Path) -> None:
    """A feed reader runs no map script: an event's entry shows its place's static map."""
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built_site / "feed.xml").getroot()
    checked = 0
    for entry in feed.iter(f"{atom}entry"):
        url = entry.find(f"{atom}id").text or ""
        event_id = url.rstrip("/").rsplit("/", 1)[-1]
        event = DATA.events[event_id]
        content = entry.find(f"{atom}content").text or ""
        images = re.findall(r'<img src="([^"]+)" alt="([^"]+)"', content)
        if event.place and DATA.coordinates(event) is not None:
            assert len(images) == 1, event_id
            src, alt = images[0]
            assert src == f"{SITE_URL}assets/cards/places/{event.place}.png"
            assert _local(built_site, src).is_file()
            assert DATA.places[event.place].name in html.unescape(alt)
            checked += 1
        else:
            assert not images, event_id
    assert checked


def test_an_event_pages_embed_code_places_its_own_locator(built_site: Path) -> None:
    tree = page(built_site, "events/ababil-2-factory-opens/")
    frame = tree.find("figure", class_="dr-locator").find("iframe")
    (code,) = _snippets(tree)
    src = re.search(r'<iframe src="([^"]+)"', code).group(1)
    assert html.unescape(src) == SITE_URL + html.unescape(frame.attrs["src"]).removeprefix("../../")


def test_an_embed_code_keeps_a_hostile_title_inside_its_attribute() -> None:
    """The code readers copy names the view in a ``title``: an editor's quote marks, angle
    brackets and ampersands stay inside it, an apostrophe reads as one."""
    title = 'Map: where “Kyrgyzstan\'s chief shows a drone as "ours"” <script>x</script> & co'
    where = Publication(SITE_URL, "Site", SITE_URL + "events/x/")
    code = embeds.snippet("map", SITE_URL + "maps/locator.html#x&lat=1", title, 320, where)
    parsed = parse(code)
    (frame,) = parsed.find_all("iframe")
    assert frame.attrs["title"] == title
    assert frame.attrs["src"] == SITE_URL + "maps/locator.html#x&lat=1"
    assert not parsed.find_all("script")
    assert "Kyrgyzstan's" in code


def _english_image_words() -> list[str]:
    """The English words of the images' descriptions (their messages, the category names):
    none may show in a Russian page's image descriptions."""
    texts = [
        entry["en"] for key, entry in MESSAGES.items() if key.startswith(("image.", "ui.category."))
    ]
    return sorted({w.lower() for t in texts for w in re.findall(r"[A-Za-z]{3,}", t)})


def _english_words_in(text: str) -> list[str]:
    return [
        w
        for w in _english_image_words()
        if re.search(rf"(?<![A-Za-z]){w}(?![A-Za-z])", text.lower())
    ]


def _some_events() -> list[str]:
    """An event at a named place and one placed by coordinates only, when the data has one."""
    placed = [i for i, e in sorted(DATA.events.items()) if e.place and DATA.coordinates(e)]
    loose = [i for i, e in sorted(DATA.events.items()) if not e.place and DATA.coordinates(e)]
    return placed[:2] + loose[:1]


def test_russian_pages_share_russian_cards_of_their_own(built_site: Path) -> None:
    """A Russian page's card is drawn in Russian, at its edition's address, and described in
    Russian (issue 21): never the English card republished."""
    russian = built_site / "ru"
    pages = ["", "story/", "maps/", "events/"]
    pages += [f"chapters/{name}/" for name in CHAPTERS]
    pages += [f"events/{event_id}/" for event_id in _some_events()]
    for path in pages:
        ours, theirs = _meta(page(russian, path)), _meta(page(built_site, path))
        image = ours["og:image"]
        assert image.startswith(f"{SITE_URL}ru/"), path
        assert image.removeprefix(f"{SITE_URL}ru/") == theirs["og:image"].removeprefix(SITE_URL)
        assert (
            _local(built_site, image).read_bytes()
            != _local(built_site, theirs["og:image"]).read_bytes()
        ), path
        alt = ours["og:image:alt"]
        assert alt == ours["twitter:image:alt"]
        assert alt.startswith(RU_SITE_NAME), (path, alt)
        assert _english_words_in(alt) == [], (path, alt)
        assert alt != theirs["og:image:alt"]


def test_a_russian_chapters_card_is_described_by_its_russian_title(built_site: Path) -> None:
    for name in CHAPTERS:
        if not (ROOT / "docs" / "ru" / "chapters" / f"{name}.md").is_file():
            continue
        tree = page(built_site / "ru", f"chapters/{name}/")
        title = html.unescape(tree.find("h1").text().rstrip("¶").strip())
        assert re.search("[А-Яа-яЁё]", title), name
        # The page's title may join a preposition with a no-break space, as Russian sets it.
        alt = " ".join(_meta(tree)["og:image:alt"].split())
        assert " ".join(title.split()) in alt, name


def test_russian_static_maps_are_drawn_and_described_in_russian(built_site: Path) -> None:
    russian = built_site / "ru"
    checked = 0
    for path in ["maps/", "", *[f"events/{event_id}/" for event_id in _some_events()]]:
        for image in page(russian, path).find_all("img"):
            classes = image.attrs.get("class", "") + " " + image.parent.attrs.get("class", "")
            if "dr-map-static" not in classes:
                continue
            src = (russian / path / image.attrs["src"]).resolve()
            assert src.is_relative_to(russian.resolve()), src
            english = built_site / src.relative_to(russian.resolve())
            assert src.read_bytes() != english.read_bytes(), src
            alt = html.unescape(image.attrs.get("alt", ""))
            assert re.search("[а-яё]", alt), (path, alt)
            assert _english_words_in(alt) == [], (path, alt)
            checked += 1
    assert checked >= 4 + len(_some_events())
