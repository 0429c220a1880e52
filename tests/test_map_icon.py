"""Every map document links the site's icon, so opened on its own it asks for nothing missing."""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml
from site_html import page

from builder.maps.base import SITE_ICON


def _mkdocs_favicon(root: Path) -> str:
    # mkdocs.yml holds !!python tags elsewhere; only the theme's favicon is wanted.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return config["theme"]["favicon"]


def test_the_map_documents_use_the_sites_own_icon(root: Path) -> None:
    assert _mkdocs_favicon(root) == SITE_ICON


def test_every_map_document_links_the_icon_with_a_relative_address(built_site: Path) -> None:
    documents = sorted(p for p in (built_site / "maps").glob("*.html") if p.name != "index.html")
    assert documents
    for document in documents:
        rel = document.relative_to(built_site).as_posix()
        icons = [
            link
            for link in page(built_site, rel).find_all("link")
            if "icon" in link.attrs.get("rel", "").split()
        ]
        assert len(icons) == 1, rel
        href = icons[0].attrs["href"]
        # Relative, so it holds wherever the site is published (a path under a host too).
        assert not href.startswith(("/", "http:", "https:")), (rel, href)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
        assert target == SITE_ICON, (rel, href)
        assert (built_site / target).is_file(), (rel, target)
