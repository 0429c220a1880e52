"""Finished pages kept between builds, each under a hash of everything it is made from.

The theme's templates cost more per page than anything else in a build (the sidebar
alone is a third of it), and an editor's second build renders every page again
although one event changed. A page's HTML is a function of its own content, title,
metadata and contents list, its address, the site's navigation (the sidebar, the
previous and next links), the configuration, the templates and the builder's code:
:func:`page_inputs` lists the page's part of that, :func:`navigation_inputs` and
the hook the site's part. A page whose key is stored is rendered from an empty
template and its stored HTML written instead; any other page is rendered and stored
(:class:`PageStore`), with the entries the site search made of it, which the search
then takes instead of parsing the page again.

Before that, converting the page's Markdown is the next largest cost: a conversion
(:class:`ConversionStore`) is keyed on the page's Markdown and address, the Markdown
extensions and their settings and the site's files (links are checked against them).

Entries are one file each, named by their key, in a folder per edition and kind; a
build removes the entries it neither read nor wrote (:meth:`EntryStore.prune`), so a
folder holds one build's. Nothing here knows about MkDocs: the hook passes plain values.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from builder.cache.store import digest

REUSED_TEMPLATE = "dr-reused-page.html"
"""The template a page whose HTML is stored is rendered with: empty, so the theme's
templates are not run for it (the hook registers it with the theme's environment)."""


class NavigationItem(Protocol):
    """What the key reads of a navigation entry (MkDocs' ``Section``, ``Page`` or ``Link``)."""

    title: str | None

    @property
    def children(self) -> Sequence[NavigationItem] | None:
        """Nested entries of a section, None for a page or link."""


class Heading(Protocol):
    """What the key reads of a contents-list entry (MkDocs' ``AnchorLink``)."""

    title: str
    id: str
    level: int

    @property
    def children(self) -> Sequence[Heading]:
        """Headings nested under this one."""


def navigation_inputs(items: Iterable[NavigationItem]) -> list[str]:
    """The navigation as the sidebar shows it: each entry's kind, depth, title and address."""
    parts: list[str] = []

    def walk(entries: Iterable[NavigationItem], depth: int) -> None:
        for entry in entries:
            url = getattr(entry, "url", None)
            parts.append(f"{depth}\t{type(entry).__name__}\t{entry.title}\t{url}")
            children = entry.children
            if children:
                walk(children, depth + 1)

    walk(items, 0)
    return parts


def contents_inputs(headings: Iterable[Heading]) -> list[str]:
    """A page's contents list: each heading's level, anchor and title, in order."""
    parts: list[str] = []
    for heading in headings:
        parts.append(f"{heading.level}\t{heading.id}\t{heading.title}")
        parts.extend(contents_inputs(heading.children))
    return parts


def page_inputs(
    *,
    src_uri: str,
    url: str,
    title: str | None,
    content: str,
    meta: Mapping[str, object],
    contents: list[str],
    neighbours: Sequence[tuple[str | None, str | None]],
    extra: Sequence[str] = (),
) -> list[str]:
    """One page's part of its key: what the templates read of it and of its neighbours."""
    return [
        src_uri,
        url,
        str(title),
        content,
        stable_json(dict(meta)),
        *contents,
        json.dumps(list(neighbours)),
        *extra,
    ]


def stable_json(value: object) -> str:
    """``value`` as JSON that is the same in every process: keys and sets sorted, objects
    with ``items()`` (MkDocs' theme) as their items, any other object as its ``repr``."""
    return json.dumps(value, sort_keys=True, default=_plain, ensure_ascii=False)


def _plain(value: object) -> object:
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    items = getattr(value, "items", None)
    if callable(items):
        return {str(k): v for k, v in items()}
    return repr(value)


def tree_inputs(folder: Path) -> list[str | bytes]:
    """Every file under ``folder`` (the theme's overrides), by relative path and content."""
    parts: list[str | bytes] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return parts


T = TypeVar("T")


def _unpickled(content: bytes | None, kind: type[T]) -> T | None:
    if content is None:
        return None
    try:
        value = pickle.loads(content)
    except (pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    return value if isinstance(value, kind) else None


class EntryStore:
    """Entries of one kind from one edition's last build, one file each in ``folder``, named by
    key (None: keep nothing). A build's entries are those it read or wrote; :meth:`prune`
    removes the others."""

    SUFFIX = ".entry"

    def __init__(self, folder: Path | None, site_key: str) -> None:
        """``site_key`` hashes what every entry shares: code, templates, configuration, nav."""
        self.folder = folder
        self.site_key = site_key
        self.used: set[str] = set()
        """Keys this build read or wrote: the entries :meth:`prune` keeps."""
        self.reused = 0
        """How many entries this build took from the store."""

    def key(self, parts: Iterable[str]) -> str:
        """The key of an entry made from ``parts`` on this site."""
        return digest([self.site_key, *parts])

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{key}{self.SUFFIX}"

    def holds(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (it is then kept by :meth:`prune`)."""
        if self.folder is None or not self._path(key).is_file():
            return False
        self.used.add(key)
        return True

    def _read(self, key: str) -> bytes | None:
        if self.folder is None:
            return None
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def _load(self, key: str, kind: type[T]) -> T | None:
        """The entry under ``key`` if it is a readable ``kind``; counted as reused."""
        value = _unpickled(self._read(key), kind)
        if value is not None:
            self.used.add(key)
            self.reused += 1
        return value

    def _write(self, key: str, content: bytes) -> None:
        if self.folder is None:
            return
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".new-")
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(temporary, self._path(key))
        except OSError:
            pass  # a store that cannot be written only costs the next build its time

    def prune(self) -> None:
        """Remove the entries this build did not use: the folder keeps one build's."""
        if self.folder is None:
            return
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.removesuffix(self.SUFFIX) not in self.used:
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / name)


@dataclass(frozen=True)
class StoredPage:
    """A finished page as the last build wrote it, with the site search's entries for it
    (None where the search does not index it)."""

    html: str
    search: list[dict[str, Any]] | None


class PageStore(EntryStore):
    """The finished pages of one edition's last build."""

    SUFFIX = ".page"

    def load(self, key: str) -> StoredPage | None:
        """The page stored under ``key``, or None if there is none that can be read."""
        return self._load(key, StoredPage)

    def save(self, key: str, page: StoredPage) -> None:
        """Keep ``page`` under ``key``."""
        self._write(key, pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))


@dataclass(frozen=True)
class Conversion:
    """What converting one page's Markdown gives MkDocs (``Page.render``): its HTML, its
    contents list as Python-Markdown's ``toc_tokens``, the title of its first heading, the
    anchors it has and the anchors it links to, by linked page's source path."""

    content: str
    toc: list[dict[str, Any]]
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None


class ConversionStore(EntryStore):
    """Each page's conversion from Markdown in one edition's last build, keyed on its
    Markdown, its address and what every conversion shares (extensions and their settings,
    the site's files, the code)."""

    SUFFIX = ".pickle"

    def load(self, key: str) -> Conversion | None:
        """The conversion stored under ``key``, or None if there is none that can be read."""
        return self._load(key, Conversion)

    def save(self, key: str, conversion: Conversion) -> None:
        """Keep ``conversion`` under ``key``."""
        self._write(key, pickle.dumps(conversion, protocol=pickle.HIGHEST_PROTOCOL))
