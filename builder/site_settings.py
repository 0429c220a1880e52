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
