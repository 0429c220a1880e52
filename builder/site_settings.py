"""What the pipeline needs to know about where the site is published.

Nobody edits an address by hand: :func:`published_at` takes the site's address
and the base of the "Edit this event's data file" links from where the site is
built. ``SITE_URL`` when set (the workflow passes the GitHub Pages address that
``actions/configure-pages`` gives, custom domains included); else, under GitHub
Actions, ``https://OWNER.github.io/REPO/`` from ``GITHUB_REPOSITORY``; else
:data:`LOCAL_SITE_URL`, the address ``make serve`` serves at, which the build
names as a local default. Edit links point at the repository the build runs in
(``GITHUB_REPOSITORY``); a local build without it has none. The MkDocs hook
applies the result to MkDocs' own configuration (sitemap, canonical links) and
passes it to the pure builder, which never reads MkDocs configuration itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

LOCAL_SITE_URL = "http://127.0.0.1:8000/"
"""The address a build outside GitHub Actions and without ``SITE_URL`` is made for."""

DEFAULT_BRANCH = "main"
"""The branch edit links open when the build does not run on a branch (a tag, say)."""


@dataclass(frozen=True)
class SiteSettings:
    """Published-site facts the generated pages and the feed use."""

    site_url: str = LOCAL_SITE_URL
    """Absolute address the site is published at, ending in ``/`` (feed links and ids)."""
    site_name: str = "Drone Race in Central Asia"
    """The site's name, used as the feed title."""
    data_edit_url: str | None = None
    """Base address that, followed by ``<event-id>.yaml``, opens an event file for editing."""

    def history_url(self, event_id: str) -> str | None:
        """Address of the list of changes to an event's file, derived from ``data_edit_url``.

        GitHub and GitLab show a file's history at the address of its editor with
        ``/commits/`` in place of ``/edit/``; any other address gives no link.
        """
        if not self.data_edit_url or "/edit/" not in self.data_edit_url:
            return None
        return self.data_edit_url.replace("/edit/", "/commits/", 1) + f"{event_id}.yaml"

    def absolute(self, path: str) -> str:
        """Return the absolute address of a site-relative ``path``."""
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + path.lstrip("/")


@dataclass(frozen=True)
class PublishedAt:
    """Where this build's site is published and where its data can be edited."""

    site_url: str
    """Absolute address of the site, ending in ``/``."""
    data_edit_url: str | None
    """Base of the edit links (``.../edit/<branch>/data/events/``), or None."""
    origin: str
    """Where :attr:`site_url` came from, as a note for whoever runs the build."""

    @property
    def is_local_default(self) -> bool:
        """Whether the address is the local default rather than a published one."""
        return self.site_url == LOCAL_SITE_URL and self.origin.startswith("local default")


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def pages_url(repository: str) -> str:
    """GitHub Pages' address of ``OWNER/REPO``: ``https://owner.github.io/REPO/``.

    A repository named ``OWNER.github.io`` is published at the host's root.
    """
    owner, _, name = repository.partition("/")
    host = f"{owner.lower()}.github.io"
    if name.lower() == host:
        return f"https://{host}/"
    return f"https://{host}/{name}/"


def _branch(env: Mapping[str, str]) -> str:
    # A push names its branch in GITHUB_REF; a pull request's GITHUB_REF_NAME is
    # "<n>/merge", so the branch it targets (GITHUB_BASE_REF) is the one to edit.
    ref = env.get("GITHUB_REF", "")
    if ref.startswith("refs/heads/"):
        return ref.removeprefix("refs/heads/")
    return env.get("GITHUB_BASE_REF") or DEFAULT_BRANCH


def published_at(env: Mapping[str, str], served_at: str | None = None) -> PublishedAt:
    """The site's address and edit-link base for a build run with environment ``env``.

    ``served_at`` is the address ``mkdocs serve`` gave the configuration (its own
    server's); it stands in for the local default. Raises ValueError for a
    ``SITE_URL`` that is not an absolute http(s) address.
    """
    repository = env.get("GITHUB_REPOSITORY", "").strip()
    edit = None
    if env.get("GITHUB_ACTIONS") == "true" and "/" in repository:
        server = env.get("GITHUB_SERVER_URL") or "https://github.com"
        edit = f"{server.rstrip('/')}/{repository}/edit/{_branch(env)}/data/events/"
    explicit = env.get("SITE_URL", "").strip()
    if explicit:
        parts = urlsplit(explicit)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"SITE_URL: {explicit!r} is not an absolute http(s) address")
        return PublishedAt(_with_slash(explicit), edit, "SITE_URL")
    if edit is not None:
        return PublishedAt(pages_url(repository), edit, "GITHUB_REPOSITORY (GitHub Pages)")
    if served_at:
        return PublishedAt(_with_slash(served_at), None, "mkdocs serve")
    return PublishedAt(
        LOCAL_SITE_URL,
        None,
        "local default: set SITE_URL, or build under GitHub Actions, to publish",
    )
