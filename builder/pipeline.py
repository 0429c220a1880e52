"""The whole build as one pure function: a data folder in, output files out.

``load -> validate -> render maps -> render charts -> write pages (builder.pages)``. The
result maps each path (relative to the docs folder, which MkDocs mirrors into
the site) to its content. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from builder import charts, maps
from builder.cache import BuildCache
from builder.charts.document import chart_document
from builder.downloads import exports
from builder.downloads.schema_export import event_json_schema, story_json_schema
from builder.geometry.basemap import basemap_files
from builder.html import csp
from builder.html.assets import vendor_files
from builder.html.embeds import Embed, StaticMap
from builder.i18n import DEFAULT_LANGUAGE, LANGUAGES, Language
from builder.i18n.coverage import Share, events_share
from builder.images import static_map
from builder.images.site_images import EditionWords, SiteImages, render_images
from builder.maps import features
from builder.maps.areas import GEO_DIR, load_geography
from builder.maps.document import MapSpec
from builder.maps.features import DETAILS_PATH
from builder.maps.story_figure import STORY_FIGURE_PATH, story_figure
from builder.pages import (
    actors,
    bibliography,
    drones,
    events,
    events_index,
    explore,
    feed,
    field_reference,
    story,
)
from builder.record.record_dates import RecordHistory, no_history
from builder.record.validate import Dataset, load_dataset
from builder.site_settings import SiteSettings

Content = str | bytes
"""A generated file's content: text, or bytes for images."""


class GeneratedFiles(MutableMapping[str, Content]):
    """Every generated file by path; a deferred file is made when it is read.

    An event page's Markdown is needed once, when MkDocs reads that page, one page at a
    time; made all at once it was 59 MB in English and 149 MB in Russian at 10,000 events,
    held until the last page was read. A deferred file keeps only how to make it.

    Iterating, ``in``, ``len`` and :meth:`forget` never make a deferred file;
    ``files[path]``, ``.items()`` and ``.pop()`` do."""

    def __init__(self, made: MutableMapping[str, Content] | None = None) -> None:
        self.made: dict[str, Content] = dict(made or {})
        """The files already made."""
        self.deferred: dict[str, Callable[[], str]] = {}
        """The files made when read: each one's maker."""

    def defer(self, path: str, make: Callable[[], str]) -> None:
        """Make the file at ``path`` with ``make`` whenever it is read."""
        self.made.pop(path, None)
        self.deferred[path] = make

    def copy(self) -> GeneratedFiles:
        """The same files, the deferred ones still deferred."""
        other = GeneratedFiles(self.made)
        other.deferred = dict(self.deferred)
        return other

    def __getitem__(self, path: str) -> Content:
        if path in self.made:
            return self.made[path]
        return self.deferred[path]()

    def __setitem__(self, path: str, content: Content) -> None:
        self.deferred.pop(path, None)
        self.made[path] = content

    def __delitem__(self, path: str) -> None:
        if self.made.pop(path, None) is None and self.deferred.pop(path, None) is None:
            raise KeyError(path)

    def __contains__(self, path: object) -> bool:
        return path in self.made or path in self.deferred

    def __iter__(self) -> Iterator[str]:
        yield from self.made
        yield from self.deferred

    def __len__(self) -> int:
        return len(self.made) + len(self.deferred)

    def forget(self, path: str) -> None:
        """Let go of the file at ``path``, if any, without making it."""
        self.made.pop(path, None)
        self.deferred.pop(path, None)


EMBEDS: dict[str, Embed] = {**maps.EMBEDS, **charts.EMBEDS}
"""Every map and chart a page can place with ``[[map NAME]]`` or ``[[chart NAME]]``."""

UNLISTED_DIRS: tuple[str, ...] = (f"{events.EVENTS_DIR}/", f"{actors.ACTORS_DIR}/")
"""Folders of generated pages kept out of the sidebar (their index pages stay in the nav)."""


def in_sidebar(src_uri: str) -> bool:
    """Whether a generated page may appear in the navigation: not one per event or actor."""
    return not (src_uri.startswith(UNLISTED_DIRS) and not src_uri.endswith("/index.md"))


UNREAD_EVENT_FIELDS: dict[str, frozenset[str]] = {
    "maps": frozenset({"summary", "summary_ru", "response", "response_ru", "quotes"}),
    "charts": frozenset({"summary", "summary_ru", "response", "response_ru", "quotes"}),
    "images": frozenset(
        {"summary", "summary_ru", "response", "response_ru", "quotes"}
        # The pictures show where and what, never an event's words: a new title or
        # label draws no image again (their descriptions are made anew each build).
        | {"title", "title_ru", "timeline_label", "timeline_label_ru"}
        | {"date_inferred", "date_inferred_ru", "date_stated_by"}
    ),
}
"""Per cached stage, the event fields it does not read: left out of its key, so editing
an event's summary renders neither the map documents, the charts nor the images again.
``tests/test_build_cache.py`` changes each of them in every event and checks that the
stage's output stays the same byte for byte; every other field, and every field a
later schema adds, is part of the key."""


def stage_inputs(data: Dataset, stage: str) -> Iterator[str | bytes]:
    """What a cached stage is made from: the dataset (less the event fields it does not
    read) and the geography files, as bytes in a fixed order."""
    unread = UNREAD_EVENT_FIELDS[stage]
    for event_id in sorted(data.events):
        event = data.events[event_id]
        yield event_id
        yield event.model_dump_json(exclude=set(unread))
    registries = (data.sources, data.places, data.actors, data.systems, data.indicators)
    for registry in registries:
        yield "registry"
        for entry_id in sorted(registry):
            yield entry_id
            yield registry[entry_id].model_dump_json()
    yield data.story.model_dump_json() if data.story is not None else "no story"
    for path in sorted(GEO_DIR.rglob("*")):
        if path.is_file():
            yield path.relative_to(GEO_DIR).as_posix()
            yield path.read_bytes()


FONT_PACKAGE_FILE = Path("@fontsource/inter/package.json")
"""The typeface's package file under ``node_modules``: its version is the images' font."""


def images_inputs(
    data: Dataset, node_modules: Path, site_names: Mapping[Language, str]
) -> Iterator[str | bytes]:
    """What the images are drawn from: the maps' inputs, every edition's site name (on the
    cards) and the typeface's package (its version names the font files)."""
    yield from stage_inputs(data, "images")
    for lang in sorted(site_names):
        yield lang
        yield site_names[lang]
    try:
        yield (node_modules / FONT_PACKAGE_FILE).read_bytes()
    except OSError:
        yield "no typeface package"


@dataclass(frozen=True)
class Build:
    """The output of one build: the dataset, every file it produced and the embeds pages use."""

    data: Dataset
    files: GeneratedFiles
    """Every file it produced; the event pages are made when read."""
    embeds: dict[str, Embed]
    images: SiteImages
    """The static maps and cards drawn, for the cards of authored pages (each edition's
    with ``images.of(lang)``)."""


def render(
    data: Dataset,
    node_modules: Path,
    settings: SiteSettings | None = None,
    history: RecordHistory | None = None,
    cache: BuildCache | None = None,
) -> GeneratedFiles:
    """Render every generated file from a validated dataset (the event pages when read).

    ``history`` dates each event's entry into the record (feed, event pages,
    index); without it every event gets the same approximate date. ``cache``
    keeps the map documents and the charts of the last build, each reused while
    its inputs (:func:`stage_inputs`) are unchanged; the files are the same with
    or without it.
    """
    return render_with_images(data, node_modules, settings, history, cache)[0]


def render_with_images(
    data: Dataset,
    node_modules: Path,
    settings: SiteSettings | None = None,
    history: RecordHistory | None = None,
    cache: BuildCache | None = None,
    editions: Mapping[Language, str] | None = None,
) -> tuple[GeneratedFiles, SiteImages]:
    """:func:`render`, and the images it drew (static maps, cards) for the pages' cards.

    ``editions`` names each other edition to draw the images of, by language, with its site
    name: each picture is drawn once and labelled in every language (``images.of(lang)``).
    """
    cache = cache or BuildCache(None, "")
    settings = settings or SiteSettings()
    history = history or no_history()
    published, explore_record = exports.events_files(data)
    files = GeneratedFiles(
        {
            "data/events.geojson": published,
            explore.EXPLORE_RECORD: explore_record,
            "data/events.csv": exports.events_csv(data),
            "data/event.schema.json": event_json_schema(),
            "data/story.schema.json": story_json_schema(),
            events_index.INDEX_PAGE: events_index.events_index(data, history),
            explore.EXPLORE_PAGE: explore.explore_page(data),
            bibliography.BIBLIOGRAPHY_PAGE: bibliography.bibliography(data),
            drones.DRONES_PAGE: drones.drones_page(data),
            field_reference.FIELDS_PAGE: field_reference.field_reference(),
        }
    )
    geography = load_geography()
    files[story.STORY_PAGE] = story.story_page(data, geography)
    files[STORY_FIGURE_PATH] = story_figure(data, geography)
    files.update(actors.render_all(data))
    # The static maps and cards draw the same specs as the map documents.
    map_specs = maps.specs(data)
    words = {
        lang: EditionWords(maps.specs(data, lang=lang), site_name)
        for lang, site_name in (editions or {}).items()
    }
    names = {DEFAULT_LANGUAGE: settings.site_name, **(editions or {})}
    images_key = cache.key("images", images_inputs(data, node_modules, names))
    stored = cache.load("images", images_key)
    drawn = {k: v for k, v in stored.items() if isinstance(v, bytes)} if stored else None
    images = render_images(
        data, geography, map_specs, node_modules, settings.site_name, words, drawn=drawn
    )
    if drawn is None:
        cache.save("images", images_key, images.all_files())
    else:
        cache.reused.append("images")
    images.key = images_key
    files.update(images.files)
    files[feed.FEED_PATH] = feed.events_feed(data, settings, history, images.events)
    files.update(
        cache.reuse(
            "maps",
            stage_inputs(data, "maps"),
            lambda: {
                k: v for k, v in maps.render_all(data, made=map_specs).items() if k != DETAILS_PATH
            },
        )
    )
    # The popups' details hold the summaries: made anew each build, and cheap.
    files[DETAILS_PATH] = maps.details_document(data, geography)
    files.update(
        cache.reuse("charts", stage_inputs(data, "charts"), lambda: charts.render_all(data))
    )
    for chart in charts.EMBEDS.values():
        files[chart.document] = chart_document(
            chart, settings.site_name, f"{charts.CHARTS_DIR}/{chart.name}.json"
        )
    # Event pages embed the locator map only once the maps module makes it.
    with_locator = events.LOCATOR_MAP in files
    ordered = [eid for eid, _ in data.chronological()]
    for i, event_id in enumerate(ordered):
        previous = ordered[i - 1] if i > 0 else None
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        files.defer(
            f"{events.EVENTS_DIR}/{event_id}.md",
            partial(
                events.event_page,
                event_id,
                data,
                previous,
                following,
                settings,
                with_map=with_locator,
                record=history.of(event_id),
                static=images.events.get(event_id),
            ),
        )
    files.update(vendor_files(node_modules))
    files.update(basemap_files())
    # Generated HTML (the map documents) is served as is: it carries its own policy.
    for path, content in files.made.items():
        if path.endswith(".html") and isinstance(content, str):
            files[path] = csp.apply(content)
    return files, images


def build(
    data_dir: Path,
    node_modules: Path,
    settings: SiteSettings | None = None,
    history: RecordHistory | None = None,
    cache: BuildCache | None = None,
    site_names: Mapping[Language, str] | None = None,
) -> Build:
    """Validate ``data_dir`` and render everything; raises InvalidData on bad data.

    The images are drawn for every language, each edition's cards carrying its name in
    ``site_names`` (the English one's where it has none)."""
    data = load_dataset(data_dir)
    english = (settings or SiteSettings()).site_name
    editions = {
        lang: (site_names or {}).get(lang, english)
        for lang in LANGUAGES
        if lang != DEFAULT_LANGUAGE
    }
    files, images = render_with_images(data, node_modules, settings, history, cache, editions)
    embeds = with_static(embeds_for(data), images)
    features.forget()  # nothing past the maps reads them
    return Build(data=data, files=files, embeds=embeds, images=images)


def forget_read_inputs() -> None:
    """Let go of the geography and the basemap, read once per process for the maps and
    images: once a build has drawn its cards (the last to need them), its pages need
    neither, and under ``mkdocs serve`` the next build reads the files again."""
    load_geography.cache_clear()
    static_map.forget_basemap()


def with_static(embeds: dict[str, Embed], images: SiteImages) -> dict[str, Embed]:
    """The embeds, each map carrying the static image the build drew of it."""
    return {
        key: replace(
            embed,
            static=StaticMap(figure.path, figure.alt, figure.width, figure.height),
        )
        if (figure := images.figures.get(embed.name)) and embed.kind == "map"
        else embed
        for key, embed in embeds.items()
    }


@dataclass(frozen=True)
class Edition:
    """What the build makes for one edition besides English, published at ``<lang>/``."""

    lang: Language
    files: GeneratedFiles
    """Every generated file at its path within the edition: its own pages (the event pages
    made when read), and the English build's maps, charts, images, downloads and libraries
    (the same objects, not copies)."""
    untranslated: frozenset[str]
    """Generated pages published in English, marked as such, until they have a translation."""
    embeds: dict[str, Embed]
    """Every map and chart the edition's pages place with ``[[map NAME]]``/``[[chart NAME]]``."""
    events: Share
    """How many events have their title and summary in the language."""
    pages: Share = Share(0, 0)  # noqa: RUF009 (a tuple: immutable)
    """How many hand-written pages have a translation (counted by the MkDocs hook)."""

    def with_pages(self, pages: Share) -> Edition:
        """This edition with its hand-written pages counted."""
        return replace(self, pages=pages)


GENERATED_PAGES_IN_ENGLISH: frozenset[str] = frozenset({field_reference.FIELDS_PAGE})
"""Generated pages each edition publishes in English, marked as such: the field reference
is the schema's own text, which editors write in English."""


def edition(
    build: Build,
    lang: Language,
    settings: SiteSettings | None = None,
    history: RecordHistory | None = None,
    cache: BuildCache | None = None,
) -> Edition:
    """The ``lang`` edition's files: its own pages from the English build's data, and the rest
    of the English build's files as they are. Each event costs the same as in English; its
    map documents and charts come from ``cache`` when their inputs are unchanged."""
    settings = settings or SiteSettings()
    history = history or no_history()
    data = build.data
    images = build.images.of(lang)
    files = build.files.copy()
    # The maps' and charts' own words: the edition's map documents, popup details, chart
    # files and chart documents at the English paths, and its captions and text versions;
    # its static maps and cards, drawn with the English ones, at the English paths.
    files.update(language_files(data, lang, settings, cache, made=images.specs))
    files.update(images.files)
    embeds = with_static(embeds_for(data, lang), images)
    pages = {
        events_index.INDEX_PAGE: events_index.events_index(data, history, lang),
        feed.FEED_PATH: feed.events_feed(data, settings, history, images.events, lang),
        drones.DRONES_PAGE: drones.drones_page(data, lang),
        bibliography.BIBLIOGRAPHY_PAGE: bibliography.bibliography(data, lang),
        story.STORY_PAGE: story.story_page(data, load_geography(), lang),
        explore.EXPLORE_PAGE: explore.explore_page(data, lang),
        **actors.render_all(data, lang),
    }
    files.update(pages)
    with_locator = events.LOCATOR_MAP in files
    ordered = [eid for eid, _ in data.chronological()]
    event_pages = set()
    for i, event_id in enumerate(ordered):
        path = f"{events.EVENTS_DIR}/{event_id}.md"
        event_pages.add(path)
        files.defer(
            path,
            partial(
                events.event_page,
                event_id,
                data,
                ordered[i - 1] if i > 0 else None,
                ordered[i + 1] if i + 1 < len(ordered) else None,
                settings,
                with_map=with_locator,
                record=history.of(event_id),
                static=images.events.get(event_id),
                lang=lang,
            ),
        )
    untranslated = frozenset(
        path
        for path in files
        if path.endswith(".md")
        and ((path not in pages and path not in event_pages) or path in GENERATED_PAGES_IN_ENGLISH)
    )
    features.forget()  # nothing past the maps reads them
    return Edition(lang, files, untranslated, embeds, events_share(data, lang))


def embeds_for(data: Dataset, lang: Language = "en") -> dict[str, Embed]:
    """Every embed, the maps and charts carrying their text versions for ``data``, in ``lang``."""
    return {**maps.embeds_for(data, lang=lang), **charts.embeds_for(data, lang)}


def language_files(
    data: Dataset,
    lang: Language,
    settings: SiteSettings | None = None,
    cache: BuildCache | None = None,
    made: dict[str, MapSpec] | None = None,
) -> dict[str, str | bytes]:
    """Every file whose words depend on the language, rendered in ``lang``.

    The map documents and their popup details, the chart files and the chart documents,
    the events as GeoJSON and the explore page's copy of them,
    keyed by the same site paths as :func:`render` gives them: an edition in another
    language builds the rest with :func:`render` and replaces these with the files
    returned here, under its own root (``ru/maps/regional.html`` ...). HTML carries its
    Content-Security-Policy, as in :func:`render`. For ``"en"`` the files are exactly
    :func:`render`'s. ``made`` are the maps' specs in ``lang`` when the caller has them
    (the images drew them), so they are not made twice.
    """
    cache = cache or BuildCache(None, "")
    settings = settings or SiteSettings()
    geography = load_geography()
    files: dict[str, str | bytes] = {}
    files.update(
        cache.reuse(
            f"maps-{lang}" if lang != "en" else "maps",
            stage_inputs(data, "maps"),
            lambda: {
                k: v
                for k, v in maps.render_all(data, made=made, lang=lang).items()
                if k != DETAILS_PATH
            },
        )
    )
    files[DETAILS_PATH] = maps.details_document(data, geography, lang)
    files.update(
        cache.reuse(
            f"charts-{lang}" if lang != "en" else "charts",
            stage_inputs(data, "charts"),
            lambda: charts.render_all(data, lang),
        )
    )
    for chart in charts.EMBEDS.values():
        files[chart.document] = chart_document(
            charts.localized_embed(chart, lang),
            settings.site_name,
            f"{charts.CHARTS_DIR}/{chart.name}.json",
            lang,
        )
    # The edition's explore page reads its copy of the record: titles, summaries, places
    # and dates in the edition's language (each says which language it is in).
    files["data/events.geojson"], files[explore.EXPLORE_RECORD] = exports.events_files(data, lang)
    for path, content in files.items():
        if path.endswith(".html") and isinstance(content, str):
            files[path] = csp.apply(content)
    return files
