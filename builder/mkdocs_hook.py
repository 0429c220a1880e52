"""The one adapter between MkDocs and the pure builder (``hooks:`` in mkdocs.yml).

It runs the pipeline before MkDocs cleans the site folder, so invalid data
aborts the build and leaves the previous site as it was; it then hands the
generated files to MkDocs as virtual files and expands map and chart
directives in pages. Every HTML page leaves with its Content-Security-Policy.
It also runs the build's one ``git log``, whose output dates each event's
entry into the record (:mod:`builder.record.record_dates`).

The same hook builds every edition: one MkDocs project per language
(``mkdocs.yml``, ``mkdocs.ru.yml``), as Material advises, each with its own search
index and sitemap, the pipeline's output shared, not made twice. Once the pipeline
has run, a fork of the English build builds the other editions beside it, into a hidden
folder of the site that MkDocs' cleaning leaves alone, moved to ``<site>/<lang>/`` when
both are done (:class:`EditionsProcess`; in turn, in :func:`on_post_build`, where
``DR_PARALLEL_EDITIONS=0``). A failed edition fails the whole build.

What a build can reuse it keeps in ``.cache/builder/`` (:mod:`builder.cache`): stages
of the pipeline, and per edition each page's conversion from Markdown
(:func:`_convert`, in place of ``Page.render``) and each finished page with the
search's entries for it (:func:`_key_page`, :func:`on_post_page`, :func:`_index`).
What a large build would hold at once it does not: a page's Markdown goes once it is
HTML, its HTML waits on disk until the page is rendered (:func:`on_pre_page`,
:mod:`builder.cache.spill`), a large held block reaches Markdown as its digest and comes
back after the page's last passes (:mod:`builder.html.held_html`, :func:`on_post_page`),
what the maps and images were made from goes once the cards are drawn
(:func:`on_files`), and freed memory goes back to the system
(:mod:`builder.cache.memory`).
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc
from mkdocs.utils.yaml import yaml_load

# Material ships no type information: its search index is taken untyped.
SearchIndex: Any = importlib.import_module("material.plugins.search.plugin").SearchIndex

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by file path; make the builder package importable from it.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder import pipeline  # noqa: E402
from builder.cache import memory, spill, store  # noqa: E402
from builder.cache import pages as page_store  # noqa: E402
from builder.html import (  # noqa: E402
    abbreviations,
    chapter_layout,
    csp,
    embeds,
    footnote_marks,
    held_html,
    minify,
    search,
    theme_fixes,
)
from builder.i18n import (  # noqa: E402
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Language,
    coverage,
    editions,
    front,
)
from builder.i18n.messages import formatted, message  # noqa: E402
from builder.images import site_images  # noqa: E402
from builder.pages import bibliography  # noqa: E402
from builder.pages.common import embed_words  # noqa: E402
from builder.pages.story import STORY_PAGE  # noqa: E402
from builder.record import dates as partial_dates  # noqa: E402
from builder.record import record_dates, record_span  # noqa: E402
from builder.record.validate import InvalidData  # noqa: E402
from builder.site_settings import PublishedAt, SiteSettings, published_at  # noqa: E402

log = logging.getLogger("mkdocs.hooks.builder")
_state: dict[str, pipeline.Build] = {}
_editions: dict[Language, pipeline.Edition] = {}
"""The generated files of each translated edition, made from the English build's ``_state``."""
_cards: dict[str, tuple[str, str]] = {}
"""Each authored page's own sharing card in the edition being built: site path and
description, by source path."""
_site_urls: dict[Language, str] = {}
"""Each edition's address, ending in ``/``: the English build's own and ``<it>ru/``."""
_fallbacks: set[str] = set()
"""Pages of the edition being built that are published in English, for want of a translation."""
_history: dict[str, record_dates.RecordHistory] = {}
_published: dict[Language, Files] = {}
"""Each edition's files as MkDocs publishes them, so what is written can be let go."""

EDITION_CONFIGS: dict[Language, Path] = {"ru": ROOT / "mkdocs.ru.yml"}
"""The configuration of each edition besides English, built at ``<site>/<lang>/``."""

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


def edition(config: MkDocsConfig) -> Language:
    """The language this configuration builds: ``extra.edition``, English when unset."""
    lang = config.extra.get("edition", DEFAULT_LANGUAGE) if config.extra else DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        raise Abort(f"extra.edition: {lang!r} is not one of {', '.join(LANGUAGES)}")
    return lang


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Set the site's address and the edit links' base from where the site is built.

    ``mkdocs.yml`` carries neither (see :func:`builder.site_settings.published_at`):
    MkDocs' sitemap and canonical links, the feed, the sharing cards and the edit
    links all follow ``SITE_URL`` or the GitHub repository the build runs in.
    """
    lang = edition(config)
    # The English build reads every edition's abbreviations first, so a mistake in any of
    # them stops the build before a page is written.
    problems: list[str] = []
    for other in [lang] if lang != DEFAULT_LANGUAGE else [lang, *EDITION_CONFIGS]:
        prefix = "" if other == DEFAULT_LANGUAGE else f"{other}/"
        try:
            glossary = abbreviations.read_glossary(Path(config.docs_dir), prefix)
        except abbreviations.BadAbbreviations as exc:
            problems.extend(exc.problems)
            continue
        if other == lang:
            config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary
    if problems:
        for problem in problems:
            log.error(problem)
        raise Abort(f"{len(problems)} problem(s) in the abbreviations; the site was not built")
    config.extra["feed_title"] = message("feed.title", lang).format(site=config.site_name)
    config.extra["feed_link_title"] = message("feed.link_title", lang).format(site=config.site_name)
    config.extra["made_with"] = message("footer.made_with", lang)
    # The description of the home card that pages without their own card share (main.html).
    config.extra["card_alt"] = formatted("image.card.default_alt", lang, site=config.site_name)
    if lang != DEFAULT_LANGUAGE:
        # The English build gave this edition its address and edit links (build_edition).
        _site_urls[lang] = config.site_url or ""
        return config
    try:
        # mkdocs.yml has no site_url: one set already is `mkdocs serve`'s own address.
        where: PublishedAt = published_at(os.environ, served_at=config.site_url)
    except ValueError as exc:
        raise Abort(str(exc)) from None
    config.site_url = where.site_url
    config.extra["data_edit_url"] = where.data_edit_url
    _site_urls.clear()
    _site_urls[DEFAULT_LANGUAGE] = where.site_url
    for other in EDITION_CONFIGS:
        _site_urls[other] = f"{where.site_url}{other}/"
    notes.info("site address %s (from %s)", where.site_url, where.origin)
    return config


CACHE_DIR = ROOT / ".cache" / "builder"
"""Where the build keeps the outputs it may reuse (git ignores it; deleting it is always safe)."""

CACHE_LIBRARIES = ("folium", "branca", "plotly", "numpy", "pyproj", "pydantic", "nh3", "markdown")
"""Libraries whose version shapes the cached outputs: an upgrade renders everything again."""


# The version of the code this process runs, taken once: `mkdocs serve` keeps a hook's
# modules loaded after their files change, and an entry must name the code that made it.
_CODE_VERSION = store.code_version(ROOT / "builder", CACHE_LIBRARIES)

PAGE_LIBRARIES = ("mkdocs", "mkdocs-material", "jinja2", "pymdown-extensions", "babel")
"""Libraries whose version shapes a finished page besides :data:`CACHE_LIBRARIES`: the
theme, its template engine, the Markdown extensions and the dates' formatting."""

_PAGE_CODE_VERSION = store.code_version(ROOT / "builder", CACHE_LIBRARIES + PAGE_LIBRARIES)


def build_cache() -> store.BuildCache:
    """The cache of map documents and charts between builds, or none if switched off."""
    if not store.enabled():
        return store.BuildCache(None, "")
    return store.BuildCache(CACHE_DIR, _CODE_VERSION)


def on_pre_build(config: MkDocsConfig) -> None:
    """Validate and render everything; abort with every problem if the data is bad.

    An edition besides English renders only its own pages, from the English build's data."""
    lang = edition(config)
    if lang != DEFAULT_LANGUAGE:
        cache = build_cache()
        _editions[lang] = pipeline.edition(
            _state["build"], lang, settings(config), _history["history"], cache
        )
        _note_reused(cache)
        if lang == list(EDITION_CONFIGS)[-1]:
            # What the edition publishes again it now holds itself; the rest was English only.
            _state["build"] = replace(_state["build"], files=pipeline.GeneratedFiles())
        memory.return_freed_memory()  # what making the edition's files left over
        return
    history = record_history(ROOT)
    _history["history"] = history
    cache = build_cache()
    held_html.forget_kept()  # the last build's (under `mkdocs serve`)
    try:
        _state["build"] = pipeline.build(
            ROOT / "data",
            ROOT / "node_modules",
            settings(config),
            history,
            cache,
            site_names={lang: edition_site_name(path) for lang, path in EDITION_CONFIGS.items()},
        )
    except InvalidData as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"{len(exc.problems)} problem(s) in data/; the site was not rebuilt") from None
    except FileNotFoundError as exc:
        raise Abort(str(exc)) from None
    _note_approximate(history, sorted(_state["build"].data.events))
    _note_reused(cache)
    memory.return_freed_memory()  # what rendering the files left over
    if parallel_editions():
        # Before MkDocs cleans the site folder and lists the pages: the editions need
        # neither, and on a slow disk the cleaning alone takes most of a second.
        _editions_process.start(config)


def _note_reused(cache: store.BuildCache) -> None:
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
    lang = edition(config)
    generated = _state["build"].files if lang == DEFAULT_LANGUAGE else _editions[lang].files
    if lang != DEFAULT_LANGUAGE:
        files = _translated_pages(files, config, lang)
    for src_uri in sorted(generated):
        inclusion = (
            InclusionLevel.UNDEFINED if pipeline.in_sidebar(src_uri) else InclusionLevel.NOT_IN_NAV
        )
        make = generated.deferred.get(src_uri)
        if make is not None:
            files.append(DeferredFile.deferred(config, src_uri, make, inclusion))
            continue
        content = generated.made[src_uri]
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    # An event page (deferred) places no map with a directive: its locator is its own HTML.
    sources = {
        f.src_uri: f.content_string
        for f in files.documentation_pages()
        if not isinstance(f, DeferredFile)
        and (
            f.src_uri == "index.md"
            or f.src_uri == STORY_PAGE
            or "[[map " in f.content_string
            or chapter_layout.is_chapter(f.src_uri)
        )
    }
    if lang != DEFAULT_LANGUAGE:
        _fallbacks.update(_editions[lang].untranslated)
    # Each edition's cards: its pages' own titles, its name, its maps' words (the maps
    # themselves drawn once, by the English build).
    _cards.clear()
    for src_uri, (path, alt, png) in sorted(page_cards(sources, config, lang).items()):
        files.append(File.generated(config, path, content=png))
        _cards[src_uri] = (path, alt)
    _published[lang] = files
    pipeline.forget_read_inputs()  # the cards were the last to draw on them
    return files


class DeferredFile(File):
    """A generated page whose Markdown is made when MkDocs reads it
    (:class:`~builder.pipeline.GeneratedFiles`), not held from the pipeline on."""

    make: Callable[[], str] | None = None

    @classmethod
    def deferred(
        cls, config: MkDocsConfig, src_uri: str, make: Callable[[], str], inclusion: InclusionLevel
    ) -> DeferredFile:
        """The page at ``src_uri`` whose Markdown ``make`` makes."""
        file = cast(DeferredFile, cls.generated(config, src_uri, content="", inclusion=inclusion))
        file.make = make
        return file

    @property
    def content_string(self) -> str:
        """The page's Markdown, made now if it is deferred."""
        if self.make is not None:
            return self.make()
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._set(value)

    @property
    def content_bytes(self) -> bytes:
        """The page's Markdown as UTF-8."""
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._set(value)

    def _set(self, content: str | bytes) -> None:
        # As MkDocs' own setters do, and no longer deferred.
        self.make = None
        self._content = content
        self.abs_src_path = None


def page_cards(
    sources: dict[str, str], config: MkDocsConfig, lang: Language
) -> dict[str, tuple[str, str, bytes]]:
    """The cards of the pages that have their own (:func:`site_images.page_cards`), taken
    from the build cache when the pages' sources, the edition's name and the pictures they
    are drawn from are those of the last build."""
    images = _state["build"].images
    cache = build_cache()
    inputs: list[str | bytes] = [images.key, lang, config.site_name]
    for src_uri, markdown in sorted(sources.items()):
        inputs += [src_uri, markdown]
    stage = f"cards-{lang}"
    key = cache.key(stage, inputs)
    stored = cache.load(stage, key) if images.key else None
    drawn = {k: v for k, v in stored.items() if isinstance(v, bytes)} if stored else None
    made = site_images.page_cards(
        sources, images.of(lang), config.site_name, ROOT / "node_modules", drawn
    )
    if drawn is None and images.key:
        cache.save(stage, key, {path: png for path, _, png in made.values()})
    return made


_page_stores: dict[Language, page_store.PageStore] = {}
"""Each edition's finished pages of the last build (:mod:`builder.cache.pages`)."""
_page_keys: dict[tuple[Language, str], tuple[str, str | None]] = {}
"""Each page's key and, when its HTML is stored, the template it would be rendered with."""
_conversion_stores: dict[Language, page_store.ConversionStore] = {}
"""Each edition's pages converted from Markdown in the last build (:func:`_convert`)."""
_navigations: dict[Language, Navigation] = {}
_environments: dict[Language, jinja2.Environment] = {}


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Open the edition's store of finished pages, keyed on everything every page shares."""
    lang = edition(config)
    _building["lang"] = lang
    _navigations[lang] = nav
    _copied.discard(lang)
    _close_spill(lang)
    _spills[lang] = spill.PageSpill(CACHE_DIR)
    if not store.enabled():
        _page_stores[lang] = page_store.PageStore(None, "")
        _conversion_stores[lang] = page_store.ConversionStore(None, "")
        return nav
    converted: list[str | bytes] = [
        _PAGE_CODE_VERSION,
        lang,
        page_store.stable_json([config.markdown_extensions, config.mdx_configs]),
        page_store.stable_json([dict(config.validation), config.use_directory_urls]),
        # Links are checked and rewritten against the site's files.
        *sorted(f"{f.src_uri}\t{f.url}\t{f.inclusion.name}" for f in files),
    ]
    _conversion_stores[lang] = page_store.ConversionStore(
        CACHE_DIR / f"conversions-{lang}", store.digest(converted)
    )
    shared: list[str | bytes] = [
        _PAGE_CODE_VERSION,
        lang,
        os.environ.get("SOURCE_DATE_EPOCH", ""),  # the templates' build date
        _configuration_inputs(config),
        *sorted(f"{other}\t{url}" for other, url in _site_urls.items()),
        *page_store.tree_inputs(ROOT / "overrides"),
        *page_store.navigation_inputs(nav.items),
    ]
    _page_stores[lang] = page_store.PageStore(CACHE_DIR / f"pages-{lang}", store.digest(shared))
    return nav


# Options that cannot change a finished page, or reach it only through its content.
_UNRENDERED_OPTIONS = frozenset(
    {"site_dir", "docs_dir", "config_file_path", "watch", "hooks", "plugins", "extra"}
    | {"markdown_extensions", "mdx_configs", "validation", "strict", "dev_addr"}
)


def _configuration_inputs(config: MkDocsConfig) -> str:
    """The configuration as the templates read it, one stable string."""
    options = {k: v for k, v in config.items() if k not in _UNRENDERED_OPTIONS}
    extra = {k: v for k, v in (config.extra or {}).items() if k != "alternate"}
    plugins = {
        name: dict(plugin.config)
        for name, plugin in config.plugins.items()
        if isinstance(getattr(plugin, "config", None), dict)
    }
    return page_store.stable_json([options, extra, plugins])


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Put the last page converted on disk too (every page is converted by now); give the
    theme an empty template for pages taken from the store, and keep compiled templates
    between builds (Jinja checks each against its source)."""
    lang = edition(config)
    _spill_converted(lang)
    memory.return_freed_memory()
    assert env.loader is not None
    env.loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader({page_store.REUSED_TEMPLATE: ""}), env.loader]
    )
    if store.enabled():
        folder = CACHE_DIR / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    _environments[lang] = env
    return env


def _key_page(page: Page, html: str, lang: Language) -> None:
    """Key the page on what its HTML is made from; render a stored one from the empty template."""
    pages = _page_stores.get(lang)
    if pages is None or pages.folder is None:
        return
    neighbours = [
        (p.title, p.url) if p is not None else (None, None)
        for p in (page.previous_page, page.next_page)
    ]
    key = pages.key(
        page_store.page_inputs(
            src_uri=page.file.src_uri,
            url=page.url,
            title=page.title,
            content=html,
            meta=page.meta,
            contents=page_store.contents_inputs(page.toc),
            neighbours=neighbours,
        )
    )
    template = None
    if pages.holds(key):
        template = str(page.meta.get("template", "main.html"))
        page.meta["template"] = page_store.REUSED_TEMPLATE
    _page_keys[(lang, page.file.src_uri)] = (key, template)


class _WarningCount(logging.Handler):
    """Counts MkDocs' warnings: a conversion that warned (a broken link) is not stored, so
    the next build warns again."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _warning_count() -> _WarningCount:
    """The one counter on MkDocs' logger (``mkdocs serve`` loads this module anew per build)."""
    mkdocs_log = logging.getLogger("mkdocs")
    for handler in mkdocs_log.handlers:
        if type(handler).__name__ == _WarningCount.__name__:
            return cast(_WarningCount, handler)  # the same class, from an earlier load
    counter = _WarningCount()
    mkdocs_log.addHandler(counter)
    return counter


_mkdocs_convert = getattr(Page, "_dr_mkdocs_render", Page.render)
"""MkDocs' own ``Page.render`` (kept on the class, as this module may be loaded again)."""


def _convert(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` that reuses the last build's conversion of the same Markdown.

    Converting Markdown is most of what a page costs once its HTML is stored
    (:func:`_key_page`); for an unchanged page the conversion is taken from the store
    with everything MkDocs keeps of it (contents list, title, anchors, links)."""
    conversions = _conversion_stores.get(edition(config))
    if conversions is None or conversions.folder is None or page.markdown is None:
        _mkdocs_convert(page, config, files)
        return
    key = conversions.key([page.file.src_uri, page.url, page.markdown])
    stored = conversions.load(key)
    if stored is not None:
        page.content = stored.content
        page.toc = get_toc(cast(Any, stored.toc))  # MkDocs' own tokens, kept as dicts
        page._title_from_render = stored.title
        page.present_anchor_ids = set(stored.anchors)
        if stored.links is not None:
            linked = {src: files.get_file_from_path(src) for src in stored.links}
            page.links_to_anchors = {f: stored.links[src] for src, f in linked.items() if f}
        return
    warnings = _warning_count()
    before = warnings.count
    _mkdocs_convert(page, config, files)
    if warnings.count != before or page.content is None:
        return
    links = (
        {f.src_uri: dict(anchors) for f, anchors in page.links_to_anchors.items()}
        if page.links_to_anchors is not None
        else None
    )
    conversions.save(
        key,
        page_store.Conversion(
            content=page.content,
            toc=_toc_tokens(page.toc),
            title=page._title_from_render,
            anchors=frozenset(page.present_anchor_ids or ()),
            links=links,
        ),
    )


def _toc_tokens(headings: Iterable[AnchorLink]) -> list[dict[str, Any]]:
    """A contents list as the tokens it was made from (``get_toc`` makes it again)."""
    return [
        {"level": h.level, "id": h.id, "name": h.title, "children": _toc_tokens(h.children)}
        for h in headings
    ]


# MkDocs offers no hook around a page's conversion: ours takes its place on the class,
# MkDocs' own kept beside it for the next load of this module.
for _name, _method in {"_dr_mkdocs_render": _mkdocs_convert, "render": _convert}.items():
    setattr(Page, _name, _method)


_loaded_pages: dict[tuple[Language, str], page_store.StoredPage] = {}
"""Stored pages the search has indexed from the store, until :func:`on_post_page` writes them."""
_search_entries: dict[tuple[Language, str], list[dict[str, Any]]] = {}
"""The search's entries for each page rendered, until :func:`on_post_page` stores them."""
_building: dict[str, Language] = {}
"""The edition whose pages are being built (one at a time in a process)."""

_material_index = getattr(SearchIndex, "_dr_material_index", SearchIndex.add_entry_from_context)
"""Material's own ``SearchIndex.add_entry_from_context`` (kept on the class, as above)."""


def _index(index: SearchIndex, page: Page) -> None:
    """Material's indexing of a page, which parses its HTML, or the entries it made for the
    same page last build, stored with the page (:func:`on_post_page`)."""
    where = (_building.get("lang", DEFAULT_LANGUAGE), page.file.src_uri)
    key, template = _page_keys.get(where, ("", None))
    pages = _page_stores.get(where[0])
    if not key:  # the store is off: nothing to keep the entries for
        _material_index(index, page)
        return
    if template is not None and pages is not None:
        stored = pages.load(key)
        if stored is not None and stored.search is not None:
            _loaded_pages[where] = stored
            index.entries.extend(dict(entry) for entry in stored.search)
            return
    before = len(index.entries)
    _material_index(index, page)
    _search_entries[where] = [dict(entry) for entry in index.entries[before:]]


SearchIndex._dr_material_index = _material_index
SearchIndex.add_entry_from_context = _index


def _render_again(page: Page, config: MkDocsConfig, lang: Language, template: str) -> str:
    """The theme's rendering of a page :func:`_key_page` found stored, for when the store
    lost the entry since (another build of the same folder pruned it)."""
    page.meta["template"] = template
    context = get_context(_navigations[lang], _published[lang], config, page)
    return _environments[lang].get_template(template).render(context)


def _translated_pages(files: Files, config: MkDocsConfig, lang: Language) -> Files:
    """Put each ``docs/<lang>/<path>.md`` in place of ``docs/<path>.md``; keep an English page
    without one, to be published marked as English (:func:`on_page_content`).

    A translation whose English page does not exist is an error: its twin would be missing."""
    prefix = f"{lang}/"
    ours = [f for f in files if f.src_uri.startswith(prefix)]
    for translation in ours:
        files.remove(translation)
    # Snippets (docs/ru/includes/) are excluded pages: read by Markdown, not published.
    translations = {
        f.src_uri.removeprefix(prefix): f
        for f in ours
        if f.inclusion not in (InclusionLevel.EXCLUDED, InclusionLevel.DRAFT)
    }
    _fallbacks.clear()
    originals = {f.src_uri for f in files.documentation_pages()}
    orphans = sorted(p for p in translations if p.endswith(".md") and p not in originals)
    if orphans:
        raise Abort(
            f"docs/{prefix}: no English page for {', '.join(orphans)}: a translation "
            "lives at docs/<lang>/<the English page's path>"
        )
    for src_uri in sorted(originals):
        translated = translations.get(src_uri)
        original = files.get_file_from_path(src_uri)
        if original is None:
            continue
        if translated is None:
            _fallbacks.add(src_uri)
            continue
        files.remove(original)
        files.append(File.generated(config, src_uri, content=translated.content_string))
    for path, other in sorted(translations.items()):
        if not path.endswith(".md") and other.abs_src_path is not None:
            files.append(File.generated(config, path, abs_src_path=other.abs_src_path))
    pages = coverage.Share(len(originals) - len(_fallbacks & originals), len(originals))
    _editions[lang] = _editions[lang].with_pages(pages)
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
    where = embeds.Publication(
        site_url, config.site_name, site_url + page.url, embed_words(edition(config))
    )
    try:
        lang = edition(config)
        placed = _state["build"].embeds if lang == DEFAULT_LANGUAGE else _editions[lang].embeds
        markdown = embeds.expand(markdown, placed, prefix, where)
        markdown = record_span.expand(markdown, _state["build"].data, page.file.src_uri, lang)
        return bibliography.add_source_footnotes(markdown, _state["build"].data, edition(config))
    except embeds.UnknownEmbed as exc:
        raise Abort(f"{page.file.src_uri}: {exc}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put back the held blocks the search indexes, separate adjacent footnote numbers and
    list a chapter's sections under its title."""
    html = footnote_marks.separate_adjacent(held_html.release(html, indexed=True))
    if chapter_layout.is_chapter(page.file.src_uri):
        sections = [(s.title, s.url) for top in page.toc for s in top.children]
        html = chapter_layout.add_contents(html, sections)
    lang = edition(config)
    if lang != DEFAULT_LANGUAGE and page.file.src_uri in _fallbacks:
        html = editions.marked_untranslated(html, lang)
    _key_page(page, html, lang)
    _release_source(page, lang)
    _converted.append(page)
    return html


_spills: dict[Language, spill.PageSpill] = {}
"""Each edition's converted pages, on disk until each is rendered (:mod:`builder.cache.spill`)."""
_converted: list[Page] = []
"""The page converted last: MkDocs sets its HTML after :func:`on_page_content` returns."""


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Put the HTML of the page converted before this one on disk until it is rendered, and
    now and then give the memory of the pages converted since back to the system."""
    _spill_converted(edition(config))
    _now_and_then_return_memory()
    return page


PAGES_BETWEEN_RETURNS = 500
"""Pages converted or rendered between two :func:`memory.return_freed_memory` (each takes
a few milliseconds; what 500 event pages leave is more than 10 MB)."""
_pages_handled = [0]
LARGE_PAGE = 1_000_000
"""Characters of HTML above which a page's conversion is followed by
:func:`memory.return_freed_memory`."""


def _now_and_then_return_memory() -> None:
    _pages_handled[0] += 1
    if _pages_handled[0] % PAGES_BETWEEN_RETURNS == 0:
        memory.return_freed_memory()


def _spill_converted(lang: Language) -> None:
    held = _spills.get(lang)
    while _converted:
        page = _converted.pop()
        if len(page.content or "") > LARGE_PAGE:
            # Converting it took many times its size (the events index, an actor's page).
            memory.return_freed_memory()
        if held is not None and page.content:
            held.put(page.file.src_uri, page.content)
            # Empty, not None: MkDocs reads a page without HTML as one not yet converted.
            page.content = ""


def _close_spill(lang: Language) -> None:
    _converted.clear()
    held = _spills.pop(lang, None)
    if held is not None:
        held.close()


def _release_source(page: Page, lang: Language) -> None:
    """Let go of a generated page's Markdown once it is HTML. MkDocs holds every page's
    source and HTML until the build ends; at 10,000 events the sources alone are 55 MB a
    language. The English build keeps the pages its editions publish in English."""
    # Empty, not None: MkDocs takes a page without Markdown for one without a title.
    page.markdown = ""
    if page.file.abs_src_path is not None:
        return
    src_uri = page.file.src_uri
    if lang == DEFAULT_LANGUAGE:
        if src_uri in pipeline.GENERATED_PAGES_IN_ENGLISH:
            return
        _state["build"].files.forget(src_uri)
    elif lang in _editions:
        _editions[lang].files.forget(src_uri)
    page.file.content_string = ""


@event_priority(100)  # before the search plugin reads the page's HTML
def on_page_context(
    context: dict[str, object], page: Page, config: MkDocsConfig, nav: object
) -> dict[str, object]:
    """Take the page's HTML back from disk (:func:`on_pre_page`), and name its twin in every
    language: the theme's ``hreflang`` links and the header's language switch
    (``overrides/partials/alternate.html``) read ``extra.alternate``, set here for each page
    just before it is rendered."""
    lang = edition(config)
    if lang not in _copied:
        _release_copied(lang)
    held = _spills.get(lang)
    html = held.take(page.file.src_uri) if held is not None else None
    if html is not None:
        page.content = html
    config.extra["alternate"] = editions.page_alternates(page.url, _site_urls, lang)
    return context


_copied: set[Language] = set()
"""The editions whose generated files MkDocs has copied to the site folder."""


def _release_copied(lang: Language) -> None:
    """Let go of the generated files that are not pages (downloads, map documents, charts,
    images, libraries) once MkDocs has copied them, which it does before it renders the
    first page, rather than when the build ends. The English build keeps its own where an
    edition is still to be made from them in this process."""
    _copied.add(lang)
    for file in _published.get(lang, Files([])):
        if file.abs_src_path is None and not file.is_documentation_page():
            file.content_bytes = b""
    if lang != DEFAULT_LANGUAGE:
        generated = _editions[lang].files
    elif _editions_process:
        generated = _state["build"].files  # the editions' fork has its own
    else:
        return
    for path in [p for p in generated.made if not p.endswith(".md")]:
        generated.forget(path)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put back the unindexed held blocks, repair the theme's markup, add the page's policy
    and the preloads of the scripts at the end of its body (:mod:`builder.html.preload`).

    The policy and the preloads come from one pass over the page: at 10,000 pages,
    each further pass over every page cost a second or more of the build."""
    lang = edition(config)
    _now_and_then_return_memory()
    where = (lang, page.file.src_uri)
    key, template = _page_keys.pop(where, ("", None))
    pages = _page_stores.get(lang)
    stored = _loaded_pages.pop(where, None)
    if stored is None and pages is not None and template is not None:
        stored = pages.load(key)  # the search did not index the page (it loads it first)
    if template is not None and stored is None:
        output = _render_again(page, config, lang, template)
    # The next template rendered (404.html) has no twin: it must not inherit this page's.
    config.extra["alternate"] = None
    # The page is made: MkDocs needs only its anchors and links from here on (it checks
    # them after the last page), so its HTML can go rather than wait for the build's end.
    page.content = None
    if stored is not None:
        return stored.html
    # Our scripts' words in the edition's language (explore.js, events-index.js ...).
    output = front.with_strings(output, lang)
    output = held_html.release(output, indexed=False, kept=False)
    output = csp.apply(theme_fixes.apply(output), preload=True)
    # The kept blocks carry no inline script or style (held_html.hold): the policy and the
    # repairs need not pass over their megabytes (the events index at 10,000 events).
    output = held_html.release(output, indexed=False)
    if pages is not None and key:
        pages.save(key, page_store.StoredPage(output, _search_entries.pop(where, None)))
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give theme-rendered HTML (404.html) the same policy; give each address in the sitemap
    its twins in every language."""
    if template_name == "sitemap.xml":
        return editions.sitemap_with_alternates(output_content, _site_urls, edition(config))
    if not template_name.endswith(".html"):
        return output_content
    return csp.apply(theme_fixes.apply(output_content))


@event_priority(50)  # before the search plugin's own, which it spares
def on_post_build(config: MkDocsConfig) -> None:
    """Write the search index; after the English site, build each other edition into
    ``<site>/<lang>/`` and say how much of it is translated; an edition's failure is the
    build's."""
    lang = edition(config)
    _write_search_index(config)
    _close_page_store(lang)
    if lang != DEFAULT_LANGUAGE:
        _release_written(config, lang)
        return
    _release_written(config, DEFAULT_LANGUAGE)
    if _editions_process:
        failed = _editions_process.wait()
        if failed:
            raise Abort(f"the {failed} edition failed (see above); the site was not built")
        return
    build_editions(config, Path(config.site_dir))


def _write_search_index(config: MkDocsConfig) -> None:
    """Write the search index Material's plugin would write, one entry at a time
    (:func:`builder.html.search.index_json`), then switch the plugin off for what is left
    of the build, so it does not write it again whole."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is None or not plugin.config.get("enabled", True):
            continue
        # The keys Material's SearchIndex.generate_search_index writes, in its order.
        settings = {key: index.config[key] for key in ("lang", "separator", "pipeline", "fields")}
        path = Path(config.site_dir) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as written:
            written.writelines(search.index_json(settings, index.entries))
        plugin.config["enabled"] = False


def _close_page_store(lang: Language) -> None:
    """Keep only this build's pages in the edition's store; say how many were reused."""
    _close_spill(lang)
    pages = _page_stores.pop(lang, None)
    conversions = _conversion_stores.pop(lang, None)
    _navigations.pop(lang, None)
    _environments.pop(lang, None)
    if conversions is not None:
        conversions.prune()
        if conversions.reused:
            notes.info(
                "reused from the last build (inputs unchanged): %d of %d %s conversions "
                "from Markdown",
                conversions.reused,
                len(conversions.used),
                lang,
            )
    if pages is None or pages.folder is None:
        return
    pages.prune()
    if pages.reused:
        notes.info(
            "reused from the last build (inputs unchanged): %d of %d %s pages",
            pages.reused,
            len(pages.used),
            lang,
        )


def build_editions(english: MkDocsConfig, folder: Path) -> None:
    """Build every edition besides English into ``<folder>/<lang>/``, saying how much of
    each is translated."""
    for lang, config_file in EDITION_CONFIGS.items():
        build_edition(english, lang, config_file, folder / lang)
        made = _editions[lang]
        notes.info(
            "%s edition: %s events, %s pages translated",
            message(editions.LANGUAGE_KEYS[lang], DEFAULT_LANGUAGE),
            made.events,
            made.pages,
        )


class EditionsProcess:
    """The other editions, built by a copy of this process while it builds the English site.

    The editions share the English build's data, maps and images but none of its pages,
    so on a machine with two cores they need not wait for it: a fork made once the
    pipeline has run inherits all of that for free (copy-on-write) and builds them, then
    reports by its exit status. It does not wait for MkDocs to clean the site folder
    either: it builds into :data:`STAGING`, a hidden folder of the site, which MkDocs'
    cleaning leaves alone, and the English build moves each edition to ``<site>/<lang>/``
    once both are done (:meth:`wait`). Under ``mkdocs serve`` too: the copy has none of
    the server's threads, and needs none (the server answers no request while it builds).
    Not where ``DR_PARALLEL_EDITIONS=0`` or the system cannot fork.
    """

    STAGING = ".editions"
    """The site's folder where the copy builds the editions (a name MkDocs' cleaning skips)."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self.site: Path | None = None

    def __bool__(self) -> bool:
        return self.pid is not None

    def start(self, english: MkDocsConfig) -> None:
        """Fork, and in the copy build every edition and exit: 0 when all were built."""
        self.site = Path(english.site_dir)
        staging = self.site / self.STAGING
        shutil.rmtree(staging, ignore_errors=True)  # a build stopped before its end left it
        log.info(
            "Building the %s edition beside the English site, in %s until both are done",
            _edition_names(),
            staging,
        )
        sys.stdout.flush()
        sys.stderr.flush()
        # The collector writes to every object it examines, and each write copies the page
        # the object lives on out of what the two processes share: it must leave alone what
        # both hold until the copy has ended (:meth:`wait`, :meth:`stop`).
        gc.freeze()
        pid = os.fork()
        if pid:
            self.pid = pid
            return
        status = 1
        try:
            build_editions(english, staging)
            status = 0
        except Abort as exc:
            log.error(str(exc))
        except BaseException:
            log.exception("building an edition")
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)

    def wait(self) -> str | None:
        """Wait for the copy to finish: None when it built every edition, else which failed."""
        pid, self.pid = self.pid, None
        if pid is None:
            return None
        _, status = os.waitpid(pid, 0)
        gc.unfreeze()
        if os.waitstatus_to_exitcode(status) != 0:
            self._discard_staging()
            return _edition_names()
        assert self.site is not None
        staging = self.site / self.STAGING
        for lang in EDITION_CONFIGS:
            published = self.site / lang
            # MkDocs cleaned the site folder after the fork: a folder here is not this
            # build's, unless the English pages wrote into it, which they must not.
            if published.exists():
                raise Abort(f"{published} was written by the English build")
            (staging / lang).rename(published)
        staging.rmdir()
        return None

    def stop(self) -> None:
        """End the copy (the English build failed: nothing it writes is wanted)."""
        pid, self.pid = self.pid, None
        if pid is not None:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
            gc.unfreeze()
            self._discard_staging()

    def _discard_staging(self) -> None:
        if self.site is not None:
            shutil.rmtree(self.site / self.STAGING, ignore_errors=True)


def _edition_names() -> str:
    return ", ".join(message(editions.LANGUAGE_KEYS[lang], "en") for lang in EDITION_CONFIGS)


_editions_process = EditionsProcess()


def on_build_error(error: Exception) -> None:
    """A failed English build stops the editions' build it started."""
    _editions_process.stop()
    for lang in list(_spills):
        _close_spill(lang)


def parallel_editions() -> bool:
    """Whether the editions are built beside the English site (:class:`EditionsProcess`)."""
    return (
        hasattr(os, "fork")
        and os.environ.get("DR_PARALLEL_EDITIONS", "1") != "0"
        and bool(EDITION_CONFIGS)
    )


def _release_written(config: MkDocsConfig, lang: Language) -> None:
    """Let go of what an edition's build has written: its generated files (their contents
    went once they were copied, :func:`_release_copied`) and the search index the theme's
    plugin wrote (MkDocs keeps both until its build returns, which for English is after
    every other edition is built). An edition's build then reuses the memory instead of
    adding to it."""
    _published.pop(lang, None)
    _copied.discard(lang)
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            index.entries = []


def edition_site_name(config_file: Path) -> str:
    """The ``site_name`` an edition's configuration gives (INHERIT followed), for its images,
    which the English build draws before the edition's configuration is loaded."""
    with config_file.open("rb") as source:
        loaded = yaml_load(source)
    return str(loaded["site_name"])


def build_edition(english: MkDocsConfig, lang: Language, config_file: Path, folder: Path) -> None:
    """Build the ``lang`` edition from ``config_file`` into ``folder``, for
    ``<site address><lang>/``, strict when the English build is."""
    config = load_config(
        str(config_file),
        site_dir=str(folder),
        site_url=_site_urls[lang],
        strict=english.strict,
    )
    config.extra["data_edit_url"] = english.extra.get("data_edit_url")
    mkdocs_build(config)
