"""Our own scripts and styles as readers download them: comments and layout stripped.

The files in ``docs/assets/js`` and ``docs/assets/css`` are written to be read,
with comments that say why; a reader's browser needs none of it. ``rjsmin`` and
``rcssmin`` (PyPI) remove comments and spaces only, never rename or reorder, so
what runs is what we wrote. The vendored libraries come minified already.
"""

from __future__ import annotations

import rcssmin
import rjsmin

OWN_ASSETS = ("assets/js/", "assets/css/")
"""Where our own front-end files sit in the site, beside ``assets/vendor/``."""


def is_own_asset(src_uri: str) -> bool:
    """Whether ``src_uri`` is one of our scripts or stylesheets (not a vendored library)."""
    return src_uri.startswith(OWN_ASSETS) and src_uri.endswith((".js", ".css"))


def minified(src_uri: str, text: str) -> str:
    """``text`` of the script or stylesheet at ``src_uri`` without comments and layout."""
    result = rjsmin.jsmin(text) if src_uri.endswith(".js") else rcssmin.cssmin(text)
    return result if result.endswith("\n") else result + "\n"
