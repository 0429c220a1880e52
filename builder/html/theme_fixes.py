"""Accessibility repairs to the theme's HTML where its templates offer no hook.

Material for MkDocs renders its search overlay as ``role="dialog"`` without an
accessible name (axe rule ``aria-dialog-name``, serious). Overriding the
partial would mean copying the theme's template into the repository; naming
the dialog in the rendered page is one exact, checked substitution instead.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
"""The theme's unnamed search dialog, exactly as Material 9 renders it."""

NAMED_SEARCH_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
)
"""The same element with the accessible name screen readers announce."""


def apply(document: str) -> str:
    """Name the theme's search dialog; pages without it are returned unchanged."""
    return document.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
