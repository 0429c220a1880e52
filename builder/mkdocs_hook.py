"""The one adapter between MkDocs and the pure builder (``hooks:`` in mkdocs.yml).

It runs the pipeline before MkDocs cleans the site folder, so invalid data
aborts the build and leaves the previous site as it was; it then hands the
generated files to MkDocs as virtual files and expands map and chart
directives in pages. Every HTML page leaves with its Content-Security-Policy.
It also runs the build's one ``git log``, whose output dates each event's
entry into the record (:mod:`builder.record.record_dates`).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by file path; make the builder package importable from it.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder import pipeline  # noqa: E402
from builder.cache import store  # noqa: E402
from builder.html import (  # noqa: E402
    chapter_layout,
    csp,
    embeds,
    footnote_marks,
    held_html,
    minify,
    theme_fixes,
)
from builder.images import site_images  # noqa: E402
from builder.pages import bibliography  # noqa: E402
from builder.pages.story import STORY_PAGE  # noqa: E402
from builder.record import dates as partial_dates  # noqa: E402
from builder.record import record_dates, record_span  # noqa: E402
from builder.record.validate import InvalidData  # noqa: E402
from builder.site_settings import PublishedAt, SiteSettings, published_at  # noqa: E402

log = logging.getLogger("mkdocs.hooks.builder")
_state: dict[str, pipeline.Build] = {}
_cards: dict[str, tuple[str, str]] = {}
"""Each authored page's own sharing card: site path and description, by source path."""

# A note for whoever runs the build, outside MkDocs' logger: `make build` runs
# --quiet, which would hide it, and --strict, which would fail on a warning.
notes = logging.getLogger("builder")
if not notes.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("NOTE    -  %(message)s"))
    notes.addHandler(_handler)
    notes.setLevel(logging.INFO)
    notes.propagate = False


def source_date_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` (set by the Makefile from the last commit), or the fixed fallback."""
    try:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    except (KeyError, ValueError):
        return record_dates.FALLBACK_EPOCH


def git_history(root: Path) -> str | None:
    """Output of the build's one ``git log`` over ``data/events/``; None without git or history."""
    try:
        result = subprocess.run(
            record_dates.git_log_command(),
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def record_history(root: Path) -> record_dates.RecordHistory:
    """When each event entered the record and last changed, from git or the fallback."""
    return record_dates.parse_git_log(git_history(root), source_date_epoch())


def _note_approximate(history: record_dates.RecordHistory, event_ids: list[str]) -> None:
    approximate = history.approximate(event_ids)
    if not approximate:
        return
    day = partial_dates.display(history.fallback.date().isoformat())
    notes.info(
        "dates approximate: %d of %d events have no history in git (a copy without "
        "history, a shallow clone or files not yet committed); they are dated %s "
        "(SOURCE_DATE_EPOCH) in the feed, the events index and their pages",
        len(approximate),
        len(event_ids),
        day,
    )


def settings(config: MkDocsConfig) -> SiteSettings:
    """The published-site facts the pipeline needs, read from the configuration
    :func:`on_config` completed."""
    return SiteSettings(
        site_url=config.site_url or SiteSettings.site_url,
        site_name=config.site_name,
        data_edit_url=config.extra.get("data_edit_url") if config.extra else None,
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Set the site's address and the edit links' base from where the site is built.

    ``mkdocs.yml`` carries neither (see :func:`builder.site_settings.published_at`):
    MkDocs' sitemap and canonical links, the feed, the sharing cards and the edit
    links all follow ``SITE_URL`` or the GitHub repository the build runs in.
    """
    try:
        # mkdocs.yml has no site_url: one set already is `mkdocs serve`'s own address.
        where: PublishedAt = published_at(os.environ, served_at=config.site_url)
    except ValueError as exc:
        raise Abort(str(exc)) from None
    config.site_url = where.site_url
    config.extra["data_edit_url"] = where.data_edit_url
    notes.info("site address %s (from %s)", where.site_url, where.origin)
    return config


CACHE_DIR = ROOT / ".cache" / "builder"
"""Where the build keeps the outputs it may reuse (git ignores it; deleting it is always safe)."""

CACHE_LIBRARIES = ("folium", "branca", "plotly", "numpy", "pyproj", "pydantic", "nh3", "markdown")
"""Libraries whose version shapes the cached outputs: an upgrade renders everything again."""


# The version of the code this process runs, taken once: `mkdocs serve` keeps a hook's
# modules loaded after their files change, and an entry must name the code that made it.
_CODE_VERSION = store.code_version(ROOT / "builder", CACHE_LIBRARIES)


def build_cache() -> store.BuildCache:
    """The cache of map documents and charts between builds, or none if switched off."""
    if not store.enabled():
        return store.BuildCache(None, "")
    return store.BuildCache(CACHE_DIR, _CODE_VERSION)


def on_pre_build(config: MkDocsConfig) -> None:
    """Validate and render everything; abort with every problem if the data is bad."""
    history = record_history(ROOT)
    cache = build_cache()
    try:
        _state["build"] = pipeline.build(
            ROOT / "data", ROOT / "node_modules", settings(config), history, cache
        )
    except InvalidData as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"{len(exc.problems)} problem(s) in data/; the site was not rebuilt") from None
    except FileNotFoundError as exc:
        raise Abort(str(exc)) from None
    _note_approximate(history, sorted(_state["build"].data.events))
    if cache.reused:
        notes.info(
            "reused from the last build (inputs unchanged): %s; DR_BUILD_CACHE=0 renders all",
            ", ".join(cache.reused),
        )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, maps, charts, downloads and vendored assets, serve our own
    scripts and styles minified, and draw the sharing cards of the pages that have their
    own (:func:`page_cards`)."""
    for own in [f for f in files if minify.is_own_asset(f.src_uri)]:
        files.remove(own)
        text = minify.minified(own.src_uri, own.content_string)
        files.append(File.generated(config, own.src_uri, content=text))
    for src_uri, content in sorted(_state["build"].files.items()):
        inclusion = (
            InclusionLevel.UNDEFINED if pipeline.in_sidebar(src_uri) else InclusionLevel.NOT_IN_NAV
        )
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    sources = {
        f.src_uri: f.content_string
        for f in files.documentation_pages()
        if f.src_uri == "index.md"
        or f.src_uri == STORY_PAGE
        or "[[map " in f.content_string
        or chapter_layout.is_chapter(f.src_uri)
    }
    _cards.clear()
    for src_uri, (path, alt, png) in sorted(
        site_images.page_cards(
            sources, _state["build"].images, config.site_name, ROOT / "node_modules"
        ).items()
    ):
        files.append(File.generated(config, path, content=png))
        _cards[src_uri] = (path, alt)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand map, chart and record-span directives, and add the definitions of cited sources."""
    prefix = "../" * page.url.count("/")
    if chapter_layout.is_chapter(page.file.src_uri):
        page.meta["hide"] = chapter_layout.hide_contents_sidebar(page.meta.get("hide"))
    card, alt = _cards.get(page.file.src_uri, (None, None))
    if card is not None:
        page.meta["card"], page.meta["card_alt"] = card, alt
    page.meta.setdefault("card", site_images.HOME_CARD)
    site_url = config.site_url or ""
    where = embeds.Publication(site_url, config.site_name, site_url + page.url)
    try:
        markdown = embeds.expand(markdown, _state["build"].embeds, prefix, where)
        markdown = record_span.expand(markdown, _state["build"].data, page.file.src_uri)
        return bibliography.add_source_footnotes(markdown, _state["build"].data)
    except embeds.UnknownEmbed as exc:
        raise Abort(f"{page.file.src_uri}: {exc}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put back the held blocks the search indexes, separate adjacent footnote numbers and
    list a chapter's sections under its title."""
    html = footnote_marks.separate_adjacent(held_html.release(html, indexed=True))
    if chapter_layout.is_chapter(page.file.src_uri):
        sections = [(s.title, s.url) for top in page.toc for s in top.children]
        html = chapter_layout.add_contents(html, sections)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put back the unindexed held blocks, repair the theme's markup, add the page's policy
    and the preloads of the scripts at the end of its body (:mod:`builder.html.preload`).

    The policy and the preloads come from one pass over the page: at 10,000 pages,
    each further pass over every page cost a second or more of the build."""
    return csp.apply(theme_fixes.apply(held_html.release(output, indexed=False)), preload=True)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give theme-rendered HTML (404.html) the same policy; leave sitemaps alone."""
    if not template_name.endswith(".html"):
        return output_content
    return csp.apply(theme_fixes.apply(output_content))
