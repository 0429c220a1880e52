"""The Content-Security-Policy: hashes, placement and the built site's documents."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from builder.html import csp

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>t</title>
<script>var a = 1;</script>
<script src="x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<style>p { color: red; }</style>
</head><body><script>
var b = 2;
</script></body></html>
"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _policy(document: str) -> dict[str, list[str]]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', document)
    assert match, "no CSP meta tag"
    directives = {}
    for part in match.group(1).split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_every_inline_executable_script_is_hashed_and_nothing_else():
    directives = _policy(csp.apply(PAGE))
    scripts = directives["script-src"]
    assert scripts == ["'self'", _sha256("var a = 1;"), _sha256("\nvar b = 2;\n")]
    assert _sha256('{"a": 1}') not in scripts  # JSON data never runs


def test_style_elements_are_hashed_and_style_attributes_allowed():
    directives = _policy(csp.apply(PAGE))
    assert _sha256("p { color: red; }") in directives["style-src-elem"]
    assert _sha256("") in directives["style-src-elem"]
    assert directives["style-src-attr"] == ["'unsafe-inline'"]


def test_policy_forbids_unhashed_inline_script_eval_plugins_and_other_hosts():
    directives = _policy(csp.apply(PAGE))
    text = " ".join(" ".join(v) for v in directives.values())
    assert "'unsafe-eval'" not in text
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["frame-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]


def test_meta_comes_before_any_script_or_style_and_after_the_charset():
    document = csp.apply(PAGE)
    meta = document.index("Content-Security-Policy")
    assert document.index('<meta charset="utf-8">') < meta
    assert meta < document.index("<script")
    assert meta < document.index("<style")


def test_meta_opens_head_when_no_charset_leads():
    document = csp.apply("<html><head><script>x()</script></head></html>")
    assert document.startswith('<html><head><meta http-equiv="Content-Security-Policy"')


def test_crlf_is_hashed_as_the_browser_sees_it():
    document = csp.apply("<html><head><script>a();\r\nb();</script></head></html>")
    assert _sha256("a();\nb();") in _policy(document)["script-src"]


def test_a_document_without_head_or_with_a_policy_is_refused():
    with pytest.raises(csp.NoHead):
        csp.apply("<p>fragment</p>")
    with pytest.raises(ValueError, match="already"):
        csp.apply(csp.apply(PAGE))


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_built_html_document_carries_a_policy_covering_its_scripts(built_site):
    files = _html_files(built_site)
    assert any(f.parent.name == "maps" and f.name != "index.html" for f in files)
    for path in files:
        document = path.read_text(encoding="utf-8")
        directives = _policy(document)
        assert set(csp.inline_script_hashes(document)) <= set(directives["script-src"]), path
        assert "'unsafe-inline'" not in directives["script-src"], path
        first_script = document.find("<script")
        assert first_script == -1 or document.index("Content-Security-Policy") < first_script, path


def test_a_long_inline_element_is_hashed_but_not_kept_alive_by_the_cache():
    """A map document's megabytes of inline data must not stay in memory for the whole build."""
    from builder.html.csp import _remembered_hash, source_hash

    long_script = "var data = [" + "1," * 500_000 + "];"
    before = _remembered_hash.cache_info().currsize
    assert source_hash(long_script).startswith("'sha256-")
    assert source_hash(long_script) == source_hash(long_script)
    assert _remembered_hash.cache_info().currsize == before
    source_hash(f"console.log({len(long_script)}, 'a short script no other test hashes');")
    assert _remembered_hash.cache_info().currsize == before + 1
