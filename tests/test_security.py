"""Editor Markdown cannot put script, frames, handlers or dangerous links on a page.

Each payload is checked twice: through :mod:`builder.html.sanitize` directly, and
through a full build of a copied project whose event summary carries it, by
parsing the built event page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import build_site, copy_project

from builder.html import sanitize

PAYLOADS = {
    "script": "Before <script>alert('x')</script> after.",
    "iframe": 'Look <iframe src="https://evil.example/"></iframe> here.',
    "handler": '<img src="x" onerror="alert(1)"> and <a href="https://ok.example/" onclick="alert(2)">ok</a>',
    "attr_list": 'A paragraph with a handler.\n{: onclick="alert(3)" }',
    "javascript_link": "[click](javascript:alert(4)) and <a href='JaVaScRiPt:alert(5)'>raw</a>",
    "data_link": "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)",
    "entity_javascript": "<a href='&#106;avascript:alert(7)'>encoded</a>",
    "svg": "<svg onload='alert(8)'><script>alert(9)</script></svg>",
    "style": "<style>body{display:none}</style><p style='position:fixed'>x</p>",
}
"""Editor input that must never become live markup."""


class _Elements(HTMLParser):
    """Collects every start tag and its attributes from an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def _dangers(html: str) -> list[str]:
    found = []
    for tag, attrs in _elements(html):
        if tag in {"script", "iframe", "object", "embed", "svg", "style", "img", "form", "frame"}:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                found.append(f"{tag} {name}=")
            if name in {"href", "src", "action", "formaction"}:
                scheme = value.strip().lower().split(":", 1)[0] if ":" in value else ""
                if scheme and scheme not in sanitize.ALLOWED_URL_SCHEMES:
                    found.append(f"{tag} {name}={value[:20]}")
    return found


def test_the_danger_finder_finds_each_payload_in_raw_html():
    # Without sanitising, Python-Markdown lets every payload through: the checks below mean something.
    import markdown

    for name, payload in PAYLOADS.items():
        raw = markdown.markdown(payload, extensions=["attr_list"])
        assert _dangers(raw), f"{name}: the raw rendering should be dangerous"


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_sanitiser_strips_each_payload(name):
    cleaned = sanitize.markdown_html(PAYLOADS[name])
    assert _dangers(cleaned) == []


def test_sanitiser_keeps_ordinary_links_and_emphasis():
    cleaned = sanitize.markdown_html("See *this* and [the report](https://example.org/r).")
    assert "<em>this</em>" in cleaned
    assert 'href="https://example.org/r"' in cleaned


def test_plain_text_is_escaped():
    assert sanitize.text("<b onmouseover='x'>") == "&lt;b onmouseover=&#x27;x&#x27;&gt;"


def test_script_json_cannot_close_its_script_element():
    dumped = sanitize.script_json({"t": "</script><script>alert(1)</script>"})
    assert "</script" not in dumped
    assert "<" not in dumped


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    path = project / "data/events/taliban-take-kabul.yaml"
    event = yaml.safe_load(path.read_text(encoding="utf-8"))
    event["summary"] = "\n\n".join(PAYLOADS.values())
    path.write_text(yaml.safe_dump(event, sort_keys=False), encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-site")
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    return out


def test_built_event_page_carries_no_payload(hostile_site: Path):
    page = (hostile_site / "events/taliban-take-kabul/index.html").read_text(encoding="utf-8")
    start = page.index('<div class="dr-summary">')
    summary = page[start : page.index("</div>", start)]
    assert "Before" in summary  # the summary is there, only defanged
    assert _dangers(summary) == []
    # No payload reached any script on the page, the theme's own (hashed) ones included.
    inline = re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.DOTALL)
    assert not [code for code in inline if "alert(" in code]
    # The payload text may appear escaped (the meta description); never as a live URL.
    live = [(t, a) for t, a in _elements(page) if t != "meta" and "evil.example" in str(a)]
    assert live == []
