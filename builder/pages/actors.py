"""Country and actor pages: one per actor, and an index grouped by kind.

Each page gathers, from the events alone, what a reader wants to know about
one actor: the events it took part in, the drone systems in those events and
those built in its country, and the other actors it appears with. Relations
are derived from shared events, never asserted separately, so they stay in
step with the record.
"""

from __future__ import annotations

from builder.html.held_html import hold
from builder.html.sanitize import text
from builder.html.search import unindexed_heading
from builder.i18n import DEFAULT_LANGUAGE, Language
from builder.pages.common import (
    ROOT_FROM_PAGE,
    counted,
    country,
    front_matter,
    record_markdown,
    record_text,
    record_title,
    show_date,
    status_label,
    words,
)
from builder.record.validate import Dataset

ACTORS_DIR = "actors"
"""Docs folder of the generated actor pages."""

KIND_HEADINGS = {
    "state": "States",
    "armed-group": "Armed groups",
    "organisation": "Organisations",
    "person": "People",
    "media": "Media",
}
"""Section headings of the actors index, in display order."""

KIND_LABELS = {
    "state": "State",
    "armed-group": "Armed group",
    "organisation": "Organisation",
    "person": "Person",
    "media": "Media",
}
"""How an actor's kind reads on its page."""


def actor_events(actor_id: str, data: Dataset) -> list[str]:
    """Ids of the events an actor takes part in, claims or denies, oldest first."""
    return list(data.events_of(actor_id))


def related_actors(actor_id: str, data: Dataset) -> list[tuple[str, list[str]]]:
    """Other actors sharing events with this one, most shared first, with those events."""
    shared: dict[str, list[str]] = {}
    for eid in actor_events(actor_id, data):
        ev = data.events[eid]
        for other in dict.fromkeys([*ev.actors, *ev.claimed_by, *ev.denied_by]):
            if other != actor_id:
                shared.setdefault(other, []).append(eid)
    return sorted(shared.items(), key=lambda kv: (-len(kv[1]), data.actors[kv[0]].name))


def _name(actor_id: str, data: Dataset, lang: Language) -> str:
    return record_text(data.actors[actor_id], "name", lang)


def actor_systems(actor_id: str, data: Dataset) -> tuple[list[str], list[str]]:
    """Drone systems in the actor's events, and systems made in its country (for states)."""
    in_events: list[str] = []
    for eid in actor_events(actor_id, data):
        for sid in data.events[eid].systems:
            if sid not in in_events:
                in_events.append(sid)
    actor = data.actors[actor_id]
    made = []
    if actor.kind == "state" and actor.country:
        made = [sid for sid, s in data.systems.items() if s.origin == actor.country]
    return in_events, made


def _event_link(eid: str, data: Dataset, lang: Language) -> str:
    title = record_text(data.events[eid], "title", lang)
    return f"<a href='{ROOT_FROM_PAGE}events/{eid}/'>{title}</a>"


def _system_link(sid: str, data: Dataset, lang: Language) -> str:
    name = record_text(data.systems[sid], "name", lang)
    return f"<a href='{ROOT_FROM_PAGE}reference/drones/#{sid}'>{name}</a>"


def _role(actor_id: str, eid: str, data: Dataset, lang: Language) -> str:
    ev = data.events[eid]
    if actor_id in ev.claimed_by:
        return words("actor.role.claims", lang)
    if actor_id in ev.denied_by:
        return words("actor.role.denies", lang)
    return ""


def _kind_label(kind: str, lang: Language) -> str:
    return KIND_LABELS[kind] if lang == DEFAULT_LANGUAGE else words(f"actor.kind.{kind}", lang)


def actor_page(actor_id: str, data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The Markdown of one actor's page in ``lang``."""
    actor = data.actors[actor_id]
    events = actor_events(actor_id, data)
    where = f" · {text(country(actor.country, lang))}" if actor.country else ""
    name = record_title(actor, "name", lang)
    summary = record_title(actor, "summary", lang)
    count = (
        f"{len(events)} events"
        if lang == DEFAULT_LANGUAGE
        else counted(len(events), "count.events", lang)
    )
    parts = [
        front_matter(name, summary or words("actor.description", lang, name=name)),
        f'<h1 class="dr-actor-title">{record_text(actor, "name", lang)}</h1>\n\n',
        f"<p class='dr-kind'>{_kind_label(actor.kind, lang)}{where} · {count}</p>\n\n",
    ]
    if actor.summary:
        parts.append(
            hold('<div class="dr-summary">' + record_markdown(actor, "summary", lang) + "</div>")
        )
    roles = {e: _role(actor_id, e, data, lang) for e in events}
    show_role = any(roles.values())  # a Role column only when the actor claims or denies
    rows = "".join(
        f"<tr><td><time datetime='{data.events[e].date}'>{show_date(data.events[e].date, lang)}"
        f"</time></td><td>{_event_link(e, data, lang)}</td>"
        f"<td><span class='dr-status dr-status-{data.events[e].status}' "
        f"title='{status_label(data.events[e].status, lang)}'>"
        f"{data.events[e].status if lang == DEFAULT_LANGUAGE else words(f'status.{data.events[e].status}', lang)}"
        "</span></td>" + (f"<td>{roles[e]}</td>" if show_role else "") + "</tr>"
        for e in events
    )
    role_header = f"<th scope='col'>{words('actor.role', lang)}</th>" if show_role else ""
    parts.append(unindexed_heading(words("actor.events", lang)))
    parts.append(
        hold(
            f"<table class='dr-actor-events'><thead><tr><th scope='col'>{words('event.date', lang)}</th>"
            f"<th scope='col'>{words('index.event', lang)}</th>"
            f"<th scope='col'>{words('event.status', lang)}</th>"
            f"{role_header}</tr></thead><tbody>{rows}</tbody></table>",
            indexed=False,
        )
        if rows
        else f"<p>{words('actor.no_events', lang)}</p>\n\n"
    )
    in_events, made = actor_systems(actor_id, data)
    parts.append(f"## {words('actor.drones', lang)}\n\n")
    if not (in_events or made):
        parts.append(f"<p>{words('actor.no_drones', lang)}</p>\n\n")
    if made:
        links = ", ".join(_system_link(s, data, lang) for s in made)
        made_in = words("actor.made_in", lang, country=text(country(actor.country or "", lang)))
        parts.append(f"<p>{made_in}: {links}.</p>\n\n")
    if in_events:
        links = ", ".join(_system_link(s, data, lang) for s in in_events)
        parts.append(f"<p>{words('actor.in_events', lang)}: {links}.</p>\n\n")
    parts.append(unindexed_heading(words("actor.relations", lang)))
    related = related_actors(actor_id, data)
    if related:
        items = "".join(
            f"<li><a href='../{other}/'>{_name(other, data, lang)}</a>: "
            + (
                f"{len(shared)} shared event{'s' if len(shared) != 1 else ''}"
                if lang == DEFAULT_LANGUAGE
                else counted(len(shared), "count.shared_events", lang)
            )
            + " ("
            + ", ".join(_event_link(e, data, lang) for e in shared)
            + ")</li>"
            for other, shared in related
        )
        parts.append(
            f"<p>{words('actor.relations_intro', lang)}</p>\n\n"
            + hold(f"<ul class='dr-relations'>{items}</ul>", indexed=False)
        )
    else:
        parts.append(f"<p>{words('actor.no_relations', lang)}</p>\n\n")
    parts.append(f"<p><a href='../'>{words('actor.back', lang)}</a></p>\n")
    return "".join(parts)


def actors_index(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> str:
    """The Markdown of the countries-and-actors index in ``lang``, grouped by kind."""
    counts = {aid: len(actor_events(aid, data)) for aid in data.actors}
    title = words("actor.all", lang)
    parts = [
        front_matter(title, words("actor.index_description", lang)),
        f"# {title}\n\n",
        words("actor.index_intro", lang) + "\n\n",
    ]
    for kind, heading in KIND_HEADINGS.items():
        members = sorted(
            (aid for aid, a in data.actors.items() if a.kind == kind),
            key=lambda aid: record_title(data.actors[aid], "name", lang),
        )
        if not members:
            continue
        items = "".join(
            f"<li><a href='{aid}/'>{_name(aid, data, lang)}</a> "
            "<span class='dr-count'>("
            + (
                f"{counts[aid]} events"
                if lang == DEFAULT_LANGUAGE
                else counted(counts[aid], "count.events", lang)
            )
            + ")</span></li>"
            for aid in members
        )
        shown = heading if lang == DEFAULT_LANGUAGE else words(f"actor.kinds.{kind}", lang)
        parts.append(f"## {shown}\n\n<ul class='dr-actor-list'>{items}</ul>\n\n")
    return "".join(parts)


def render_all(data: Dataset, lang: Language = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every actor page and the index in ``lang``, keyed by docs path."""
    files = {f"{ACTORS_DIR}/index.md": actors_index(data, lang)}
    for actor_id in sorted(data.actors):
        files[f"{ACTORS_DIR}/{actor_id}.md"] = actor_page(actor_id, data, lang)
    return files
