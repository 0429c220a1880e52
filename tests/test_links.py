"""Every internal link and asset in the built site resolves, anchors included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from site_html import parse

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}


def _target(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "javascript:")):
        return None
    base = "/" + page.relative_to(site).as_posix()
    resolved = urlsplit(urljoin(base, url))
    path = site / unquote(resolved.path).lstrip("/")
    if resolved.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, resolved.fragment


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        tree = parse(path.read_text(encoding="utf-8"))
        cache[path] = {n.attrs["id"] for n in tree.iter() if "id" in n.attrs}
    return cache[path]


def test_every_internal_link_and_asset_resolves(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    broken, anchors, checked = [], [], 0
    ids: dict[Path, set[str]] = {}
    for page in pages:
        tree = parse(page.read_text(encoding="utf-8"))
        for node in tree.iter():
            attr = LINKING.get(node.tag)
            url = node.attrs.get(attr or "", "")
            if not url or (url.startswith("#") and not url[1:]):
                continue
            found = _target(built_site, page, url)
            if found is None:
                continue
            checked += 1
            path, fragment = found
            if node.tag == "iframe":
                fragment = ""  # a framed map reads its fragment as a parameter (#<event-id>)
            explore_pages = (
                built_site / "explore/index.html",
                built_site / "ru/explore/index.html",
            )
            if path in explore_pages and "=" in fragment:
                fragment = ""  # the explore page's fragment is its view (#from=...&event=...)
            where = f"{page.relative_to(built_site)} -> {url}"
            if not path.is_file():
                broken.append(where)
            elif fragment and path.suffix == ".html" and unquote(fragment) not in _ids(path, ids):
                anchors.append(where)
    assert checked > 1000
    assert broken == []
    assert anchors == []


def test_no_page_loads_code_or_fonts_from_another_host(built_site: Path) -> None:
    outside = []
    for page in sorted(built_site.rglob("*.html")):
        tree = parse(page.read_text(encoding="utf-8"))
        for node in tree.find_all("script") + tree.find_all("link") + tree.find_all("iframe"):
            url = node.attrs.get("src") or node.attrs.get("href") or ""
            rel = node.attrs.get("rel", "")
            if node.tag == "link" and rel in ("canonical", "alternate"):
                continue
            if urlsplit(url).netloc:
                outside.append(f"{page.relative_to(built_site)}: <{node.tag}> {url}")
    assert outside == []
