"""Pages' HTML kept on disk while MkDocs is between its two passes over the pages.

MkDocs converts every page to HTML before it renders the first into the theme, so it
holds the HTML of every page at once: at 10,000 events, 69 MB for the English pages and
161 MB for the Russian (Cyrillic text takes two bytes a character in a Python string).
A :class:`PageSpill` writes each page's HTML to one unnamed file as soon as the page is
converted and reads it back when the page is rendered: a page is in memory only while it
is being made. The file is gone when it is closed or the process ends.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class PageSpill:
    """Strings written to one unnamed file in ``folder``, each read back once by its key.

    Made after any ``fork``: two processes must not share the file."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        # On the project's disk, not /tmp, which may be memory (tmpfs) on another machine.
        self._file = tempfile.TemporaryFile(dir=folder, buffering=0)  # noqa: SIM115 (open across both passes)
        self._end = 0
        self._where: dict[str, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self._where)

    def put(self, key: str, text: str) -> None:
        """Keep ``text`` under ``key`` (replacing what was kept there)."""
        data = text.encode("utf-8", "surrogatepass")
        os.pwrite(self._file.fileno(), data, self._end)
        self._where[key] = (self._end, len(data))
        self._end += len(data)

    def take(self, key: str) -> str | None:
        """The text kept under ``key``, no longer kept; None if nothing is."""
        where = self._where.pop(key, None)
        if where is None:
            return None
        offset, size = where
        return os.pread(self._file.fileno(), size, offset).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        """Remove the file and forget what it held."""
        self._where.clear()
        self._file.close()
