"""Country and actor pages: one per actor, and an index grouped by kind.

Each page gathers, from the events alone, what a reader wants to know about
one actor: the events it took part in, the drone systems in those events and
those built in its country, and the other actors it appears with. Relations
are derived from shared events, never asserted separately, so they stay in
step with the record.
"""

from __future__ import annotations

from builder.html.held_html import hold
from builder.html.sanitize import markdown_html, text
from builder.html.search import unindexed_heading
from builder.pages.common import ROOT_FROM_PAGE, STATUS_LABELS, front_matter
from builder.record import dates
from builder.record.countries import country_name
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


def _event_link(eid: str, data: Dataset) -> str:
    return f"<a href='{ROOT_FROM_PAGE}events/{eid}/'>{text(data.events[eid].title)}</a>"


def _system_link(sid: str, data: Dataset) -> str:
    return f"<a href='{ROOT_FROM_PAGE}reference/drones/#{sid}'>{text(data.systems[sid].name)}</a>"


def _role(actor_id: str, eid: str, data: Dataset) -> str:
    ev = data.events[eid]
    if actor_id in ev.claimed_by:
        return "makes the claim"
    if actor_id in ev.denied_by:
        return "rejects the claim"
    return ""


def actor_page(actor_id: str, data: Dataset) -> str:
    """The Markdown of one actor's page."""
    actor = data.actors[actor_id]
    events = actor_events(actor_id, data)
    where = f" · {text(country_name(actor.country))}" if actor.country else ""
    parts = [
        front_matter(actor.name, actor.summary or f"{actor.name} in the drone race record."),
        f'<h1 class="dr-actor-title">{text(actor.name)}</h1>\n\n',
        f"<p class='dr-kind'>{KIND_LABELS[actor.kind]}{where} · {len(events)} events</p>\n\n",
    ]
    if actor.summary:
        parts.append(hold('<div class="dr-summary">' + markdown_html(actor.summary) + "</div>"))
    roles = {e: _role(actor_id, e, data) for e in events}
    show_role = any(roles.values())  # a Role column only when the actor claims or denies
    rows = "".join(
        f"<tr><td><time datetime='{data.events[e].date}'>{dates.display(data.events[e].date)}"
        f"</time></td><td>{_event_link(e, data)}</td>"
        f"<td><span class='dr-status dr-status-{data.events[e].status}' "
        f"title='{STATUS_LABELS[data.events[e].status]}'>{data.events[e].status}</span></td>"
        + (f"<td>{roles[e]}</td>" if show_role else "")
        + "</tr>"
        for e in events
    )
    role_header = "<th scope='col'>Role</th>" if show_role else ""
    parts.append(unindexed_heading("Events"))
    parts.append(
        hold(
            "<table class='dr-actor-events'><thead><tr><th scope='col'>Date</th>"
            "<th scope='col'>Event</th><th scope='col'>Status</th>"
            f"{role_header}</tr></thead><tbody>{rows}</tbody></table>",
            indexed=False,
        )
        if rows
        else "<p>No event in the record names this actor yet.</p>\n\n"
    )
    in_events, made = actor_systems(actor_id, data)
    parts.append("## Drones\n\n")
    if not (in_events or made):
        parts.append("<p>No drone system is tied to this actor in the record.</p>\n\n")
    if made:
        links = ", ".join(_system_link(s, data) for s in made)
        parts.append(f"<p>Made in {text(country_name(actor.country or ''))}: {links}.</p>\n\n")
    if in_events:
        links = ", ".join(_system_link(s, data) for s in in_events)
        parts.append(f"<p>In its events: {links}.</p>\n\n")
    parts.append(unindexed_heading("Relations"))
    related = related_actors(actor_id, data)
    if related:
        items = "".join(
            f"<li><a href='../{other}/'>{text(data.actors[other].name)}</a>: "
            f"{len(shared)} shared event{'s' if len(shared) != 1 else ''} ("
            + ", ".join(_event_link(e, data) for e in shared)
            + ")</li>"
            for other, shared in related
        )
        parts.append(
            "<p>Actors that appear in the same events, most often first.</p>\n\n"
            + hold(f"<ul class='dr-relations'>{items}</ul>", indexed=False)
        )
    else:
        parts.append("<p>No other actor shares an event with this one.</p>\n\n")
    parts.append("<p><a href='../'>All countries and actors</a></p>\n")
    return "".join(parts)


def actors_index(data: Dataset) -> str:
    """The Markdown of the countries-and-actors index, grouped by kind."""
    counts = {aid: len(actor_events(aid, data)) for aid in data.actors}
    parts = [
        front_matter(
            "Countries and actors",
            "The states, armed groups and organisations in the drone race record, "
            "each with its events, its drones and its relations.",
        ),
        "# Countries and actors\n\n",
        "Every state, armed group, organisation and person named in the record. "
        "Each page lists the actor's events, the drones tied to it and the actors it "
        "appears with.\n\n",
    ]
    for kind, heading in KIND_HEADINGS.items():
        members = sorted(
            (aid for aid, a in data.actors.items() if a.kind == kind),
            key=lambda aid: data.actors[aid].name,
        )
        if not members:
            continue
        items = "".join(
            f"<li><a href='{aid}/'>{text(data.actors[aid].name)}</a> "
            f"<span class='dr-count'>({counts[aid]} events)</span></li>"
            for aid in members
        )
        parts.append(f"## {heading}\n\n<ul class='dr-actor-list'>{items}</ul>\n\n")
    return "".join(parts)


def render_all(data: Dataset) -> dict[str, str]:
    """Every actor page and the index, keyed by docs path."""
    files = {f"{ACTORS_DIR}/index.md": actors_index(data)}
    for actor_id in sorted(data.actors):
        files[f"{ACTORS_DIR}/{actor_id}.md"] = actor_page(actor_id, data)
    return files
