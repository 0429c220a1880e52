"""The site's address and edit links come from where the site is built, never from a placeholder.

``SITE_URL`` when set; else, under GitHub Actions, the repository's Pages address;
else a local default the build names as such (issue 20, point 2).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site

from builder.site_settings import LOCAL_SITE_URL, pages_url, published_at

ROOT = Path(__file__).resolve().parent.parent

FORK = {
    "GITHUB_ACTIONS": "true",
    "GITHUB_REPOSITORY": "Newsroom/drone-race",
    "GITHUB_REF": "refs/heads/main",
    "GITHUB_SERVER_URL": "https://github.com",
}
"""What GitHub Actions sets when a newsroom's fork builds on a push to main."""

PLACEHOLDERS = ("example.org", "example.invalid", "OWNER/REPO")
"""What a built file must never carry: addresses someone was meant to edit by hand."""


def test_site_url_wins_and_gets_its_slash() -> None:
    where = published_at({**FORK, "SITE_URL": "https://drones.newsroom.example/explainer"})
    assert where.site_url == "https://drones.newsroom.example/explainer/"
    assert where.data_edit_url == "https://github.com/Newsroom/drone-race/edit/main/data/events/"
    assert where.origin == "SITE_URL"


def test_under_github_actions_the_pages_address_of_the_repository() -> None:
    where = published_at(FORK)
    assert where.site_url == "https://newsroom.github.io/drone-race/"
    assert where.data_edit_url == "https://github.com/Newsroom/drone-race/edit/main/data/events/"
    assert not where.is_local_default


def test_a_user_site_repository_is_published_at_the_root() -> None:
    assert pages_url("Newsroom/newsroom.github.io") == "https://newsroom.github.io/"


def test_a_pull_request_links_edits_to_the_branch_it_targets() -> None:
    env = {**FORK, "GITHUB_REF": "refs/pull/7/merge", "GITHUB_BASE_REF": "trunk"}
    assert published_at(env).data_edit_url == (
        "https://github.com/Newsroom/drone-race/edit/trunk/data/events/"
    )


def test_a_branch_push_links_edits_to_that_branch() -> None:
    env = {**FORK, "GITHUB_REF": "refs/heads/fix/dates"}
    assert "/edit/fix/dates/data/events/" in (published_at(env).data_edit_url or "")


def test_mkdocs_serve_keeps_the_address_it_serves_at() -> None:
    where = published_at({}, served_at="http://127.0.0.1:8001/preview/")
    assert where.site_url == "http://127.0.0.1:8001/preview/"
    assert published_at({"SITE_URL": "https://a.example/"}, served_at="http://x/").site_url == (
        "https://a.example/"
    )


def test_elsewhere_a_local_default_that_says_so_and_no_edit_links() -> None:
    where = published_at({"GITHUB_REPOSITORY": "Newsroom/drone-race"})  # not under Actions
    assert where.site_url == LOCAL_SITE_URL
    assert where.is_local_default
    assert "local default" in where.origin
    assert where.data_edit_url is None


@pytest.mark.parametrize("bad", ["drones.example", "ftp://drones.example/", "https://"])
def test_a_site_url_that_is_not_an_address_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="SITE_URL"):
        published_at({"SITE_URL": bad})


def test_mkdocs_yml_holds_no_address_to_edit_by_hand() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^site_url:", config, re.MULTILINE)
    for placeholder in PLACEHOLDERS:
        assert placeholder not in config


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as a fork's push to main builds it on GitHub Actions."""
    out = tmp_path_factory.mktemp("fork-site")
    result = build_site(ROOT, out, env={**FORK, "SITE_URL": None})
    assert result.returncode == 0, result.stderr
    assert "site address https://newsroom.github.io/drone-race/ (from GITHUB_REPOSITORY" in (
        result.stderr
    )
    return out


def test_no_built_file_carries_a_placeholder(fork_site: Path) -> None:
    found = []
    for path in sorted(fork_site.rglob("*")):
        if not path.is_file() or path.suffix not in {".html", ".xml", ".json", ".txt", ".js"}:
            continue
        content = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(fork_site)}: {p}" for p in PLACEHOLDERS if p in content]
    assert not found


def test_feed_sitemap_and_canonical_links_use_the_pages_address(fork_site: Path) -> None:
    base = "https://newsroom.github.io/drone-race/"
    feed = (fork_site / "feed.xml").read_text(encoding="utf-8")
    assert f'<link href="{base}feed.xml" rel="self"' in feed
    sitemap = (fork_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations
    assert all(loc.startswith(base) for loc in locations)
    chapter = (fork_site / "chapters/iran-drone-diplomacy/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}chapters/iran-drone-diplomacy/">' in chapter


def test_event_pages_link_to_the_forks_data_file(fork_site: Path) -> None:
    page = (fork_site / "events/ababil-2-factory-opens/index.html").read_text(encoding="utf-8")
    edit = (
        "https://github.com/Newsroom/drone-race/edit/main/data/events/ababil-2-factory-opens.yaml"
    )
    history = "https://github.com/Newsroom/drone-race/commits/main/data/events/ababil-2-factory-opens.yaml"
    assert f"href='{edit}'" in page or f'href="{edit}"' in page
    assert history in page
