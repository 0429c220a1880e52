"""Hostile editor text stays text on every generated page, in metadata and in the feed."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site, copy_project
from site_html import page

ATTACK = "</title><script>alert(1)</script><img src=x onerror=alert(2)>"
LINK = "[click](javascript:alert(3))"


def _set(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    quoted = '"' + value.replace('"', '\\"') + '"'
    text, count = re.subn(rf"^({re.escape(key)}:).*$", rf"\1 {quoted}", text, count=1, flags=re.M)
    assert count == 1
    path.write_text(text, encoding="utf-8")


def test_hostile_text_is_inert_everywhere(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    event = project / "data/events/ababil-2-factory-opens.yaml"
    _set(event, "title", f"Factory {ATTACK}")
    text = event.read_text(encoding="utf-8")
    text = re.sub(
        r"^summary: >-\n(  .*\n)+", f'summary: "{ATTACK} {LINK} body"\n', text, flags=re.M
    )
    event.write_text(text, encoding="utf-8")
    actors = project / "data/actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("  name: Iran\n", f'  name: "Iran {ATTACK}"\n'),
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    pages = [
        "events/ababil-2-factory-opens/",
        "events/",
        "actors/",
        "actors/iran/",
        "actors/tajikistan/",
        "reference/sources/",
        "reference/drones/",
        "events/bagheri-mirzo-talks/",  # a neighbour: the pager shows the hostile title
    ]
    for path in pages:
        tree = page(out, path)
        inline = [s.text() for s in tree.find_all("script") if "alert" in s.text()]
        assert inline == [], path
        assert [i for i in tree.find_all("img") if i.attrs.get("src") == "x"] == [], path
        handlers = [n for n in tree.iter() if any(k.startswith("on") for k in n.attrs)]
        assert handlers == [], path
        hrefs = [a.attrs.get("href", "") for a in tree.find_all("a")]
        assert not [h for h in hrefs if h.lower().startswith("javascript")], path
    event_page = page(out, "events/ababil-2-factory-opens/")
    assert ATTACK in event_page.find("h1").text()
    assert event_page.find("title").text().startswith("Factory </title>")
    description = event_page.find("meta", name="description").attrs["content"]
    assert description.startswith("</title><script>")  # shown as text, parsed as an attribute
