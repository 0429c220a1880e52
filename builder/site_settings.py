"""What the pipeline needs to know about where the site is published.

The MkDocs hook reads these from ``mkdocs.yml`` (``site_url``, ``site_name``,
``extra.data_edit_url``) and passes them in, so the pure builder never reads
MkDocs configuration itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteSettings:
    """Published-site facts the generated pages and the feed use."""

    site_url: str = "https://example.invalid/"
    """Absolute address the site is published at, ending in ``/`` (feed links and ids)."""
    site_name: str = "Drone Race in Central Asia"
    """The site's name, used as the feed title."""
    data_edit_url: str | None = None
    """Base address that, followed by ``<event-id>.yaml``, opens an event file for editing."""

    def absolute(self, path: str) -> str:
        """Return the absolute address of a site-relative ``path``."""
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + path.lstrip("/")
