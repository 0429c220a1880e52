"""Our scripts and styles reach readers without comments or layout, and still work.

The browser tests drive every minified script for real; these check that the site
serves the minified text of each of our files, and that vendored files are left alone.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from builder.html import minify

ROOT = Path(__file__).resolve().parent.parent
OWN = sorted(
    p for folder in ("js", "css") for p in (ROOT / "docs" / "assets" / folder).glob(f"*.{folder}")
)


def test_the_site_serves_each_of_our_files_minified(built_site: Path) -> None:
    assert len(OWN) > 10
    for source in OWN:
        src_uri = source.relative_to(ROOT / "docs").as_posix()
        served = (built_site / src_uri).read_text(encoding="utf-8")
        assert minify.is_own_asset(src_uri)
        assert served == minify.minified(src_uri, source.read_text(encoding="utf-8")), src_uri
        assert len(served) < source.stat().st_size, src_uri


def test_comments_do_not_reach_the_reader(built_site: Path) -> None:
    source = (ROOT / "docs/assets/js/explore.js").read_text(encoding="utf-8")
    served = (built_site / "assets/js/explore.js").read_text(encoding="utf-8")
    assert "/*" in source
    assert "/*" not in served
    smaller = len(gzip.compress(served.encode(), 9)) / len(gzip.compress(source.encode(), 9))
    assert smaller < 0.9


def test_vendored_libraries_are_not_touched() -> None:
    assert not minify.is_own_asset("assets/vendor/leaflet/leaflet.js")
    assert not minify.is_own_asset("assets/javascripts/bundle.min.js")
    assert not minify.is_own_asset("assets/js/data.json")
    assert minify.is_own_asset("assets/css/site.css")


def test_minifying_keeps_strings_and_regular_expressions() -> None:
    script = "/* why */\nvar a = '/* not a comment */'; // gone\nvar r = /a\\/b/g;\n"
    out = minify.minified("assets/js/x.js", script)
    assert "'/* not a comment */'" in out
    assert "/a\\/b/g" in out
    assert "why" not in out
    assert "gone" not in out
