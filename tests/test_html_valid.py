"""Every built document parses as HTML5 without a single error.

Browsers repair what they cannot parse, each in its own way; a document that
parses cleanly means what it says everywhere. html5lib implements the WHATWG
parsing algorithm and names each parse error it meets.
"""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest


def parse_errors(document: bytes) -> list[str]:
    """Each parse error as ``line:column name``."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(document)
    return [f"{line}:{column} {name}" for (line, column), name, _ in parser.errors]


def test_the_parser_reports_a_script_after_the_body():
    # How folium's template ends a map document: the check must see it.
    errors = parse_errors(
        b"<!DOCTYPE html><html><head><title>t</title></head><body></body>"
        b"<script>x()</script></html>"
    )
    assert [error.split()[1] for error in errors] == ["unexpected-start-tag-after-body"]
    assert (
        parse_errors(
            b"<!DOCTYPE html><html><head><title>t</title></head><body><script>x()</script>"
            b"</body></html>"
        )
        == []
    )


def test_every_built_document_is_valid_html(built_site: Path):
    documents = sorted(built_site.rglob("*.html"))
    assert len([d for d in documents if d.parent.name == "maps"]) >= 7
    failures = {
        str(d.relative_to(built_site)): errors
        for d in documents
        if (errors := parse_errors(d.read_bytes()))
    }
    assert failures == {}


@pytest.mark.parametrize("name", ["factory", "regional", "story", "locator"])
def test_a_map_document_keeps_its_script_inside_the_body(built_site: Path, name: str):
    text = (built_site / "maps" / f"{name}.html").read_text(encoding="utf-8")
    body_end = text.rindex("</body>")
    assert text.rindex("</script>") < body_end
    assert text[body_end:].split() == ["</body>", "</html>"]
