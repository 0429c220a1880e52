"""Generated Markdown pages, one per event.

Editor text lands inside raw HTML blocks, escaped or sanitised and held
away from Markdown (``builder.html.held_html``), so Markdown never gets to
interpret it (an editor's ``[x](javascript:...)`` in a title stays text).
Page titles go through front matter, escaped, because the theme
prints them without escaping. Links inside raw HTML are written as site URLs
relative to the page (``events/<id>/``), because MkDocs does not rewrite them.
"""

from __future__ import annotations

from builder.html.embeds import Publication, code_control, snippet
from builder.html.held_html import hold
from builder.html.sanitize import inline_markdown_html, text
from builder.html.search import NOT_INDEXED, unindexed_heading
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.i18n.localize import localized
from builder.images.site_images import EventStatic
from builder.maps.locator import LOCATOR_PATH, locator_fragment
from builder.pages.common import (
    ROOT_FROM_PAGE,
    category_words,
    country,
    embed_words,
    front_matter,
    record_markdown,
    record_text,
    record_title,
    show_date,
    status_label,
    title_lang_attr,
    words,
)
from builder.pages.explore import explore_link
from builder.pages.record import record_sentence
from builder.record import dates
from builder.record.countries import event_countries
from builder.record.record_dates import RecordDates, no_history
from builder.record.validate import Dataset
from builder.site_settings import SiteSettings

EVENTS_DIR = "events"
"""Docs folder of the generated event pages."""

LOCATOR_MAP = LOCATOR_PATH
"""The locator document; its fragment names the event and what to draw (``locator_fragment``)."""

LOCATOR_HEIGHT = 320
"""Height in pixels of the locator map another site places with the embed code."""


def actor_links(
    ids: list[str], data: Dataset, root: str = ROOT_FROM_PAGE, lang: Language = DEFAULT_LANGUAGE
) -> str:
    """Comma-separated links to the actors' pages, names escaped."""
    return ", ".join(
        f"<a href='{root}actors/{a}/'>{record_text(data.actors[a], 'name', lang)}</a>" for a in ids
    )


def source_citation(
    source_id: str, data: Dataset, root: str = ROOT_FROM_PAGE, lang: Language = DEFAULT_LANGUAGE
) -> str:
    """One source as an HTML citation: author, title (linked), publisher, date.

    The title stays in its own language, marked as English where it is (:func:`title_lang_attr`)."""
    source = data.sources[source_id]
    author = f"{text(source.author)}, " if source.author else ""
    # A shortened or reposted address leads readers to the original page it stands for.
    href = source.resolved_url or source.url
    marked = title_lang_attr(source.title, lang)
    return (
        f"{author}<a href='{text(str(href))}' rel='noopener noreferrer'{marked}>"
        f"{text(source.title)}</a>, {text(source.publisher)}, {show_date(source.date, lang)}"
        f" <a class='dr-bib-link' href='{root}reference/sources/#{source_id}' "
        f"title='{words('event.bibliography_title', lang)}'>{words('event.bibliography', lang)}</a>"
    )


def _claim_block(event_id: str, data: Dataset, lang: Language) -> str:
    event = data.events[event_id]
    if not (event.claimed_by or event.denied_by or event.response):
        return ""
    rows = []
    if event.claimed_by:
        rows.append(
            f"<dt>{words('event.claimed_by', lang)}</dt>"
            f"<dd>{actor_links(event.claimed_by, data, lang=lang)}</dd>"
        )
    if event.denied_by:
        rows.append(
            f"<dt>{words('event.denied_by', lang)}</dt>"
            f"<dd>{actor_links(event.denied_by, data, lang=lang)}</dd>"
        )
    response = localized(event, "response", lang)
    if response is not None:
        # English standing in for a missing translation says so, for browsers and screen readers.
        marked = f" lang='{response.lang}'" if response.lang != lang else ""
        rows.append(
            f"<dt>{words('event.response', lang)}</dt>"
            f"<dd{marked}>{inline_markdown_html(response.text)}</dd>"
        )
    return hold('<dl class="dr-claim">' + "".join(rows) + "</dl>")


def _when(event_id: str, data: Dataset, lang: Language) -> str:
    event = data.events[event_id]
    when = show_date(event.date, lang)
    if event.end_date:
        when = words("date.range", lang, start=when, end=show_date(event.end_date, lang))
    return (
        f"<time datetime='{event.date}'>{when}</time>"
        f" <span class='dr-precision'>"
        f"{words(f'date.precision.{dates.precision(event.date)}', lang)}</span>"
        f"{date_basis(event_id, data, lang=lang)}"
    )


def date_basis(
    event_id: str, data: Dataset, root: str = ROOT_FROM_PAGE, lang: Language = DEFAULT_LANGUAGE
) -> str:
    """How the date is known, as a line under it: the source that states it, or our inference,
    in ``lang`` where the event has it (``date_inferred_ru``), else in English marked as such."""
    event = data.events[event_id]
    methodology = f"{root}reference/methodology/#dates"
    help_link = f" <a class='dr-help' href='{methodology}'>{words('event.help', lang)}</a>"
    if event.date_stated_by:
        source = data.sources[event.date_stated_by]
        publisher = f"<a href='#source-{event.date_stated_by}'>{text(source.publisher)}</a>"
        return (
            "<span class='dr-date-basis dr-date-stated'>"
            f"{words('date.stated_by', lang, source=publisher)}{help_link}</span>"
        )
    found = localized(event, "date_inferred", lang)
    inferred = text(found.text) if found else ""
    if found is not None and found.lang != lang:
        inferred = f"<span lang='{found.lang}'>{inferred}</span>"
    return (
        f"<span class='dr-date-basis dr-date-inferred'>{words('date.inferred', lang)} "
        f"{inferred}{help_link}</span>"
    )


def _where(event_id: str, data: Dataset, lang: Language) -> str:
    event = data.events[event_id]
    precision = data.precision(event) or ""
    known = (
        f"(location known to the {text(precision)})"
        if lang == DEFAULT_LANGUAGE or not precision
        else words(f"where.precision.{precision}", lang)
    )
    if event.place:
        place = data.places[event.place]
        return (
            f"{record_text(place, 'name', lang)}, {text(country(place.country, lang))} "
            f"<span class='dr-precision'>{known}</span>"
        )
    if event.location:
        return (
            f"{event.location.lat:.4f}, {event.location.lon:.4f} "
            f"<span class='dr-precision'>{known}</span>"
        )
    return f"<span class='dr-precision'>{words('where.none', lang)}</span>"


def _systems(event_id: str, data: Dataset, lang: Language) -> str:
    items = []
    for system_id in data.events[event_id].systems:
        system = data.systems[system_id]
        items.append(
            f"<li><a href='{ROOT_FROM_PAGE}reference/drones/#{system_id}'>"
            f"{record_text(system, 'name', lang)}</a> ({record_text(system, 'maker', lang)}, "
            f"{text(country(system.origin, lang))}): {record_text(system, 'role', lang)}</li>"
        )
    return "<ul class='dr-systems'>" + "".join(items) + "</ul>" if items else ""


def _static_locator(static: EventStatic | None) -> str:
    """The event's static map (its place's, or the region's with a pin), for readers without
    JavaScript and print; hidden while the live locator can run."""
    if static is None:
        return ""
    image = static.image
    pin = ""
    if static.pin is not None:
        left, top = static.pin
        pin = (
            f"<svg class='dr-static-pin' style='left:{left}%;top:{top}%' width='18' height='18' "
            "viewBox='0 0 18 18' aria-hidden='true'><circle cx='9' cy='9' r='7' fill='#b2182b' "
            "stroke='#fff' stroke-width='2'/></svg>"
        )
    cropped = " dr-static-card" if static.cropped else ""
    return (
        f"<span class='dr-map-static dr-static-frame{cropped}'><img src='{ROOT_FROM_PAGE}{text(image.path)}' "
        f"alt='{text(image.alt)}' width='{image.width}' height='{image.height}' loading='lazy' "
        f"decoding='async'>{pin}</span>"
    )


def _locator(
    event_id: str,
    data: Dataset,
    with_map: bool,
    static: EventStatic | None = None,
    settings: SiteSettings | None = None,
    lang: Language = DEFAULT_LANGUAGE,
) -> str:
    event = data.events[event_id]
    fragment = locator_fragment(event_id, data)
    if not with_map or fragment is None:
        return ""
    title = words("event.map_title", lang, title=record_title(event, "title", lang))
    control = ""
    if settings is not None:
        where = Publication(
            settings.site_url,
            settings.site_name,
            settings.absolute(f"events/{event_id}/"),
            embed_words(lang),
        )
        src = settings.absolute(f"{LOCATOR_MAP}#{fragment}")
        control = code_control(
            "map", snippet("map", src, title, LOCATOR_HEIGHT, where), where.words
        )
    return hold(
        f"<figure class='dr-map dr-locator' {NOT_INDEXED}>"
        f"<iframe src='{ROOT_FROM_PAGE}{LOCATOR_MAP}#{text(fragment)}' "
        f"title='{text(title)}' loading='lazy'></iframe>"
        f"{_static_locator(static)}"
        f"<figcaption>{_where(event_id, data, lang)}</figcaption>{control}</figure>",
        indexed=False,
    )


def event_page(
    event_id: str,
    data: Dataset,
    previous: str | None,
    following: str | None,
    settings: SiteSettings | None = None,
    with_map: bool = True,
    record: RecordDates | None = None,
    static: EventStatic | None = None,
    lang: Language = DEFAULT_LANGUAGE,
) -> str:
    """The Markdown of one event's page in ``lang``; ``with_map`` embeds the locator map if
    located.

    ``record`` says when the event entered the record (see :mod:`builder.record.record_dates`);
    ``static`` is the event's static map and sharing card, when the build drew them. Text
    without a translation is shown in English, marked ``lang="en"``; quotes stay in their
    own language.
    """
    settings = settings or SiteSettings()
    record = record or no_history().of(event_id)
    event = data.events[event_id]
    methodology = f"{ROOT_FROM_PAGE}reference/methodology/"
    facts = [
        f"<dt>{words('event.date', lang)}</dt><dd>{_when(event_id, data, lang)}</dd>",
        f"<dt>{words('event.status', lang)}</dt><dd><span class='dr-status "
        f"dr-status-{event.status}'>{status_label(event.status, lang)}</span> "
        f"<a class='dr-help' href='{methodology}#status'>{words('event.help', lang)}</a></dd>",
        f"<dt>{words('event.category', lang)}</dt><dd>{category_words(event.category, lang)}</dd>",
        f"<dt>{words('event.where', lang)}</dt><dd>{_where(event_id, data, lang)}</dd>",
    ]
    countries = event_countries(event, data)
    if countries:
        names = ", ".join(text(country(c, lang)) for c in countries)
        facts.append(f"<dt>{words('event.countries', lang)}</dt><dd>{names}</dd>")
    if event.actors:
        facts.append(
            f"<dt>{words('event.actors', lang)}</dt>"
            f"<dd>{actor_links(event.actors, data, lang=lang)}</dd>"
        )
    explore_rest = words("event.explore_rest", lang)
    body = [
        front_matter(
            record_title(event, "title", lang),
            record_title(event, "summary", lang),
            card=static.card if static else None,
            card_alt=static.card_alt if static else None,
        ),
        f'<h1 class="dr-event-title">{record_text(event, "title", lang)}</h1>\n\n',
        hold('<dl class="dr-facts">' + "".join(facts) + "</dl>"),
        _claim_block(event_id, data, lang),
        hold('<div class="dr-summary">' + record_markdown(event, "summary", lang) + "</div>"),
        _locator(event_id, data, with_map, static, settings, lang),
        hold(
            f"<p class='dr-explore-link'><a href='{explore_link(ROOT_FROM_PAGE, event=event_id)}'>"
            f"{words('event.explore', lang)}</a>{explore_rest}</p>",
            indexed=False,
        ),
    ]
    # Quotes stay in the language they were said or reported in (English in this record);
    # who said it is our own text, in the page's language where the data has it.
    quoted_in = f" lang='{DEFAULT_LANGUAGE}'" if lang != DEFAULT_LANGUAGE else ""
    quotes = "".join(
        f"<blockquote class='dr-quote'><p{quoted_in}>\u201c{text(q.text)}\u201d</p>"
        f"<footer>{record_text(q, 'by', lang)}</footer></blockquote>"
        for q in event.quotes
    )
    body.append(hold(quotes))
    systems = _systems(event_id, data, lang)
    if systems:
        body.append(unindexed_heading(words("event.systems", lang)) + hold(systems, indexed=False))
    # Sources, the pager and the edit link repeat the bibliography and other pages:
    # the search leaves the rest of the page out (see builder.html.search).
    sources = "".join(
        f"<li id='source-{s}'>{source_citation(s, data, lang=lang)}</li>" for s in event.sources
    )
    body.append(unindexed_heading(words("event.sources", lang)))
    body.append(hold(f'<ol class="dr-sources">{sources}</ol>', indexed=False))
    body.append(hold(_pager(data, previous, following, lang), indexed=False))
    body.append(hold(f"<p class='dr-record'>{record_sentence(record, lang)}</p>", indexed=False))
    if settings.data_edit_url:
        href = text(settings.data_edit_url + f"{event_id}.yaml")
        history = settings.history_url(event_id)
        history_link = (
            f"<a class='dr-history' href='{text(history)}' rel='noopener'>"
            f"{words('event.history', lang)}</a> · "
            if history
            else ""
        )
        body.append(
            hold(
                f"<p class='dr-edit'><a href='{href}' rel='noopener'>"
                f"{words('event.edit', lang, id=event_id)}</a> · {history_link}"
                f"<a href='{ROOT_FROM_PAGE}contribute/'>{words('event.how_to_edit', lang)}</a></p>",
                indexed=False,
            )
        )
    return "".join(body)


def _pager(data: Dataset, previous: str | None, following: str | None, lang: Language) -> str:
    links = []
    if previous:
        links.append(
            f"<a class='dr-prev' rel='prev' href='../{previous}/'>"
            f"<span>{words('event.previous', lang)}</span> "
            f"{record_text(data.events[previous], 'title', lang)}</a>"
        )
    if following:
        links.append(
            f"<a class='dr-next' rel='next' href='../{following}/'>"
            f"<span>{words('event.next', lang)}</span> "
            f"{record_text(data.events[following], 'title', lang)}</a>"
        )
    links.append(f"<a class='dr-all' href='../'>{words('event.all', lang)}</a>")
    return (
        f"<nav class='dr-pager' aria-label='{words('event.pager', lang)}'>"
        + "".join(links)
        + "</nav>"
    )
