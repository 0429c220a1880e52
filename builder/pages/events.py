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
from builder.html.sanitize import inline_markdown_html, markdown_html, text
from builder.html.search import NOT_INDEXED, unindexed_heading
from builder.images.site_images import EventStatic
from builder.maps.locator import LOCATOR_PATH, locator_fragment
from builder.pages.common import ROOT_FROM_PAGE, STATUS_LABELS, front_matter
from builder.pages.explore import explore_link
from builder.pages.record import record_sentence
from builder.record import dates
from builder.record.countries import country_name, event_countries
from builder.record.record_dates import RecordDates, no_history
from builder.record.validate import Dataset
from builder.site_settings import SiteSettings

EVENTS_DIR = "events"
"""Docs folder of the generated event pages."""

LOCATOR_MAP = LOCATOR_PATH
"""The locator document; its fragment names the event and what to draw (``locator_fragment``)."""

LOCATOR_HEIGHT = 320
"""Height in pixels of the locator map another site places with the embed code."""


def actor_links(ids: list[str], data: Dataset, root: str = ROOT_FROM_PAGE) -> str:
    """Comma-separated links to the actors' pages, names escaped."""
    return ", ".join(f"<a href='{root}actors/{a}/'>{text(data.actors[a].name)}</a>" for a in ids)


def source_citation(source_id: str, data: Dataset, root: str = ROOT_FROM_PAGE) -> str:
    """One source as an HTML citation: author, title (linked), publisher, date."""
    source = data.sources[source_id]
    author = f"{text(source.author)}, " if source.author else ""
    # A shortened or reposted address leads readers to the original page it stands for.
    href = source.resolved_url or source.url
    return (
        f"{author}<a href='{text(str(href))}' rel='noopener noreferrer'>"
        f"{text(source.title)}</a>, {text(source.publisher)}, {dates.display(source.date)}"
        f" <a class='dr-bib-link' href='{root}reference/sources/#{source_id}' "
        f"title='In the bibliography'>[bibliography]</a>"
    )


def _claim_block(event_id: str, data: Dataset) -> str:
    event = data.events[event_id]
    if not (event.claimed_by or event.denied_by or event.response):
        return ""
    rows = []
    if event.claimed_by:
        rows.append(f"<dt>Who says so</dt><dd>{actor_links(event.claimed_by, data)}</dd>")
    if event.denied_by:
        rows.append(f"<dt>Who rejects it</dt><dd>{actor_links(event.denied_by, data)}</dd>")
    if event.response:
        rows.append(f"<dt>Response</dt><dd>{inline_markdown_html(event.response)}</dd>")
    return hold('<dl class="dr-claim">' + "".join(rows) + "</dl>")


def _when(event_id: str, data: Dataset) -> str:
    event = data.events[event_id]
    when = dates.display(event.date)
    if event.end_date:
        when += f" to {dates.display(event.end_date)}"
    return (
        f"<time datetime='{event.date}'>{when}</time>"
        f" <span class='dr-precision'>(known to the {dates.precision(event.date)})</span>"
        f"{date_basis(event_id, data)}"
    )


def date_basis(event_id: str, data: Dataset, root: str = ROOT_FROM_PAGE) -> str:
    """How the date is known, as a line under it: the source that states it, or our inference."""
    event = data.events[event_id]
    methodology = f"{root}reference/methodology/#dates"
    help_link = f" <a class='dr-help' href='{methodology}'>what this means</a>"
    if event.date_stated_by:
        source = data.sources[event.date_stated_by]
        return (
            "<span class='dr-date-basis dr-date-stated'>Date as given by "
            f"<a href='#source-{event.date_stated_by}'>{text(source.publisher)}</a>."
            f"{help_link}</span>"
        )
    return (
        "<span class='dr-date-basis dr-date-inferred'>Date inferred: "
        f"{text(event.date_inferred or '')}{help_link}</span>"
    )


def _where(event_id: str, data: Dataset) -> str:
    event = data.events[event_id]
    precision = text(data.precision(event) or "")
    if event.place:
        place = data.places[event.place]
        return (
            f"{text(place.name)}, {text(country_name(place.country))} "
            f"<span class='dr-precision'>(location known to the {precision})</span>"
        )
    if event.location:
        return (
            f"{event.location.lat:.4f}, {event.location.lon:.4f} "
            f"<span class='dr-precision'>(location known to the {precision})</span>"
        )
    return "<span class='dr-precision'>No single place: the event has no location.</span>"


def _systems(event_id: str, data: Dataset) -> str:
    items = []
    for system_id in data.events[event_id].systems:
        system = data.systems[system_id]
        items.append(
            f"<li><a href='{ROOT_FROM_PAGE}reference/drones/#{system_id}'>"
            f"{text(system.name)}</a> ({text(system.maker)}, "
            f"{text(country_name(system.origin))}): {text(system.role)}</li>"
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
) -> str:
    event = data.events[event_id]
    fragment = locator_fragment(event_id, data)
    if not with_map or fragment is None:
        return ""
    title = f"Map: where “{event.title}” took place"
    control = ""
    if settings is not None:
        where = Publication(
            settings.site_url, settings.site_name, settings.absolute(f"events/{event_id}/")
        )
        src = settings.absolute(f"{LOCATOR_MAP}#{fragment}")
        control = code_control("map", snippet("map", src, title, LOCATOR_HEIGHT, where))
    return hold(
        f"<figure class='dr-map dr-locator' {NOT_INDEXED}>"
        f"<iframe src='{ROOT_FROM_PAGE}{LOCATOR_MAP}#{text(fragment)}' "
        f"title='{text(title)}' loading='lazy'></iframe>"
        f"{_static_locator(static)}"
        f"<figcaption>{_where(event_id, data)}</figcaption>{control}</figure>",
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
) -> str:
    """The Markdown of one event's page; ``with_map`` embeds the locator map if located.

    ``record`` says when the event entered the record (see :mod:`builder.record.record_dates`);
    ``static`` is the event's static map and sharing card, when the build drew them.
    """
    settings = settings or SiteSettings()
    record = record or no_history().of(event_id)
    event = data.events[event_id]
    methodology = f"{ROOT_FROM_PAGE}reference/methodology/"
    facts = [
        f"<dt>Date</dt><dd>{_when(event_id, data)}</dd>",
        f"<dt>Status</dt><dd><span class='dr-status dr-status-{event.status}'>"
        f"{STATUS_LABELS[event.status]}</span> "
        f"<a class='dr-help' href='{methodology}#status'>what this means</a></dd>",
        f"<dt>Category</dt><dd>{event.category.replace('-', ' ')}</dd>",
        f"<dt>Where</dt><dd>{_where(event_id, data)}</dd>",
    ]
    countries = event_countries(event, data)
    if countries:
        names = ", ".join(text(country_name(c)) for c in countries)
        facts.append(f"<dt>Countries</dt><dd>{names}</dd>")
    if event.actors:
        facts.append(f"<dt>Actors</dt><dd>{actor_links(event.actors, data)}</dd>")
    body = [
        front_matter(
            event.title,
            event.summary,
            card=static.card if static else None,
            card_alt=static.card_alt if static else None,
        ),
        f'<h1 class="dr-event-title">{text(event.title)}</h1>\n\n',
        hold('<dl class="dr-facts">' + "".join(facts) + "</dl>"),
        _claim_block(event_id, data),
        hold('<div class="dr-summary">' + markdown_html(event.summary) + "</div>"),
        _locator(event_id, data, with_map, static, settings),
        hold(
            f"<p class='dr-explore-link'><a href='{explore_link(ROOT_FROM_PAGE, event=event_id)}'>"
            "Explore the record around this event</a>: on one map and timeline with every other "
            "event, filtered and played through time as you choose.</p>",
            indexed=False,
        ),
    ]
    quotes = "".join(
        f"<blockquote class='dr-quote'><p>\u201c{text(q.text)}\u201d</p>"
        f"<footer>{text(q.by)}</footer></blockquote>"
        for q in event.quotes
    )
    body.append(hold(quotes))
    systems = _systems(event_id, data)
    if systems:
        body.append(unindexed_heading("Drone systems") + hold(systems, indexed=False))
    # Sources, the pager and the edit link repeat the bibliography and other pages:
    # the search leaves the rest of the page out (see builder.html.search).
    sources = "".join(f"<li id='source-{s}'>{source_citation(s, data)}</li>" for s in event.sources)
    body.append(unindexed_heading("Sources"))
    body.append(hold(f'<ol class="dr-sources">{sources}</ol>', indexed=False))
    body.append(hold(_pager(data, previous, following), indexed=False))
    body.append(hold(f"<p class='dr-record'>{record_sentence(record)}</p>", indexed=False))
    if settings.data_edit_url:
        href = text(settings.data_edit_url + f"{event_id}.yaml")
        history = settings.history_url(event_id)
        history_link = (
            f"<a class='dr-history' href='{text(history)}' rel='noopener'>History of the file</a> · "
            if history
            else ""
        )
        body.append(
            hold(
                f"<p class='dr-edit'><a href='{href}' rel='noopener'>Edit this event's data file "
                f"(data/events/{event_id}.yaml)</a> · {history_link}"
                f"<a href='{ROOT_FROM_PAGE}contribute/'>How to edit</a></p>",
                indexed=False,
            )
        )
    return "".join(body)


def _pager(data: Dataset, previous: str | None, following: str | None) -> str:
    links = []
    if previous:
        links.append(
            f"<a class='dr-prev' rel='prev' href='../{previous}/'>"
            f"<span>Previous event</span> {text(data.events[previous].title)}</a>"
        )
    if following:
        links.append(
            f"<a class='dr-next' rel='next' href='../{following}/'>"
            f"<span>Next event</span> {text(data.events[following].title)}</a>"
        )
    links.append("<a class='dr-all' href='../'>All events</a>")
    return "<nav class='dr-pager' aria-label='Events in time'>" + "".join(links) + "</nav>"
