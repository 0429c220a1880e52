"""Map documents ask for everything they load at once, after their security policy.

The Content-Security-Policy meta tag that opens every document stops Chromium's
preload scanner, so without preload hints each script was fetched only after
the one before it had run. The browser side (one download of the basemap, not
two) is checked in ``test_browser_maps.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from builder.geometry.basemap import BASEMAP_PATH


def _map_documents(site: Path) -> list[Path]:
    documents = sorted(p for p in (site / "maps").glob("*.html") if p.name != "index.html")
    assert documents
    return documents


def test_every_script_style_and_the_basemap_is_preloaded_after_the_policy(built_site: Path):
    for document in _map_documents(built_site):
        html = document.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        policy = head.index('http-equiv="Content-Security-Policy"')
        first_script = head.index("<script")
        hints = {
            (m.group(2), m.group(1))
            for m in re.finditer(r'<link rel="preload" href="([^"]+)" as="(\w+)"', head)
        }
        scripts = set(re.findall(r'<script src="([^"]+)"', head))
        # A map built on approach names the rest of its scripts to map-loader.js.
        loaded = re.search(r"DRLoader\.whenNear\((\[.*?\]), function", html)
        if loaded:
            scripts |= set(json.loads(loaded.group(1))) - {"../assets/js/map-loader.js"}
            scripts.discard("../assets/js/map-loader.js")
        styles = set(re.findall(r'<link rel="stylesheet" href="([^"]+)"', head))
        name = document.name
        assert scripts, name
        assert styles, name
        assert {("script", s) for s in scripts} <= hints, name
        assert {("style", s) for s in styles} <= hints, name
        assert ("fetch", f"../{BASEMAP_PATH}") in hints, name
        for m in re.finditer(r'<link rel="preload"', head):
            assert policy < m.start() < first_script, name
