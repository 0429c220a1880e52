"""What every page downloads: nothing a page does not use.

The events index's sorting script is loaded by that page alone, and the
site icon is our own small drawing rather than the theme's larger default.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from site_html import page

from builder.pages.events_index import INDEX_SCRIPT


def _scripts(site: Path, path: str) -> set[str]:
    """Site paths of the scripts a built page loads."""
    base = "https://site.invalid/" + path
    found = set()
    for script in page(site, path).find_all("script"):
        if script.attrs.get("src"):
            found.add(urljoin(base, script.attrs["src"]).removeprefix("https://site.invalid/"))
    return found


def test_only_the_events_index_loads_its_sorting_script(built_site: Path) -> None:
    assert INDEX_SCRIPT in _scripts(built_site, "events/")
    for path in ("", "timeline/", "maps/", "events/ababil-2-factory-opens/", "actors/iran/"):
        assert INDEX_SCRIPT not in _scripts(built_site, path), path


def test_the_site_icon_is_a_small_file_of_our_own(built_site: Path, root: Path) -> None:
    icon = page(built_site, "timeline/").find("link", rel="icon")
    target = urljoin("https://site.invalid/timeline/", icon.attrs["href"])
    path = target.removeprefix("https://site.invalid/")
    assert (root / "docs" / path).is_file()
    assert (built_site / path).stat().st_size < 1024
