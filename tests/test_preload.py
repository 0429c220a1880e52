"""Pages fetch the scripts at the end of their body at once, after their security policy."""

from __future__ import annotations

import re
from pathlib import Path

from builder.html import preload

POLICY = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'


def test_each_body_script_is_preloaded_once_after_the_policy():
    page = (
        f"<html><head>{POLICY}<title>t</title><script src='head.js'></script></head>"
        '<body><p>x</p><script src="a.js"></script><script>inline()</script>'
        '<script src="b.js?x=1&amp;y=2"></script><script src="a.js"></script></body></html>'
    )
    out = preload.apply(page)
    hints = re.findall(r'<link rel="preload" href="([^"]+)" as="script">', out)
    assert hints == ["a.js", "b.js?x=1&amp;y=2"]
    assert out.index(POLICY) + len(POLICY) == out.index('<link rel="preload"')
    assert (
        out.replace("".join(f'<link rel="preload" href="{h}" as="script">' for h in hints), "")
        == page
    )


def test_a_page_without_policy_or_body_scripts_is_left_alone():
    assert preload.apply("<html><head></head><body><script src='a.js'></script></body>") == (
        "<html><head></head><body><script src='a.js'></script></body>"
    )
    page = f"<html><head>{POLICY}</head><body><p>x</p></body></html>"
    assert preload.apply(page) == page


def test_every_built_page_preloads_its_body_scripts(built_site: Path):
    pages = [built_site / "index.html", built_site / "timeline/index.html"]
    pages += sorted(built_site.glob("chapters/*/index.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        body = html[html.index("<body") :]
        sources = set(re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', body))
        hints = set(re.findall(r'<link rel="preload" href="([^"]+)" as="script">', head))
        assert sources, path
        assert sources <= hints, path
        assert head.index("Content-Security-Policy") < head.index('rel="preload"'), path
