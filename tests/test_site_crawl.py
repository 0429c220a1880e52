"""Every built page, in headless Chromium: no errors, no violations, nothing off-site.

The crawl visits each HTML document of the real site (pages and map
documents alike). A second test runs the same checks on a small site with one
deliberate fault of each kind, so a crawl that sees nothing cannot pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BLANK_PNG
from sitecheck import AT_ONCE, crawl, page_urls, published_path, serve_site

pytestmark = pytest.mark.browser


def test_every_page_renders_without_errors_violations_or_outside_requests(
    browser, built_site, root
):
    with serve_site(built_site, published_path(root / "mkdocs.yml")) as base:
        urls = page_urls(built_site, base)
        reports = crawl(browser, list(urls.values()), BLANK_PNG)
    failures = {r.url: r.problems for r in reports if r.problems}
    assert failures == {}, "\n".join(
        f"{url}\n  " + "\n  ".join(problems) for url, problems in failures.items()
    )
    assert len(reports) == len(urls) == len(list(built_site.rglob("*.html")))
    map_documents = [rel for rel in urls if rel.startswith("maps/") and rel != "maps/index.html"]
    assert map_documents, "the site should have map documents"
    # Each map document is checked on its own and again inside the page that embeds it.
    assert sum(r.maps_checked for r in reports) > len(map_documents)
    assert sum(r.charts_checked for r in reports) >= 1


BAD_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; img-src *">
<title>bad</title></head><body>
<script>window.ranInline = true;</script>
<img src="https://example.org/tracker.png" alt="">
<img src="missing.png" alt="">
<script src="broken.js"></script>
<div class="dr-chart" id="chart-never" data-drawn="pending"></div>
</body></html>
"""


def test_the_crawl_reports_each_kind_of_fault(browser, tmp_path: Path):
    (tmp_path / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "broken.js").write_text("undefinedFunction();\n", encoding="utf-8")
    (tmp_path / "map.html").write_text(
        '<html><head></head><body><div class="folium-map"></div></body></html>', encoding="utf-8"
    )
    # An icon addressed from the host's root misses a site published under /sub/.
    (tmp_path / "icon.html").write_text(
        '<html><head><link rel="icon" href="/favicon.svg"></head><body></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    # Nothing on these pages can draw later, so each is checked at once when loaded: no
    # short timeout races the machine. A script the server holds back longer than such a
    # timeout ever was (1.5 s) shows the verdict does not hang on how fast a page loads.
    with serve_site(tmp_path, "/sub/", held_back={"broken.js": 2.0}) as base:
        reports = crawl(
            browser,
            [base + "bad.html", base + "map.html", base + "icon.html"],
            BLANK_PNG,
            draw_wait_ms=AT_ONCE,
        )
    bad, bare_map, bad_icon = (" | ".join(r.problems) for r in reports)
    assert "CSP violation: script-src-elem blocked inline" in bad
    assert "request to another host: https://example.org/tracker.png" in bad
    assert "HTTP 404" in bad
    assert "missing.png" in bad
    assert "script error" in bad
    assert "undefinedFunction" in bad
    assert "chart chart-never did not render" in bad
    assert "map did not render" in bare_map
    assert "icon answered HTTP 404" in bad_icon
    assert "no icon" in bare_map
